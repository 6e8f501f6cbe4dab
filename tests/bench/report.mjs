// The report: targets from issues 3 and 6 checked against the figures, printed as a table, written as JSON.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** [key, target text, test]: every figure with a target. */
export const TARGETS = [
  ['contentScriptBytes', '< 3 KiB (3,072 B)', (v) => v < 3072],
  ['callPageSettleScriptMs', '≤ 5 ms over no extension', (v) => v <= 5],
  ['callPageIdleScriptMsPer30s', '0 ms', (v) => v <= 0.05],
  ['panelReadyMs', '< 100 ms', (v) => v < 100],
  ['lookupOpenCommitmentsMedianMs', 'median ≤ 5 ms', (v) => v <= 5],
  ['searchMedianMs', 'median ≤ 30 ms', (v) => v <= 30],
  ['autosaveMedianMs', 'median ≤ 10 ms', (v) => v <= 10],
  ['prepareMedianMs', 'median ≤ 50 ms', (v) => v <= 50],
  ['engagementViewMedianMs', '≤ 100 ms', (v) => v <= 100],
  ['dueThisWeekMedianMs', 'median ≤ 50 ms', (v) => v <= 50],
  // Issue 13, on the full record (`--only backup`).
  ['restoreMs', '≤ 5 s', (v) => v <= 5000],
  ['backupExportMs', '≤ 2 s', (v) => v <= 2000],
  ['backupBytes', '≤ 10 MB', (v) => v <= 10 * 1024 * 1024],
  ['searchColdAfterStopMs', '≤ 300 ms', (v) => v <= 300],
  ['panelReadyWorkerStoppedMs', '≤ 150 ms', (v) => v <= 150],
  // Issue 12, with the lock on, on the full record (`--only lock`).
  ['unlockToPanelMs', '≤ 1.5 s (KDF included)', (v) => v <= 1500],
  ['lockOnAutosaveMedianMs', 'median ≤ 10 ms', (v) => v <= 10],
  ['lockOnLookupOpenCommitmentsMedianMs', 'median ≤ 5 ms', (v) => v <= 5],
  ['lockOnSearchMedianMs', 'median ≤ 30 ms', (v) => v <= 30],
];

/** Rows of the printed table, in reading order: [key, unit]. Keys without a target print "—". */
const ROWS = [
  ['contentScriptBytes', 'B'],
  ['contentScriptGzipBytes', 'B'],
  ['contentScriptHoldspaceBytes', 'B'],
  ['contentScriptWxtRuntimeBytes', 'B'],
  ['overlayBundleBytes', 'B'],
  ['overlayBundleGzipBytes', 'B'],
  ['sidepanelBundleBytes', 'B'],
  ['sidepanelBundleGzipBytes', 'B'],
  ['backgroundBundleBytes', 'B'],
  ['backgroundBundleGzipBytes', 'B'],
  ['overlayMountMs', 'ms'],
  ['callPageSettleScriptMs', 'ms'],
  ['callPageSettlePageScriptMs', 'ms'],
  ['callPageSettleFrameScriptMs', 'ms'],
  ['callPageSettleColdScriptMs', 'ms'],
  ['callPageIdleScriptMsPer30s', 'ms'],
  ['callPageIdleTaskMsPer30s', 'ms'],
  ['callPageIdleScriptMsPer30sTimerRunning', 'ms'],
  ['panelReadyMs', 'ms'],
  ['panelReadyWorkerStoppedMs', 'ms'],
  ['lookupOpenCommitmentsMedianMs', 'ms'],
  ['lookupOpenCommitmentsP95Ms', 'ms'],
  ['lookupOpenCommitmentsDirectMedianMs', 'ms'],
  ['clientHistoryMedianMs', 'ms'],
  ['clientHistoryP95Ms', 'ms'],
  ['clientHistoryDirectMedianMs', 'ms'],
  ['searchMedianMs', 'ms'],
  ['searchPrefixMedianMs', 'ms'],
  ['searchPrefixP95Ms', 'ms'],
  ['searchTypoMedianMs', 'ms'],
  ['searchTypoP95Ms', 'ms'],
  ['searchPrefixDirectMedianMs', 'ms'],
  ['searchTypoDirectMedianMs', 'ms'],
  ['workerColdCallMs', 'ms'],
  ['searchColdMs', 'ms'],
  ['searchIndexBuildMs', 'ms'],
  ['activeSessionMedianMs', 'ms'],
  ['activeSessionP95Ms', 'ms'],
  ['activeSessionDirectMedianMs', 'ms'],
  ['autosaveMedianMs', 'ms'],
  ['autosaveP95Ms', 'ms'],
  ['autosaveDirectMedianMs', 'ms'],
  ['seedDirectMs', 'ms'],
  ['seedApiMessagingPerWriteMs', 'ms'],
  ['seedApiDirectPerWriteMs', 'ms'],
  ['databaseBytes', 'B'],
  ['summaryExportMs', 'ms'],
  ['backupExportMs', 'ms'],
  ['backupBytes', 'B'],
  ['restoreMs', 'ms'],
  ['restoreBytes', 'B'],
  ['restoreFloorMs', 'ms'],
  ['exportReadFloorMs', 'ms'],
  ['panelFirstScriptWorkerStoppedMs', 'ms'],
  ['searchColdAfterStopMs', 'ms'],
  ['timerDriftMs', 'ms'],
  ['timerDriftHiddenMs', 'ms'],
  ['keystrokeApiCalls', 'calls'],
  ['keystrokeWorkerBusyMs', 'ms'],
  ['keystrokeWorkerHandlerMs', 'ms'],
  ['keystrokeWorkerScriptMs', 'ms'],
  ['keystrokeSettledMs', 'ms'],
  ['keystrokeSaveToSettledMs', 'ms'],
  ['keystrokeViewsTaskMs', 'ms'],
  ['tabSwitchApiCalls', 'calls'],
  ['prepareMedianMs', 'ms'],
  ['prepareP95Ms', 'ms'],
  ['prepareDirectMedianMs', 'ms'],
  ['engagementViewMedianMs', 'ms'],
  ['engagementViewP95Ms', 'ms'],
  ['engagementViewDirectMedianMs', 'ms'],
  ['dueThisWeekMedianMs', 'ms'],
  ['dueThisWeekP95Ms', 'ms'],
  ['dueThisWeekDirectMedianMs', 'ms'],
  ['dueListReadyMs', 'ms'],
  ['turnOnLockMs', 'ms'],
  ['unlockToPanelMs', 'ms'],
  ['lockOffAutosaveMedianMs', 'ms'],
  ['lockOnAutosaveMedianMs', 'ms'],
  ['lockOffLookupOpenCommitmentsMedianMs', 'ms'],
  ['lockOnLookupOpenCommitmentsMedianMs', 'ms'],
  ['lockOffLookupOpenCommitmentsDirectMedianMs', 'ms'],
  ['lockOnLookupOpenCommitmentsDirectMedianMs', 'ms'],
  ['lockOnAtOnceLookupOpenCommitmentsMedianMs', 'ms'],
  ['lockOffSearchMedianMs', 'ms'],
  ['lockOnSearchMedianMs', 'ms'],
  ['lockOffPanelReadyMs', 'ms'],
  ['lockOnPanelReadyMs', 'ms'],
  ['lockOnFirstSearchMs', 'ms'],
  ['lockOnFirstSearchAfterUnlockMs', 'ms'],
];

export function checkTargets(report) {
  return TARGETS.map(([key, target, test]) => {
    const value = report[key];
    return { key, target, measured: value ?? null, result: typeof value === 'number' ? (test(value) ? 'PASS' : 'MISS') : 'n/a' };
  });
}

const fmt = (v) =>
  v === null || v === undefined ? '—' : typeof v === 'number' ? v.toLocaleString('en-US', { maximumFractionDigits: 2 }) : String(v);

/** The table as lines of fixed-width text. */
export function table(report) {
  const checks = new Map(checkTargets(report).map((c) => [c.key, c]));
  const rows = ROWS.filter(([key]) => key in report).map(([key, unit]) => {
    const c = checks.get(key);
    return [key, `${fmt(report[key])} ${unit}`, c?.target ?? '—', c?.result ?? ''];
  });
  const head = ['figure', 'measured', 'target', ''];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r) =>
    r
      .map((c, i) => (i === 1 ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
}

const counts = (byMethod) =>
  Object.entries(byMethod)
    .map(([m, n]) => `${m} ${fmt(n)}`)
    .join(', ') || 'none';
const perView = (byView) => Object.entries(byView).map(([view, byMethod]) => `  ${view}: ${counts(byMethod)}`);

/** Lines under the table: the API calls of one keystroke and one tab switch, by view and method (medians). */
export function breakdown(report) {
  const k = report.keystroke;
  if (!k) return [];
  return [
    '',
    `API calls per contract keystroke (${k.sessionItems.toLocaleString('en-US')}-item session, overlay + side panel open; median of ${k.keystrokes}), by view:`,
    ...perView(k.callsByView),
    `Store time per method for one keystroke (ms, median; both views' calls added, overlapping): ${counts(k.handlerMsByMethod)}`,
    `API calls per tab switch in the overlay (median of ${k.tabSwitch.runs.length}), by view:`,
    ...perView(k.tabSwitch.callsByView),
  ];
}

export function writeReport(path, report) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(report, null, 2) + '\n');
}

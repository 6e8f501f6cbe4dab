// `node tests/bench/readme.mjs`: writes the figures of .output/bench/report.json into README.md's
// "Performance" section, between its figure markers (the prose around them is kept). Creates the section at
// the end of the README when it is missing.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkTargets } from './report.mjs';

const START = '<!-- bench-figures:start -->';
const END = '<!-- bench-figures:end -->';

const kb = (b) => (b === null || b === undefined ? '—' : `${(b / 1024).toFixed(b < 10_240 ? 2 : 1)} KiB`);
const mb = (b) => (b === null || b === undefined ? '—' : `${(b / 1024 / 1024).toFixed(1)} MiB`);
const ms = (v) => (v === null || v === undefined ? '—' : `${v < 10 ? v.toFixed(1) : Math.round(v).toLocaleString('en-US')} ms`);
const pair = (a, b, f = ms) => `${f(a)} / ${f(b)}`;

/** [area, label, (report) => measured text, key whose target applies] */
const ROWS = [
  [
    'Call page',
    'Content script, minified / gzipped',
    (r) => pair(r.contentScriptBytes, r.contentScriptGzipBytes, kb),
    'contentScriptBytes',
  ],
  [
    'Call page',
    '… of which Holdspace / WXT runtime (minified)',
    (r) => pair(r.contentScriptHoldspaceBytes, r.contentScriptWxtRuntimeBytes, kb),
  ],
  ['Call page', 'Overlay mounted: page DOMContentLoaded → "Client" control ready', (r) => ms(r.overlayMountMs)],
  [
    'Call page',
    'Extension script during load + 5 s, over no extension (call page + overlay frame)',
    (r) => `${ms(r.callPageSettleScriptMs)} (${ms(r.callPageSettlePageScriptMs)} + ${ms(r.callPageSettleFrameScriptMs)})`,
    'callPageSettleScriptMs',
  ],
  ['Call page', '… first load after install (cold code cache)', (r) => ms(r.callPageSettleColdScriptMs)],
  ['Call page', 'Extension script per idle 30 s, no session', (r) => ms(r.callPageIdleScriptMsPer30s), 'callPageIdleScriptMsPer30s'],
  ['Call page', 'Extension main-thread tasks per idle 30 s, no session', (r) => ms(r.callPageIdleTaskMsPer30s)],
  [
    'Call page',
    'Extension script / tasks per 30 s, timer running',
    (r) => pair(r.callPageIdleScriptMsPer30sTimerRunning, r.callPageIdleTaskMsPer30sTimerRunning),
  ],
  ['Views', 'Side panel ready (200 clients): navigation → "Client" control ready', (r) => ms(r.panelReadyMs), 'panelReadyMs'],
  ['Views', '… the same, opened while the worker was stopped (MV3 idle)', (r) => ms(r.panelReadyWorkerStoppedMs)],
  [
    'Views',
    "… its floor: navigation → the page's first script, before any Holdspace code (a new renderer process)",
    (r) => ms(r.panelFirstScriptWorkerStoppedMs),
  ],
  ['Views', 'Overlay page JS + CSS, minified / gzipped', (r) => pair(r.overlayBundleBytes, r.overlayBundleGzipBytes, kb)],
  ['Views', 'Side panel page JS + CSS, minified / gzipped', (r) => pair(r.sidepanelBundleBytes, r.sidepanelBundleGzipBytes, kb)],
  ['Views', 'Background worker, minified / gzipped', (r) => pair(r.backgroundBundleBytes, r.backgroundBundleGzipBytes, kb)],
  [
    'Views',
    'One contract keystroke, overlay + side panel open, 5,000-item session: API calls / worker busy / both views settled',
    (r) => `${r.keystrokeApiCalls ?? '—'} / ${ms(r.keystrokeWorkerBusyMs)} / ${ms(r.keystrokeSettledMs)}`,
  ],
  ['Views', 'One tab switch in the overlay, both views open: API calls', (r) => String(r.tabSwitchApiCalls ?? '—')],
  [
    'Data',
    "A client's open commitments, median / p95",
    (r) => pair(r.lookupOpenCommitmentsMedianMs, r.lookupOpenCommitmentsP95Ms),
    'lookupOpenCommitmentsMedianMs',
  ],
  ['Data', "A client's session history, median / p95", (r) => pair(r.clientHistoryMedianMs, r.clientHistoryP95Ms)],
  ['Data', 'Search as you type, 3-letter prefix, median / p95', (r) => pair(r.searchPrefixMedianMs, r.searchPrefixP95Ms), 'searchMedianMs'],
  ['Data', 'Search with a typo, median / p95', (r) => pair(r.searchTypoMedianMs, r.searchTypoP95Ms), 'searchMedianMs'],
  ['Data', 'First call after the worker stopped (worker start, database open)', (r) => ms(r.workerColdCallMs)],
  ['Data', 'First search after that (the index as this run left it; its results not checked)', (r) => ms(r.searchColdMs)],
  // Issue 13, from `--only backup` (.output/bench/report-backup.json): the index saved with the record in it.
  [
    'Data',
    'First search after a worker stop, the whole record indexed (at least one result), median of 3',
    (r) => ms(r.searchColdAfterStopMs),
    'searchColdAfterStopMs',
  ],
  ['Data', 'Open the active session, median / p95', (r) => pair(r.activeSessionMedianMs, r.activeSessionP95Ms)],
  ['Data', 'Autosave of one contract field, median / p95', (r) => pair(r.autosaveMedianMs, r.autosaveP95Ms), 'autosaveMedianMs'],
  ['Data', 'Seeding the record directly (bulk, one transaction per client)', (r) => ms(r.seedDirectMs)],
  [
    'Data',
    'One write through the API: via messaging / in the worker',
    (r) => pair(r.seedApiMessagingPerWriteMs, r.seedApiDirectPerWriteMs),
  ],
  ['Data', 'Database size (IndexedDB usage)', (r) => mb(r.databaseBytes)],
  ['Exports', 'Session summary → Markdown + calendar file', (r) => ms(r.summaryExportMs)],
  ['Exports', 'Backup export of the whole record (file size)', (r) => `${ms(r.backupExportMs)} (${mb(r.backupBytes)})`],
  ['Exports', '… its floor: the same cursors over the record, nothing done per record', (r) => ms(r.exportReadFloorMs)],
  ['Exports', 'Restore (replace) from a backup (file size)', (r) => `${ms(r.restoreMs)} (${mb(r.restoreBytes)})`],
  ['Exports', '… its floor: a raw bulk put of the same records, no index', (r) => ms(r.restoreFloorMs)],
  ['Timer', 'Shown vs wall clock, 10 min in, after hidden + throttled / while hidden', (r) => pair(r.timerDriftMs, r.timerDriftHiddenMs)],
  // Issue 11, from `--only engagement` (.output/bench/report-engagement.json) when the full report lacks them.
  [
    'Engagement',
    'Prepare card data for a picked client (50 sessions), median / p95',
    (r) => pair(r.prepareMedianMs, r.prepareP95Ms),
    'prepareMedianMs',
  ],
  [
    'Engagement',
    'Engagement view with the chart figures and report model, 50-session client, median / p95',
    (r) => pair(r.engagementViewMedianMs, r.engagementViewP95Ms),
    'engagementViewMedianMs',
  ],
  [
    'Engagement',
    'Due this week across all clients, median / p95',
    (r) => pair(r.dueThisWeekMedianMs, r.dueThisWeekP95Ms),
    'dueThisWeekMedianMs',
  ],
  ['Engagement', '"Due this week" in the side panel: press → cards on screen (median of 5)', (r) => ms(r.dueListReadyMs)],
  // Issue 12, from `--only lock` (.output/bench/report-lock.json): lock on, beside the same figure lock off.
  ['Lock', 'Turning the lock on for the whole record (every record encrypted in place)', (r) => ms(r.turnOnLockMs)],
  [
    'Lock',
    'Locked side panel: "Unlock" pressed → "Client" control ready (PBKDF2 included)',
    (r) => ms(r.unlockToPanelMs),
    'unlockToPanelMs',
  ],
  [
    'Lock',
    'Autosave of one contract field, median, lock on / off',
    (r) => pair(r.lockOnAutosaveMedianMs, r.lockOffAutosaveMedianMs),
    'lockOnAutosaveMedianMs',
  ],
  [
    'Lock',
    "A client's open commitments, median, lock on / off",
    (r) => pair(r.lockOnLookupOpenCommitmentsMedianMs, r.lockOffLookupOpenCommitmentsMedianMs),
    'lockOnLookupOpenCommitmentsMedianMs',
  ],
  [
    'Lock',
    '… lock on, right after turning the lock on (the rewritten record not yet settled), median / p95',
    (r) => `${ms(r.lockOnAtOnceLookupOpenCommitmentsMedianMs)} / ${ms(r.lockOnAtOnceLookupOpenCommitmentsP95Ms)}`,
  ],
  [
    'Lock',
    'Search (prefix and typo, the slower median), lock on / off',
    (r) => pair(r.lockOnSearchMedianMs, r.lockOffSearchMedianMs),
    'lockOnSearchMedianMs',
  ],
  ['Lock', 'Side panel ready while unlocked, lock on / off', (r) => pair(r.lockOnPanelReadyMs, r.lockOffPanelReadyMs)],
  ['Lock', 'First search after an unlock (the sealed index loaded)', (r) => ms(r.lockOnFirstSearchAfterUnlockMs)],
];

export function figuresMarkdown(r) {
  const checks = new Map(checkTargets(r).map((c) => [c.key, c]));
  const m = r.machine;
  const lines = [
    `Measured ${r.generatedAt.slice(0, 10)} by \`npm run bench\`${r.quick ? ' --quick (small record)' : ''} on ${m.cores} cores (${m.cpu}), ` +
      `${m.memoryGiB} GiB RAM, ${m.chromium.replace('Chrome/', 'Chromium ')} headless, Node ${m.node}, ${m.platform}; ` +
      `load average ${m.loadAverageAtStart[0]} at the start. Record: ${r.scale.clients} clients × ${r.scale.sessionsPerClient} sessions × ` +
      `${r.scale.commitmentsPerSession} commitments = ${r.scale.commitments.toLocaleString('en-US')} commitments (+ one note per session). ` +
      'Data figures are through runtime messaging from an extension page, the path the views use.',
    '',
    '| Area | Figure | Measured | Target | |',
    '|---|---|---|---|---|',
  ];
  for (const [area, label, value, key] of ROWS) {
    const c = key ? checks.get(key) : null;
    lines.push(`| ${area} | ${label} | ${value(r)} | ${c ? c.target : ''} | ${c ? c.result : ''} |`);
  }
  return lines.join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === resolve('tests/bench/readme.mjs')) {
  const report = JSON.parse(readFileSync(resolve('.output/bench/report.json'), 'utf8'));
  // Figures measured alone (`--only engagement`, `--only lock`, `--only backup`) fill in what the full report does not carry.
  for (const name of ['engagement', 'lock', 'backup']) {
    const aloneReport = resolve(`.output/bench/report-${name}.json`);
    if (!existsSync(aloneReport)) continue;
    const alone = JSON.parse(readFileSync(aloneReport, 'utf8'));
    for (const [key, value] of Object.entries(alone)) if (typeof value === 'number' && !(key in report)) report[key] = value;
  }
  const path = resolve('README.md');
  let text = readFileSync(path, 'utf8');
  const block = `${START}\n${figuresMarkdown(report)}\n${END}`;
  if (text.includes(START) && text.includes(END)) {
    text = text.slice(0, text.indexOf(START)) + block + text.slice(text.indexOf(END) + END.length);
  } else {
    text = `${text.trimEnd()}\n\n## Performance\n\n${block}\n`;
  }
  writeFileSync(path, text);
  console.log('README.md: Performance figures written.');
}

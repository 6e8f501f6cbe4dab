// `npm run bench` (after `wxt build` and `wxt build --mode bench`): the performance figures of issues 3, 6
// and 9, printed as JSON and as a table, written to .output/bench/report.json. `--quick` runs a small record
// and shorter idle windows, for iteration. `--only keystroke` runs only the keystroke measurement (issue 9)
// and writes .output/bench/report-keystroke.json; `--only engagement` runs only issue 11's (prepare, engagement,
// due this week) on the full record and writes .output/bench/report-engagement.json; `--only lock` runs issue 12's
// (the lock turned on for the full record, then unlock, autosave, lookups and search with it on, beside the same
// figures with it off) and writes .output/bench/report-lock.json. See README "Performance" for what each figure means.
import { cpus, loadavg, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { startFixtureServer } from '../fixtures/server.mjs';
import { launchChromium } from './cdp.mjs';
import { attachWorker, benchWorker, evaluate, inWorker, openApiPage, sleep } from './extension.mjs';
import { buildKit } from './kit.mjs';
import { assertNoBenchHook, buildSizes } from './sizes.mjs';
import * as data from './data-layer.mjs';
import { overlayMount, panelReady } from './views.mjs';
import { idle, per30s, settle } from './call-page.mjs';
import { timerDrift } from './timer-drift.mjs';
import { keystrokeCost } from './keystroke.mjs';
import { backupFigures } from './backup.mjs';
import { contentScriptTrace } from './trace.mjs';
import { engagementFigures, shapeEngagements } from './engagement.mjs';
import { lockFigures } from './lock.mjs';
import { breakdown, checkTargets, table, writeReport } from './report.mjs';
import { round } from './stats.mjs';

const quick = process.argv.includes('--quick');
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : null;
const ONLY = ['keystroke', 'engagement', 'backup', 'lock'];
if (only !== null && !ONLY.includes(only)) throw new Error(`--only takes ${ONLY.map((o) => `"${o}"`).join(' or ')} (got ${only})`);
const PORT = Number(process.env.HS_FIXTURE_PORT ?? 8453);
const PROD_DIR = resolve('.output/chrome-mv3');
// HS_BENCH_DIR: a bench build elsewhere (a copy kept aside, so that rebuilding meanwhile cannot change it mid-run).
const BENCH_DIR = resolve(process.env.HS_BENCH_DIR ?? '.output/chrome-mv3-bench');
const REPORT = resolve(only ? `.output/bench/report-${only}.json` : '.output/bench/report.json');
const scale = { clients: quick ? 20 : 200, sessionsPerClient: 50, commitmentsPerSession: 10, notesPerSession: 1, now: Date.now() };
const slice = { ...scale, clients: quick ? 1 : 2, sessionsPerClient: quick ? 10 : 50 };
const samples = quick ? 30 : 100;
const runs = quick ? 3 : 5;
const settleRuns = quick ? 3 : 5;
const idleMs = quick ? 20_000 : 60_000;
const hiddenMs = quick ? 10_000 : 20_000;
const hideRounds = quick ? 1 : 3;
// Issue 9: a running session with 5,000 captured items, the overlay and the wide side panel open.
const keystrokeOptions = { items: 5_000, keystrokes: quick ? 10 : 20, switches: quick ? 3 : 5 };

const started = Date.now();
const loadAtStart = loadavg().map((v) => round(v));
const log = (msg) => console.error(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${msg}`);
const machine = () => ({
  cores: cpus().length,
  cpu: cpus()[0]?.model ?? null,
  memoryBytes: totalmem(),
  memoryGiB: round(totalmem() / 2 ** 30, 1),
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
  // Other work on the machine skews timings: the 1/5/15-minute load averages when the bench began and ended.
  loadAverageAtStart: loadAtStart,
  loadAverageAtEnd: loadavg().map((v) => round(v)),
});
const keystroke = () => {
  log('keystroke: its own Chromium (fresh profile), the bench build…');
  return keystrokeCost({ extensionDir: BENCH_DIR, fixturePort: PORT, ...keystrokeOptions, log });
};
const flat = (prefix, s) => ({
  [`${prefix}MedianMs`]: s.messaging.median,
  [`${prefix}P95Ms`]: s.messaging.p95,
  [`${prefix}DirectMedianMs`]: s.direct.median,
  [`${prefix}DirectP95Ms`]: s.direct.p95,
});

if (only === 'keystroke') {
  const server = await startFixtureServer({ port: PORT });
  try {
    const figures = await keystroke();
    finish({
      generatedAt: new Date().toISOString(),
      quick,
      only,
      machine: { ...machine(), chromium: figures.keystroke.chromium },
      ...figures,
      benchSeconds: Math.round((Date.now() - started) / 1000),
    });
  } finally {
    await server.close();
  }
  process.exit(0);
}

if (only === 'engagement') {
  const kit = await buildKit();
  const server = await startFixtureServer({ port: PORT });
  const chromium = await launchChromium({ extensionDir: BENCH_DIR, fixturePort: PORT });
  try {
    const worker = await benchWorker(chromium, BENCH_DIR);
    const page = await openApiPage(chromium, worker.extensionId, kit);
    log(
      `bulk seeding ${scale.clients} clients × ${scale.sessionsPerClient} sessions × ${scale.commitmentsPerSession} commitments directly…`,
    );
    const seeded = await inWorker(
      worker,
      `
      const db = await B.db();
      const commitments = await B.seedDirect(db, ${JSON.stringify(scale)});
      return { clients: await db.count('clients'), sessions: await db.count('sessions'), items: await db.count('items'), commitments };`,
    );
    await shapeEngagements({ worker, scale });
    const figures = await engagementFigures({ chromium, worker, page, scale, samples, runs, log });
    finish({
      generatedAt: new Date().toISOString(),
      quick,
      only,
      scale: { ...seeded, sessionsPerClient: scale.sessionsPerClient, commitmentsPerSession: scale.commitmentsPerSession },
      machine: { ...machine(), chromium: chromium.version.product },
      ...figures,
      benchSeconds: Math.round((Date.now() - started) / 1000),
    });
  } finally {
    await chromium.close();
    await server.close();
  }
  process.exit(0);
}

if (only === 'lock') {
  const kit = await buildKit();
  const server = await startFixtureServer({ port: PORT });
  const chromium = await launchChromium({ extensionDir: BENCH_DIR, fixturePort: PORT });
  try {
    const worker = await benchWorker(chromium, BENCH_DIR);
    const page = await openApiPage(chromium, worker.extensionId, kit);
    log(
      `bulk seeding ${scale.clients} clients × ${scale.sessionsPerClient} sessions × ${scale.commitmentsPerSession} commitments directly…`,
    );
    const { ms: seedDirectMs, ...seeded } = await data.seedBulk({ worker, scale });
    log(`seeded ${seeded.items} items in ${Math.round(seedDirectMs)} ms`);
    const figures = await lockFigures({ chromium, worker, page, scale, samples, runs: quick ? 2 : 5, log });
    finish({
      generatedAt: new Date().toISOString(),
      quick,
      only,
      scale: { ...seeded, sessionsPerClient: scale.sessionsPerClient, commitmentsPerSession: scale.commitmentsPerSession },
      machine: { ...machine(), chromium: chromium.version.product },
      ...figures,
      benchSeconds: Math.round((Date.now() - started) / 1000),
    });
  } finally {
    await chromium.close();
    await server.close();
  }
  process.exit(0);
}

if (only === 'backup') {
  // HS_BENCH_BEFORE_DIR: a bench build of an earlier commit (e.g. main before issue 13), measured first in
  // the same run, in a Chromium of its own, so the report shows before and after side by side.
  const beforeDir = process.env.HS_BENCH_BEFORE_DIR ? resolve(process.env.HS_BENCH_BEFORE_DIR) : null;
  const server = await startFixtureServer({ port: PORT });
  const kit = await buildKit();
  const measure = async (dir, label) => {
    const chromium = await launchChromium({ extensionDir: dir, fixturePort: PORT });
    try {
      const figures = await backupFigures({ chromium, kit, scale, log: (m) => log(`${label}: ${m}`) });
      return { ...figures, chromium: chromium.version.product, extensionDir: dir };
    } finally {
      await chromium.close();
    }
  };
  try {
    const before = beforeDir ? await measure(beforeDir, 'before') : null;
    const after = process.env.HS_BENCH_BEFORE_ONLY ? null : await measure(BENCH_DIR, 'this build');
    const main = after ?? before;
    finish({
      generatedAt: new Date().toISOString(),
      quick,
      only,
      machine: { ...machine(), chromium: main.chromium },
      scale,
      ...Object.fromEntries(Object.entries(main).filter(([, v]) => typeof v !== 'object')),
      after,
      before,
      benchSeconds: Math.round((Date.now() - started) / 1000),
    });
  } finally {
    await server.close();
  }
  process.exit(0);
}

const sizes = buildSizes(PROD_DIR);
const hookCheck = assertNoBenchHook(PROD_DIR);
log(`production build checked: no bench hook in ${hookCheck.scriptsChecked} scripts`);
const kit = await buildKit();
const server = await startFixtureServer({ port: PORT });
const chromium = await launchChromium({ extensionDir: BENCH_DIR, fixturePort: PORT });
const bare = await launchChromium({ extensionDir: null, fixturePort: PORT });
const report = {};
try {
  let worker = await attachWorker(chromium);
  if (!(await inWorker(worker, 'return Boolean(B && B.api && B.seedDirect)')))
    throw new Error(`${BENCH_DIR} is not a bench build (npx wxt build --mode bench)`);
  log('call page: first load after install (cold code cache, empty record)…');
  const cold = await settle(chromium, 1);
  let page = await openApiPage(chromium, worker.extensionId, kit);

  const seeded = await data.seed({ worker, page, kit, scale, slice, log });
  log(`seeded ${seeded.seeded.commitments} commitments in ${Math.round(seeded.seedDirectMs)} ms`);
  const q = await data.queries({ chromium, worker, page, scale, samples, log });
  worker = q.worker;
  delete q.worker;
  const summary = await data.summaryExport({ page, scale, samples: quick ? 10 : 30 });

  // Before a session: the picker with every client, on the panel and on the call. The API page closes
  // first: it shares the extension's renderer process with the overlay and the panel, and the garbage its
  // benchmark loops left would be collected during their measurements.
  await evaluate(page.session, `__hsKit.messagingApi().endSession({ sessionId: ${JSON.stringify(q.activeSessionId)} })`);
  await page.close();
  await sleep(3_000);
  log('side panel and overlay: time to the interactive "Client" control…');
  const panel = await panelReady({ chromium, extensionId: worker.extensionId, runs });
  const mount = await overlayMount({ chromium, runs });
  log('side panel opened while the worker is stopped…');
  const panelCold = await panelReady({ chromium, extensionId: worker.extensionId, runs: quick ? 1 : 3, stopWorkerFirst: true });
  worker = await attachWorker(chromium);
  await inWorker(worker, 'await B.api.warmSearch(); return true;'); // let the index the panel started finish

  log(`call page: load + 5 s, ${settleRuns} runs with and without the extension…`);
  const withExt = await settle(chromium, settleRuns);
  const contentTrace = await contentScriptTrace(chromium);
  const without = await settle(bare, settleRuns);
  log(`call page: ${idleMs / 1000} s idle, no session (and the same page without the extension at the same time)…`);
  const [idleExt, idleBare] = await Promise.all([idle(chromium, idleMs), idle(bare, idleMs)]);
  const session = await inWorker(
    worker,
    `
    const s = await B.api.startSession({ clientId: 'seed-c0' });
    await B.api.timer({ sessionId: s.value.id, action: { type: 'start' } });
    return s.value.id;`,
  );
  log(`call page: ${idleMs / 1000} s idle with the session timer running…`);
  const idleTimer = await idle(chromium, idleMs);
  log(`timer drift: ${hideRounds} × ${hiddenMs / 1000} s hidden and throttled…`);
  const drift = await timerDrift({ chromium, worker, sessionId: session, hiddenMs, rounds: hideRounds });
  await inWorker(worker, `await B.api.endSession({ sessionId: ${JSON.stringify(session)} }); return true;`);
  page = await openApiPage(chromium, worker.extensionId, kit);

  const backup = await data.backupAndRestore({ page, log });

  const idleExtra = per30s(
    {
      scriptMs: idleExt.pageScriptMs - idleBare.pageScriptMs + idleExt.frameScriptMs,
      taskMs: idleExt.pageTaskMs - idleBare.pageTaskMs + idleExt.frameTaskMs,
    },
    idleMs,
  );
  const idleTimerExtra = per30s(
    {
      scriptMs: idleTimer.pageScriptMs - idleBare.pageScriptMs + idleTimer.frameScriptMs,
      taskMs: idleTimer.pageTaskMs - idleBare.pageTaskMs + idleTimer.frameTaskMs,
    },
    idleMs,
  );
  const searchPrefix = q.searchPrefix.messaging,
    searchTypo = q.searchTypo.messaging;
  Object.assign(report, {
    generatedAt: new Date().toISOString(),
    quick,
    scale: {
      ...seeded.seeded,
      sessionsPerClient: scale.sessionsPerClient,
      commitmentsPerSession: scale.commitmentsPerSession,
      notesPerSession: scale.notesPerSession,
    },
    machine: { ...machine(), chromium: chromium.version.product },
    contentScriptBytes: sizes.contentScript.bytes,
    contentScriptGzipBytes: sizes.contentScript.gzipBytes,
    contentScriptHoldspaceBytes: sizes.contentScript.breakdown?.holdspace.bytes ?? null,
    contentScriptWxtRuntimeBytes: sizes.contentScript.breakdown?.wxtRuntime.bytes ?? null,
    contentScriptBreakdown: sizes.contentScript.breakdown,
    overlayBundleBytes: sizes.overlay.bytes,
    overlayBundleGzipBytes: sizes.overlay.gzipBytes,
    sidepanelBundleBytes: sizes.sidepanel.bytes,
    sidepanelBundleGzipBytes: sizes.sidepanel.gzipBytes,
    backgroundBundleBytes: sizes.background?.bytes ?? null,
    backgroundBundleGzipBytes: sizes.background?.gzipBytes ?? null,
    bundles: sizes,
    productionBuildHasNoBenchHook: true,
    overlayMountMs: mount.overlayMountMs,
    overlayMount: mount,
    callPageSettleScriptMs: round(withExt.pageScriptMs + withExt.frameScriptMs - without.pageScriptMs),
    callPageSettlePageScriptMs: round(withExt.pageScriptMs - without.pageScriptMs),
    callPageSettleFrameScriptMs: withExt.frameScriptMs,
    callPageSettleContentScriptTrace: contentTrace,
    callPageSettleColdScriptMs: round(cold.pageScriptMs + cold.frameScriptMs - without.pageScriptMs),
    callPageSettle: { withExtension: withExt, withoutExtension: without, firstLoadAfterInstall: cold, windowMs: 'load + 5000' },
    callPageIdleScriptMsPer30s: idleExtra.scriptMs,
    callPageIdleTaskMsPer30s: idleExtra.taskMs,
    callPageIdleScriptMsPer30sTimerRunning: idleTimerExtra.scriptMs,
    callPageIdleTaskMsPer30sTimerRunning: idleTimerExtra.taskMs,
    callPageIdle: { windowMs: idleMs, withExtension: idleExt, withoutExtension: idleBare, timerRunning: idleTimer },
    panelReadyMs: panel.panelReadyMs,
    panelReadyWorkerStoppedMs: panelCold.panelReadyMs,
    panelReady: { ...panel, workerStopped: panelCold },
    ...flat('lookupOpenCommitments', q.lookupOpenCommitments),
    ...flat('clientHistory', q.clientHistory),
    searchMedianMs: Math.max(searchPrefix.median, searchTypo.median),
    ...flat('searchPrefix', q.searchPrefix),
    ...flat('searchTypo', q.searchTypo),
    workerColdCallMs: q.workerColdCallMs,
    searchColdMs: q.searchColdMs,
    searchIndexBuildMs: q.searchIndexBuildMs,
    ...flat('activeSession', q.activeSession),
    ...flat('autosave', q.autosave),
    queries: { samplesEach: samples, prefixes: data.PREFIXES, typos: data.TYPOS, detail: q },
    seedDirectMs: seeded.seedDirectMs,
    seedApiMessagingPerWriteMs: seeded.seedApiSlice.messaging.perWriteMs,
    seedApiDirectPerWriteMs: seeded.seedApiSlice.direct.perWriteMs,
    seeding: seeded,
    databaseBytes: seeded.databaseBytes,
    summaryExportMs: summary.export.median,
    summaryExport: summary,
    backupExportMs: round(backup.exportMs),
    backupBytes: backup.fullBytes,
    restoreMs: backup.restoreMs === null ? null : round(backup.restoreMs),
    restoreBytes: backup.restoreBytes,
    restore: {
      previewMs: round(backup.previewMs),
      error: backup.error,
      note: 'The full backup was restored (format 2, through the views’ path).',
    },
    timerDriftMs: drift.timerDriftMs,
    timerDriftHiddenMs: drift.timerDriftHiddenMs,
    timerDrift: drift,
    benchSeconds: Math.round((Date.now() - started) / 1000),
  });
  report.targets = checkTargets(report);
} finally {
  await chromium.close();
  await bare.close();
}
// Issue 9, in a Chromium of its own once the others are closed (so nothing else runs beside it).
try {
  Object.assign(report, await keystroke());
} finally {
  await server.close();
}
report.machine.loadAverageAtEnd = loadavg().map((v) => round(v));
report.benchSeconds = Math.round((Date.now() - started) / 1000);
finish(report);
// A bounded CDP wait's timer or a closed browser's socket can keep Node's loop alive: the report is written.
process.exit(0);

/** Writes the report, prints its figures as JSON (the nested details are in the file), then the table. */
function finish(report) {
  writeReport(REPORT, report);
  console.log(
    JSON.stringify(
      Object.fromEntries(Object.entries(report).filter(([k, v]) => typeof v !== 'object' || v === null || k === 'machine')),
      null,
      2,
    ),
  );
  console.log('');
  for (const line of table(report)) console.log(line);
  for (const line of breakdown(report)) console.log(line);
  console.log(
    `\nMachine: ${report.machine.cores} cores (${report.machine.cpu}), ${report.machine.memoryGiB} GiB, ${report.machine.chromium}, Node ${report.machine.node}`,
  );
  console.log(`Report: ${REPORT}${quick ? ' (quick run: small record, short idle windows)' : ''}`);
}

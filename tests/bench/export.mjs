// `node tests/bench/export.mjs`: "Export backup" on the full bench record, alone, A/B-able and profilable
// (issue 13 item 3). Unlike `npm run bench -- --only backup` it keeps its profile between runs (seeding the
// full record takes minutes) and never stops the worker. The build is copied to one fixed folder first, so
// every build loaded from there has the same extension id and so the same IndexedDB.
//
//   node tests/bench/export.mjs --ext <bench build> [--profile <dir>] [--runs 5] [--cpuprofile <out prefix>]
//
// Prints JSON: the export times through the views' path (page: exportBackup + every page + the Blob), the
// worker's own time for exportBackup (called directly on the worker's API), the file size, and with
// --cpuprofile a CPU profile of the worker and of the page during one more export (written as
// <prefix>-worker.cpuprofile / <prefix>-page.cpuprofile, summarized by self time).
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchChromium } from './cdp.mjs';
import { benchWorker, evaluate, inWorker, openApiPage } from './extension.mjs';
import { buildKit } from './kit.mjs';
import { round, summarize } from './stats.mjs';
import { chromiumCpu, cpuSince } from './proc-cpu.mjs';

const arg = (name, fallback) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback);
const source = resolve(arg('--ext', '.output/chrome-mv3-bench'));
const profileDir = resolve(arg('--profile', join(tmpdir(), 'holdspace-export-profile')));
const runs = Number(arg('--runs', '5'));
const cpuPrefix = arg('--cpuprofile', null);
const PORT = Number(process.env.HS_FIXTURE_PORT ?? 8453);
const scale = {
  clients: Number(arg('--clients', '200')),
  sessionsPerClient: 50,
  commitmentsPerSession: 10,
  notesPerSession: 1,
  now: Date.now(),
};
const log = (m) => console.error(`[export] ${m}`);

// One fixed folder per profile: the same path gives the same extension id, so the seeded database is reused.
const extDir = `${profileDir}-ext`;
rmSync(extDir, { recursive: true, force: true });
cpSync(source, extDir, { recursive: true });
mkdirSync(profileDir, { recursive: true });
// Chromium keeps a registered service worker's script in the profile, even when the extension's files
// changed under the same path: dropping that copy makes it load the build just copied.
rmSync(join(profileDir, 'Default', 'Service Worker'), { recursive: true, force: true });

const kit = await buildKit();
const chromium = await launchChromium({ extensionDir: extDir, fixturePort: PORT, userDataDir: profileDir });
try {
  const worker = await benchWorker(chromium);
  const page = await openApiPage(chromium, worker.extensionId, kit);
  const counts = await inWorker(
    worker,
    `const db = await B.db(); return { items: await db.count('items'), sessions: await db.count('sessions') };`,
  );
  const expected = scale.clients * scale.sessionsPerClient;
  if (counts.sessions !== expected) {
    log(`seeding ${scale.clients} × ${scale.sessionsPerClient} × ${scale.commitmentsPerSession} (found ${counts.sessions} sessions)…`);
    await inWorker(
      worker,
      `const db = await B.db(); for (const s of ['clients','sessions','items']) await db.clear(s); await B.seedDirect(db, ${JSON.stringify(scale)}); return true;`,
    );
  }
  const seeded = await inWorker(
    worker,
    `const db = await B.db(); return { clients: await db.count('clients'), sessions: await db.count('sessions'), items: await db.count('items') };`,
  );
  log(`record: ${JSON.stringify(seeded)}`);

  // CPU time of every Chromium process during the call (Linux): the extension's worker and pages share one
  // process, IndexedDB's backend is in the browser process.
  const withCpu = async (work) => {
    const before = chromiumCpu(profileDir);
    const value = await work();
    return { ...value, cpu: cpuSince(before, chromiumCpu(profileDir)) };
  };
  const pageExport = () => withCpu(() => evaluate(page.session, `__hsKit.benchExport(__hsKit.messagingApi())`));
  const workerExport = () =>
    withCpu(() =>
      inWorker(
        worker,
        `const t = performance.now(); const r = await B.api.exportBackup({}); const ms = performance.now() - t;
       if (!r.ok) throw new Error(r.error.message); await B.api.endBackupTransfer({ transfer: r.value.transfer }); return { ms, bytes: r.value.bytes };`,
      ),
    );
  log('warm-up export…');
  await pageExport();
  const pageRuns = [];
  const workerRuns = [];
  for (let i = 0; i < runs; i++) {
    pageRuns.push(await pageExport());
    workerRuns.push(await workerExport());
    log(
      `run ${i + 1}: views' path ${Math.round(pageRuns[i].ms)} ms, worker alone ${Math.round(workerRuns[i].ms)} ms, ${pageRuns[i].bytes} B`,
    );
  }

  let profiles = null;
  if (cpuPrefix) {
    await worker.session.send('Profiler.enable');
    await page.session.send('Profiler.enable');
    await worker.session.send('Profiler.setSamplingInterval', { interval: 200 });
    await page.session.send('Profiler.setSamplingInterval', { interval: 200 });
    await worker.session.send('Profiler.start');
    await page.session.send('Profiler.start');
    const profiled = await pageExport();
    const { profile: workerProfile } = await worker.session.send('Profiler.stop');
    const { profile: pageProfile } = await page.session.send('Profiler.stop');
    writeFileSync(`${cpuPrefix}-worker.cpuprofile`, JSON.stringify(workerProfile));
    writeFileSync(`${cpuPrefix}-page.cpuprofile`, JSON.stringify(pageProfile));
    profiles = { profiledExportMs: round(profiled.ms), worker: selfTimes(workerProfile), page: selfTimes(pageProfile) };
  }
  await page.close();
  const ms = pageRuns.map((r) => r.ms);
  const wms = workerRuns.map((r) => r.ms);
  console.log(
    JSON.stringify(
      {
        build: source,
        loadAverage: loadavg().map((v) => round(v)),
        record: seeded,
        bytes: pageRuns[0]?.bytes,
        viewsPathMs: { median: round(summarize(ms).median), runs: ms.map((v) => round(v)) },
        viewsPathCpuMs: cpuMedians(pageRuns.map((r) => r.cpu)),
        workerMs: { median: round(summarize(wms).median), runs: wms.map((v) => round(v)) },
        workerCpuMs: cpuMedians(workerRuns.map((r) => r.cpu)),
        runs: { viewsPath: pageRuns, worker: workerRuns },
        profiles,
      },
      null,
      2,
    ),
  );
} finally {
  await chromium.close();
  if (!existsSync(profileDir)) log('profile gone');
}

/** The median CPU ms per kind of process over runs (null off Linux). */
function cpuMedians(list) {
  if (list.some((c) => !c)) return null;
  const kinds = new Set(list.flatMap((c) => Object.keys(c)));
  return Object.fromEntries([...kinds].map((k) => [k, round(summarize(list.map((c) => c[k] ?? 0)).median)]));
}

/** Self time per function (ms), the 25 largest, and the whole profile's span and idle share. */
function selfTimes(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const deltas = profile.timeDeltas;
  for (let i = 0; i < profile.samples.length; i++) {
    const node = byId.get(profile.samples[i]);
    const f = node.callFrame;
    const name =
      `${f.functionName || '(anonymous)'} ${f.url ? `${f.url.split('/').pop()}:${f.lineNumber + 1}:${f.columnNumber + 1}` : ''}`.trim();
    self.set(name, (self.get(name) ?? 0) + (deltas[i + 1] ?? 0) / 1000);
  }
  const spanMs = (profile.endTime - profile.startTime) / 1000;
  const top = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25);
  return { spanMs: round(spanMs), top: top.map(([name, ms]) => [name, round(ms)]) };
}

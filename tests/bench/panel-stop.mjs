// `node tests/bench/panel-stop.mjs <label>=<bench-build-dir> [<label>=<dir> …] [--rounds N] [--trace]`:
// the side panel opened while MV3 had stopped the worker (issue 13 item 4), for one or more bench builds
// measured in turns in the same minutes (so a busy machine slows each alike), on the full bench record.
// Each build keeps its seeded profile in .output/bench/panel-stop/<label> (HS_PANELSTOP_PROFILES moves it)
// and reuses it on the next run, so only the first run pays the seeding; keep a build's folder in one place
// between runs (the extension id, and so the database, follow its path). With --trace, one more load per
// build is traced (CDP Tracing, every process) and split into: the worker's script evaluation, its tasks
// until the panel's last first-screen answer, the panel's own script and the time it waited.
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { launchChromium, waitFor } from './cdp.mjs';
import { benchWorker, inWorker, openTab, sleep } from './extension.mjs';
import { panelReady } from './views.mjs';
import { median, round } from './stats.mjs';

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const builds = args
  .filter((a) => a.includes('=') && !a.startsWith('--'))
  .map((a) => {
    const [label, dir] = a.split('=');
    return { label, dir: resolve(dir) };
  });
if (!builds.length)
  throw new Error('usage: node tests/bench/panel-stop.mjs before=<bench build> after=<bench build> [--rounds N] [--trace]');
const rounds = Number(option('--rounds', 5));
// No call page is opened: the host map's port only has to be a number (no fixture server runs).
const PORT = Number(process.env.HS_FIXTURE_PORT ?? 8459);
const PROFILES = resolve(process.env.HS_PANELSTOP_PROFILES ?? '.output/bench/panel-stop');
const scale = { clients: 200, sessionsPerClient: 50, commitmentsPerSession: 10, notesPerSession: 1, now: Date.now() };
const log = (m) => console.error(`[panel-stop ${new Date().toISOString().slice(11, 19)}] ${m}`);

/** Chromium's id for an unpacked extension: the SHA-256 of its absolute path, in the letters a–p. */
export function unpackedExtensionId(dir) {
  const hex = createHash('sha256').update(dir).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

/** Opens the build's profile; seeds it on first use; leaves no session running and the index saved. */
async function open(build) {
  const userDataDir = `${PROFILES}/${build.label}`;
  mkdirSync(userDataDir, { recursive: true });
  const chromium = await launchChromium({ extensionDir: build.dir, fixturePort: PORT, userDataDir });
  const extensionId = unpackedExtensionId(build.dir);
  // A relaunched browser starts the worker only for an event: an extension page gives it one.
  const wake = await openTab(chromium, `chrome-extension://${extensionId}/sidepanel.html`);
  const worker = await benchWorker(chromium, build.dir);
  await wake.close();
  const items = await inWorker(worker, `return (await B.db()).count('items');`);
  if (items < scale.clients * scale.sessionsPerClient * scale.commitmentsPerSession) {
    log(`${build.label}: seeding ${scale.clients} × ${scale.sessionsPerClient} × ${scale.commitmentsPerSession}…`);
    await inWorker(worker, `const db = await B.db(); await B.seedDirect(db, ${JSON.stringify(scale)}); return true;`);
  }
  // The panel's "Client" picker shows only with no session running. The index is rebuilt (the seeder wrote
  // behind its back) and saved, as a coach's worker leaves it before MV3 stops it.
  const counts = await inWorker(
    worker,
    `const a = await B.api.activeSession({}); if (a.ok && a.value) await B.api.endSession({ sessionId: a.value.session.id });
     await B.api.rebuildSearch(); await B.api.saveSearchIndex();
     const db = await B.db(); return { clients: await db.count('clients'), sessions: await db.count('sessions'), items: await db.count('items') };`,
  );
  log(`${build.label}: ${JSON.stringify(counts)} (${extensionId})`);
  return { ...build, chromium, extensionId, counts, samples: [] };
}

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8',
  'v8.execute',
  'blink',
  'toplevel',
  'ServiceWorker',
  'IndexedDB',
  'extensions',
  '__metadata',
];

/** One panel load after a stop, traced; returns the trace's events and the page's marks. */
async function tracedLoad(b) {
  const events = [];
  const off = b.chromium.browser.on('Tracing.dataCollected', (p) => events.push(...p.value));
  const done = waitFor(b.chromium.browser, 'Tracing.tracingComplete', () => true, 120_000);
  await b.chromium.browser.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES }, transferMode: 'ReportEvents' });
  let result;
  try {
    result = await panelReady({ chromium: b.chromium, extensionId: b.extensionId, runs: 1, stopWorkerFirst: true });
    await sleep(500);
  } finally {
    await b.chromium.browser.send('Tracing.end');
    await done;
    off();
  }
  return { events, readyMs: result.panelReadyMs };
}

/** Threads by name, and the worker's and the panel's main threads' work by kind, in ms from navigation start. */
function split(events) {
  const names = new Map();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args.name);
  const complete = events.filter((e) => e.ph === 'X' && typeof e.dur === 'number').sort((a, b) => a.ts - b.ts);
  const url = (e) => String(e.args?.data?.url ?? e.args?.data?.scriptName ?? e.args?.fileName ?? e.args?.data?.frame ?? '');
  const nav = events.find((e) => e.name === 'navigationStart' && String(e.args?.data?.documentLoaderURL ?? '').includes('sidepanel.html'));
  const t0 = nav?.ts ?? complete[0]?.ts ?? 0;
  const workerEval = complete.find((e) => e.name === 'EvaluateScript' && url(e).includes('background.js'));
  const workerThread = workerEval ? `${workerEval.pid}:${workerEval.tid}` : null;
  const panelCompile = complete.find((e) => e.name === 'v8.compileModule' && url(e).includes('/chunks/sidepanel-'));
  const panelThreadOf = panelCompile ? `${panelCompile.pid}:${panelCompile.tid}` : null;
  const panelEval = complete.find((e) => e.name === 'v8.evaluateModule' && `${e.pid}:${e.tid}` === panelThreadOf && e.dur >= 20_000);
  const panelThread = panelThreadOf;
  const ms = (us) => round(us / 1000);
  const tasks = (thread) =>
    complete
      .filter((e) => `${e.pid}:${e.tid}` === thread && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask'))
      .map((e) => ({ at: ms(e.ts - t0), ms: ms(e.dur) }))
      .filter((t) => t.ms >= 1);
  const top = (thread, n = 25) =>
    complete
      .filter(
        (e) =>
          `${e.pid}:${e.tid}` === thread &&
          [
            'EvaluateScript',
            'FunctionCall',
            'v8.compile',
            'v8.run',
            'RunMicrotasks',
            'v8.evaluateModule',
            'TimerFire',
            'EventDispatch',
            'FireAnimationFrame',
            'ParseHTML',
            'UpdateLayoutTree',
            'Layout',
            'v8.gc',
            'MinorGC',
            'MajorGC',
            'V8.GCScavenger',
            'V8.GCFinalizeMC',
          ].includes(e.name),
      )
      .filter((e) => e.dur >= 2000)
      .slice(0, n)
      .map((e) => ({ name: e.name, at: ms(e.ts - t0), ms: ms(e.dur), what: url(e).split('/').pop() || e.args?.data?.functionName || '' }));
  const idb = complete
    .filter((e) => /IndexedDB|IDB/i.test(e.name) && e.dur >= 1000)
    .slice(0, 40)
    .map((e) => ({ name: e.name, at: ms(e.ts - t0), ms: ms(e.dur), thread: names.get(`${e.pid}:${e.tid}`) }));
  const sw = events
    .filter(
      (e) =>
        /ServiceWorker|ServiceWorkerVersion|StartWorker|EmbeddedWorker/i.test(e.name) &&
        (e.ph === 'X' || e.ph === 'b' || e.ph === 'e' || e.ph === 'B' || e.ph === 'E' || e.ph === 'n' || e.ph === 'I'),
    )
    .slice(0, 60)
    .map((e) => ({ name: e.name, ph: e.ph, at: ms(e.ts - t0), ms: e.dur ? ms(e.dur) : undefined, thread: names.get(`${e.pid}:${e.tid}`) }));
  return {
    workerThread: workerThread && names.get(workerThread),
    panelThread: panelThread && names.get(panelThread),
    workerEvaluate: workerEval && { at: ms(workerEval.ts - t0), ms: ms(workerEval.dur) },
    panelEvaluate: panelEval && { at: ms(panelEval.ts - t0), ms: ms(panelEval.dur) },
    workerTasks: workerThread ? tasks(workerThread) : [],
    panelTasks: panelThread ? tasks(panelThread) : [],
    workerTop: workerThread ? top(workerThread) : [],
    panelTop: panelThread ? top(panelThread) : [],
    indexedDb: idb,
    serviceWorker: sw,
  };
}

const opened = [];
try {
  for (const b of builds) opened.push(await open(b));
  log(
    `load average ${loadavg()
      .map((v) => round(v))
      .join(' ')}; ${rounds} rounds…`,
  );
  await sleep(3_000);
  for (let r = 0; r < rounds; r++) {
    for (const b of opened) {
      const p = await panelReady({ chromium: b.chromium, extensionId: b.extensionId, runs: 1, stopWorkerFirst: true });
      b.samples.push(p.runs[0]);
      log(
        `round ${r + 1} ${b.label}: ready ${round(p.runs[0].readyMs)} ms (first script ${p.runs[0].startMs} ms, first render ${round(p.runs[0].firstMs)} ms)`,
      );
    }
  }
  const out = { loadAverage: loadavg().map((v) => round(v)), rounds };
  for (const b of opened) {
    out[b.label] = {
      panelReadyWorkerStoppedMs: median(b.samples.map((s) => s.readyMs)),
      firstRenderMs: median(b.samples.map((s) => s.firstMs)),
      firstScriptMs: median(b.samples.map((s) => s.startMs)),
      runsMs: b.samples.map((s) => round(s.readyMs)),
      record: b.counts,
    };
  }
  if (flag('--trace')) {
    for (const b of opened) {
      const { events, readyMs } = await tracedLoad(b);
      out[b.label].trace = { readyMs, ...split(events) };
      if (process.env.HS_PANELSTOP_TRACE_FILE) {
        const { writeFileSync } = await import('node:fs');
        writeFileSync(`${process.env.HS_PANELSTOP_TRACE_FILE}-${b.label}.json`, JSON.stringify({ traceEvents: events }));
      }
    }
  }
  console.log(JSON.stringify(out, null, 2));
} finally {
  for (const b of opened) await b.chromium.close();
}

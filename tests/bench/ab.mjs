// `node tests/bench/ab.mjs <before-bench-build> <after-bench-build>`: the figures issue 9 compares, for two
// builds measured in turns in the same minutes (so a busy machine slows both alike): the side panel ready, the
// overlay mounted on the Meet call, and the store's queries timed directly in the worker. Each build seeds
// its own record with its own seeder (the bench build's `seedDirect`). Prints medians per build.
import { resolve } from 'node:path';
import { startFixtureServer } from '../fixtures/server.mjs';
import { launchChromium } from './cdp.mjs';
import { benchWorker, evaluate, inWorker, sleep } from './extension.mjs';
import { overlayMount, panelReady } from './views.mjs';
import { median, round } from './stats.mjs';

const [beforeDir, afterDir] = process.argv.slice(2).map((d) => resolve(d));
const rounds = Number(process.env.HS_AB_ROUNDS ?? 5);
const scale = { clients: 200, sessionsPerClient: 50, commitmentsPerSession: 10, notesPerSession: 1, now: Date.now() };
const PORT = Number(process.env.HS_FIXTURE_PORT ?? 8459);
const server = await startFixtureServer({ port: PORT });
const log = (m) => console.error(`[ab] ${m}`);

const QUERIES = `(async () => {
  const api = globalThis.__holdspaceBench.api;
  const time = async (method, args) => { const t = performance.now(); const r = await api[method](args); if (!r.ok) throw new Error(method + ': ' + r.error.message); return performance.now() - t; };
  const out = { lookup: [], history: [], active: [] };
  for (let i = 0; i < 30; i++) {
    const clientId = 'seed-c' + ((i * 37) % ${scale.clients});
    out.lookup.push(await time('openCommitments', { clientId }));
    out.history.push(await time('clientHistory', { clientId }));
    out.active.push(await time('activeSession', {}));
  }
  out.openPerClient = (await api.openCommitments({ clientId: 'seed-c7' })).value.length;
  return out;
})()`;

const builds = [];
for (const [label, dir] of [
  ['before', beforeDir],
  ['after', afterDir],
]) {
  const chromium = await launchChromium({ extensionDir: dir, fixturePort: PORT });
  const worker = await benchWorker(chromium, dir);
  log(`${label}: seeding…`);
  await inWorker(worker, `const db = await B.db(); await B.seedDirect(db, ${JSON.stringify(scale)}); return true;`);
  await inWorker(
    worker,
    `const a = await B.api.activeSession({}); if (a.ok && a.value) await B.api.endSession({ sessionId: a.value.session.id }); return true;`,
  );
  await sleep(5_000);
  builds.push({ label, chromium, worker, panel: [], mount: [], lookup: [], history: [], active: [], openPerClient: null });
}
for (let r = 0; r < rounds; r++) {
  for (const b of builds) {
    log(`round ${r + 1}: ${b.label}`);
    const p = await panelReady({ chromium: b.chromium, extensionId: b.worker.extensionId, runs: 1 });
    b.panel.push(p.panelReadyMs);
    const m = await overlayMount({ chromium: b.chromium, runs: 1 });
    b.mount.push(m.overlayMountMs);
    const q = await evaluate(b.worker.session, QUERIES);
    b.lookup.push(median(q.lookup));
    b.history.push(median(q.history));
    b.active.push(median(q.active));
    b.openPerClient = q.openPerClient;
  }
}
const out = {};
for (const b of builds) {
  out[b.label] = {
    panelReadyMs: round(median(b.panel)),
    overlayMountMs: round(median(b.mount)),
    lookupOpenCommitmentsDirectMs: round(median(b.lookup)),
    clientHistoryDirectMs: round(median(b.history)),
    activeSessionDirectMs: round(median(b.active)),
    openCommitmentsPerClient: b.openPerClient,
    runs: { panel: b.panel.map(round), mount: b.mount.map(round) },
  };
  await b.chromium.close();
}
await server.close();
console.log(JSON.stringify(out, null, 2));

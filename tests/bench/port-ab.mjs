// `node tests/bench/port-ab.mjs` (after `npx wxt build --mode bench`): a view's reads over its open change port
// (the views' path now, lib/platform/runtime-api.ts) against each read as its own `runtime.sendMessage` (the
// path before), in turns in the same minutes, with the lock off and then on. Record: HS_AB_CLIENTS clients
// (default 20) of the bench's shape (50 sessions × 10 commitments each), so a client's lookup is the full
// bench's. Calls: `openCommitments` (issue 12's lookup), `activeSession`, `lockStatus`. Prints medians.
import { resolve } from 'node:path';
import { loadavg } from 'node:os';
import { startFixtureServer } from '../fixtures/server.mjs';
import { launchChromium } from './cdp.mjs';
import { benchWorker, evaluate, inWorker, openApiPage } from './extension.mjs';
import { buildKit } from './kit.mjs';
import { median, round } from './stats.mjs';

const PORT = Number(process.env.HS_FIXTURE_PORT ?? 8463);
const clients = Number(process.env.HS_AB_CLIENTS ?? 20);
const rounds = Number(process.env.HS_AB_ROUNDS ?? 5);
const samples = Number(process.env.HS_AB_SAMPLES ?? 40);
const scale = { clients, sessionsPerClient: 50, commitmentsPerSession: 10, notesPerSession: 1, now: Date.now() };
const PASSPHRASE = 'lantern harbour 42';
const log = (m) => console.error(`[port-ab] ${m}`);

const RUN = (api, method, argsFor) => `(async () => {
  const api = ${api};
  const out = [];
  for (let i = 0; i < ${samples}; i++) {
    const t = performance.now();
    const r = await api[${JSON.stringify(method)}](${argsFor});
    const ms = performance.now() - t;
    if (!r.ok) throw new Error(${JSON.stringify(method)} + ': ' + r.error.message);
    out.push(ms);
  }
  return out;
})()`;

const CALLS = [
  ['openCommitments', `{ clientId: 'seed-c' + ((i * 7) % ${clients}) }`],
  ['activeSession', '{}'],
  ['lockStatus', '{}'],
];
const PATHS = { port: '__hsKit.messagingApi()', message: '__hsKit.runtimeMessageApi()' };

const server = await startFixtureServer({ port: PORT });
const chromium = await launchChromium({ extensionDir: resolve('.output/chrome-mv3-bench'), fixturePort: PORT });
try {
  const worker = await benchWorker(chromium);
  const kit = await buildKit();
  const page = await openApiPage(chromium, worker.extensionId, kit);
  await inWorker(worker, `const db = await B.db(); await B.seedDirect(db, ${JSON.stringify(scale)}); return true;`);
  const result = {};
  for (const lock of ['off', 'on']) {
    if (lock === 'on') {
      log('turning the lock on…');
      await inWorker(
        worker,
        `const r = await B.api.turnOnLock({ passphrase: ${JSON.stringify(PASSPHRASE)}, repeat: ${JSON.stringify(PASSPHRASE)} }); if (!r.ok) throw new Error(r.error.message); return true;`,
      );
    }
    for (const [method, argsFor] of CALLS) {
      const times = { port: [], message: [] };
      for (let r = 0; r < rounds; r++)
        for (const path of r % 2 ? ['message', 'port'] : ['port', 'message']) {
          await evaluate(page.session, RUN(PATHS[path], method, argsFor).replace(`< ${samples}`, '< 3')); // warm-up
          times[path].push(...(await evaluate(page.session, RUN(PATHS[path], method, argsFor))));
        }
      result[`${method} (lock ${lock})`] = { port: round(median(times.port), 2), message: round(median(times.message), 2) };
      log(`${method} lock ${lock}: port ${round(median(times.port), 2)} ms, message ${round(median(times.message), 2)} ms`);
    }
  }
  console.log(JSON.stringify({ load: loadavg().map((v) => round(v)), samplesEach: rounds * samples, medianMs: result }, null, 2));
} finally {
  await chromium.close();
  await server.close();
}
process.exit(0);

// `node tests/bench/due-ab.mjs <label>=<bench-build> [<label>=<bench-build> …]`: "Due this week" across all
// clients (issue 11) for bench builds (`npx wxt build --mode bench`), measured in turns in the same minutes, on
// ONE seeded record reused between runs (seeding 200 × 50 takes minutes). The record is seeded once by the
// first build into a template profile (HS_DUE_PROFILE, default $TMPDIR/holdspace-due-profile); each run loads
// its build from the same folder (so the extension id, and with it the database, is the same) into a copy of
// that profile, without the template's registered worker script (Chromium would run that one instead of the
// build's: same extension id, same version). A build with a newer database version upgrades its copy first, outside the timing (the
// upgrade's time is printed), and one untimed call lets it build what it builds on the first read. Per run: `dueThisWeek` through messaging from an extension page (the views'
// path) and directly on the worker's store, HS_DUE_SAMPLES calls each after 3 warm-ups. Prints medians.
// HS_AB_METHOD=openCommitments times a client's open commitments instead (the lock bench's lookup: clients
// seed-c0, seed-c37, …). With HS_DUE_PASSPHRASE, a template seeded here has the lock turned on with it.
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startFixtureServer } from '../fixtures/server.mjs';
import { launchChromium } from './cdp.mjs';
import { benchWorker, evaluate, inWorker, openApiPage, sleep } from './extension.mjs';
import { shapeEngagements } from './engagement.mjs';
import { buildKit } from './kit.mjs';
import { median, round } from './stats.mjs';

const builds = process.argv.slice(2).map((arg) => {
  const [label, dir] = arg.includes('=') ? arg.split('=') : [arg, arg];
  return { label, dir: resolve(dir), messaging: [], direct: [], upgradeMs: [] };
});
if (builds.length === 0) throw new Error('usage: node tests/bench/due-ab.mjs before=<dir> after=<dir>');
const rounds = Number(process.env.HS_AB_ROUNDS ?? 3);
const samples = Number(process.env.HS_DUE_SAMPLES ?? 15);
const PORT = Number(process.env.HS_FIXTURE_PORT ?? 8459);
// A template with the lock on (every record sealed) is unlocked with this passphrase before each run.
const PASSPHRASE = process.env.HS_DUE_PASSPHRASE;
const METHOD = process.env.HS_AB_METHOD ?? 'dueThisWeek';
const CALLS = {
  dueThisWeek: {
    args: '{}',
    shape: `{ groups: r.value.groups.length, cards: r.value.groups.reduce((n, g) => n + g.commitments.length, 0), lapsed: r.value.lapsed.length, unlisted: r.value.unlisted }`,
  },
  openCommitments: { args: "{ clientId: 'seed-c' + ((i * 37) % 200) }", shape: '{ commitments: r.value.length }' },
};
if (!CALLS[METHOD]) throw new Error(`HS_AB_METHOD: one of ${Object.keys(CALLS).join(', ')}`);
const TEMPLATE = resolve(process.env.HS_DUE_PROFILE ?? join(tmpdir(), 'holdspace-due-profile'));
const scale = { clients: 200, sessionsPerClient: 50, commitmentsPerSession: 10, notesPerSession: 1, now: Date.now() };
const work = mkdtempSync(join(tmpdir(), 'holdspace-due-ab-'));
// One path for every build and run: one extension id, so the database the template holds.
const EXT = `${TEMPLATE}-extension`;
const log = (m) => console.error(`[due-ab] ${m}`);

async function launch(build, profile) {
  rmSync(EXT, { recursive: true, force: true });
  cpSync(build.dir, EXT, { recursive: true });
  const chromium = await launchChromium({ extensionDir: EXT, fixturePort: PORT, userDataDir: profile });
  const worker = await benchWorker(chromium, build.dir);
  return { chromium, worker };
}

const RUN = (api) => `(async () => {
  const api = ${api};
  const out = [];
  for (let i = 0; i < __n; i++) {
    const t = performance.now();
    const r = await api.${METHOD}(${CALLS[METHOD].args});
    const ms = performance.now() - t;
    if (!r.ok) throw new Error('${METHOD}: ' + r.error.message);
    out.push({ ms, ...${CALLS[METHOD].shape} });
  }
  return out;
})()`;

const server = await startFixtureServer({ port: PORT });
const kit = await buildKit();
try {
  if (!existsSync(TEMPLATE)) {
    log(`seeding the template profile ${TEMPLATE} with ${builds[0].label} (minutes)…`);
    const { chromium, worker } = await launch(builds[0], TEMPLATE);
    try {
      await inWorker(worker, `const db = await B.db(); await B.seedDirect(db, ${JSON.stringify(scale)}); return true;`);
      await shapeEngagements({ worker, scale });
      if (PASSPHRASE) {
        log('turning the lock on in the template (every record sealed)…');
        const p = JSON.stringify(PASSPHRASE);
        await inWorker(
          worker,
          `const r = await B.api.turnOnLock({ passphrase: ${p}, repeat: ${p} }); if (!r.ok) throw new Error(r.error.message); return true;`,
        );
      }
      // The search index built and saved, so no run rebuilds it from 100,000 items while it is timed.
      await inWorker(worker, 'await B.api.warmSearch(); await B.api.saveSearchIndex(); return true;');
    } finally {
      await chromium.close();
    }
  }
  for (let r = 0; r < rounds; r++) {
    for (const b of builds) {
      const profile = join(work, 'profile');
      rmSync(profile, { recursive: true, force: true });
      cpSync(TEMPLATE, profile, { recursive: true });
      // The worker's script as registered in the template (the seeding build's) would run instead of this build's.
      for (const cache of ['Service Worker', 'Code Cache']) rmSync(join(profile, 'Default', cache), { recursive: true, force: true });
      const { chromium, worker } = await launch(b, profile);
      try {
        const t = Date.now();
        await inWorker(worker, 'await B.db(); return true;'); // opens (and upgrades) the database
        b.upgradeMs.push(Date.now() - t);
        if (PASSPHRASE)
          await inWorker(
            worker,
            `const r = await B.api.unlock({ passphrase: ${JSON.stringify(PASSPHRASE)} }); if (!r.ok) throw new Error(r.error.message); return true;`,
          );
        // What an upgrade leaves to the first read (step 7's summary of open due commitments, rebuilt once a
        // read finds it missing) is done here too, outside the timing: a record upgraded once is read many times.
        await inWorker(worker, 'await B.api.dueThisWeek({}); return true;');
        const page = await openApiPage(chromium, worker.extensionId, kit);
        await inWorker(worker, 'await B.api.warmSearch(); return true;'); // the view's open warms it: not timed
        await sleep(2_000);
        const warm = `globalThis.__n = 3; true`;
        const all = `globalThis.__n = ${samples}; true`;
        await evaluate(page.session, warm);
        await evaluate(page.session, RUN('__hsKit.messagingApi()'));
        await evaluate(page.session, all);
        const viaMessaging = await evaluate(page.session, RUN('__hsKit.messagingApi()'));
        await evaluate(worker.session, warm);
        await evaluate(worker.session, RUN('globalThis.__holdspaceBench.api'));
        await evaluate(worker.session, all);
        const viaWorker = await evaluate(worker.session, RUN('globalThis.__holdspaceBench.api'));
        b.messaging.push(median(viaMessaging.map((x) => x.ms)));
        b.direct.push(median(viaWorker.map((x) => x.ms)));
        b.shape = viaWorker[0];
        log(
          `round ${r + 1} ${b.label}: messaging ${round(b.messaging.at(-1))} ms, direct ${round(b.direct.at(-1))} ms, open ${b.upgradeMs.at(-1)} ms, load ${loadavg()
            .map((v) => round(v))
            .join(' ')}`,
        );
      } finally {
        await chromium.close();
      }
    }
  }
} finally {
  await server.close();
  rmSync(work, { recursive: true, force: true });
}
console.log(
  JSON.stringify(
    builds.map((b) => ({
      label: b.label,
      messagingMedianMs: round(median(b.messaging)),
      directMedianMs: round(median(b.direct)),
      messagingPerRound: b.messaging.map(round),
      directPerRound: b.direct.map(round),
      openMs: b.upgradeMs,
      result: b.shape,
    })),
    null,
    2,
  ),
);
console.log(
  `load average at end: ${loadavg()
    .map((v) => round(v))
    .join(' ')}`,
);

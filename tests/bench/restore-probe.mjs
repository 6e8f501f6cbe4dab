// `node tests/bench/restore-probe.mjs <bench-build> [clients] [rounds] [experiments]` (issue 13 item 3):
// where a restore's time goes, measured in one Chromium. Seeds `clients` × 50 sessions × 10 commitments
// straight into the bench build's store, exports the backup through the views' path, restores it ("Replace
// everything", timed in the page) `rounds` times, then runs throwaway puts of the very records stored in
// fresh databases in the worker: the floor, durability, transaction split, each index, compact values,
// clear() vs deleteDatabase, and a session's items in one record. Configurations run in turns (round-robin),
// so a busy machine slows all alike; prints medians per configuration and the load average.
// `experiments`: "all" (default), "restore" (only the real restore), "puts" (only the throwaway puts).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { launchChromium } from './cdp.mjs';
import { attachWorker, benchWorker, evaluate, inWorker, openApiPage } from './extension.mjs';
import { buildKit } from './kit.mjs';
import { median, round } from './stats.mjs';

const dir = resolve(process.argv[2] ?? '.output/chrome-mv3-bench');
const clients = Number(process.argv[3] ?? 20);
const rounds = Number(process.argv[4] ?? 3);
const which = process.argv[5] ?? 'all';
const PORT = Number(process.env.HS_FIXTURE_PORT ?? 8474);
const scale = { clients, sessionsPerClient: 50, commitmentsPerSession: 10, notesPerSession: 1, now: Date.now() };
const started = Date.now();
const log = (m) => console.error(`[probe ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${m}`);
/** CPU seconds (user + system) of every process of this Chromium (found by its profile directory), children included. */
function chromiumCpu(profile) {
  const tck = Number(execFileSync('getconf', ['CLK_TCK']).toString());
  const procs = new Map();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const cmd = readFileSync(`/proc/${d}/cmdline`, 'utf8');
      const type = /--type=([a-z-]+)/.exec(cmd)?.[1] ?? 'browser';
      const sub = /--utility-sub-type=([\w.]+)/.exec(cmd)?.[1];
      procs.set(Number(d), {
        ppid: Number(f[1]),
        cpu: (Number(f[11]) + Number(f[12])) / tck,
        root: cmd.includes(`--user-data-dir=${profile}`),
        type: sub ? `${type}:${sub}` : type,
      });
    } catch {
      // gone
    }
  }
  const inTree = (pid, seen = 0) => {
    const p = procs.get(pid);
    if (!p || seen > 50) return false;
    return p.root || inTree(p.ppid, seen + 1);
  };
  let cpu = 0;
  const byType = {};
  for (const [pid, p] of procs)
    if (inTree(pid)) {
      cpu += p.cpu;
      byType[p.type] = (byType[p.type] ?? 0) + p.cpu;
    }
  lastByType = byType;
  return cpu;
}
let lastByType = {};
const diffTypes = (a, b) =>
  Object.fromEntries(
    Object.keys(b)
      .map((k) => [k, Math.round(((b[k] ?? 0) - (a[k] ?? 0)) * 1000)])
      .filter(([, v]) => v > 20),
  );
const load = () => loadavg().map((v) => round(v, 2));

/** Throwaway puts in the worker: configuration name → ms, one round. */
const PUTS = (names) => `
  const db = await B.db();
  const all = globalThis.__probeAll ?? {};
  if (!globalThis.__probeAll) for (const s of ['clients', 'sessions', 'items', 'questions', 'questionPrefs']) all[s] = await db.getAll(s);
  globalThis.__probeAll = all;
  const STORES = ['clients', 'sessions', 'items', 'questions', 'questionPrefs'];
  const KEY = { questionPrefs: 'questionId' };
  const req = (r) => new Promise((res, rej) => { r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
  const done = (tx) => new Promise((res, rej) => { tx.oncomplete = () => res(); tx.onerror = tx.onabort = () => rej(tx.error); });
  const fresh = async (name, setup) => {
    await req(indexedDB.deleteDatabase(name));
    const r = indexedDB.open(name, 1);
    r.onupgradeneeded = () => setup(r.result);
    return req(r);
  };
  const drop = (idb) => { const n = idb.name; idb.close(); return req(indexedDB.deleteDatabase(n)); };
  const INDEXES = {
    bySessionOrder: [['sessionId', 'order']],
    byClientOpen: [['clientId', 'open', 'sessionId', 'kind']],
    byDue: ['dueKey'],
    byClientOpenDue: [['clientId', 'openDueKey']],
    byReviewSession: ['reviewedIn', { multiEntry: true }],
  };
  const schema = (itemIndexes) => (idb) => {
    for (const s of STORES) {
      const os = idb.createObjectStore(s, { keyPath: KEY[s] ?? 'id' });
      if (s === 'items') for (const [n, [p, o]] of Object.entries(itemIndexes)) os.createIndex(n, p, o);
      if (s === 'sessions') { os.createIndex('byClientStart', ['clientId', 'startedAt']); os.createIndex('byStatus', 'status'); }
    }
  };
  const bare = (idb) => { for (const s of STORES) idb.createObjectStore(s, { keyPath: KEY[s] ?? 'id' }); };
  const putInto = (idb, data, stores, { durability = 'default', batch = Infinity } = {}) => {
    const txs = [];
    for (const s of stores) {
      const list = data[s];
      for (let i = 0; i < Math.max(list.length, 1); i += batch) {
        const tx = idb.transaction([s], 'readwrite', { durability });
        const os = tx.objectStore(s);
        for (const r of list.slice(i, i + batch)) os.put(r);
        txs.push(done(tx));
      }
    }
    return Promise.all(txs);
  };
  const putOne = (idb, data, stores, durability = 'default') => {
    const tx = idb.transaction(stores, 'readwrite', { durability });
    for (const s of stores) { const os = tx.objectStore(s); for (const r of data[s]) os.put(r); }
    return done(tx);
  };
  const timed = async (name, setup, run) => {
    const idb = await fresh(name, setup);
    const t = performance.now();
    await run(idb);
    const ms = performance.now() - t;
    await drop(idb);
    return ms;
  };
  // Compact values: the item as one JSON string beside only its index keys; and the item with no derived keys.
  const compact = { ...all, items: all.items.map((i) => ({ id: i.id, sessionId: i.sessionId, order: i.order, clientId: i.clientId, open: i.open, kind: i.kind, dueKey: i.dueKey, openDueKey: i.openDueKey, reviewedIn: i.reviewedIn, j: JSON.stringify(i) })) };
  const asString = { ...all, items: all.items.map((i) => ({ id: i.id, j: JSON.stringify(i) })) };
  const tiny = { ...all, items: all.items.map((i) => ({ id: i.id })) };
  // A session's items in one record (throwaway shape): keyed by session, the items in an array.
  const bySession = new Map();
  for (const i of all.items) { let l = bySession.get(i.sessionId); if (!l) bySession.set(i.sessionId, (l = [])); l.push(i); }
  const grouped = { ...all, items: [...bySession].map(([id, items]) => ({ id, clientId: items[0].clientId, items })) };
  const configs = {
    floor: () => timed('hs-probe', bare, (idb) => putOne(idb, all, STORES)),
    floorRelaxed: () => timed('hs-probe', bare, (idb) => putOne(idb, all, STORES, 'relaxed')),
    floorStrict: () => timed('hs-probe', bare, (idb) => putOne(idb, all, STORES, 'strict')),
    floorTx1000: () => timed('hs-probe', bare, (idb) => putInto(idb, all, STORES, { batch: 1000 })),
    floorTx10000: () => timed('hs-probe', bare, (idb) => putInto(idb, all, STORES, { batch: 10000 })),
    floorTx10000Relaxed: () => timed('hs-probe', bare, (idb) => putInto(idb, all, STORES, { batch: 10000, durability: 'relaxed' })),
    thisBuild: () => timed('hs-probe', schema(INDEXES), (idb) => putOne(idb, all, STORES)),
    thisBuildRelaxed: () => timed('hs-probe', schema(INDEXES), (idb) => putOne(idb, all, STORES, 'relaxed')),
    floorTx3000: () => timed('hs-probe', bare, (idb) => putInto(idb, all, STORES, { batch: 3000 })),
    thisBuildTx1000: () => timed('hs-probe', schema(INDEXES), (idb) => putInto(idb, all, STORES, { batch: 1000 })),
    thisBuildTx3000: () => timed('hs-probe', schema(INDEXES), (idb) => putInto(idb, all, STORES, { batch: 3000 })),
    thisBuildTx3000Relaxed: () => timed('hs-probe', schema(INDEXES), (idb) => putInto(idb, all, STORES, { batch: 3000, durability: 'relaxed' })),
    thisBuildTx10000: () => timed('hs-probe', schema(INDEXES), (idb) => putInto(idb, all, STORES, { batch: 10000 })),
    ...Object.fromEntries(Object.keys(INDEXES).map((n) => [
      'without_' + n,
      () => timed('hs-probe', schema(Object.fromEntries(Object.entries(INDEXES).filter(([k]) => k !== n))), (idb) => putOne(idb, all, STORES)),
    ])),
    noItemIndex: () => timed('hs-probe', schema({}), (idb) => putOne(idb, all, STORES)),
    compactJsonWithKeys: () => timed('hs-probe', schema(INDEXES), (idb) => putOne(idb, compact, STORES)),
    itemsAsJsonNoIndex: () => timed('hs-probe', bare, (idb) => putOne(idb, asString, STORES)),
    itemsIdOnlyNoIndex: () => timed('hs-probe', bare, (idb) => putOne(idb, tiny, STORES)),
    sessionGroupedNoIndex: () => timed('hs-probe', bare, (idb) => putOne(idb, grouped, STORES)),
    sessionGroupedByClient: () => timed('hs-probe', schema({ byClient: ['clientId'] }), (idb) => putOne(idb, grouped, STORES)),
    // Emptying the full record first: clear() of every store in one transaction vs deleting the database.
    clearFull: async () => {
      const idb = await fresh('hs-probe', schema(INDEXES));
      await putOne(idb, all, STORES);
      const t = performance.now();
      const tx = idb.transaction(STORES, 'readwrite');
      for (const s of STORES) tx.objectStore(s).clear();
      await done(tx);
      const ms = performance.now() - t;
      await drop(idb);
      return ms;
    },
    deleteDatabaseFull: async () => {
      const idb = await fresh('hs-probe', schema(INDEXES));
      await putOne(idb, all, STORES);
      idb.close();
      const t = performance.now();
      await req(indexedDB.deleteDatabase('hs-probe'));
      return performance.now() - t;
    },
    // Structured clone alone (the renderer's share of a put): serializing every stored item.
    cloneItems: async () => { const t = performance.now(); for (const i of all.items) structuredClone(i); return performance.now() - t; },
  };
  const out = {};
  for (const n of ${JSON.stringify(names)}) out[n] = await configs[n]();
  out._counts = Object.fromEntries(STORES.map((s) => [s, all[s].length]));
  out._groupedRecords = grouped.items.length;
  out._itemBytesJson = all.items.reduce((n, i) => n + JSON.stringify(i).length, 0);
  return out;
`;

const PUT_CONFIGS = [
  'floor',
  'floorRelaxed',
  'floorStrict',
  'floorTx1000',
  'floorTx10000',
  'floorTx10000Relaxed',
  'thisBuild',
  'thisBuildRelaxed',
  'thisBuildTx10000',
  'floorTx3000',
  'thisBuildTx1000',
  'thisBuildTx3000',
  'thisBuildTx3000Relaxed',
  'without_bySessionOrder',
  'without_byClientOpen',
  'without_byDue',
  'without_byClientOpenDue',
  'without_byReviewSession',
  'noItemIndex',
  'compactJsonWithKeys',
  'itemsAsJsonNoIndex',
  'itemsIdOnlyNoIndex',
  'sessionGroupedNoIndex',
  'sessionGroupedByClient',
  'clearFull',
  'deleteDatabaseFull',
  'cloneItems',
];
const only = process.env.HS_PROBE_ONLY ? process.env.HS_PROBE_ONLY.split(',') : PUT_CONFIGS;

const chromium = await launchChromium({ extensionDir: dir, fixturePort: PORT });
try {
  let worker = await benchWorker(chromium);
  const kit = await buildKit();
  log(`seeding ${clients} clients directly (load ${load().join(' ')})…`);
  const seeded = await inWorker(
    worker,
    `const db = await B.db(); await B.seedDirect(db, ${JSON.stringify(scale)}); return { items: await db.count('items'), sessions: await db.count('sessions') };`,
  );
  log(`seeded ${JSON.stringify(seeded)}`);
  // What a transaction opened without options reports as its durability (the platform's default).
  const durabilityDefault = await inWorker(
    worker,
    `const db = await B.db(); const tx = db.transaction('clients', 'readwrite'); const d = tx.durability; await tx.done; return d;`,
  );
  log(`a readwrite transaction opened without options reports durability "${durabilityDefault}"`);
  const result = { durabilityDefault, build: dir, clients, seeded, chromium: chromium.version.product, loadAtStart: load() };
  if (which !== 'puts') {
    const page = await openApiPage(chromium, worker.extensionId, kit);
    const exported = await evaluate(page.session, `__hsKit.benchExport(__hsKit.messagingApi())`);
    log(`exported ${exported.bytes} bytes in ${Math.round(exported.ms)} ms`);
    const restores = [];
    const ontoEmpty = [];
    const clears = [];
    for (let i = 0; i < rounds; i++) {
      if (process.env.HS_PROBE_EMPTY) {
        // The same restore into an emptied record (a fresh profile): the stores cleared first, timed apart.
        const cleared = await inWorker(
          worker,
          `const db = await B.db(); const t = performance.now(); const tx = db.transaction(['clients', 'sessions', 'items', 'questions', 'questionPrefs', 'drafts'], 'readwrite'); for (const s of tx.objectStoreNames) tx.objectStore(s).clear(); await tx.done; return performance.now() - t;`,
        );
        clears.push(cleared);
        const e = await evaluate(page.session, `__hsKit.benchRestore(__hsKit.messagingApi())`);
        if (e.error) throw new Error(e.error);
        ontoEmpty.push(e.restoreMs);
        log(
          `clear of the whole record ${Math.round(cleared)} ms; restore into the empty record ${Math.round(e.restoreMs)} ms, load ${load().join(' ')}`,
        );
      }
      const c0 = chromiumCpu(chromium.profile);
      const r = await evaluate(page.session, `__hsKit.benchRestore(__hsKit.messagingApi(), { intoEmpty: false })`);
      if (r.error) throw new Error(r.error);
      restores.push(r.restoreMs);
      (result.restoreCpuMs ??= []).push(Math.round((chromiumCpu(chromium.profile) - c0) * 1000));
      log(
        `restore ${i + 1}: ${Math.round(r.restoreMs)} ms, cpu ${result.restoreCpuMs.at(-1)} ms (preview ${Math.round(r.previewMs)} ms), load ${load().join(' ')}`,
      );
    }
    result.restoreMs = restores.map((v) => round(v, 0));
    result.restoreMedianMs = median(restores);
    if (ontoEmpty.length) {
      result.restoreOntoEmptyMs = ontoEmpty.map((v) => round(v, 0));
      result.restoreOntoEmptyMedianMs = median(ontoEmpty);
      result.clearRecordMedianMs = median(clears);
    }
    await page.close();
  }
  if (which !== 'restore') {
    const runs = {};
    const cpus = {};
    for (let i = 0; i < rounds; i++) {
      worker = await attachWorker(chromium);
      const line = {};
      for (const name of only) {
        const c0 = chromiumCpu(chromium.profile);
        const t0 = lastByType;
        const out = await inWorker(worker, PUTS([name]));
        const cpu = chromiumCpu(chromium.profile) - c0;
        if (process.env.HS_PROBE_SPLIT) log(`${name} cpu by process: ${JSON.stringify(diffTypes(t0, lastByType))}`);
        for (const [k, v] of Object.entries(out)) if (k.startsWith('_')) result[k] = v;
        (runs[name] ??= []).push(out[name]);
        (cpus[name] ??= []).push(cpu * 1000);
        line[name] = `${Math.round(out[name])}/${Math.round(cpu * 1000)}`;
      }
      log(`puts round ${i + 1} (wall ms/cpu ms): ${JSON.stringify(line)} load ${load().join(' ')}`);
    }
    result.putsMedianMs = Object.fromEntries(Object.entries(runs).map(([k, v]) => [k, round(median(v), 0)]));
    result.putsCpuMedianMs = Object.fromEntries(Object.entries(cpus).map(([k, v]) => [k, round(median(v), 0)]));
    result.putsRunsMs = Object.fromEntries(Object.entries(runs).map(([k, v]) => [k, v.map((x) => round(x, 0))]));
  }
  result.loadAtEnd = load();
  console.log(JSON.stringify(result, null, 1));
} finally {
  await chromium.close();
}

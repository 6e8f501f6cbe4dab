// Issue 13 (items 2–4), runnable alone as `npm run bench -- --only backup`: on the full bench record, the
// backup export (file made in an extension page through the views' path) and its size, the restore
// (preview, then "Replace everything") of that file into an emptied record, then onto the record it matches,
// where restore time goes (validation, object creation, each index of the `items` store, transaction size),
// the raw bulk `put` floor of the same records with no indexes, the export's read floor (the same cursors doing
// nothing), the first search after MV3 stopped the idle worker, and the side panel opened while it was stopped
// (with its floor: navigation to the page's first script, before any of its own code).
import { evaluate, inWorker, openApiPage, sleep, stopWorker, attachWorker, benchWorker } from './extension.mjs';
import { panelReady } from './views.mjs';
import { round, summarize } from './stats.mjs';

/** The `items` store's indexes as main had them (DB version 3): name → [keyPath, options]. */
const V3_ITEM_INDEXES = {
  bySessionOrder: [['sessionId', 'order']],
  bySessionKind: [['sessionId', 'kind']],
  byClientOpen: [['clientId', 'open']],
  byDue: ['dueKey'],
  byClient: ['clientId'],
  byReviewSession: ['reviewedIn', { multiEntry: true }],
};

/** One call through the views' messaging client, timed in the page. */
const timedCall = (page, method, args) =>
  evaluate(
    page.session,
    `(async () => {
    const t = performance.now();
    const r = await __hsKit.messagingApi()[${JSON.stringify(method)}](${JSON.stringify(args)});
    const ms = performance.now() - t;
    if (!r.ok) throw new Error(${JSON.stringify(method)} + ': ' + r.error.message);
    return ${method === 'search' ? '{ ms, hits: r.value.length }' : 'ms'};
  })()`,
  );

/**
 * Puts the stored records (read from the worker's database) into throwaway databases: with no index at all
 * (the floor), with each of main's six `items` indexes alone, with all six, and with the indexes this build
 * keeps; one transaction each (and the floor also in transactions of 10,000). Returns ms per configuration.
 */
const BREAKDOWN = (itemIndexes) => `
  const db = await B.db();
  const all = {};
  for (const s of ['clients', 'sessions', 'items', 'questions', 'questionPrefs']) all[s] = await db.getAll(s);
  const open = (name, setup) => new Promise((resolve, reject) => {
    const del = indexedDB.deleteDatabase(name);
    del.onsuccess = del.onerror = () => {
      const r = indexedDB.open(name, 1);
      r.onupgradeneeded = () => setup(r.result);
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    };
  });
  const putAll = (idb, stores, batch, durability) => new Promise((resolve, reject) => {
    const jobs = [];
    for (const s of stores) for (let i = 0; i < all[s].length; i += batch) jobs.push([s, all[s].slice(i, i + batch)]);
    let left = 0;
    const tx = idb.transaction(stores, 'readwrite', { durability });
    for (const [s, records] of jobs) { const os = tx.objectStore(s); for (const r of records) os.put(r); }
    tx.oncomplete = () => resolve();
    tx.onerror = tx.onabort = () => reject(tx.error);
  });
  const time = async (name, setup, stores, durability = 'default') => {
    const idb = await open(name, setup);
    const t = performance.now();
    await putAll(idb, stores, Infinity, durability);
    const ms = performance.now() - t;
    idb.close();
    indexedDB.deleteDatabase(name);
    return ms;
  };
  const batched = async (name, setup, stores, batch) => {
    const idb = await open(name, setup);
    const t = performance.now();
    for (const s of stores) for (let i = 0; i < all[s].length; i += batch) {
      await new Promise((resolve, reject) => {
        const tx = idb.transaction([s], 'readwrite');
        const os = tx.objectStore(s);
        for (const r of all[s].slice(i, i + batch)) os.put(r);
        tx.oncomplete = () => resolve();
        tx.onerror = tx.onabort = () => reject(tx.error);
      });
    }
    const ms = performance.now() - t;
    idb.close();
    indexedDB.deleteDatabase(name);
    return ms;
  };
  const STORES = ['clients', 'sessions', 'items', 'questions', 'questionPrefs'];
  const bare = (idb) => { for (const s of STORES) idb.createObjectStore(s, { keyPath: s === 'questionPrefs' ? 'questionId' : 'id' }); };
  const itemsWith = (indexes) => (idb) => {
    const os = idb.createObjectStore('items', { keyPath: 'id' });
    for (const [name, [path, opts]] of Object.entries(indexes)) os.createIndex(name, path, opts);
  };
  const out = { records: Object.fromEntries(STORES.map((s) => [s, all[s].length])) };
  out.floorMs = await time('hs-bench-floor', bare, STORES);
  out.floorRelaxedMs = await time('hs-bench-floor', bare, STORES, 'relaxed');
  out.floorBatched10kMs = await batched('hs-bench-floor', bare, STORES, 10000);
  out.itemsNoIndexMs = await time('hs-bench-items', itemsWith({}), ['items']);
  out.itemsEachIndexMs = {};
  const v3 = ${JSON.stringify(V3_ITEM_INDEXES)};
  for (const [name, spec] of Object.entries(v3)) out.itemsEachIndexMs[name] = await time('hs-bench-items', itemsWith({ [name]: spec }), ['items']);
  out.itemsAllV3IndexesMs = await time('hs-bench-items', itemsWith(v3), ['items']);
  const now = ${JSON.stringify(itemIndexes)};
  out.itemsIndexesOfThisBuild = Object.keys(now);
  out.itemsThisBuildIndexesMs = await time('hs-bench-items', itemsWith(now), ['items']);
  out.itemsThisBuildIndexesRelaxedMs = await time('hs-bench-items', itemsWith(now), ['items'], 'relaxed');
  return out;
`;

/**
 * The export's floor: the same read the export makes (one read-only transaction, a plain cursor over each
 * store in turn, values and all) with nothing done per record. Whatever an export does with a record comes on
 * top of this. Returns ms per run and the records read.
 */
export const READ_FLOOR = (runs) => `
  // The build's database opened anew without idb's wrapper: plain requests, as the export's raw cursors make.
  const name = (await B.db()).name;
  const db = await new Promise((resolve, reject) => {
    const r = indexedDB.open(name);
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  const STORES = ['clients', 'sessions', 'items', 'questions', 'questionPrefs'];
  const once = () => new Promise((resolve, reject) => {
    const tx = db.transaction(STORES, 'readonly');
    let records = 0;
    const t = performance.now();
    const next = (i) => {
      if (i === STORES.length) return;
      const req = tx.objectStore(STORES[i]).openCursor();
      req.onsuccess = () => {
        const cursor = req.result;
        if (!cursor) return next(i + 1);
        records++;
        void cursor.value;
        cursor.continue();
      };
    };
    next(0);
    tx.oncomplete = () => resolve({ ms: performance.now() - t, records });
    tx.onerror = tx.onabort = () => reject(tx.error);
  });
  const out = [];
  for (let i = 0; i < ${runs}; i++) out.push(await once());
  db.close();
  if (!out.every((o) => o.records > 0)) throw new Error('the read floor read no record: ' + JSON.stringify(out));
  return out;
`;

/** The `items` indexes of the build under test, read from its open database. */
const ITEM_INDEXES_OF_BUILD = `
  const db = await B.db();
  const tx = db.transaction('items');
  const os = tx.objectStore('items');
  const out = {};
  for (const name of os.indexNames) { const i = os.index(name); out[name] = [i.keyPath, { multiEntry: i.multiEntry }]; }
  return out;
`;

export async function backupFigures({ chromium, kit, scale, log }) {
  let worker = await benchWorker(chromium);
  const page = await openApiPage(chromium, worker.extensionId, kit);
  await evaluate(worker.session, `${kit}; true`);
  log(`bulk seeding ${scale.clients} × ${scale.sessionsPerClient} × ${scale.commitmentsPerSession} directly…`);
  const seeded = await inWorker(
    worker,
    `const db = await B.db(); const t = performance.now(); const commitments = await B.seedDirect(db, ${JSON.stringify(scale)});
     return { ms: performance.now() - t, commitments, items: await db.count('items'), sessions: await db.count('sessions') };`,
  );
  log(`seeded ${seeded.items} items in ${Math.round(seeded.ms)} ms`);

  // The index as a coach's worker leaves it: built once (by a view opening or a search), then, when the build
  // persists it, saved. Then MV3 stops the idle worker, and the first search of the next call is timed.
  log('first search after the worker stopped (3 rounds)…');
  const coldSearch = [];
  const coldCall = [];
  const coldHits = [];
  for (let i = 0; i < 3; i++) {
    // Rebuilt, not warmed: the seeder wrote straight into the database, behind the back of an index a view
    // may have built (empty) before it, which a save would then store as in step.
    await inWorker(worker, 'await B.api.rebuildSearch(); if (B.api.saveSearchIndex) await B.api.saveSearchIndex(); return true;');
    await stopWorker(chromium, page.session);
    coldCall.push(await timedCall(page, 'activeSession', {}));
    const found = await timedCall(page, 'search', { query: ['deleg', 'budget', 'feedb'][i], limit: 20 });
    // A fast answer counts only if it found something: an index not loaded yet would answer empty.
    if (!(found.hits > 0)) throw new Error(`the first search after a stop found nothing (${JSON.stringify(found)})`);
    coldSearch.push(found.ms);
    coldHits.push(found.hits);
    log(
      `first search after a stop: ${Math.round(found.ms)} ms, ${found.hits} results (worker start + first call ${Math.round(coldCall[i])} ms)`,
    );
    worker = await attachWorker(chromium);
  }

  log('backup export through the views’ path (3 runs)…');
  const exports = await evaluate(
    page.session,
    `(async () => { const out = []; for (let i = 0; i < 3; i++) out.push(await __hsKit.benchExport(__hsKit.messagingApi())); return out; })()`,
  );
  const exportMs = exports.map((e) => e.ms);
  const fileBytes = exports[0].bytes;
  log(`export: ${fileBytes} bytes in ${Math.round(Math.min(...exportMs))}–${Math.round(Math.max(...exportMs))} ms`);

  log('the export’s floor: the same cursors, nothing done per record (3 runs)…');
  worker = await attachWorker(chromium);
  const readFloor = await inWorker(worker, READ_FLOOR(3));
  log(`read floor: ${readFloor.map((f) => Math.round(f.ms)).join(', ')} ms (${readFloor[0].records} records)`);

  log('where restore time goes: validation and object creation in the page…');
  const validation = await evaluate(page.session, `__hsKit.benchValidate()`);
  log('restore (preview, then Replace everything) through the views’ path…');
  const restore = await evaluate(page.session, `__hsKit.benchRestore(__hsKit.messagingApi())`);
  // The same file again onto the record it just made: "Replace everything" then writes only what differs.
  const ontoSame = await evaluate(page.session, `__hsKit.benchRestore(__hsKit.messagingApi(), { intoEmpty: false })`);
  log(`validation in the page: ${JSON.stringify(validation)}`);
  log(`restore of the same file onto the record it matches: ${ontoSame.error ?? `${Math.round(ontoSame.restoreMs)} ms`}`);
  log(`restore: ${restore.error ?? `${Math.round(restore.restoreMs)} ms (preview ${Math.round(restore.previewMs)} ms)`}`);

  log('raw bulk put floor and the cost of each items index (throwaway databases in the worker)…');
  worker = await attachWorker(chromium);
  const itemIndexes = await inWorker(worker, ITEM_INDEXES_OF_BUILD);
  const breakdown = await inWorker(worker, BREAKDOWN(itemIndexes));
  log(`put breakdown: ${JSON.stringify(breakdown)}`);

  // The record (restored from the seeded one) has a running session, and the panel shows its "Client" picker
  // only without one: end it first, as the full run does, or the panel's "ready" never comes.
  worker = await attachWorker(chromium);
  await inWorker(
    worker,
    `const a = await B.api.activeSession({}); if (a.ok && a.value) await B.api.endSession({ sessionId: a.value.session.id }); return true;`,
  );
  await page.close();
  await sleep(2_000);
  log('side panel opened while the worker is stopped (3 runs)…');
  const panel = await panelReady({ chromium, extensionId: worker.extensionId, runs: 3, stopWorkerFirst: true });
  log(`panel ready after a stop: ${panel.runs.map((r) => r.readyMs).join(', ')} ms`);

  const r = (o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typeof v === 'number' ? round(v) : v]));
  return {
    seeded: { items: seeded.items, sessions: seeded.sessions, commitments: seeded.commitments, seedDirectMs: round(seeded.ms) },
    backupExportMs: round(summarize(exportMs).median),
    backupBytes: fileBytes,
    restoreMs: restore.error ? null : round(restore.restoreMs),
    restoreFloorMs: round(breakdown.floorMs),
    exportReadFloorMs: round(summarize(readFloor.map((f) => f.ms)).median),
    restoreOntoSameRecordMs: ontoSame.error ? null : round(ontoSame.restoreMs),
    searchColdAfterStopMs: round(summarize(coldSearch).median),
    panelReadyWorkerStoppedMs: round(panel.panelReadyMs),
    panelFirstScriptWorkerStoppedMs: round(panel.panelScriptStartMs),
    detail: {
      exportRunsMs: exportMs.map((v) => round(v)),
      exportReadFloorRunsMs: readFloor.map((f) => round(f.ms)),
      restore: r(restore),
      validation: r(validation),
      putBreakdownMs: {
        ...r(breakdown),
        itemsEachIndexMs: r(breakdown.itemsEachIndexMs),
      },
      workerColdCallMs: coldCall.map((v) => round(v)),
      searchColdRunsMs: coldSearch.map((v) => round(v)),
      searchColdRunsResults: coldHits,
      panel,
    },
  };
}

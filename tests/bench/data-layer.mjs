// The coaching record at scale, in the extension's real IndexedDB: seeding (bulk, and through the API with
// and without messaging), each query the views make timed through messaging from an extension page (the
// views' path) and directly on the worker's store (bench build), the summary export, backup and restore.
import { attachWorker, evaluate, inWorker, stopWorker } from './extension.mjs';
import { round, summarize } from './stats.mjs';

export const PREFIXES = ['del', 'boa', 'fee', 'hir', 'bud', 'con', 'pre', 'tru', 'mee', 'str'];
/** One edit away from words in the record (MiniSearch forgives one edit from four letters up). */
export const TYPOS = ['delegte', 'presentaton', 'budgt', 'feedbak', 'stategy', 'confidense', 'retrospectve', 'onbording'];

/** Times each call in order; runs in the page (api = the views' messaging client) or in the worker. */
const RUNNER = `async (api, calls) => {
  const out = [];
  for (const c of calls) {
    const t = performance.now();
    const r = await api[c.method](c.args);
    const ms = performance.now() - t;
    if (!r.ok) throw new Error(c.method + ': ' + r.error.message);
    out.push({ ms, size: Array.isArray(r.value) ? r.value.length : r.value ? 1 : 0 });
  }
  return out;
}`;

const inPage = (page, calls) => evaluate(page.session, `(${RUNNER})(__hsKit.messagingApi(), ${JSON.stringify(calls)})`);
const direct = (worker, calls) => evaluate(worker.session, `(${RUNNER})(globalThis.__holdspaceBench.api, ${JSON.stringify(calls)})`);

/** Seeds `opts` through the API and deletes it again: `where` is the page (messaging) or the worker. */
async function seedThroughApi(target, where, opts) {
  const api = where === 'page' ? '__hsKit.messagingApi()' : 'globalThis.__holdspaceBench.api';
  return evaluate(
    target.session,
    `(async () => {
    const api = ${api};
    let writes = 0;
    const counted = new Proxy(api, { get: (t, k) => (a) => { writes++; return t[k](a); } });
    const t = performance.now();
    const commitments = await __hsKit.seedRecord(counted, ${JSON.stringify(opts)});
    const ms = performance.now() - t;
    for (const c of (await api.listClients({ includeArchived: true })).value) await api.deleteClient({ id: c.id });
    return { ms, writes, commitments, perWriteMs: ms / writes };
  })()`,
  );
}

/** The record at `scale`, written directly in the worker (bulk, one transaction per client). */
export function seedBulk({ worker, scale }) {
  return inWorker(
    worker,
    `
    const db = await B.db();
    const t = performance.now();
    const commitments = await B.seedDirect(db, ${JSON.stringify(scale)});
    const ms = performance.now() - t;
    return { ms, commitments, clients: await db.count('clients'), sessions: await db.count('sessions'), items: await db.count('items') };`,
  );
}

export async function seed({ worker, page, kit, scale, slice, log }) {
  await evaluate(worker.session, `${kit}; true`);
  log(`seeding a slice through the API (${slice.clients} × ${slice.sessionsPerClient} sessions), via messaging and directly…`);
  const messaging = await seedThroughApi(page, 'page', slice);
  const directApi = await seedThroughApi(worker, 'worker', slice);
  log(`bulk seeding ${scale.clients} clients × ${scale.sessionsPerClient} sessions × ${scale.commitmentsPerSession} commitments directly…`);
  const bulk = await seedBulk({ worker, scale });
  const estimate = await evaluate(page.session, 'navigator.storage.estimate()');
  return {
    seedDirectMs: round(bulk.ms),
    seeded: { clients: bulk.clients, sessions: bulk.sessions, items: bulk.items, commitments: bulk.commitments },
    seedApiSlice: {
      shape: slice,
      messaging: { ms: round(messaging.ms), writes: messaging.writes, perWriteMs: round(messaging.perWriteMs, 3) },
      direct: { ms: round(directApi.ms), writes: directApi.writes, perWriteMs: round(directApi.perWriteMs, 3) },
      messagingOverheadPerWriteMs: round(messaging.perWriteMs - directApi.perWriteMs, 3),
    },
    databaseBytes: estimate.usageDetails?.indexedDB ?? estimate.usage,
    storageUsageBytes: estimate.usage,
  };
}

/** A call list of `n` calls cycling through `argsFor(i)`. */
export const calls = (method, n, argsFor) => Array.from({ length: n }, (_, i) => ({ method, args: argsFor(i) }));

/** Times one operation both ways (warm-up calls first, not counted). */
export async function both(worker, page, list, warm = 3) {
  await inPage(page, list.slice(0, warm));
  const viaMessaging = await inPage(page, list);
  await direct(worker, list.slice(0, warm));
  const viaWorker = await direct(worker, list);
  return {
    messaging: summarize(viaMessaging.map((r) => r.ms)),
    direct: summarize(viaWorker.map((r) => r.ms)),
    meanResults: round(viaMessaging.reduce((s, r) => s + r.size, 0) / viaMessaging.length, 1),
  };
}

export async function queries({ chromium, worker, page, scale, samples, log }) {
  const client = (i) => `seed-c${(i * 37) % scale.clients}`;
  // As after MV3 stopped the idle worker: the first call starts it and opens the database, the first
  // search then builds the index from the store (no view is connected to warm it beforehand).
  log('worker stopped: first call (worker start + database open), then first search (index build)…');
  await stopWorker(chromium, page.session);
  const [coldCall] = await inPage(page, [{ method: 'activeSession', args: {} }]);
  const [cold] = await inPage(page, [{ method: 'search', args: { query: 'deleg', limit: 20 } }]);
  worker = await attachWorker(chromium);
  const indexBuildMs = await inWorker(worker, 'const t = performance.now(); await B.api.rebuildSearch(); return performance.now() - t;');
  const active = await inWorker(worker, 'const r = await B.api.activeSession({}); return r.ok && r.value ? r.value.session.id : null;');
  if (!active) throw new Error('The seeded record has no active session');
  log('timing lookups, history, search, active session and autosave (messaging and direct)…');
  const out = {
    lookupOpenCommitments: await both(
      worker,
      page,
      calls('openCommitments', samples, (i) => ({ clientId: client(i) })),
    ),
    clientHistory: await both(
      worker,
      page,
      calls('clientHistory', samples, (i) => ({ clientId: client(i) })),
    ),
    searchPrefix: await both(
      worker,
      page,
      calls('search', samples, (i) => ({ query: PREFIXES[i % PREFIXES.length], limit: 20 })),
    ),
    searchTypo: await both(
      worker,
      page,
      calls('search', samples, (i) => ({ query: TYPOS[i % TYPOS.length], limit: 20 })),
    ),
    activeSession: await both(
      worker,
      page,
      calls('activeSession', samples, () => ({})),
    ),
    autosave: await both(
      worker,
      page,
      calls('updateContract', samples, (i) => ({ sessionId: active, patch: { whyItMatters: `Draft ${i}: because it matters` } })),
    ),
  };
  return {
    ...out,
    workerColdCallMs: round(coldCall.ms),
    searchColdMs: round(cold.ms),
    searchIndexBuildMs: round(indexBuildMs),
    activeSessionId: active,
    worker,
  };
}

/** The summary of an ended session (a bundle → Markdown and calendar file), as the summary view makes it. */
export async function summaryExport({ page, scale, samples }) {
  const ids = Array.from(
    { length: samples },
    (_, i) => `seed-s${(i * 53) % scale.clients}-${Math.min(scale.sessionsPerClient - 2, 10 + (i % 20))}`,
  );
  return evaluate(
    page.session,
    `(async () => {
    const api = __hsKit.messagingApi();
    const bundleMs = [], exportMs = [];
    let bytes = 0;
    for (const sessionId of ${JSON.stringify(ids)}) {
      let t = performance.now();
      const r = await api.getSessionBundle({ sessionId });
      if (!r.ok) throw new Error(r.error.message);
      bundleMs.push(performance.now() - t);
      t = performance.now();
      const doc = __hsKit.buildSummary(r.value, { clientVersion: false });
      const md = __hsKit.toMarkdown(doc), ics = __hsKit.toIcs(doc);
      exportMs.push(performance.now() - t);
      bytes = md.length + ics.length;
    }
    return { bundleMs, exportMs, bytes };
  })()`,
  ).then((r) => ({ bundle: summarize(r.bundleMs), export: summarize(r.exportMs), lastBytes: r.bytes }));
}

/**
 * Backup export (through messaging and directly), then restore (preview, then importBackup replace) of it;
 * over the importer's 50 MB limit, restore uses the largest prefix of clients whose backup fits.
 * Leaves the store holding only what was restored: run it last.
 */
/**
 * Backup export and restore through the views' path (format 2, moved page by page; the same calls as
 * `--only backup`, which also breaks restore time down): the file the last export made is what is restored.
 */
export async function backupAndRestore({ page, log }) {
  log('backup export through the views’ path…');
  const exported = await evaluate(page.session, `__hsKit.benchExport(__hsKit.messagingApi())`);
  log('restore (preview, then Replace everything) of that file…');
  const restore = await evaluate(page.session, `__hsKit.benchRestore(__hsKit.messagingApi())`);
  log(`restore: ${restore.error ?? `${exported.bytes} bytes restored in ${Math.round(restore.restoreMs)} ms`}`);
  return {
    exportMs: exported.ms,
    fullBytes: exported.bytes,
    restoreBytes: exported.bytes,
    restoreClients: null,
    previewMs: restore.previewMs,
    restoreMs: restore.error ? null : restore.restoreMs,
    error: restore.error,
  };
}

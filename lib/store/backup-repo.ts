/**
 * The store side of backup: reading the record out, and applying a validated backup in ONE readwrite
 * transaction over every store, so an import is all or nothing. Parsing and merging rules live in lib/backup.
 */
import type { BackupCounts, ImportMode } from '../api/contract';
import type { Id } from '../model/types';
import { COLLECTIONS, type BackupRecords, type Collection } from '../backup/format';
import type { RecordOf } from '../backup/write';
import { countRecords } from '../backup/integrity';
import { mergeRecords, type ExistingIds } from '../backup/merge';
import { rebuildDueSummaries } from './due-summary';
import { ALL_STORES, itemsOf, keysOf, rawStore, type StoreName, type StoredItem } from './db';
import { deriveItemKeys, fromStored } from './item-keys';
import { requireClient } from './client-repo';
import { read, write, type ReadTx, type RepoContext, type WriteTx } from './tx';

export type Collections = Omit<BackupRecords, 'settings'>;

/** Every record, in memory (a merge compares the file with all of them). */
async function readAll(tx: ReadTx): Promise<Collections> {
  const [clients, sessions, items, questions, questionPrefs] = await Promise.all([
    tx.objectStore('clients').getAll(),
    tx.objectStore('sessions').getAll(),
    tx.objectStore('items').getAll(),
    tx.objectStore('questions').getAll(),
    tx.objectStore('questionPrefs').getAll(),
  ]);
  return { clients, sessions, items: items.map(fromStored), questions, questionPrefs };
}

/** Where records read for a backup go, one at a time (lib/backup/write.ts `BackupWriter.record`). */
export type RecordSink = <C extends Collection>(collection: C, value: RecordOf<C>) => void;

const STORE_OF = {
  clients: 'clients',
  sessions: 'sessions',
  items: 'items',
  questions: 'questions',
  questionPrefs: 'questionPrefs',
} as const satisfies Record<Collection, StoreName>;

/** A record as the file holds it: items lose their index-only fields. */
const asRecord = <C extends Collection>(collection: C, value: unknown): RecordOf<C> =>
  (collection === 'items' ? fromStored(value as StoredItem) : value) as RecordOf<C>;

/**
 * Every record `source` holds (in `query`), in key order, through a plain cursor: `each` runs inside the
 * cursor's success event and must not wait on anything. Chromium serves a cursor from batches it prefetches;
 * on the full bench record (110,000 items) reading the items this way cost the browser about a third of the
 * CPU time one `getAll` did (measured for issue 13; README "Backups at scale").
 */
function eachValue(source: IDBObjectStore | IDBIndex, query: IDBKeyRange | null, each: (value: unknown) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = source.openCursor(query);
    request.onsuccess = () => {
      const cursor = request.result;
      if (!cursor) return resolve();
      try {
        each(cursor.value);
      } catch (error) {
        reject(error);
        return;
      }
      cursor.continue();
    };
    request.onerror = () => reject(request.error);
  });
}

/**
 * The whole record, or one client's (their sessions and items; the question deck is the coach's own), read in
 * ONE read-only transaction (a consistent snapshot) and handed to `sink` record by record, collection by
 * collection in file order. With the lock off each store is read with a plain cursor, nothing kept; with the
 * lock on through the sealed facade, which decrypts what it reads.
 */
export function readRecords(ctx: RepoContext, sink: RecordSink, clientId?: Id): Promise<void> {
  return read(ctx, ['clients', 'sessions', 'items', 'questions', 'questionPrefs'], async (tx) => {
    const client = clientId === undefined ? undefined : await requireClient(tx, clientId);
    const queries: Record<Collection, { index?: 'byClientStart' | 'byClientOpen'; query: IDBKeyRange | null } | null> =
      clientId === undefined
        ? {
            clients: { query: null },
            sessions: { query: null },
            items: { query: null },
            questions: { query: null },
            questionPrefs: { query: null },
          }
        : {
            clients: null,
            sessions: { index: 'byClientStart', query: keysOf(clientId) },
            items: { index: 'byClientOpen', query: itemsOf(clientId) },
            questions: null,
            questionPrefs: null,
          };
    if (client) sink('clients', client);
    for (const collection of COLLECTIONS) {
      const q = queries[collection];
      if (!q) continue;
      const store = tx.objectStore(STORE_OF[collection]);
      const raw = rawStore(store);
      const emit = (value: unknown) => sink(collection, asRecord(collection, value));
      if (raw) {
        await eachValue(q.index ? raw.index(q.index) : raw, q.query, emit);
      } else {
        const values = await (q.index ? store.index(q.index as never).getAll(q.query) : store.getAll(q.query));
        for (const value of values) emit(value);
      }
    }
  });
}

/** The whole record, or one client's, as arrays (see `readRecords`). */
export async function collectRecords(ctx: RepoContext, clientId?: Id): Promise<Collections> {
  const out: Collections = { clients: [], sessions: [], items: [], questions: [], questionPrefs: [] };
  await readRecords(ctx, (collection, value) => (out[collection] as unknown[]).push(value), clientId);
  return out;
}

export function existingIds(ctx: RepoContext): Promise<ExistingIds> {
  return read(ctx, ['clients', 'sessions', 'items', 'questions'], async (tx) => {
    const [clients, sessions, items, questions] = await Promise.all(
      (['clients', 'sessions', 'items', 'questions'] as const).map((s) => tx.objectStore(s).getAllKeys()),
    );
    const set = (keys: string[] | undefined) => new Set(keys ?? []);
    return { clients: set(clients), sessions: set(sessions), items: set(items), questions: set(questions) };
  });
}

/**
 * Issues every put on the raw stores, without a promise per request (100,000 of them cost more than the
 * puts' own work); the transaction's completion, awaited by `write`, is the one outcome that matters: any
 * failed put aborts it, and nothing is written. A put that throws at once (a bad key) aborts it too.
 * With the lock on, the stores are the sealed facade: each record is encrypted on its way in (a raw put
 * would write it in clear), in the same one transaction.
 */
async function putAll(tx: WriteTx, records: Collections): Promise<void> {
  const put = async (name: 'clients' | 'sessions' | 'items' | 'questions' | 'questionPrefs', values: readonly unknown[]) => {
    const store = tx.objectStore(name);
    const raw = rawStore(store);
    if (raw) for (const value of values) raw.put(value);
    else await Promise.all(values.map((value) => store.put(value as never)));
  };
  await put('clients', records.clients);
  await put('sessions', records.sessions);
  await put('items', records.items.map(deriveItemKeys));
  await put('questions', records.questions);
  await put('questionPrefs', records.questionPrefs);
}

/** Only what the merge changed: records it kept as ours are the very objects read, so they are skipped. */
function changed(current: Collections, merged: Collections): Collections {
  const fresh = <T>(ours: T[], next: T[]) => {
    const same = new Set(ours);
    return next.filter((r) => !same.has(r));
  };
  return {
    clients: fresh(current.clients, merged.clients),
    sessions: fresh(current.sessions, merged.sessions),
    items: fresh(current.items, merged.items),
    questions: fresh(current.questions, merged.questions),
    questionPrefs: fresh(current.questionPrefs, merged.questionPrefs),
  };
}

type RecordStore = 'clients' | 'sessions' | 'items' | 'questions' | 'questionPrefs';
const KEY_OF: Record<RecordStore, string> = { clients: 'id', sessions: 'id', items: 'id', questions: 'id', questionPrefs: 'questionId' };

/** Deep equality of two stored records (plain JSON-like data): same keys, same values, same array order. */
export function sameRecord(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameRecord(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) {
    if (!Object.prototype.hasOwnProperty.call(b, k)) return false;
    if (!sameRecord((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  }
  return true;
}

/**
 * "Replace everything" on the plain stores, writing only what differs (issue 13): Chromium's IndexedDB costs
 * about the same per request whatever the record holds, and clearing a store costs in proportion to what it
 * held, so a restore of a file that mostly matches the record (yesterday's automatic backup after a mistake)
 * skips the records it would write back unchanged. Per store: records equal to the stored ones are kept,
 * the rest are put, and stored records the file does not hold are deleted; when those deletions outnumber the
 * records kept (a different record, or most of it), the store is cleared and everything put, as before.
 * Into an empty store (a fresh profile) that is every record put. Same one transaction: all or nothing.
 */
async function replaceChanged(tx: WriteTx, file: Collections): Promise<void> {
  const plan = await Promise.all(
    (Object.keys(KEY_OF) as RecordStore[]).map(async (name) => {
      const key = KEY_OF[name];
      const keyOf = (r: unknown) => (r as Record<string, unknown>)[key];
      const records: unknown[] = name === 'items' ? file.items.map(deriveItemKeys) : file[name];
      const stored = await tx.objectStore(name).getAll();
      const byKey = new Map<unknown, unknown>(stored.map((r) => [keyOf(r), r]));
      const put: unknown[] = [];
      let kept = 0;
      for (const record of records) {
        const ours = byKey.get(keyOf(record));
        byKey.delete(keyOf(record));
        if (ours !== undefined && sameRecord(ours, record)) kept++;
        else put.push(record);
      }
      const extra = [...byKey.keys()];
      return { name, records, put, extra, clear: extra.length > kept };
    }),
  );
  for (const { name, records, put, extra, clear } of plan) {
    const raw = rawStore(tx.objectStore(name))!;
    if (clear) {
      raw.clear();
      for (const record of records) raw.put(record);
    } else {
      for (const k of extra) raw.delete(k as IDBValidKey);
      for (const record of put) raw.put(record);
    }
  }
}

/**
 * Applies a validated backup. `replace` makes the record the file's (drafts cleared: they belong to sessions);
 * `merge` adds by stable id, the newer update winning. Resolves to the counts the file brought (replace) or
 * actually wrote (merge).
 */
export function applyBackup(ctx: RepoContext, incoming: BackupRecords, mode: ImportMode): Promise<BackupCounts> {
  const file: Collections = { ...incoming };
  return write(ctx, ALL_STORES, async (tx) => {
    if (mode === 'replace') {
      if (rawStore(tx.objectStore('items'))) {
        await tx.objectStore('drafts').clear();
        await replaceChanged(tx, file);
      } else {
        // The lock's sealed stores: reading the record would decrypt all of it; clear and encrypt each record in.
        await Promise.all(ALL_STORES.map((s) => tx.objectStore(s).clear()));
        await putAll(tx, file);
      }
      await rebuildDueSummaries(tx);
      return countRecords(file);
    }
    const current = await readAll(tx);
    const toWrite = changed(current, mergeRecords({ ...current, settings: null }, { ...file, settings: null }));
    await putAll(tx, toWrite);
    await rebuildDueSummaries(tx);
    return countRecords(toWrite);
  });
}

/**
 * The coaching record's IndexedDB schema and connection. The ONLY module that imports `idb`.
 *
 * Upgrades are cumulative `if (oldVersion < n)` steps that never drop user data. The connection is opened
 * lazily and reopened after it was closed (a `blocking` newer version, a stopped MV3 worker, `close()`), so
 * the next call always finds a working database.
 */
import { openDB, unwrap, type DBSchema, type IDBPDatabase, type IDBPObjectStore, type IDBPTransaction, type StoreNames } from 'idb';
import type { CheckIn, Client, Draft, Question, QuestionPref, Session, SessionStatus } from '../model/types';
import { deriveItemKeys, type StoredItem } from './item-keys';
import type { LockMeta } from './lock-meta';

export type { IDBPDatabase, IDBPTransaction, StoreNames };
export type { IndexKey, IndexNames, StoreKey, StoreValue } from 'idb';
export type { StoredItem };

/** The search index's snapshot (lib/search/snapshot.ts, kept by lib/store/search-store.ts), or the stale mark. */
export interface StoredSearchIndex {
  /** The snapshot in clear (lock off); absent when sealed, and in the stale mark. */
  bytes?: Uint8Array;
  /** With the lock on: the snapshot encrypted with the data key (lib/store/search-store.ts). */
  sealed?: Uint8Array;
  /** MiniSearch's JSON, as copies before the snapshot were kept: never read (such a copy is rebuilt). */
  json?: string;
  savedAt: number;
}

/** Per client, the open commitments with a due date, earliest due first (lib/store/due-summary.ts). */
export interface DueSummary {
  clientId: string;
  /** Their ids. */
  ids: string[];
  /** Each one's due (a date or date-time), in the same order. */
  dues: string[];
}

export interface HoldspaceDB extends DBSchema {
  clients: { key: string; value: Client };
  sessions: {
    key: string;
    value: Session;
    indexes: { byClientStart: [string, number]; byStatus: SessionStatus };
  };
  items: {
    key: string;
    value: StoredItem;
    indexes: {
      bySessionOrder: [string, number];
      /** [client, open, session, kind]: a client's items, its open commitments, a session's commitments counted. */
      byClientOpen: [string, number, string, string];
      byDue: string;
      byClientOpenDue: [string, string];
      byReviewSession: string;
    };
  };
  /** Per client, the open commitments with a due date (lib/store/due-summary.ts): ids and dates only. */
  dueSummary: { key: string; value: DueSummary };
  /** The search index between workers (lib/store/search-store.ts); out-of-line keys. */
  searchIndex: { key: string; value: StoredSearchIndex };
  /** The coach's own questions (built-in ones ship in code). */
  questions: { key: string; value: Question };
  questionPrefs: { key: string; value: QuestionPref };
  drafts: { key: string; value: Draft };
  /** The lock's own record (lib/store/lock.ts): never encrypted, never in a backup. */
  meta: { key: string; value: LockMeta };
}

export type HoldspaceDatabase = IDBPDatabase<HoldspaceDB>;
export type StoreName = StoreNames<HoldspaceDB>;
export type Tx<S extends StoreName[], M extends IDBTransactionMode> = IDBPTransaction<HoldspaceDB, S, M>;

export const DB_NAME = 'holdspace';
export const DB_VERSION = 7;

/** Every store of the record, for transactions that span it (backup import, delete everything). */
export const ALL_STORES: StoreName[] = ['clients', 'sessions', 'items', 'questions', 'questionPrefs', 'drafts', 'dueSummary'];

/** Every key `[id, n]` of a compound `[id, number]` index: a client's sessions, a session's items in order. */
export function keysOf(id: string): IDBKeyRange {
  return IDBKeyRange.bound([id, -Infinity], [id, Infinity]);
}

/** Every key of a client in an index keyed `[clientId, …]`: all their items in `byClientOpen`, their open due ones in `byClientOpenDue`. */
export function itemsOf(clientId: string): IDBKeyRange {
  return IDBKeyRange.bound([clientId], [clientId, []]);
}

/** A client's open commitments, in `byClientOpen`. */
export function openOf(clientId: string): IDBKeyRange {
  return IDBKeyRange.bound([clientId, 1], [clientId, 1, []]);
}

/** A session's commitments that are open (1) or closed (0), in `byClientOpen`. */
export function commitmentsOf(clientId: string, open: 0 | 1, sessionId: string): IDBKeyRange {
  return IDBKeyRange.only([clientId, open, sessionId, 'commitment']);
}

/** Due dates from the day `from` through the whole day `to` (date-times on `to` included). */
export function dueRange(from: string, to: string): IDBKeyRange {
  return IDBKeyRange.bound(from, `${to}\uffff`);
}

/** Keys after `key` (exclusive): the next page of a store read in pages; every key when undefined. */
export function keysAfter(key: string | undefined): IDBKeyRange | null {
  return key === undefined ? null : IDBKeyRange.lowerBound(key, true);
}

/**
 * The plain IndexedDB store behind an idb one: for bulk puts without a promise per request (restore).
 * Undefined for the lock's sealed facade (lib/store/sealed-tx.ts), whose puts must encrypt.
 */
export function rawStore(store: object): IDBObjectStore | undefined {
  return unwrap(store as IDBPObjectStore<HoldspaceDB, StoreName[], StoreName, 'readwrite'>) as unknown as IDBObjectStore | undefined;
}

/**
 * Walks a key cursor, as idb or the codec facade opened it, to its end through its plain IndexedDB request: one
 * success event per key and no promise per step, while the browser prefetches the keys in batches. Through idb's
 * promises, walking 2,800 keys cost about half as much again as the browser's own reading (issue 11). `visit`
 * returning `false` (not any other value) ends the walk there.
 */
export function walkKeyCursor(first: object | null, visit: (key: IDBValidKey, primaryKey: IDBValidKey) => unknown): Promise<void> {
  if (!first) return Promise.resolve();
  const cursor = ((unwrap(first as never) as unknown) ?? first) as IDBCursor;
  return new Promise((resolve, reject) => {
    const request = cursor.request;
    const step = (at: IDBCursor) => {
      try {
        if (visit(at.key, at.primaryKey) === false) resolve();
        else at.continue();
      } catch (error) {
        reject(error);
      }
    };
    request.onsuccess = () => {
      const next = request.result as IDBCursor | null;
      if (next) step(next);
      else resolve();
    };
    request.onerror = () => reject(request.error);
    step(cursor);
  });
}

type UpgradeTx = IDBPTransaction<HoldspaceDB, StoreName[], 'versionchange'>;

/** Runs every upgrade step from `oldVersion` up. Only IndexedDB work is awaited. */
export async function upgradeDb(db: HoldspaceDatabase, oldVersion: number, tx: UpgradeTx): Promise<void> {
  if (oldVersion < 1) {
    db.createObjectStore('clients', { keyPath: 'id' });
    const sessions = db.createObjectStore('sessions', { keyPath: 'id' });
    sessions.createIndex('byClientStart', ['clientId', 'startedAt']);
    sessions.createIndex('byStatus', 'status');
    const items = db.createObjectStore('items', { keyPath: 'id' });
    items.createIndex('bySessionOrder', ['sessionId', 'order']);
    db.createObjectStore('questions', { keyPath: 'id' });
    db.createObjectStore('drafts', { keyPath: 'key' });
  }
  if (oldVersion < 2) {
    db.createObjectStore('questionPrefs', { keyPath: 'questionId' });
    const items = tx.objectStore('items');
    items.createIndex('bySessionKind' as never, ['sessionId', 'kind']); // removed in step 4
    items.createIndex('byClientOpen', ['clientId', 'open']);
    items.createIndex('byDue', 'dueKey');
    items.createIndex('byClient' as never, 'clientId'); // removed in step 4
    items.createIndex('byReviewSession', 'reviewedIn', { multiEntry: true });
    // Backfill the derived fields the new indexes read.
    let cursor = await items.openCursor();
    while (cursor) {
      await cursor.update(deriveItemKeys(cursor.value));
      cursor = await cursor.continue();
    }
  }
  if (oldVersion < 3) {
    // Partly done and not done commitments stay open: re-derive `open` (and the other keys) for every item.
    let items = await tx.objectStore('items').openCursor();
    while (items) {
      await items.update(deriveItemKeys(items.value));
      items = await items.continue();
    }
    // A contract check-in holds its answer: a bare time becomes an on-track check-in at that time.
    let sessions = await tx.objectStore('sessions').openCursor();
    while (sessions) {
      const session = sessions.value;
      const checkIns = (session.contract?.checkIns ?? []) as unknown[];
      if (checkIns.some((c) => typeof c === 'number')) {
        const upgraded = checkIns.map((c) => (typeof c === 'number' ? { at: c, onTrack: true, shiftedTo: '' } : c)) as CheckIn[];
        await sessions.update({ ...session, contract: { ...session.contract, checkIns: upgraded } });
      }
      sessions = await sessions.continue();
    }
  }
  if (oldVersion < 4) {
    // Restore speed (issue 13): every index is written again for each of 100,000 items. Two answered
    // nothing another index cannot: a client's items are the `byClientOpen` range [client, any]; a session's
    // commitments are counted from its items (`bySessionOrder`). Indexes only; no record changes.
    const items = tx.objectStore('items');
    for (const name of ['bySessionKind', 'byClient'] as const) {
      if ((items.indexNames as DOMStringList).contains(name)) items.deleteIndex(name as never);
    }
    // The search index between workers.
    db.createObjectStore('searchIndex');
  }
  if (oldVersion < 5) {
    // The lock's wrapped key and state (issue 12). Nothing existing changes.
    db.createObjectStore('meta', { keyPath: 'id' });
  }
  if (oldVersion < 6) {
    // "Due this week" (issue 11) reads a client's open commitments due by a day, latest first, without
    // reading the rest: an index of [client, due] over open commitments only. Its key is derived from the
    // clear fields `open` and `dueKey`, so a sealed record (lock on) is backfilled without its key.
    const items = tx.objectStore('items');
    items.createIndex('byClientOpenDue', ['clientId', 'openDueKey']);
    // A client's history counts each session's items and commitments: with the session and the kind in
    // `byClientOpen`'s key that is a count of the index (as `bySessionKind`, dropped in step 4, allowed),
    // not a read of every item. Still one index, so a restore writes no more entries.
    items.deleteIndex('byClientOpen');
    items.createIndex('byClientOpen', ['clientId', 'open', 'sessionId', 'kind']);
    let cursor = await items.openCursor();
    while (cursor) {
      const stored = cursor.value;
      if (stored.open === 1 && typeof stored.dueKey === 'string') await cursor.update({ ...stored, openDueKey: stored.dueKey });
      cursor = await cursor.continue();
    }
  }
  if (oldVersion < 7) {
    // "Due this week" reads each client's open commitments with a due date from one small record instead of
    // the ~2,800 entries of `byClientOpenDue` (lib/store/due-summary.ts). Created empty, without its mark of
    // completeness: the first read finds it missing and rebuilds it from the index.
    db.createObjectStore('dueSummary', { keyPath: 'clientId' });
  }
}

export interface DbConnection {
  /** The open database, (re)opening it when needed. */
  get(): Promise<HoldspaceDatabase>;
  /** Closes the connection; the next `get()` reopens it. */
  close(): void;
}

export interface DbConnectionOptions {
  /** Another connection holds an older version open (it will be asked to close). */
  onBlocked?: () => void;
  /** A newer version wants to open: this connection closed itself. */
  onBlocking?: () => void;
}

export function createDbConnection(name: string = DB_NAME, options: DbConnectionOptions = {}): DbConnection {
  let pending: Promise<HoldspaceDatabase> | null = null;

  const open = (): Promise<HoldspaceDatabase> => {
    let opened: HoldspaceDatabase | undefined;
    const forget = () => {
      if (pending === attempt) pending = null;
    };
    const attempt: Promise<HoldspaceDatabase> = openDB<HoldspaceDB>(name, DB_VERSION, {
      upgrade: (db, oldVersion, _newVersion, tx) => {
        // Errors abort the versionchange transaction, which fails the open: nothing half-upgraded remains.
        upgradeDb(db, oldVersion, tx).catch(() => {
          tx.done.catch(() => undefined);
          try {
            tx.abort();
          } catch {
            // already finished
          }
        });
      },
      blocked: () => options.onBlocked?.(),
      blocking: () => {
        forget();
        opened?.close();
        options.onBlocking?.();
      },
      terminated: forget,
    }).then((db) => (opened = db));
    attempt.catch(forget);
    return attempt;
  };

  return {
    get() {
      pending ??= open();
      return pending;
    },
    close() {
      const current = pending;
      pending = null;
      current?.then((db) => db.close()).catch(() => undefined);
    },
  };
}

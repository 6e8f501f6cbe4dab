/**
 * The ONE boundary where the lock's encryption meets the repos: every transaction a repo gets (lib/store/tx.ts)
 * is this facade over idb's, whose stores, indexes and cursors decrypt what they read and encrypt what they
 * write through the codec (lib/store/codec.ts). With the lock off (no keys) every call goes straight through.
 *
 * WebCrypto is asynchronous and an IndexedDB transaction commits as soon as it has no request pending at the
 * end of a task, so while a record is being encrypted or decrypted the facade keeps its transaction alive with
 * a cheap request (a count of an impossible key), and hands each result back from inside a request's success
 * callback, where the transaction is active again: the repos keep writing read-modify-write in one
 * transaction, as they do with the lock off.
 */
import { HoldspaceError } from '../api/result';
import { UnsealError } from '../crypto/codec';
import type { HoldspaceDB, IndexKey, IndexNames, StoreKey, StoreName, StoreValue, Tx } from './db';
import { decodeRecord, encodeRecord, isSealed, isSealedStore, type Codec } from './codec';

type Value<N extends StoreName> = StoreValue<HoldspaceDB, N>;
type Key<N extends StoreName> = StoreKey<HoldspaceDB, N>;
type Query<N extends StoreName> = Key<N> | IDBKeyRange | null | undefined;
type IName<N extends StoreName> = IndexNames<HoldspaceDB, N>;
type IQuery<N extends StoreName, I extends IName<N>> = IndexKey<HoldspaceDB, N, I> | IDBKeyRange | null | undefined;

export interface SealedCursor<N extends StoreName> {
  readonly key: unknown;
  readonly primaryKey: Key<N>;
  readonly value: Value<N>;
  continue(): Promise<SealedCursor<N> | null>;
}

export interface KeyCursor<N extends StoreName> {
  readonly key: unknown;
  readonly primaryKey: Key<N>;
  continue(): Promise<KeyCursor<N> | null>;
}

export interface SealedIndex<N extends StoreName, I extends IName<N>> {
  get(query: IQuery<N, I>): Promise<Value<N> | undefined>;
  getAll(query?: IQuery<N, I>, count?: number): Promise<Value<N>[]>;
  getKey(query: IQuery<N, I>): Promise<Key<N> | undefined>;
  getAllKeys(query?: IQuery<N, I>, count?: number): Promise<Key<N>[]>;
  count(query?: IQuery<N, I>): Promise<number>;
  openCursor(query?: IQuery<N, I>, direction?: IDBCursorDirection): Promise<SealedCursor<N> | null>;
  openKeyCursor(query?: IQuery<N, I>, direction?: IDBCursorDirection): Promise<KeyCursor<N> | null>;
}

export interface SealedStore<N extends StoreName> {
  get(query: Key<N> | IDBKeyRange): Promise<Value<N> | undefined>;
  getAll(query?: Query<N>, count?: number): Promise<Value<N>[]>;
  getAllKeys(query?: Query<N>, count?: number): Promise<Key<N>[]>;
  count(query?: Query<N>): Promise<number>;
  put(value: Value<N>): Promise<Key<N>>;
  add(value: Value<N>): Promise<Key<N>>;
  delete(query: Key<N> | IDBKeyRange): Promise<void>;
  clear(): Promise<void>;
  index<I extends IName<N>>(name: I): SealedIndex<N, I>;
}

export interface SealedTx {
  objectStore<N extends StoreName>(name: N): SealedStore<N>;
  readonly done: Promise<void>;
  abort(): void;
}

type RawTx = Tx<StoreName[], IDBTransactionMode>;
// idb's overloads are too precise for a generic facade; the facade's own interfaces carry the types.
type Loose = {
  get(q: unknown): Promise<unknown>;
  getAll(q?: unknown, c?: number): Promise<unknown[]>;
  getKey(q: unknown): Promise<unknown>;
  getAllKeys(q?: unknown, c?: number): Promise<unknown[]>;
  count(q?: unknown): Promise<number>;
  openCursor(q?: unknown, d?: IDBCursorDirection): Promise<LooseCursor | null>;
  openKeyCursor(q?: unknown, d?: IDBCursorDirection): Promise<unknown>;
  put(v: unknown): Promise<unknown>;
  add(v: unknown): Promise<unknown>;
  delete(q: unknown): Promise<void>;
  clear(): Promise<void>;
  index(name: string): Loose;
};
type LooseCursor = { key: unknown; primaryKey: unknown; value: unknown; continue(): Promise<LooseCursor | null> };

const KEEP_ALIVE = () => IDBKeyRange.only('\uffff\uffffkeep-alive');

/**
 * Keeps a transaction alive while WebCrypto works, and settles each piece of work from inside a request's
 * success callback (the transaction is active there and in the microtasks that follow).
 */
function keeper(raw: RawTx) {
  const waiting = new Set<() => void>();
  let pending = 0;
  let looping = false;
  const store = raw.objectStore(raw.objectStoreNames[0] as StoreName) as unknown as Loose;

  const loop = async () => {
    looping = true;
    try {
      while (pending > 0 || waiting.size > 0) {
        await store.count(KEEP_ALIVE());
        const ready = [...waiting];
        waiting.clear();
        for (const settle of ready) settle();
      }
    } catch {
      // the transaction ended (aborted): each piece of work still rejects through its own request
      for (const settle of waiting) settle();
      waiting.clear();
    } finally {
      looping = false;
    }
  };

  return <T>(work: Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      pending++;
      work.then(
        (value) => waiting.add(() => resolve(value)),
        (error: unknown) => waiting.add(() => reject(error)),
      );
      work.finally(() => pending--).catch(() => undefined);
      if (!looping) void loop();
    });
}

function unsealFailed(error: unknown): never {
  if (error instanceof UnsealError)
    throw new HoldspaceError(
      'internal',
      'A stored record could not be decrypted: it was changed outside Holdspace. Restore it from a backup.',
    );
  throw error;
}

const locked = () => new HoldspaceError('locked', 'Holdspace is locked. Unlock it with your passphrase.');

/** Opens one record of `store` as read from disk: decrypted when sealed, as it is when clear. */
export function recordDecoder(store: StoreName, codec: Codec): (v: unknown) => Promise<never> {
  if (!isSealedStore(store)) return (v) => Promise.resolve(v as never);
  return async (v) => {
    if (!isSealed(v)) return v as never;
    if (!codec.read) throw locked();
    return decodeRecord<never>(codec.read, store, v).catch(unsealFailed);
  };
}

/** The repos' transaction: `raw` seen through `codec`. */
export function sealTx(raw: RawTx, codec: Codec): SealedTx {
  if (codec.read === null && codec.write === null) {
    // Lock off: idb's own transaction. A sealed record here means the lock's key is missing.
    return raw as unknown as SealedTx;
  }
  const alive = keeper(raw);

  const one = (store: StoreName) => {
    const decode = recordDecoder(store, codec);
    return (v: unknown) => (isSealed(v) ? alive(decode(v)) : Promise.resolve(v));
  };
  const many = (store: StoreName) => {
    const decode = recordDecoder(store, codec);
    return (vs: unknown[]) => (vs.some(isSealed) ? alive(Promise.all(vs.map(decode))) : Promise.resolve(vs));
  };
  const encode = (store: StoreName, v: unknown): Promise<unknown> => {
    if (!codec.write || !isSealedStore(store)) return Promise.resolve(v);
    return alive(encodeRecord(codec.write, store, v as Record<string, unknown>));
  };

  const cursor = (store: StoreName, c: LooseCursor | null): Promise<LooseCursor | null> => {
    if (!c) return Promise.resolve(null);
    return one(store)(c.value).then((value) => ({
      key: c.key,
      primaryKey: c.primaryKey,
      value,
      continue: async () => cursor(store, await c.continue()),
    }));
  };

  const index = (store: StoreName, ix: Loose) => ({
    get: async (q: unknown) => one(store)(await ix.get(q)),
    getAll: async (q?: unknown, n?: number) => many(store)(await ix.getAll(q, n)),
    getKey: (q: unknown) => ix.getKey(q),
    getAllKeys: (q?: unknown, n?: number) => ix.getAllKeys(q, n),
    count: (q?: unknown) => ix.count(q),
    openCursor: async (q?: unknown, d?: IDBCursorDirection) => cursor(store, await ix.openCursor(q, d)),
    openKeyCursor: (q?: unknown, d?: IDBCursorDirection) => ix.openKeyCursor(q, d),
  });

  const objectStore = (name: StoreName) => {
    const s = raw.objectStore(name) as unknown as Loose;
    return {
      ...index(name, s),
      put: async (v: unknown) => s.put(await encode(name, v)),
      add: async (v: unknown) => s.add(await encode(name, v)),
      delete: (q: unknown) => s.delete(q),
      clear: () => s.clear(),
      index: (ixName: string) => index(name, s.index(ixName)),
    };
  };

  return {
    objectStore: objectStore as unknown as SealedTx['objectStore'],
    get done() {
      return raw.done;
    },
    abort: () => raw.abort(),
  };
}

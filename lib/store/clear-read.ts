/**
 * Reads that open their records after the transaction (with the lock on: decrypt them). Inside a sealed
 * transaction (lib/store/sealed-tx.ts) every record is decrypted as it is read, and the transaction is kept
 * alive with a request per turn until WebCrypto answers; a read that needs only the clear fields to decide
 * what it returns (ids, session ids, starts, statuses, due keys: CLEAR_FIELDS) does its IndexedDB work on the
 * records as stored, lets the transaction end, and then opens just the records it returns, all at once.
 */
import { codecTransaction, type RepoContext } from './tx';
import { CLEAR_FIELDS, type Codec, type SealedStoreName } from './codec';
import { recordDecoder, type KeyCursor } from './sealed-tx';
import type { HoldspaceDB, IndexKey, IndexNames, StoreKey, StoreName, StoreValue } from './db';

type Value<N extends StoreName> = StoreValue<HoldspaceDB, N>;
type Key<N extends StoreName> = StoreKey<HoldspaceDB, N>;
type IName<N extends StoreName> = IndexNames<HoldspaceDB, N>;
type IQuery<N extends StoreName, I extends IName<N>> = IndexKey<HoldspaceDB, N, I> | IDBKeyRange | null | undefined;

/** A record as stored, before it is opened: with the lock on only its clear fields can be read. */
export type Clear<N extends StoreName> = N extends SealedStoreName
  ? Pick<Value<N>, (typeof CLEAR_FIELDS)[N][number] & keyof Value<N>>
  : Value<N>;

export interface ClearIndex<N extends StoreName, I extends IName<N>> {
  get(query: IQuery<N, I>): Promise<Clear<N> | undefined>;
  getAll(query?: IQuery<N, I>, count?: number): Promise<Clear<N>[]>;
  getKey(query: IQuery<N, I>): Promise<Key<N> | undefined>;
  getAllKeys(query?: IQuery<N, I>, count?: number): Promise<Key<N>[]>;
  openKeyCursor(query?: IQuery<N, I>, direction?: IDBCursorDirection): Promise<KeyCursor<N> | null>;
}

export interface ClearStore<N extends StoreName> {
  get(query: Key<N> | IDBKeyRange): Promise<Clear<N> | undefined>;
  getAll(query?: Key<N> | IDBKeyRange | null, count?: number): Promise<Clear<N>[]>;
  index<I extends IName<N>>(name: I): ClearIndex<N, I>;
}

/** A read-only transaction over the records as stored. */
export interface ClearTx {
  objectStore<N extends StoreName>(name: N): ClearStore<N>;
}

/** Opens records read as stored (a no-op with the lock off); rejects with `locked` if the key is gone. */
export type Opener = <N extends StoreName>(store: N, stored: readonly Clear<N>[]) => Promise<Value<N>[]>;

function opener(codec: Codec): Opener {
  return (<N extends StoreName>(store: N, stored: readonly Clear<N>[]) => {
    const decode = recordDecoder(store, codec);
    return Promise.all(stored.map(decode));
  }) as Opener;
}

/**
 * `fn` reads the records as stored, and may start opening some with `open` while it reads on (decryption then
 * overlaps the reads still to come: `open` makes no request, so it never holds the transaction open); what it
 * returns comes back once the transaction has ended, with `open` for what is left.
 */
export async function readThenOpen<T>(
  ctx: RepoContext,
  stores: StoreName[],
  fn: (tx: ClearTx, open: Opener) => Promise<T>,
): Promise<{ value: T; open: Opener }> {
  const { tx, codec } = await codecTransaction(ctx, (db) => db.transaction(stores, 'readonly'));
  const open = opener(codec);
  const value = await fn(tx as unknown as ClearTx, open);
  await tx.done;
  return { value, open };
}

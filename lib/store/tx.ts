/**
 * Short transactions for the repos. Inside `fn` only IndexedDB work is awaited; validation happens before.
 * A HoldspaceError (or any error) thrown inside a write aborts it: nothing partial is written.
 */
import { HoldspaceError } from '../api/result';
import { count, LIMITS } from '../model/limits';
import type { HoldspaceDatabase, StoreName } from './db';
import { PLAIN, type Codec } from './codec';
import { sealTx, type SealedTx } from './sealed-tx';

export interface RepoContext {
  db: () => Promise<HoldspaceDatabase>;
  now: () => number;
  newId: () => string;
  /**
   * The lock's codec for the next transaction (lib/store/lock.ts): keys when the lock is on, none when off.
   * Rejects with a `locked` HoldspaceError while locked, so no repo reads or writes anything then.
   */
  codec?: () => Promise<Codec> | Codec;
  /**
   * Changes whenever the codec may (the lock turned on or off, locked, unlocked): read synchronously, so a
   * transaction is known to have been opened under the codec it was given (see `codecTransaction`).
   */
  codecEpoch?: () => number;
}

/**
 * Transactions are typed over every store; the stores named at run time are the ones locked. Repos get them
 * through the codec boundary (lib/store/sealed-tx.ts), which encrypts and decrypts with the lock on.
 */
export type ReadTx = SealedTx;
export type WriteTx = SealedTx;

/**
 * A transaction with the codec in force when it was created. Getting the codec and opening the database are
 * awaited, and the lock may turn on meanwhile: a write opened with the old (clear) codec after the lock's
 * rewrite had passed its records would then leave them in clear. So the codec's epoch is read before and
 * compared right after `transaction()` (synchronously): unchanged, any rewrite's transaction is created after
 * this one and runs after it (IndexedDB runs overlapping read-write transactions in creation order);
 * changed, the transaction (still without a request, so it commits empty) is left and the codec asked again.
 */
export async function codecTransaction<T>(ctx: RepoContext, create: (db: HoldspaceDatabase) => T): Promise<{ tx: T; codec: Codec }> {
  for (;;) {
    const epoch = ctx.codecEpoch?.();
    const codec = ctx.codec ? await ctx.codec() : PLAIN;
    const db = await ctx.db();
    const tx = create(db);
    if (ctx.codecEpoch?.() === epoch) return { tx, codec };
  }
}

async function open(ctx: RepoContext, stores: StoreName[], mode: IDBTransactionMode): Promise<SealedTx> {
  const { tx, codec } = await codecTransaction(ctx, (db) => db.transaction(stores, mode));
  return sealTx(tx as never, codec);
}

export async function read<T>(ctx: RepoContext, stores: StoreName[], fn: (tx: ReadTx) => Promise<T>): Promise<T> {
  const tx = await open(ctx, stores, 'readonly');
  const value = await fn(tx);
  await tx.done;
  return value;
}

export async function write<T>(ctx: RepoContext, stores: StoreName[], fn: (tx: WriteTx) => Promise<T>): Promise<T> {
  const tx = await open(ctx, stores, 'readwrite');
  try {
    const value = await fn(tx);
    await tx.done;
    return value;
  } catch (error) {
    tx.done.catch(() => undefined);
    try {
      tx.abort();
    } catch {
      // already finished or aborted
    }
    throw error;
  }
}

export function notFound(what: string): HoldspaceError {
  return new HoldspaceError('not-found', `${what} could not be found. It may have been deleted.`);
}

export function conflict(message: string, field?: string): HoldspaceError {
  return new HoldspaceError('conflict', message, field);
}

export function invalid(message: string, field: string): HoldspaceError {
  return new HoldspaceError('invalid', message, field);
}

/** A list that grows inside one record (reviews, asked questions, check-ins) stays within its limit. */
export function assertRoom(list: readonly unknown[], what: string, field: string): void {
  if (list.length >= LIMITS.recordEntries) {
    throw invalid(`${what} already holds ${count(LIMITS.recordEntries)} entries, the most one record keeps.`, field);
  }
}

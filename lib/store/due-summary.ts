/**
 * "Due this week" (issue 11) without reading the ~2,800 entries of `byClientOpenDue` on every call: per client,
 * the open commitments with a due date, as the index holds them, in one small record (`dueSummary`, IndexedDB
 * step 7). Only ids and due dates: clear with the lock on, like the index it mirrors (lib/store/codec.ts).
 *
 * Kept in step by every write that changes what the index holds for a client (`refreshDueSummary`, in the same
 * transaction); bulk writes (a restore, the upgrade) rebuild the whole of it (`rebuildDueSummaries`). A record
 * without the `BUILT` mark is not trusted: the caller reads the index instead, and the summary is rebuilt.
 */
import type { Id } from '../model/types';
import { itemsOf, walkKeyCursor, type DueSummary } from './db';
import type { ReadTx, WriteTx } from './tx';

export type { DueSummary };

/** The key of the mark that the summary is complete (written last by a rebuild); no client has an empty id. */
export const DUE_SUMMARY_BUILT = '';

/** Every client's entry from the index, walked in one key cursor (ordered by client, then due). */
export async function dueFromIndex(tx: ReadTx, range?: IDBKeyRange): Promise<Map<Id, DueSummary>> {
  const byClient = new Map<Id, DueSummary>();
  await walkKeyCursor(await tx.objectStore('items').index('byClientOpenDue').openKeyCursor(range), (key, id) => {
    const [clientId, due] = key as [Id, string];
    const found = byClient.get(clientId);
    if (found) {
      found.ids.push(id as Id);
      found.dues.push(due);
    } else byClient.set(clientId, { clientId, ids: [id as Id], dues: [due] });
  });
  return byClient;
}

/** Inside a write that may have changed a client's open commitments with a due date: their record again. */
export async function refreshDueSummary(tx: WriteTx, clientId: Id): Promise<void> {
  const summary = (await dueFromIndex(tx, itemsOf(clientId))).get(clientId);
  const store = tx.objectStore('dueSummary');
  await (summary ? store.put(summary) : store.delete(clientId));
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Inside a write over `items` and `dueSummary`: the whole summary again from the index, then the mark. Only
 * records that differ are written (a restore of a file that mostly matches the record writes back nothing).
 */
export async function rebuildDueSummaries(tx: WriteTx): Promise<void> {
  const store = tx.objectStore('dueSummary');
  const [stored, fresh] = await Promise.all([store.getAll(), dueFromIndex(tx)]);
  const writes: Promise<unknown>[] = [];
  let built = false;
  for (const old of stored) {
    if (old.clientId === DUE_SUMMARY_BUILT) built = true;
    else if (!fresh.has(old.clientId)) writes.push(store.delete(old.clientId));
  }
  const before = new Map(stored.map((s) => [s.clientId, s]));
  for (const next of fresh.values()) {
    const old = before.get(next.clientId);
    if (!old || !sameList(old.ids, next.ids) || !sameList(old.dues, next.dues)) writes.push(store.put(next));
  }
  if (!built) writes.push(store.put({ clientId: DUE_SUMMARY_BUILT, ids: [], dues: [] }));
  await Promise.all(writes);
}

/** Every client's entry, or null when the summary is not complete (never built, or a rebuild did not finish). */
export async function readDueSummaries(tx: ReadTx): Promise<Map<Id, DueSummary> | null> {
  const all = await tx.objectStore('dueSummary').getAll();
  if (!all.some((s) => s.clientId === DUE_SUMMARY_BUILT)) return null;
  return new Map(all.filter((s) => s.clientId !== DUE_SUMMARY_BUILT).map((s) => [s.clientId, s]));
}

/** True when a stored item's write changes what the index (and so the summary) holds: its open due key. */
export const changesDue = (before: { openDueKey?: string } | undefined, after: { openDueKey?: string } | undefined): boolean =>
  before?.openDueKey !== after?.openDueKey;

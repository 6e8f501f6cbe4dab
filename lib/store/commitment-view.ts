/** Building the commitment views the UI shows, inside a read transaction. */
import type { CommitmentView } from '../api/contract';
import type { Id } from '../model/types';
import { keysOf, walkKeyCursor, type StoredItem } from './db';
import { commitmentStatus, fromStored, lastReview } from './item-keys';
import type { ReadTx } from './tx';

/**
 * A client with this many sessions to look up has the starts of all their sessions read from the `byClientStart`
 * index's keys (clear with the lock on) instead of each session record (decrypted with the lock on).
 */
const ONE_READ_FROM = 4;

/**
 * Views for these commitments, each with the start of the session it was made in. Sessions the caller has
 * already read are passed as `known`; the others are read once each, or a client's all from index keys when that is
 * cheaper.
 */
export async function commitmentViews(
  tx: ReadTx,
  items: StoredItem[],
  known: Iterable<{ id: Id; startedAt: number }> = [],
): Promise<CommitmentView[]> {
  return viewsWith(items, await sessionStarts(tx, items, known));
}

/** What `sessionStarts` reads: a sealed transaction (ReadTx) or one over the records as stored (ClearTx) will do. */
interface StartsTx {
  objectStore(name: 'sessions'): {
    get(id: Id): Promise<{ startedAt: number } | undefined>;
    index(name: 'byClientStart'): { openKeyCursor(query: IDBKeyRange): Promise<object | null> };
  };
}

/**
 * The start of the session each item was made in, read from clear fields only (a session's `startedAt`, the
 * `byClientStart` index's keys): the same on records as stored (lib/store/clear-read.ts) as on opened ones.
 * From `oneReadFrom` sessions of one client on, the index's keys are walked instead of a read per session:
 * cheaper than decrypting each, dearer than reading records as stored (a walk is a round trip per few keys).
 */
export async function sessionStarts(
  tx: StartsTx,
  items: readonly Pick<StoredItem, 'clientId' | 'sessionId'>[],
  known: Iterable<{ id: Id; startedAt: number }> = [],
  oneReadFrom = ONE_READ_FROM,
): Promise<Map<Id, number>> {
  const starts = new Map<Id, number>();
  for (const s of known) starts.set(s.id, s.startedAt);
  const missing = new Map<Id, Set<Id>>(); // client → its sessions still to read
  for (const i of items) {
    if (starts.has(i.sessionId)) continue;
    const set = missing.get(i.clientId) ?? new Set<Id>();
    missing.set(i.clientId, set.add(i.sessionId));
  }
  const sessions = tx.objectStore('sessions');
  await Promise.all(
    [...missing].map(async ([clientId, ids]) => {
      if (ids.size >= oneReadFrom) {
        // The index key [client, startedAt] holds the start: no session record is read (or decrypted).
        const first = await sessions.index('byClientStart').openKeyCursor(keysOf(clientId));
        await walkKeyCursor(first, (key, id) => starts.set(id as Id, (key as [Id, number])[1]));
        return;
      }
      await Promise.all([...ids].map(async (id) => starts.set(id, (await sessions.get(id))?.startedAt ?? 0)));
    }),
  );
  return starts;
}

/** The views of opened items, given the starts of their sessions. */
export function viewsWith(items: readonly StoredItem[], starts: ReadonlyMap<Id, number>): CommitmentView[] {
  return items.map((stored) => ({
    item: fromStored(stored),
    status: commitmentStatus(stored),
    lastReview: lastReview(stored),
    madeAt: starts.get(stored.sessionId) ?? 0,
  }));
}

/** Oldest commitment first; within a session, in the order captured. */
export const byMadeAt = (a: CommitmentView, b: CommitmentView) => a.madeAt - b.madeAt || a.item.order - b.item.order;

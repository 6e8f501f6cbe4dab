/** Building the commitment views the UI shows, inside a read transaction. */
import type { CommitmentView } from '../api/contract';
import type { Id } from '../model/types';
import type { StoredItem } from './db';
import { commitmentStatus, fromStored, lastReview } from './item-keys';
import type { ReadTx } from './tx';

/** Views for these commitments, each with the start of the session it was made in (one read per session). */
export async function commitmentViews(tx: ReadTx, items: StoredItem[]): Promise<CommitmentView[]> {
  const sessions = tx.objectStore('sessions');
  const ids = [...new Set(items.map((i) => i.sessionId))];
  const starts = new Map<Id, number>();
  await Promise.all(
    ids.map(async (id) => {
      const session = await sessions.get(id);
      starts.set(id, session?.startedAt ?? 0);
    }),
  );
  return items.map((stored) => ({
    item: fromStored(stored),
    status: commitmentStatus(stored),
    lastReview: lastReview(stored),
    madeAt: starts.get(stored.sessionId) ?? 0,
  }));
}

/** Oldest commitment first; within a session, in the order captured. */
export const byMadeAt = (a: CommitmentView, b: CommitmentView) => a.madeAt - b.madeAt || a.item.order - b.item.order;

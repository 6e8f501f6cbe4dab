import { useRef } from 'preact/hooks';
import type { CommitmentView } from '@/lib/api/contract';
import type { Id } from '@/lib/model/types';
import { useEnv } from '../app/env';
import { useLiveQuery, type LiveQuery } from '../hooks/useLiveQuery';
import { isOverdue, dueInstant } from '@/lib/model/dates';

/**
 * The commitments to review in this session: the client's open ones plus those already reviewed here
 * (which may no longer be open, e.g. marked done), overdue first, then by due date.
 */
export function mergePrior(open: CommitmentView[], reviewedHere: CommitmentView[], now: number): CommitmentView[] {
  const byId = new Map<Id, CommitmentView>();
  for (const c of [...reviewedHere, ...open]) byId.set(c.item.id, c);
  const key = (c: CommitmentView) => {
    const due = c.item.due ? dueInstant(c.item.due) : Number.POSITIVE_INFINITY;
    return { overdue: c.item.due && isOverdue(c.item.due, now) ? 0 : 1, due: Number.isNaN(due) ? Number.POSITIVE_INFINITY : due };
  };
  return [...byId.values()].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    return ka.overdue - kb.overdue || ka.due - kb.due || a.madeAt - b.madeAt || a.item.order - b.item.order;
  });
}

/**
 * Still `loading` until the list of the current client has come back: right after "Start session" the
 * previous (empty, no client) list must not count as this client's, or the session would open on the
 * contract and then switch to the review under the coach's hand (focus lost, keys gone astray).
 */
/** `sorted` in the order of `rank` (ids seen before), then the new ones, which are ranked from now on. */
export function keepOrder(sorted: CommitmentView[], rank: Map<Id, number>): CommitmentView[] {
  for (const c of sorted) if (!rank.has(c.item.id)) rank.set(c.item.id, rank.size);
  return [...sorted].sort((a, b) => rank.get(a.item.id)! - rank.get(b.item.id)!);
}

export function usePriorCommitments(clientId: Id | null, reviewedHere: CommitmentView[]): LiveQuery<CommitmentView[]> {
  const env = useEnv();
  const loadedFor = useRef<{ clientId: Id | null } | null>(null);
  const open = useLiveQuery(
    () =>
      (clientId
        ? env.api.openCommitments({ clientId, withReviewedInRunning: true })
        : Promise.resolve({ ok: true as const, value: [] })
      ).then((result) => {
        loadedFor.current = { clientId };
        return result;
      }),
    [clientId],
    ['items', 'reviews', 'session'],
  );
  const loading = open.loading || loadedFor.current?.clientId !== clientId;
  // The order is set when a commitment first shows and kept: a new date typed in a review must not move
  // its card under the coach's hand (moving it loses focus). New ones join after, in their sorted order.
  const shown = useRef<{ clientId: Id | null; rank: Map<Id, number> }>({ clientId, rank: new Map() });
  if (shown.current.clientId !== clientId) shown.current = { clientId, rank: new Map() };
  const data = open.data && keepOrder(mergePrior(open.data, reviewedHere, env.now()), shown.current.rank);
  return { ...open, loading, data };
}

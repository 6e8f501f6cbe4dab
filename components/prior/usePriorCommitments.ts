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

export function usePriorCommitments(clientId: Id | null, reviewedHere: CommitmentView[]): LiveQuery<CommitmentView[]> {
  const env = useEnv();
  const open = useLiveQuery(
    () =>
      clientId ? env.api.openCommitments({ clientId, withReviewedInRunning: true }) : Promise.resolve({ ok: true as const, value: [] }),
    [clientId],
    ['items', 'reviews', 'session'],
  );
  return { ...open, data: open.data && mergePrior(open.data, reviewedHere, env.now()) };
}

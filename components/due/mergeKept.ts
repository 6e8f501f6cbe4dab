import type { CommitmentView, DueThisWeek } from '@/lib/api/contract';
import { dueInstant } from '@/lib/model/dates';

export type DueGroup = DueThisWeek['groups'][number];

/**
 * The groups to show: the store's answer, plus the commitments reviewed in this list a moment ago that have
 * left it since (marked done, or carried forward past the week), so a card never vanishes under the coach's
 * hand; fresh data wins for every commitment still in the answer. Soonest due first in each group.
 */
export function mergeKept(groups: DueGroup[], kept: ReadonlyMap<string, { group: DueGroup; view: CommitmentView }>): DueGroup[] {
  const present = new Set(groups.flatMap((g) => g.commitments.map((c) => c.item.id)));
  const out = groups.map((g) => ({ ...g, commitments: [...g.commitments] }));
  for (const [id, { group, view }] of kept) {
    if (present.has(id)) continue;
    let target = out.find((g) => g.client.id === group.client.id);
    if (!target) {
      target = { ...group, commitments: [] };
      out.push(target);
    }
    target.commitments.push(view);
  }
  const due = (c: CommitmentView) => dueInstant(c.item.due);
  for (const g of out) g.commitments.sort((a, b) => due(a) - due(b) || a.madeAt - b.madeAt || a.item.order - b.item.order);
  return out;
}

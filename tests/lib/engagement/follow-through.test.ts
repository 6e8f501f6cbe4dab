import { describe, expect, it } from 'vitest';
import {
  followThroughBySession,
  isLapsed,
  recentFollowThrough,
  repeatedBeliefs,
  totalOutcomes,
  weeksBetween,
} from '@/lib/engagement/follow-through';
import type { Item, ReviewStatus, Session } from '@/lib/model/types';

const session = (id: string, startedAt: number) => ({ id, startedAt }) as Session;
const item = (id: string, sessionId: string, kind: Item['kind'], text = id, statuses: [ReviewStatus, number][] = [], createdAt = 0) =>
  ({
    id,
    sessionId,
    kind,
    text,
    createdAt,
    reviews: statuses.map(([status, at]) => ({ sessionId: 'x', status, note: '', at })),
  }) as unknown as Item;

describe('follow-through', () => {
  it('counts each session’s commitments by their latest outcome, oldest session first', () => {
    const rows = followThroughBySession(
      [session('s2', 20), session('s1', 10)],
      [
        item('a', 's1', 'commitment', 'a', [
          ['partly', 1],
          ['done', 2],
        ]),
        item('b', 's1', 'commitment'),
        item('n', 's1', 'note'),
        item('c', 's2', 'commitment', 'c', [['not-done', 3]]),
      ],
    );
    expect(rows.map((r) => [r.session.id, r.made, r.outcomes.done, r.outcomes.open, r.outcomes['not-done']])).toEqual([
      ['s1', 2, 1, 1, 0],
      ['s2', 1, 0, 0, 1],
    ]);
    expect(totalOutcomes(rows)).toMatchObject({ done: 1, open: 1, 'not-done': 1, partly: 0 });
  });

  it('"lately" is the latest reviews of the five most recently reviewed commitments', () => {
    const items = ['done', 'done', 'not-done', 'done', 'partly', 'done'].map((s, i) =>
      item(`i${i}`, 's', 'commitment', 'x', [[s as ReviewStatus, i]]),
    );
    expect(recentFollowThrough(items)).toEqual({ done: 3, reviewed: 5 });
    expect(recentFollowThrough([])).toEqual({ done: 0, reviewed: 0 });
  });

  it('a belief heard in two sessions, in slightly other words, is repeated; one heard twice in one session is not', () => {
    const beliefs = [
      item('1', 's1', 'belief', 'I am not a leader.', [], 1),
      item('2', 's2', 'belief', 'i am NOT a leader', [], 2),
      item('3', 's1', 'belief', 'Nobody listens', [], 1),
      item('4', 's1', 'belief', 'Nobody listens!', [], 2),
    ];
    expect(repeatedBeliefs(beliefs)).toEqual([{ text: 'i am NOT a leader', sessions: 2 }]);
  });

  it('weeks and cadence', () => {
    expect(weeksBetween(0, 15 * 86_400_000)).toBe(2);
    expect(isLapsed(2, 0, 15 * 86_400_000)).toBe(true);
    expect(isLapsed(3, 0, 15 * 86_400_000)).toBe(false);
    expect(isLapsed(null, 0, 1e12)).toBe(false);
  });
});

// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { EngagementView } from '@/lib/api/contract';
import { DEFAULT_ENGAGEMENT } from '@/lib/model/client';
import { noOutcomes } from '@/lib/engagement/follow-through';
import { FollowThroughChart } from '@/components/engagement/FollowThroughChart';
import { aClient, aSession, NOW } from '../app/fixtures';
import { axeViolations } from '../app/axe';

afterEach(cleanup);

const row = (id: string, startedAt: number, outcomes: Partial<ReturnType<typeof noOutcomes>>) => {
  const counts = { ...noOutcomes(), ...outcomes };
  return { session: aSession({ id, startedAt }), made: Object.values(counts).reduce((a, b) => a + b, 0), outcomes: counts, goalText: null };
};

function view(): EngagementView {
  const sessions = [
    row('s1', NOW - 28 * 86_400_000, { done: 2, dropped: 1 }),
    row('s2', NOW - 14 * 86_400_000, { partly: 1, 'not-done': 1 }),
    row('s3', NOW, { open: 2 }),
  ];
  const totals = noOutcomes();
  for (const s of sessions) for (const [k, n] of Object.entries(s.outcomes)) totals[k as keyof typeof totals] += n;
  return { client: aClient(), engagement: DEFAULT_ENGAGEMENT, sessions, totals, goals: [], commitments: [], insights: [] };
}

describe('FollowThroughChart', () => {
  it('is an image whose name says the figures in words, with the same figures in a table', async () => {
    render(<FollowThroughChart view={view()} now={NOW} />);
    const chart = screen.getByRole('img', { name: /^Follow-through/ });
    expect(chart.getAttribute('aria-label')).toBe(
      'Follow-through: 7 commitments made over 3 sessions: 2 done, 1 partly done, 1 not done, 1 dropped, 2 still open.',
    );
    expect(chart.querySelectorAll('rect')).toHaveLength(5);
    const table = screen.getByRole('table', { name: /^Follow-through/ });
    const rows = table.querySelectorAll('tbody tr');
    expect(rows).toHaveLength(3);
    expect([...rows[1]!.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['2', '0', '1', '1', '0', '0', '0']);
    expect(await axeViolations(document.body)).toEqual([]);
  });

  it('an engagement with no sessions yet says so in words', () => {
    render(<FollowThroughChart view={{ ...view(), sessions: [], totals: noOutcomes() }} now={NOW} />);
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe('Follow-through: 0 commitments made over 0 sessions.');
  });
});

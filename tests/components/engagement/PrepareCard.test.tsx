// @vitest-environment happy-dom
import { act, cleanup, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PrepareView } from '@/lib/api/contract';
import { ok } from '@/lib/api/result';
import { DEFAULT_ENGAGEMENT } from '@/lib/model/client';
import { PrepareCard } from '@/components/engagement/PrepareCard';
import { fakeEnv } from '../../helpers/fake-env';
import { aClient, aCommitment, aSession, NOW } from '../app/fixtures';
import { axeViolations } from '../app/axe';
import { renderWithEnv } from '../app/render';

beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }));
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const client = aClient({
  goals: [
    { id: 'g1', text: 'Lead with calm', measure: 'Team survey', status: 'active' },
    { id: 'g2', text: 'Old goal', status: 'dropped' },
  ],
});
const prep = (over: Partial<PrepareView> = {}): PrepareView => ({
  client,
  engagement: { ...DEFAULT_ENGAGEMENT, sessionsPlanned: 6 },
  sessionsHeld: 2,
  weeksIn: 3,
  last: {
    session: aSession({
      id: 's2',
      reflection: 'Notice the hesitation',
      contract: { ...aSession().contract, topic: 'Delegation', desiredOutcome: 'A first handover' },
    }),
    inquiries: ['What would trusting them look like?'],
  },
  open: [
    aCommitment({ id: 'i1', text: 'Send the proposal to Maria', due: '2026-11-18' }),
    aCommitment({ id: 'i2', text: 'Book a skip-level' }),
  ],
  repeatedBeliefs: [{ text: 'I have to do it all myself', sessions: 2 }],
  recent: { done: 3, reviewed: 5 },
  opening: {
    id: 'b:contracting:21',
    stage: 'contracting',
    text: 'What have you noticed about the question you took away last time?',
    tags: [],
    builtin: true,
  },
  ...over,
});

async function show(view: PrepareView) {
  const env = fakeEnv({ now: () => NOW, api: { prepare: async () => ok(view) } });
  renderWithEnv(env, <PrepareCard client={client} />);
  await act(async () => void (await vi.advanceTimersByTimeAsync(0)));
  return screen.getByRole('region', { name: 'Prepare' });
}

describe('PrepareCard', () => {
  it('answers in one glance: where the engagement is, goals, last time, what is up for review, patterns, an opening', async () => {
    const card = await show(prep());
    const text = card.textContent!;
    expect(text).toContain('Session 3 of 6 · week 4 of the engagement');
    expect(text).toContain('Lead with calm — how we will know: Team survey');
    expect(text).not.toContain('Old goal');
    expect(text).toContain('Delegation — wanted: A first handover');
    expect(text).toContain('Your reflection: Notice the hesitation');
    expect(text).toContain('Took away: What would trusting them look like?');
    expect(within(card).getByText('Send the proposal to Maria').parentElement!.textContent).toMatch(/overdue, by/);
    expect(text).toContain('Follow-through lately: 3 of the last 5 done.');
    expect(text).toContain('Heard in 2 sessions: I have to do it all myself');
    expect(text).toContain('Open with: What have you noticed about the question you took away last time?');
    vi.useRealTimers();
    expect(await axeViolations(card)).toEqual([]);
  });

  it('a first session shows what a first contract needs instead', async () => {
    const card = await show(prep({ sessionsHeld: 0, last: null, open: [], recent: { done: 0, reviewed: 0 }, repeatedBeliefs: [] }));
    expect(card.textContent).toContain('First session with');
    expect(card.textContent).toContain('Agree confidentiality and recording first');
    expect(card.textContent).not.toContain('Up for review');
  });
});

// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EngagementView, HoldspaceApi } from '@/lib/api/contract';
import { ok } from '@/lib/api/result';
import { DEFAULT_ENGAGEMENT } from '@/lib/model/client';
import { noOutcomes } from '@/lib/engagement/follow-through';
import type { Client, EngagementGoal } from '@/lib/model/types';
import { ClientsView } from '@/components/engagement/ClientsView';
import { fakeEnv, type FakeEnv } from '../../helpers/fake-env';
import { aBundle, aClient, aContract, aSession, NOW } from '../app/fixtures';
import { axeViolations } from '../app/axe';
import { renderWithEnv } from '../app/render';

afterEach(cleanup);

const DAY = 86_400_000;
const ana = aClient({ id: 'c1', name: 'Ana Lima' });
const ben = aClient({ id: 'c2', name: 'Ben Okafor' });
const goal: EngagementGoal = { id: 'g1', text: 'Lead with calm', measure: 'Team survey up', status: 'active' };

type Row = EngagementView['sessions'][number];
const row = (id: string, daysAgo: number, topic: string, outcomes: Partial<Row['outcomes']>, goalText: string | null = null): Row => {
  const counts = { ...noOutcomes(), ...outcomes };
  return {
    session: aSession({
      id,
      status: 'ended',
      startedAt: NOW - daysAgo * DAY,
      contract: aContract({ topic, desiredOutcome: `Outcome of ${topic}`, goalId: goalText ? 'g1' : null }),
    }),
    made: Object.values(counts).reduce((a, b) => a + b, 0),
    outcomes: counts,
    goalText,
  };
};

function engagementOf(client: Client, sessions: Row[], goals: EngagementView['goals'] = []): EngagementView {
  const totals = noOutcomes();
  for (const s of sessions) for (const [k, n] of Object.entries(s.outcomes)) totals[k as keyof typeof totals] += n;
  return { client, engagement: DEFAULT_ENGAGEMENT, sessions, totals, goals, commitments: [], insights: [] };
}

const threeSessions = () =>
  engagementOf(
    { ...ana, goals: [goal] },
    [
      row('s1', 28, 'Delegation', { done: 2, dropped: 1 }, 'Lead with calm'),
      row('s2', 14, 'Feedback', { partly: 1, 'not-done': 1 }),
      row('s3', 7, 'The offsite', { open: 2 }, 'Lead with calm'),
    ],
    [{ goal, sessionIds: ['s1', 's3'] }],
  );

function show(view: EngagementView | null, over: Partial<HoldspaceApi> = {}, clientId: string | null = null) {
  const onClose = vi.fn();
  const env = fakeEnv({
    api: {
      listClients: async () => ok([ana, ben]),
      ...(view ? { engagement: async () => ok(view) } : {}),
      updateEngagement: async () => ok(ana),
      addGoal: async () => ok(ana),
      updateGoal: async () => ok(ana),
      ...over,
    },
  });
  renderWithEnv(env, <ClientsView clientId={clientId} onClose={onClose} />);
  return { env, onClose };
}

async function openAna(env: FakeEnv) {
  const button = await screen.findByRole('button', { name: 'Ana Lima' });
  await act(async () => void fireEvent.click(button));
  const region = await screen.findByRole('region', { name: 'Engagement' });
  await within(region).findByText('Ana Lima');
  expect(env.api.engagement).toHaveBeenCalledWith({ clientId: 'c1' });
  return region;
}

describe('ClientsView', () => {
  it('lists every client by name; each opens their engagement, and focus lands on the first part of the plan still missing', async () => {
    const { env } = show(engagementOf(ana, []));
    const list = await screen.findByRole('list', { name: 'Clients' });
    expect(
      within(list)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Ana Lima', 'Ben Okafor']);
    // Control: no engagement before a client is chosen.
    expect(screen.queryByRole('region', { name: 'Engagement' })).toBeNull();
    const region = await openAna(env);
    await waitFor(() => expect(document.activeElement).toBe(within(region).getByRole('textbox', { name: 'Sessions planned' })));
    // Back to the list: focus returns to the client who was open.
    fireEvent.click(screen.getByRole('button', { name: 'All clients' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Ana Lima' })));
  });

  it('Escape steps back: the engagement to the list, the list out', async () => {
    const { env, onClose } = show(engagementOf(ana, []));
    const region = await openAna(env);
    fireEvent.keyDown(within(region).getByRole('textbox', { name: 'Sessions planned' }), { key: 'Escape' });
    await screen.findByRole('list', { name: 'Clients' });
    expect(onClose).not.toHaveBeenCalled();
    fireEvent.keyDown(screen.getByRole('button', { name: 'Ana Lima' }), { key: 'Escape' });
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('with no clients yet: says how to create one', async () => {
    show(null, { listClients: async () => ok([]) });
    expect(await screen.findByText('No client yet')).toBeTruthy();
    expect(screen.queryByRole('list', { name: 'Clients' })).toBeNull();
  });

  it('opened from the strip with a client: straight to their engagement', async () => {
    const { env } = show(engagementOf(ana, []), {}, 'c1');
    expect(await screen.findByRole('region', { name: 'Engagement' })).toBeTruthy();
    expect(env.api.engagement).toHaveBeenCalledWith({ clientId: 'c1' });
    expect(screen.getByRole('button', { name: 'All clients' })).toBeTruthy();
  });
});

describe('EngagementPanel', () => {
  it('autosaves the agreement field by field; a number it cannot store says how to write it and saves nothing', async () => {
    const { env } = show(engagementOf(ana, []));
    const region = await openAna(env);
    const planned = within(region).getByRole('textbox', { name: 'Sessions planned' });
    fireEvent.input(planned, { target: { value: 'six' } });
    expect(
      within(region)
        .getAllByRole('status')
        .map((s) => s.textContent),
    ).toContainEqual(expect.stringContaining('Write a whole number of sessions, like 6'));
    fireEvent.blur(planned);
    await act(async () => void (await new Promise((r) => setTimeout(r, 350))));
    expect(env.api.updateEngagement).not.toHaveBeenCalled();
    fireEvent.input(planned, { target: { value: '6' } });
    fireEvent.blur(planned);
    await waitFor(() => expect(env.api.updateEngagement).toHaveBeenCalledWith({ clientId: 'c1', patch: { sessionsPlanned: 6 } }));
    const start = within(region).getByRole('textbox', { name: 'Start' });
    fireEvent.input(start, { target: { value: '2026-11-02' } });
    fireEvent.blur(start);
    await waitFor(() => expect(env.api.updateEngagement).toHaveBeenCalledWith({ clientId: 'c1', patch: { startedOn: '2026-11-02' } }));
    // A start typed without a year is the nearest such day (just past), not next year's.
    const lastMonth = new Date(NOW - 20 * DAY);
    const typed = `${lastMonth.toLocaleString('en-US', { month: 'short' })} ${lastMonth.getDate()}`;
    const meant = `${lastMonth.getFullYear()}-${String(lastMonth.getMonth() + 1).padStart(2, '0')}-${String(lastMonth.getDate()).padStart(2, '0')}`;
    fireEvent.input(start, { target: { value: typed } });
    fireEvent.blur(start);
    await waitFor(() => expect(env.api.updateEngagement).toHaveBeenCalledWith({ clientId: 'c1', patch: { startedOn: meant } }));
    // Planned end stays forward-looking: the next such day.
    const end = within(region).getByRole('textbox', { name: 'Planned end' });
    fireEvent.input(end, { target: { value: typed } });
    fireEvent.blur(end);
    const nextYear = `${lastMonth.getFullYear() + 1}${meant.slice(4)}`;
    await waitFor(() => expect(env.api.updateEngagement).toHaveBeenCalledWith({ clientId: 'c1', patch: { plannedEnd: nextYear } }));
    const terms = within(region).getByRole('textbox', { name: 'Cancellation' });
    fireEvent.input(terms, { target: { value: '24 hours notice' } });
    fireEvent.blur(terms);
    await waitFor(() =>
      expect(env.api.updateEngagement).toHaveBeenCalledWith({ clientId: 'c1', patch: { cancellation: '24 hours notice' } }),
    );
  });

  it('goals: Add goal refuses an empty one, adds a typed one with Enter; each goal has its measure, status and linked sessions', async () => {
    const { env } = show(threeSessions());
    const region = await openAna(env);
    const newGoal = within(region).getByRole('textbox', { name: 'New goal' });
    fireEvent.click(within(region).getByRole('button', { name: 'Add goal' }));
    expect((await within(region).findByRole('alert')).textContent).toContain('Write the goal first');
    expect(env.api.addGoal).not.toHaveBeenCalled();
    fireEvent.input(newGoal, { target: { value: 'Say no without guilt' } });
    await act(async () => void fireEvent.submit(newGoal.closest('form')!));
    expect(env.api.addGoal).toHaveBeenCalledWith({ clientId: 'c1', goal: { text: 'Say no without guilt' } });
    expect(newGoal).toHaveProperty('value', '');

    const goals = within(region).getByRole('list', { name: 'Engagement goals' });
    const item = within(goals).getByRole('group', { name: 'Lead with calm' });
    expect(within(item).getByRole('textbox', { name: 'How will we know' })).toHaveProperty('value', 'Team survey up');
    expect(item.textContent).toMatch(/Sessions on this goal: session 1 on .+, session 3 on .+\./);
    const status = within(item).getByRole('combobox', { name: 'Status' });
    expect(status).toHaveProperty('value', 'active');
    await act(async () => void fireEvent.change(status, { target: { value: 'achieved' } }));
    expect(env.api.updateGoal).toHaveBeenCalledWith({ clientId: 'c1', goalId: 'g1', patch: { status: 'achieved' } });
  });

  it('shows follow-through as a chart and a table, and the sessions newest first; a session opens read-only and Back returns to its row', async () => {
    const { env } = show(threeSessions(), {
      getSessionBundle: async ({ sessionId }) =>
        ok(aBundle({ session: threeSessions().sessions.find((r) => r.session.id === sessionId)!.session, client: ana })),
    });
    const region = await openAna(env);
    expect(within(region).getByRole('img', { name: /^Follow-through: 7 commitments made over 3 sessions/ })).toBeTruthy();
    expect(within(region).getByRole('table', { name: /^Follow-through/ })).toBeTruthy();
    const sessions = within(region).getByRole('list', { name: 'Sessions, newest first' });
    const rows = within(sessions).getAllByRole('button');
    expect(rows.map((b) => b.textContent)).toEqual([
      expect.stringMatching(/^Open session: .*, The offsite$/),
      expect.stringMatching(/^Open session: .*, Feedback$/),
      expect.stringMatching(/^Open session: .*, Delegation$/),
    ]);
    const meta = (b: HTMLElement) => document.getElementById(b.getAttribute('aria-describedby')!)!.textContent;
    expect(meta(rows[2]!)).toBe('Outcome of Delegation · goal: Lead with calm · 3 commitments made, 2 kept');
    expect(meta(rows[1]!)).toContain('2 commitments made, 0 kept');
    await act(async () => void fireEvent.click(rows[1]!));
    expect(await within(region).findByText('Read-only')).toBeTruthy();
    await waitFor(() => expect(env.api.getSessionBundle).toHaveBeenCalledWith({ sessionId: 's2' }));
    expect(await within(region).findByText('Feedback')).toBeTruthy();
    fireEvent.click(within(region).getByRole('button', { name: 'Back to the engagement' }));
    await waitFor(() => expect(document.activeElement?.textContent).toMatch(/Feedback$/));
  });

  it('designed empty states: no sessions, one session without commitments', async () => {
    const { env } = show(engagementOf(ana, []));
    const region = await openAna(env);
    expect(region.textContent).toContain('No sessions held yet.');
    expect(region.textContent).toContain('No sessions yet: the chart fills in as the client makes commitments.');
    expect(region.textContent).toContain('No goals yet.');
    expect(within(region).queryByRole('img')).toBeNull();
    cleanup();
    const one = show(engagementOf(ana, [row('s1', 7, 'First steps', {})]));
    const region1 = await openAna(one.env);
    expect(region1.textContent).toContain('1 session held.');
    expect(region1.textContent).toContain('No commitments made yet');
    expect(within(region1).getAllByRole('button', { name: /^Open session:/ })).toHaveLength(1);
  });

  it('fifty sessions: one bar each in the chart, fifty rows in the table and the timeline', async () => {
    const rows = Array.from({ length: 50 }, (_, i) => row(`s${i}`, 50 - i, `Topic ${i}`, { done: 1, open: i % 2 }));
    const { env } = show(engagementOf(ana, rows));
    const region = await openAna(env);
    expect(
      within(region).getByRole('img', { name: /^Follow-through: 75 commitments made over 50 sessions: 50 done, 25 still open\.$/ }),
    ).toBeTruthy();
    expect(
      within(region)
        .getByRole('table', { name: /^Follow-through/ })
        .querySelectorAll('tbody tr'),
    ).toHaveLength(50);
    expect(within(region).getAllByRole('button', { name: /^Open session:/ })).toHaveLength(50);
  });

  it('has no axe violations', async () => {
    const { env } = show(threeSessions());
    await openAna(env);
    expect(await axeViolations()).toEqual([]);
  });
});

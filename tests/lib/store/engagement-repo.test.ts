import { describe, expect, it } from 'vitest';
import { clientAndSession, err, T0, testStore, val } from './harness';
import { LIMITS } from '@/lib/model/limits';
import type { SessionKey } from '@/lib/store/lock';

const DAY = 86_400_000;

/** Three sessions two weeks apart: commitments made in each, reviewed in the next with different outcomes. */
async function threeSessions() {
  const t = testStore();
  const { api, clock } = t;
  const { client, session: s1 } = await clientAndSession(api, 'Ana', { goals: ['Lead the new team with calm'] });
  const goalId = client.goals[0]!.id;
  await val(api.updateContract({ sessionId: s1.id, patch: { topic: 'Delegation', goalId } }));
  const add = (sessionId: string, kind: 'commitment' | 'belief' | 'inquiry', text: string, due = '') =>
    val(api.addItem({ sessionId, input: { kind, text, due } }));
  const a = await add(s1.id, 'commitment', 'Hand over the weekly report');
  const b = await add(s1.id, 'commitment', 'Block thinking time');
  const c = await add(s1.id, 'commitment', 'Ask Sam for feedback');
  await add(s1.id, 'belief', 'I have to do it all myself.');
  await val(api.endSession({ sessionId: s1.id }));

  clock.advance(14 * DAY);
  const s2 = await val(api.startSession({ clientId: client.id }));
  await val(api.reviewCommitment({ itemId: a.id, sessionId: s2.id, status: 'done' }));
  await val(api.reviewCommitment({ itemId: b.id, sessionId: s2.id, status: 'dropped' }));
  await val(api.reviewCommitment({ itemId: c.id, sessionId: s2.id, status: 'carried-forward' }));
  await add(s2.id, 'belief', 'I have to do it ALL myself');
  const d = await add(s2.id, 'commitment', 'Say no to one meeting', '2026-12-07');
  await add(s2.id, 'inquiry', 'What would trusting them look like?');
  await val(api.endSession({ sessionId: s2.id }));
  clock.advance(14 * DAY);
  return { ...t, client, goalId, s1, s2, a, b, c, d };
}

describe('the engagement agreement and goals', () => {
  it('sets the agreement field by field and reads defaults for what was never set', async () => {
    const { api } = testStore();
    const { client } = await clientAndSession(api);
    const updated = await val(
      api.updateEngagement({ clientId: client.id, patch: { sessionsPlanned: 8, cadenceWeeks: 2, sponsor: 'Acme Ltd' } }),
    );
    expect(updated.engagement).toMatchObject({ sessionsPlanned: 8, cadenceWeeks: 2, sponsor: 'Acme Ltd', startedOn: '', plannedEnd: '' });
    await err(api.updateEngagement({ clientId: client.id, patch: { cadenceWeeks: 0 } }), 'invalid', 'cadenceWeeks');
    await err(api.updateEngagement({ clientId: client.id, patch: { startedOn: '2026-02-30' } }), 'invalid', 'startedOn');
  });

  it('adds goals with a measure and moves them through active, achieved, dropped', async () => {
    const { api } = testStore();
    const { client } = await clientAndSession(api);
    const withGoal = await val(
      api.addGoal({ clientId: client.id, goal: { text: ' Speak up in leadership meetings ', measure: 'Once a week' } }),
    );
    const goal = withGoal.goals.at(-1)!;
    expect(goal).toMatchObject({ text: 'Speak up in leadership meetings', measure: 'Once a week', status: 'active' });
    const achieved = await val(api.updateGoal({ clientId: client.id, goalId: goal.id, patch: { status: 'achieved' } }));
    expect(achieved.goals.at(-1)).toMatchObject({ id: goal.id, status: 'achieved', measure: 'Once a week' });
    await err(api.addGoal({ clientId: client.id, goal: { text: '  ' } }), 'invalid', 'text');
    await err(api.updateGoal({ clientId: client.id, goalId: 'nope', patch: { status: 'dropped' } }), 'not-found');
  });
});

describe('prepare', () => {
  it('answers in one read what a coach asks before a follow-up', async () => {
    const { api, client, s2, c, d } = await threeSessions();
    await val(api.updateEngagement({ clientId: client.id, patch: { sessionsPlanned: 6 } }));
    const prep = await val(api.prepare({ clientId: client.id }));
    expect(prep.sessionsHeld).toBe(2);
    expect(prep.engagement.sessionsPlanned).toBe(6);
    expect(prep.weeksIn).toBe(4);
    expect(prep.last?.session.id).toBe(s2.id);
    expect(prep.last?.inquiries).toEqual(['What would trusting them look like?']);
    expect(prep.open.map((v) => v.item.id)).toEqual([c.id, d.id]);
    expect(prep.repeatedBeliefs).toEqual([{ text: 'I have to do it ALL myself', sessions: 2 }]);
    expect(prep.recent).toEqual({ done: 1, reviewed: 3 });
    expect(prep.opening?.id).toBe('b:contracting:21');
  });

  it('a first session: nothing held, no last session, the deck’s first opening', async () => {
    const { api } = testStore();
    const client = await val(api.createClient({ input: { name: 'New' } }));
    const prep = await val(api.prepare({ clientId: client.id }));
    expect(prep).toMatchObject({
      sessionsHeld: 0,
      weeksIn: null,
      last: null,
      open: [],
      repeatedBeliefs: [],
      recent: { done: 0, reviewed: 0 },
    });
    expect(prep.opening?.id).toBe('b:contracting:01');
  });
});

describe('engagement over time', () => {
  it('counts each session’s commitments by how they turned out, and links goals to sessions', async () => {
    const { api, client, goalId, s1, s2 } = await threeSessions();
    const view = await val(api.engagement({ clientId: client.id }));
    expect(view.sessions.map((r) => r.session.id)).toEqual([s1.id, s2.id]);
    expect(view.sessions[0]).toMatchObject({ made: 3, goalText: 'Lead the new team with calm' });
    expect(view.sessions[0]!.outcomes).toMatchObject({ done: 1, dropped: 1, 'carried-forward': 1, open: 0 });
    expect(view.sessions[1]).toMatchObject({ made: 1, goalText: null });
    expect(view.sessions[1]!.outcomes.open).toBe(1);
    expect(view.totals).toMatchObject({ done: 1, dropped: 1, 'carried-forward': 1, open: 1, partly: 0, 'not-done': 0 });
    expect(view.goals).toEqual([{ goal: expect.objectContaining({ id: goalId }), sessionIds: [s1.id] }]);
  });
});

describe('due this week', () => {
  it('lists open commitments overdue or due in seven days, by client, and clients past their cadence', async () => {
    const { api, clock, client, d } = await threeSessions();
    // now: T0 + 28 days = 2026-12-19; d was due 2026-12-07 (overdue).
    const ben = await clientAndSession(api, 'Ben');
    await val(api.addItem({ sessionId: ben.session.id, input: { kind: 'commitment', text: 'Later', due: '2027-02-01' } }));
    const soon = await val(api.addItem({ sessionId: ben.session.id, input: { kind: 'commitment', text: 'Soon', due: '2026-12-24' } }));
    await val(api.endSession({ sessionId: ben.session.id }));
    await val(api.updateEngagement({ clientId: client.id, patch: { cadenceWeeks: 1 } }));
    const due = await val(api.dueThisWeek({}));
    expect(due.groups.map((g) => [g.client.name, g.commitments.map((v) => v.item.id)])).toEqual([
      ['Ana', [d.id]],
      ['Ben', [soon.id]],
    ]);
    expect(due.lapsed.map((l) => l.client.name)).toEqual(['Ana']);
    expect(T0 + 28 * DAY).toBe(clock.now());
  });
});

describe('due this week at length', () => {
  it('lists a client’s latest due commitments up to the limit and counts the older overdue ones', async () => {
    const { api, clock } = testStore();
    const { client, session } = await clientAndSession(api, 'Ana');
    const days = Array.from({ length: LIMITS.dueListPerClient + 3 }, (_, i) => `2026-10-${String(i + 1).padStart(2, '0')}`);
    for (const due of days) await val(api.addItem({ sessionId: session.id, input: { kind: 'commitment', text: `By ${due}`, due } }));
    await val(api.endSession({ sessionId: session.id }));
    clock.advance(DAY);
    const [group] = (await val(api.dueThisWeek({}))).groups;
    expect(group?.client.id).toBe(client.id);
    expect(group?.commitments.map((c) => c.item.due)).toEqual(days.slice(3));
    expect(group?.more).toBe(3);
    // One taken off the table: one fewer is left out, the list stays full.
    await val(api.reviewCommitment({ itemId: group!.commitments[0]!.item.id, status: 'done' }));
    const after = (await val(api.dueThisWeek({}))).groups[0]!;
    expect(after.more).toBe(2);
    expect(after.commitments).toHaveLength(LIMITS.dueListPerClient);
  });

  it('leaves out the running session’s commitments and closed ones, and counts a due time on the last day', async () => {
    const { api, clock } = testStore();
    const { session } = await clientAndSession(api, 'Ana');
    const lastDay = new Date(clock.now() + 8 * DAY).toISOString().slice(0, 10);
    const atTime = await val(api.addItem({ sessionId: session.id, input: { kind: 'commitment', text: 'Call', due: `${lastDay}T17:00` } }));
    const done = await val(api.addItem({ sessionId: session.id, input: { kind: 'commitment', text: 'Done one', due: '2026-10-01' } }));
    await val(api.endSession({ sessionId: session.id }));
    clock.advance(DAY);
    await val(api.reviewCommitment({ itemId: done.id, status: 'done' }));
    const running = await val(api.startSession({ clientId: session.clientId }));
    await val(api.addItem({ sessionId: running.id, input: { kind: 'commitment', text: 'Made just now', due: '2026-10-02' } }));
    const due = await val(api.dueThisWeek({}));
    expect(due.groups.map((g) => g.commitments.map((c) => c.item.id))).toEqual([[atTime.id]]);
    expect(due.groups[0]!.more).toBe(0);
    expect(due.groups[0]!.lastSeen).toBe(running.startedAt);
  });

  it('reads records only for the first page of clients, the one with the oldest due first, and counts the rest', async () => {
    const { api, clock } = testStore();
    const names = ['Cleo', 'Ana', 'Ben'];
    const oldest = { Ana: '2026-10-01', Ben: '2026-10-05', Cleo: '2026-10-10' } as Record<string, string>;
    for (const name of names) {
      const { session } = await clientAndSession(api, name);
      for (let k = 0; k < 3; k++)
        await val(
          api.addItem({
            sessionId: session.id,
            input: { kind: 'commitment', text: `${name} ${k}`, due: k === 0 ? oldest[name]! : '2026-11-20' },
          }),
        );
      await val(api.endSession({ sessionId: session.id }));
    }
    clock.advance(DAY);
    const first = await val(api.dueThisWeek({ cards: 4 }));
    expect(first.groups.map((g) => g.client.name)).toEqual(['Ana', 'Ben']);
    expect(first.unlisted).toEqual({ clients: 1, commitments: 3 });
    const all = await val(api.dueThisWeek({ cards: 40 }));
    expect(all.groups.map((g) => g.client.name)).toEqual(['Ana', 'Ben', 'Cleo']);
    expect(all.unlisted).toEqual({ clients: 0, commitments: 0 });
    // One page is at least one client, however small `cards` is.
    expect((await val(api.dueThisWeek({ cards: 1 }))).groups).toHaveLength(1);
  });
});

describe('due this week, read by keys', () => {
  it('orders clients by the earliest due left once the running session’s commitments are set aside; archived clients are left out', async () => {
    const { api, clock } = testStore();
    const ana = await clientAndSession(api, 'Ana');
    const anaDue = await val(api.addItem({ sessionId: ana.session.id, input: { kind: 'commitment', text: 'Ana’s', due: '2026-11-25' } }));
    await val(api.endSession({ sessionId: ana.session.id }));
    const cleo = await clientAndSession(api, 'Cleo');
    await val(api.addItem({ sessionId: cleo.session.id, input: { kind: 'commitment', text: 'Cleo’s', due: '2026-10-01' } }));
    await val(api.endSession({ sessionId: cleo.session.id }));
    await val(api.updateClient({ id: cleo.client.id, patch: { archived: true } }));
    const ben = await clientAndSession(api, 'Ben');
    const benDue = await val(api.addItem({ sessionId: ben.session.id, input: { kind: 'commitment', text: 'Ben’s', due: '2026-11-20' } }));
    await val(api.endSession({ sessionId: ben.session.id }));
    clock.advance(DAY);
    const names = async () => (await val(api.dueThisWeek({}))).groups.map((g) => [g.client.name, g.commitments.map((c) => c.item.id)]);
    // Control: Ben's is the earliest due.
    expect(await names()).toEqual([
      ['Ben', [benDue.id]],
      ['Ana', [anaDue.id]],
    ]);
    // A commitment made in Ana's running session, due long ago, neither shows nor moves Ana ahead of Ben.
    const running = await val(api.startSession({ clientId: ana.client.id }));
    await val(api.addItem({ sessionId: running.id, input: { kind: 'commitment', text: 'Made now', due: '2026-10-02' } }));
    expect(await names()).toEqual([
      ['Ben', [benDue.id]],
      ['Ana', [anaDue.id]],
    ]);
    const due = await val(api.dueThisWeek({}));
    expect(due.unlisted).toEqual({ clients: 0, commitments: 0 });
    expect(due.groups.map((g) => g.lastSeen)).toEqual([ben.session.startedAt, running.startedAt]);
  });

  it('lapsed: only clients past their cadence, with their latest session; listed clients keep their latest session without one', async () => {
    const { api, clock } = testStore();
    const ana = await clientAndSession(api, 'Ana'); // cadence 1 week, last seen 3 weeks ago: lapsed
    await val(api.endSession({ sessionId: ana.session.id }));
    const ben = await clientAndSession(api, 'Ben'); // no cadence, a commitment due: listed, never lapsed
    const benDue = await val(api.addItem({ sessionId: ben.session.id, input: { kind: 'commitment', text: 'Due', due: '2026-11-30' } }));
    await val(api.endSession({ sessionId: ben.session.id }));
    const cleo = await clientAndSession(api, 'Cleo'); // cadence 4 weeks, seen 3 weeks ago: not lapsed
    await val(api.endSession({ sessionId: cleo.session.id }));
    const dan = await val(api.createClient({ input: { name: 'Dan' } })); // cadence, never seen: not lapsed
    for (const [id, cadenceWeeks] of [
      [ana.client.id, 1],
      [cleo.client.id, 4],
      [dan.id, 1],
    ] as const)
      await val(api.updateEngagement({ clientId: id, patch: { cadenceWeeks } }));
    clock.advance(21 * DAY);
    const due = await val(api.dueThisWeek({}));
    expect(due.lapsed).toEqual([{ client: expect.objectContaining({ name: 'Ana' }), lastSeen: ana.session.startedAt, cadenceWeeks: 1 }]);
    expect(due.groups).toEqual([
      expect.objectContaining({ client: expect.objectContaining({ name: 'Ben' }), lastSeen: ben.session.startedAt, more: 0 }),
    ]);
    expect(due.groups[0]!.commitments.map((c) => c.item.id)).toEqual([benDue.id]);
    // A new session with Ana ends her lapse.
    await val(api.startSession({ clientId: ana.client.id }));
    expect((await val(api.dueThisWeek({}))).lapsed).toEqual([]);
  });

  it('with the lock on, answers exactly as with it off', async () => {
    let stored: SessionKey | null = null;
    const keys = { get: async () => stored, set: async (k: SessionKey | null) => void (stored = k) };
    const { api, clock } = testStore({ lock: { keys, iterations: 1_000, idle: async () => ({ minutes: 30, duringTimer: false }) } });
    for (const [name, due] of [
      ['Ana', '2026-11-24'],
      ['Ben', '2026-10-03'],
    ] as const) {
      const { client, session } = await clientAndSession(api, name);
      await val(api.addItem({ sessionId: session.id, input: { kind: 'commitment', text: `${name}’s promise`, due } }));
      await val(api.addItem({ sessionId: session.id, input: { kind: 'commitment', text: `${name}’s later one`, due: '2027-01-10' } }));
      await val(api.endSession({ sessionId: session.id }));
      await val(api.updateEngagement({ clientId: client.id, patch: { cadenceWeeks: 1 } }));
    }
    clock.advance(10 * DAY);
    const plain = await val(api.dueThisWeek({}));
    expect(plain.groups.map((g) => g.commitments.map((c) => c.item.text))).toEqual([['Ben’s promise'], ['Ana’s promise']]);
    expect(plain.lapsed.map((l) => l.client.name)).toEqual(['Ana', 'Ben']);
    await val(api.turnOnLock({ passphrase: 'lantern harbour', repeat: 'lantern harbour' }));
    expect(await val(api.dueThisWeek({}))).toEqual(plain);
  });
});

import { describe, expect, it } from 'vitest';
import { clientAndSession, err, T0, testStore, val } from './harness';

const DAY = 86_400_000;

async function twoSessions() {
  const t = testStore();
  const { api, clock } = t;
  const { client, session: first } = await clientAndSession(api, 'Ana');
  const add = (text: string, due = '') => val(api.addItem({ sessionId: first.id, input: { kind: 'commitment', text, due } }));
  const call = await add('Call the board chair', '2026-11-28');
  const plan = await add('Draft the plan', '2026-12-03T17:00');
  const offsite = await add('Book the offsite');
  const note = await val(api.addItem({ sessionId: first.id, input: { kind: 'note', text: 'Energy rose' } }));
  await val(api.endSession({ sessionId: first.id }));
  clock.advance(14 * DAY);
  const second = await val(api.startSession({ clientId: client.id }));
  return { ...t, client, first, second, call, plan, offsite, note };
}

describe('open commitments', () => {
  it('lists the client’s open commitments from earlier sessions, never the running one', async () => {
    const { api, client, second, call, plan, offsite } = await twoSessions();
    await val(api.addItem({ sessionId: second.id, input: { kind: 'commitment', text: 'Made today' } }));
    const other = await val(api.createClient({ input: { name: 'Ben' } }));
    const views = await val(api.openCommitments({ clientId: client.id }));
    expect(views.map((v) => v.item.id)).toEqual([call.id, plan.id, offsite.id]);
    expect(views[0]).toMatchObject({ status: 'open', lastReview: null, madeAt: T0 });
    expect(await val(api.openCommitments({ clientId: other.id }))).toEqual([]);
  });

  it('derives status from the latest review; only done and dropped take a commitment off the table', async () => {
    const { api, client, second, call, plan, offsite, clock } = await twoSessions();
    const done = await val(api.reviewCommitment({ itemId: call.id, sessionId: second.id, status: 'done', note: 'Went well' }));
    expect(done).toMatchObject({
      status: 'done',
      lastReview: { sessionId: second.id, status: 'done', note: 'Went well', at: T0 + 14 * DAY },
    });
    expect(done.item.open).toBe(0);
    await val(api.reviewCommitment({ itemId: plan.id, sessionId: second.id, status: 'carried-forward' }));
    await val(api.reviewCommitment({ itemId: offsite.id, sessionId: second.id, status: 'dropped' }));
    const open = await val(api.openCommitments({ clientId: client.id }));
    expect(open.map((v) => [v.item.id, v.status])).toEqual([[plan.id, 'carried-forward']]);

    // A second review in the same session replaces the first: partly done keeps it on the table.
    clock.advance(60_000);
    const again = await val(api.reviewCommitment({ itemId: call.id, sessionId: second.id, status: 'partly', note: 'Half the calls' }));
    expect(again.item.reviews).toHaveLength(1);
    expect(again).toMatchObject({ status: 'partly', lastReview: { note: 'Half the calls' } });
    expect(again.item.open).toBe(1);

    // In the next session the partly done and carried-forward ones are back, with their history; dropped is not.
    await val(api.endSession({ sessionId: second.id }));
    clock.advance(14 * DAY);
    const third = await val(api.startSession({ clientId: client.id }));
    const back = await val(api.openCommitments({ clientId: client.id }));
    expect(back.map((v) => [v.item.id, v.status])).toEqual([
      [call.id, 'partly'],
      [plan.id, 'carried-forward'],
    ]);
    expect(back[0]!.item.reviews).toEqual([{ sessionId: second.id, status: 'partly', note: 'Half the calls', at: T0 + 14 * DAY + 60_000 }]);
    await val(api.reviewCommitment({ itemId: call.id, sessionId: third.id, status: 'not-done' }));
    const finished = await val(api.reviewCommitment({ itemId: plan.id, sessionId: third.id, status: 'done' }));
    expect(finished.item.reviews.map((r) => r.status)).toEqual(['carried-forward', 'done']);
    // Not done stays; done goes.
    expect((await val(api.openCommitments({ clientId: client.id }))).map((v) => v.item.id)).toEqual([call.id]);
  });

  it('with withReviewedInRunning, also lists what the running session reviewed (a done one stays in the review)', async () => {
    const { api, client, second, call, plan, offsite } = await twoSessions();
    await val(api.reviewCommitment({ itemId: call.id, sessionId: second.id, status: 'done' }));
    await val(api.reviewCommitment({ itemId: offsite.id, sessionId: second.id, status: 'dropped' }));
    await val(api.addItem({ sessionId: second.id, input: { kind: 'commitment', text: 'Made today' } }));
    const inReview = await val(api.openCommitments({ clientId: client.id, withReviewedInRunning: true }));
    expect(inReview.map((v) => [v.item.id, v.status])).toEqual([
      [call.id, 'done'],
      [plan.id, 'open'],
      [offsite.id, 'dropped'],
    ]);
    // Control: without it, only what is still on the table.
    expect((await val(api.openCommitments({ clientId: client.id }))).map((v) => v.item.id)).toEqual([plan.id]);
  });

  it('keeps the latest session’s review as the status when an earlier session’s review is edited later', async () => {
    const { api, client, second, plan, clock } = await twoSessions();
    await val(api.reviewCommitment({ itemId: plan.id, sessionId: second.id, status: 'carried-forward' }));
    await val(api.endSession({ sessionId: second.id }));
    clock.advance(DAY);
    const third = await val(api.startSession({ clientId: client.id }));
    await val(api.reviewCommitment({ itemId: plan.id, sessionId: third.id, status: 'done' }));
    clock.advance(DAY);
    const edited = await val(api.reviewCommitment({ itemId: plan.id, sessionId: second.id, status: 'not-done' }));
    expect(edited.item.reviews.map((r) => [r.sessionId, r.status])).toEqual([
      [second.id, 'not-done'],
      [third.id, 'done'],
    ]);
    expect(edited.status).toBe('done');
  });

  it('carrying forward with a new date moves the due date and keeps the date in the review', async () => {
    const { api, client, second, call, plan } = await twoSessions();
    const carried = await val(
      api.reviewCommitment({ itemId: call.id, sessionId: second.id, status: 'carried-forward', due: '2026-12-20' }),
    );
    expect(carried.item.due).toBe('2026-12-20');
    expect(carried.lastReview).toMatchObject({ status: 'carried-forward', due: '2026-12-20' });
    expect((await val(api.dueBetween({ from: '2026-12-20', to: '2026-12-20' }))).map((v) => v.item.id)).toEqual([call.id]);
    expect(await val(api.dueBetween({ from: '2026-11-28', to: '2026-11-28' }))).toEqual([]);
    // Without a date it keeps the old one.
    const kept = await val(api.reviewCommitment({ itemId: plan.id, sessionId: second.id, status: 'carried-forward' }));
    expect(kept.item.due).toBe('2026-12-03T17:00');
    expect(kept.lastReview && 'due' in kept.lastReview).toBe(false);
    // A date with another status is refused, and changes nothing.
    const e = await err(
      api.reviewCommitment({ itemId: plan.id, sessionId: second.id, status: 'done', due: '2026-12-24' }),
      'invalid',
      'due',
    );
    expect(e.message).toMatch(/carried forward/);
    await err(api.reviewCommitment({ itemId: plan.id, sessionId: second.id, status: 'carried-forward', due: '24/12' }), 'invalid', 'due');
    const open = await val(api.openCommitments({ clientId: client.id }));
    expect(open.find((v) => v.item.id === plan.id)).toMatchObject({ status: 'carried-forward', item: { due: '2026-12-03T17:00' } });
  });

  it('refuses reviews that make no sense', async () => {
    const { api, first, second, call, note } = await twoSessions();
    await err(api.reviewCommitment({ itemId: call.id, sessionId: second.id, status: 'open' as never }), 'invalid', 'status');
    await err(api.reviewCommitment({ itemId: call.id, sessionId: second.id, status: 'done', note: 'x'.repeat(20_001) }), 'invalid', 'note');
    await err(api.reviewCommitment({ itemId: note.id, sessionId: second.id, status: 'done' }), 'invalid', 'itemId');
    await err(api.reviewCommitment({ itemId: call.id, sessionId: first.id, status: 'done' }), 'invalid', 'sessionId');
    await err(api.reviewCommitment({ itemId: 'missing', sessionId: second.id, status: 'done' }), 'not-found');
    await err(api.reviewCommitment({ itemId: call.id, sessionId: 'missing', status: 'done' }), 'not-found');
    await val(api.endSession({ sessionId: second.id }));
    const ben = await clientAndSession(api, 'Ben');
    await err(api.reviewCommitment({ itemId: call.id, sessionId: ben.session.id, status: 'done' }), 'invalid', 'sessionId');
    expect((await val(api.openCommitments({ clientId: call.clientId }))).every((v) => v.lastReview === null)).toBe(true);
  });

  it('shows the commitments reviewed in a session in its bundle, with the status recorded there', async () => {
    const { api, client, second, call, plan, clock } = await twoSessions();
    await val(api.reviewCommitment({ itemId: call.id, sessionId: second.id, status: 'done' }));
    await val(api.reviewCommitment({ itemId: plan.id, sessionId: second.id, status: 'carried-forward' }));
    await val(api.endSession({ sessionId: second.id }));
    clock.advance(DAY);
    const third = await val(api.startSession({ clientId: client.id }));
    await val(api.reviewCommitment({ itemId: plan.id, sessionId: third.id, status: 'done' }));
    const bundle = await val(api.getSessionBundle({ sessionId: second.id }));
    expect(bundle.reviewed.map((v) => [v.item.id, v.status])).toEqual([
      [call.id, 'done'],
      [plan.id, 'carried-forward'],
    ]);
    expect(bundle.items).toEqual([]);
    const active = await val(api.activeSession({}));
    expect(active?.reviewed.map((v) => [v.item.id, v.status])).toEqual([[plan.id, 'done']]);
  });
});

describe('due between', () => {
  it('finds commitments due in a day range, inclusive, with times on the last day', async () => {
    const { api, call, plan, second } = await twoSessions();
    await val(api.endSession({ sessionId: second.id }));
    const ben = await clientAndSession(api, 'Ben');
    const bens = await val(api.addItem({ sessionId: ben.session.id, input: { kind: 'commitment', text: 'Ben’s', due: '2026-11-30' } }));
    await val(api.addItem({ sessionId: ben.session.id, input: { kind: 'commitment', text: 'No date' } }));
    expect((await val(api.dueBetween({ from: '2026-11-28', to: '2026-12-03' }))).map((v) => v.item.id)).toEqual([
      call.id,
      bens.id,
      plan.id,
    ]);
    expect((await val(api.dueBetween({ from: '2026-11-29', to: '2026-12-02' }))).map((v) => v.item.id)).toEqual([bens.id]);
    expect((await val(api.dueBetween({ from: '2026-12-04', to: '2026-12-31' }))).map((v) => v.item.id)).toEqual([]);
    expect((await val(api.dueBetween({ from: '2026-12-03', to: '2026-12-03' }))).map((v) => v.item.id)).toEqual([plan.id]);
    const views = await val(api.dueBetween({ from: '2026-01-01', to: '2026-12-31' }));
    expect(views[0]).toMatchObject({ status: 'open', madeAt: T0 });
    await err(api.dueBetween({ from: '2026-12-31', to: '2026-01-01' }), 'invalid', 'from');
    await err(api.dueBetween({ from: '2026-02-30', to: '2026-03-01' }), 'invalid', 'from');
  });
});

describe('reviews between sessions', () => {
  it('records a status and a note with no session; a second one before the next session replaces it, a session keeps it in the history', async () => {
    const { api, client, second, call, plan, clock } = await twoSessions();
    await val(api.endSession({ sessionId: second.id }));
    clock.advance(2 * DAY);
    const first = await val(api.reviewCommitment({ itemId: plan.id, status: 'partly', note: 'Outline written' }));
    expect(first.status).toBe('partly');
    expect(first.lastReview).toEqual({ status: 'partly', note: 'Outline written', at: clock.now() });
    expect(first.lastReview).not.toHaveProperty('sessionId');
    clock.advance(DAY);
    // The same stretch between sessions: the coach corrects it (one entry, not two).
    const corrected = await val(
      api.reviewCommitment({ itemId: plan.id, status: 'carried-forward', note: 'Needs a week', due: '2026-12-20' }),
    );
    expect(corrected.item.reviews).toHaveLength(1);
    expect(corrected.item.due).toBe('2026-12-20');
    // Still open, so the next session reviews it, with the between-session review in its history.
    clock.advance(DAY);
    const third = await val(api.startSession({ clientId: client.id }));
    const open = await val(api.openCommitments({ clientId: client.id }));
    const seen = open.find((c) => c.item.id === plan.id)!;
    expect(seen.lastReview).toMatchObject({ status: 'carried-forward', note: 'Needs a week' });
    await val(api.reviewCommitment({ itemId: plan.id, sessionId: third.id, status: 'done' }));
    await val(api.endSession({ sessionId: third.id }));
    // After that session a new between-session review is a new entry: the earlier stretch's stays.
    clock.advance(DAY);
    const after = await val(api.reviewCommitment({ itemId: plan.id, status: 'not-done', note: 'Slipped again' }));
    expect(after.item.reviews.map((r) => [r.sessionId ?? 'between', r.status])).toEqual([
      ['between', 'carried-forward'],
      [third.id, 'done'],
      ['between', 'not-done'],
    ]);
    // A done review between sessions takes the commitment off the table.
    await val(api.reviewCommitment({ itemId: call.id, status: 'done' }));
    const still = await val(api.openCommitments({ clientId: client.id }));
    expect(still.map((c) => c.item.id)).not.toContain(call.id);
    expect(still.map((c) => c.item.id)).toContain(plan.id);
  });

  it('a between-session review enters no session’s bundle, and keeps the same refusals', async () => {
    const { api, second, call, note } = await twoSessions();
    await val(api.reviewCommitment({ itemId: call.id, status: 'done', note: 'Called on Monday' }));
    expect((await val(api.getSessionBundle({ sessionId: second.id }))).reviewed).toEqual([]);
    await err(api.reviewCommitment({ itemId: note.id, status: 'done' }), 'invalid', 'itemId');
    await err(api.reviewCommitment({ itemId: call.id, status: 'done', due: '2026-12-24' }), 'invalid', 'due');
    await err(api.reviewCommitment({ itemId: 'missing', status: 'done' }), 'not-found');
    // Control: with a session, the same call lands in that session's bundle.
    await val(api.reviewCommitment({ itemId: call.id, sessionId: second.id, status: 'done' }));
    expect((await val(api.getSessionBundle({ sessionId: second.id }))).reviewed.map((v) => v.item.id)).toEqual([call.id]);
  });
});

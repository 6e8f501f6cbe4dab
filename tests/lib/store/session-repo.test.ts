import { describe, expect, it } from 'vitest';
import { elapsedMs, timerView } from '@/lib/timer/timer';
import { clientAndSession, err, T0, testStore, val } from './harness';

describe('starting and ending sessions', () => {
  it('starts one session at a time and reports it as active', async () => {
    const { api } = testStore();
    expect(await val(api.activeSession({}))).toBeNull();
    const { client, session } = await clientAndSession(api, 'Ana');
    expect(session).toMatchObject({ clientId: client.id, status: 'active', startedAt: T0, endedAt: null, asked: [], reflection: '' });
    expect(session.timer).toMatchObject({ plannedMinutes: 60, startedAt: null, warningMinutes: 5 });
    const ben = await val(api.createClient({ input: { name: 'Ben' } }));
    const e = await err(api.startSession({ clientId: ben.id }), 'conflict');
    expect(e.message).toMatch(/Ana is still running/);
    const active = await val(api.activeSession({}));
    expect(active?.session.id).toBe(session.id);
    expect(active?.client.name).toBe('Ana');
  });

  it('uses the planned length given, or the defaults, and refuses out-of-range lengths', async () => {
    const { api } = testStore({
      sessionDefaults: async () => ({
        plannedMinutes: 45,
        phases: { contracting: 20, exploring: 50, actions: 20, closing: 10 },
        warningMinutes: 8,
      }),
    });
    const a = await val(api.createClient({ input: { name: 'A' } }));
    await err(api.startSession({ clientId: a.id, plannedMinutes: 4 }), 'invalid', 'plannedMinutes');
    await err(api.startSession({ clientId: a.id, plannedMinutes: 241 }), 'invalid', 'plannedMinutes');
    const s = await val(api.startSession({ clientId: a.id }));
    expect(s.timer).toMatchObject({ plannedMinutes: 45, warningMinutes: 8, phases: { contracting: 20 } });
    await val(api.endSession({ sessionId: s.id }));
    expect((await val(api.startSession({ clientId: a.id, plannedMinutes: 90 }))).timer.plannedMinutes).toBe(90);
  });

  it('refuses unknown and archived clients', async () => {
    const { api } = testStore();
    await err(api.startSession({ clientId: 'nobody' }), 'not-found');
    const a = await val(api.createClient({ input: { name: 'A' } }));
    await val(api.updateClient({ id: a.id, patch: { archived: true } }));
    await err(api.startSession({ clientId: a.id }), 'conflict', 'clientId');
  });

  it('ends a session once, freezing its timer', async () => {
    const { api, clock } = testStore();
    const { session } = await clientAndSession(api);
    await val(api.timer({ sessionId: session.id, action: { type: 'start' } }));
    clock.advance(10 * 60_000);
    const ended = await val(api.endSession({ sessionId: session.id }));
    expect(ended).toMatchObject({ status: 'ended', endedAt: T0 + 10 * 60_000 });
    clock.advance(60 * 60_000);
    expect(elapsedMs(ended.timer, clock.now())).toBe(10 * 60_000);
    expect(await val(api.endSession({ sessionId: session.id }))).toEqual(ended);
    expect(await val(api.activeSession({}))).toBeNull();
    await err(api.timer({ sessionId: session.id, action: { type: 'resume' } }), 'conflict');
    await err(api.endSession({ sessionId: 'missing' }), 'not-found');
  });
});

describe('the contract', () => {
  it('patches only the fields present, so two views editing different fields both win', async () => {
    const { api } = testStore();
    const { session } = await clientAndSession(api);
    await Promise.all([
      api.updateContract({ sessionId: session.id, patch: { topic: 'Delegation' } }),
      api.updateContract({ sessionId: session.id, patch: { desiredOutcome: 'A first step' } }),
      api.updateContract({ sessionId: session.id, patch: { agreements: { confidentiality: true } } }),
      api.updateContract({ sessionId: session.id, patch: { agreements: { permissionToOffer: true } } }),
    ]);
    const { contract } = (await val(api.getSessionBundle({ sessionId: session.id }))).session;
    expect(contract).toMatchObject({
      topic: 'Delegation',
      desiredOutcome: 'A first step',
      whyItMatters: '',
      agreements: { confidentiality: true, recordingConsent: false, permissionToOffer: true },
    });
  });

  it('last write wins per field', async () => {
    const { api } = testStore();
    const { session } = await clientAndSession(api);
    await val(api.updateContract({ sessionId: session.id, patch: { topic: 'First', focus: 'both' } }));
    const s = await val(api.updateContract({ sessionId: session.id, patch: { topic: 'Second' } }));
    expect(s.contract).toMatchObject({ topic: 'Second', focus: 'both' });
  });

  it('with a base, writes only over the text the view last saw: a stale base is a conflict that changes nothing', async () => {
    const { api } = testStore();
    const { session } = await clientAndSession(api);
    const sessionId = session.id;
    await val(api.updateContract({ sessionId, patch: { topic: 'Career' }, base: { topic: '' } }));
    // The panel saw "Career" and appended; the overlay, also from "Career", typed "!" after it.
    await val(api.updateContract({ sessionId, patch: { topic: 'Career change and promotion' }, base: { topic: 'Career' } }));
    const e = await err(api.updateContract({ sessionId, patch: { topic: 'Career!' }, base: { topic: 'Career' } }), 'conflict', 'topic');
    expect(e.message).toMatch(/another view/i);
    expect((await val(api.getSessionBundle({ sessionId }))).session.contract.topic).toBe('Career change and promotion');
    // Nothing else in the same patch was written either; a base for another field is checked on its own.
    await err(
      api.updateContract({ sessionId, patch: { topic: 'x', desiredOutcome: 'y' }, base: { topic: 'Career', desiredOutcome: '' } }),
      'conflict',
      'topic',
    );
    expect((await val(api.getSessionBundle({ sessionId }))).session.contract.desiredOutcome).toBe('');
    const s = await val(api.updateContract({ sessionId, patch: { desiredOutcome: 'A step' }, base: { desiredOutcome: '' } }));
    expect(s.contract).toMatchObject({ topic: 'Career change and promotion', desiredOutcome: 'A step' });
    // Without a base (older callers), the last write still wins.
    expect((await val(api.updateContract({ sessionId, patch: { topic: 'Career!' } }))).contract.topic).toBe('Career!');
  });

  it('links only to one of the client’s goals, and validates the fields', async () => {
    const { api } = testStore();
    const { client, session } = await clientAndSession(api, 'Ana', { goals: ['Delegate'] });
    const goalId = client.goals[0]!.id;
    expect((await val(api.updateContract({ sessionId: session.id, patch: { goalId } }))).contract.goalId).toBe(goalId);
    await err(api.updateContract({ sessionId: session.id, patch: { goalId: 'other' } }), 'invalid', 'goalId');
    await err(api.updateContract({ sessionId: session.id, patch: { topic: 'x'.repeat(20_001) } }), 'invalid', 'topic');
    await err(api.updateContract({ sessionId: session.id, patch: { focus: 'never' as never } }), 'invalid', 'focus');
    await err(api.updateContract({ sessionId: 'missing', patch: { topic: 'x' } }), 'not-found');
    expect((await val(api.updateContract({ sessionId: session.id, patch: { goalId: null } }))).contract.goalId).toBeNull();
  });

  it('records contract check-ins with the time and the answer: on track, or shifted to what', async () => {
    const { api, clock } = testStore();
    const { session } = await clientAndSession(api);
    clock.advance(5000);
    await val(api.contractCheckIn({ sessionId: session.id }));
    clock.advance(5000);
    await val(api.contractCheckIn({ sessionId: session.id, onTrack: false, shiftedTo: 'How to tell my boss' }));
    clock.advance(5000);
    const s = await val(api.contractCheckIn({ sessionId: session.id, onTrack: true, shiftedTo: 'ignored when on track' }));
    expect(s.contract.checkIns).toEqual([
      { at: T0 + 5000, onTrack: true, shiftedTo: '' },
      { at: T0 + 10_000, onTrack: false, shiftedTo: 'How to tell my boss' },
      { at: T0 + 15_000, onTrack: true, shiftedTo: '' },
    ]);
    // A shift needs its words; the refusal says how to fix it and records nothing.
    const e = await err(api.contractCheckIn({ sessionId: session.id, onTrack: false, shiftedTo: '  ' }), 'invalid', 'shiftedTo');
    expect(e.message).toMatch(/say what the contract has shifted to, or record it as still on track/);
    expect((await val(api.getSessionBundle({ sessionId: session.id }))).session.contract.checkIns).toHaveLength(3);
  });
});

describe('agreements carry over to the client’s next session', () => {
  it('carries confidentiality and recording consent with the date first agreed; not permission to offer, not to other clients', async () => {
    const { api, clock } = testStore();
    const { client, session } = await clientAndSession(api, 'Ana');
    clock.advance(60_000);
    const agreed = await val(
      api.updateContract({
        sessionId: session.id,
        patch: { agreements: { confidentiality: true, recordingConsent: true, permissionToOffer: true } },
      }),
    );
    expect(agreed.contract.agreedAt).toEqual({ confidentiality: T0 + 60_000, recordingConsent: T0 + 60_000 });
    await val(api.endSession({ sessionId: session.id }));
    clock.advance(7 * 86_400_000);
    const second = await val(api.startSession({ clientId: client.id }));
    expect(second.contract.agreements).toEqual({ confidentiality: true, recordingConsent: true, permissionToOffer: false });
    expect(second.contract.agreedAt).toEqual({ confidentiality: T0 + 60_000, recordingConsent: T0 + 60_000 });
    // The coach can still untick: that one no longer carries.
    const unticked = await val(api.updateContract({ sessionId: second.id, patch: { agreements: { recordingConsent: false } } }));
    expect(unticked.contract.agreedAt).toEqual({ confidentiality: T0 + 60_000 });
    await val(api.endSession({ sessionId: second.id }));
    const third = await val(api.startSession({ clientId: client.id }));
    expect(third.contract.agreements).toEqual({ confidentiality: true, recordingConsent: false, permissionToOffer: false });
    expect(third.contract.agreedAt).toEqual({ confidentiality: T0 + 60_000 });
    await val(api.endSession({ sessionId: third.id }));
    // Control: another client's first session starts with nothing agreed.
    const ben = await clientAndSession(api, 'Ben');
    expect(ben.session.contract.agreements).toEqual({ confidentiality: false, recordingConsent: false, permissionToOffer: false });
    expect(ben.session.contract.agreedAt).toBeUndefined();
  });

  it('dates an agreement from an older record without a date by that session’s start', async () => {
    const { api, clock, connection: db } = testStore();
    const { client, session } = await clientAndSession(api, 'Ana');
    await val(api.updateContract({ sessionId: session.id, patch: { agreements: { confidentiality: true } } }));
    await val(api.endSession({ sessionId: session.id }));
    // As an older version stored it: agreed, with no date.
    const raw = await (await db.get()).get('sessions', session.id);
    const { agreedAt: _dropped, ...contract } = raw!.contract;
    await (await db.get()).put('sessions', { ...raw!, contract });
    clock.advance(86_400_000);
    const next = await val(api.startSession({ clientId: client.id }));
    expect(next.contract.agreedAt).toEqual({ confidentiality: T0 });
  });
});

describe('timer actions with an injected clock', () => {
  it('starts, pauses, resumes, changes length and resets from timestamps', async () => {
    const { api, clock } = testStore();
    const { session } = await clientAndSession(api);
    const id = session.id;
    const start = await val(api.timer({ sessionId: id, action: { type: 'start' } }));
    expect(start.timer.startedAt).toBe(T0);
    clock.advance(20 * 60_000);
    const paused = await val(api.timer({ sessionId: id, action: { type: 'pause' } }));
    expect(paused.timer.pausedAt).toBe(T0 + 20 * 60_000);
    clock.advance(5 * 60_000);
    const resumed = await val(api.timer({ sessionId: id, action: { type: 'resume' } }));
    expect(resumed.timer).toMatchObject({ pausedAt: null, pausedTotalMs: 5 * 60_000 });
    clock.advance(10 * 60_000);
    expect(timerView(resumed.timer, clock.now())).toMatchObject({ elapsedMs: 30 * 60_000, mode: 'running', phase: 'exploring' });
    const longer = await val(api.timer({ sessionId: id, action: { type: 'set-length', minutes: 90 } }));
    expect(longer.timer.plannedMinutes).toBe(90);
    await err(api.timer({ sessionId: id, action: { type: 'set-length', minutes: 300 } }), 'invalid', 'action.minutes');
    await err(api.timer({ sessionId: id, action: { type: 'stop' } as never }), 'invalid', 'action');
    const reset = await val(api.timer({ sessionId: id, action: { type: 'reset' } }));
    expect(reset.timer).toMatchObject({ startedAt: null, pausedAt: null, pausedTotalMs: 0, plannedMinutes: 90 });
  });

  it('is exact after the connection was closed (a stopped worker)', async () => {
    const { api, clock, connection } = testStore();
    const { session } = await clientAndSession(api);
    await val(api.timer({ sessionId: session.id, action: { type: 'start' } }));
    connection.close();
    clock.advance(37 * 60_000);
    const bundle = await val(api.getSessionBundle({ sessionId: session.id }));
    expect(elapsedMs(bundle.session.timer, clock.now())).toBe(37 * 60_000);
  });
});

describe('asked questions and reflection', () => {
  it('marks questions asked in order, unmarks, and resolves their text', async () => {
    const { api, clock } = testStore();
    const { session } = await clientAndSession(api);
    const own = await val(api.addQuestion({ stage: 'goal', text: 'What would make this week lighter?' }));
    const gone = await val(api.addQuestion({ stage: 'will', text: 'Soon deleted?' }));
    await val(api.markAsked({ sessionId: session.id, questionId: 'b:goal:01', asked: true }));
    clock.advance(1000);
    await val(api.markAsked({ sessionId: session.id, questionId: own.id, asked: true }));
    await val(api.markAsked({ sessionId: session.id, questionId: own.id, asked: true }));
    await val(api.markAsked({ sessionId: session.id, questionId: gone.id, asked: true }));
    await val(api.markAsked({ sessionId: session.id, questionId: 'b:reality:18', asked: true }));
    const s = await val(api.markAsked({ sessionId: session.id, questionId: 'b:reality:18', asked: false }));
    expect(s.asked.map((a) => a.questionId)).toEqual(['b:goal:01', own.id, gone.id]);
    await val(api.deleteQuestion({ id: gone.id }));
    const { asked } = await val(api.getSessionBundle({ sessionId: session.id }));
    expect(asked).toEqual([
      { questionId: 'b:goal:01', at: T0, text: 'What do you want?', stage: 'goal' },
      { questionId: own.id, at: T0 + 1000, text: 'What would make this week lighter?', stage: 'goal' },
      { questionId: gone.id, at: T0 + 1000, text: '', stage: null },
    ]);
    await err(api.markAsked({ sessionId: session.id, questionId: '', asked: true }), 'invalid', 'questionId');
  });

  it('keeps the reflection as typed and refuses over-long text', async () => {
    const { api } = testStore();
    const { session } = await clientAndSession(api);
    expect((await val(api.setReflection({ sessionId: session.id, text: 'Went deep ' }))).reflection).toBe('Went deep ');
    await err(api.setReflection({ sessionId: session.id, text: 'x'.repeat(20_001) }), 'invalid', 'text');
    expect((await val(api.getSessionBundle({ sessionId: session.id }))).session.reflection).toBe('Went deep ');
  });
});

describe('the reflection from two views', () => {
  it('with a base, writes only over the text the view last saw: a stale base is a conflict that changes nothing', async () => {
    const { api } = testStore();
    const { session } = await clientAndSession(api);
    const sessionId = session.id;
    await val(api.setReflection({ sessionId, text: 'Rushed', base: '' }));
    // The panel appends, from what it saw.
    await val(api.setReflection({ sessionId, text: 'Rushed the contract', base: 'Rushed' }));
    // The overlay still holds "Rushed": its write is refused and the panel's words stay.
    const e = await err(api.setReflection({ sessionId, text: 'Rushed!', base: 'Rushed' }), 'conflict', 'text');
    expect(e.message).toMatch(/Another view changed the reflection/);
    expect((await val(api.getSessionBundle({ sessionId }))).session.reflection).toBe('Rushed the contract');
    // With the base it now sees, the same view writes.
    expect((await val(api.setReflection({ sessionId, text: 'Rushed the contract!', base: 'Rushed the contract' }))).reflection).toBe(
      'Rushed the contract!',
    );
    // Without a base (older callers), the last write still wins.
    expect((await val(api.setReflection({ sessionId, text: 'Over' }))).reflection).toBe('Over');
  });
});

describe('client history', () => {
  it('lists a client’s sessions newest first with item and commitment counts', async () => {
    const { api, clock } = testStore();
    const { client, session: first } = await clientAndSession(api, 'Ana');
    await val(api.addItem({ sessionId: first.id, input: { kind: 'commitment', text: 'One' } }));
    await val(api.addItem({ sessionId: first.id, input: { kind: 'note', text: 'Two' } }));
    await val(api.endSession({ sessionId: first.id }));
    clock.advance(7 * 86_400_000);
    const second = await val(api.startSession({ clientId: client.id }));
    const three = await val(api.addItem({ sessionId: second.id, input: { kind: 'commitment', text: 'Three' } }));
    await val(api.addItem({ sessionId: second.id, input: { kind: 'commitment', text: 'Four' } }));
    await val(api.reviewCommitment({ itemId: three.id, status: 'done' })); // closed ones count too
    await val(api.addItem({ sessionId: second.id, input: { kind: 'insight', text: 'Five' } }));
    await val(api.endSession({ sessionId: second.id }));
    const other = await clientAndSession(api, 'Ben');
    await val(api.addItem({ sessionId: other.session.id, input: { kind: 'commitment', text: 'Not Ana’s' } }));
    const rows = await val(api.clientHistory({ clientId: client.id }));
    expect(rows.map((r) => [r.session.id, r.itemCount, r.commitmentCount])).toEqual([
      [second.id, 3, 2],
      [first.id, 2, 1],
    ]);
    await err(api.clientHistory({ clientId: 'nobody' }), 'not-found');
  });
});

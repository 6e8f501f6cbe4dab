import { describe, expect, it } from 'vitest';
import { toEngagementReport } from '@/lib/export/engagement-report';
import { clientAndSession, testStore, val } from '../store/harness';

const DAY = 86_400_000;

async function engagement() {
  const { api, clock } = testStore();
  const { client, session: s1 } = await clientAndSession(api, 'Ana <b>Lopez</b>', { goals: ['Lead with calm'] });
  const goal = client.goals[0]!;
  await val(api.updateGoal({ clientId: client.id, goalId: goal.id, patch: { measure: 'Team survey 40% higher' } }));
  await val(api.updateEngagement({ clientId: client.id, patch: { sessionsPlanned: 6, sponsor: 'Acme' } }));
  await val(api.updateContract({ sessionId: s1.id, patch: { topic: 'Delegation', desiredOutcome: 'A first handover', goalId: goal.id } }));
  const shared = await val(
    api.addItem({ sessionId: s1.id, input: { kind: 'commitment', text: 'Hand over the report', due: '2026-12-01' } }),
  );
  await val(api.addItem({ sessionId: s1.id, input: { kind: 'commitment', text: 'Private plan', shareable: false } }));
  await val(api.addItem({ sessionId: s1.id, input: { kind: 'insight', text: 'Trust grows by lending it' } }));
  await val(api.addItem({ sessionId: s1.id, input: { kind: 'insight', text: 'Coach-only hunch', shareable: false } }));
  await val(api.setReflection({ sessionId: s1.id, text: 'Notice the hesitation' }));
  await val(api.endSession({ sessionId: s1.id }));
  clock.advance(14 * DAY);
  const s2 = await val(api.startSession({ clientId: client.id }));
  await val(api.reviewCommitment({ itemId: shared.id, sessionId: s2.id, status: 'done' }));
  await val(api.endSession({ sessionId: s2.id }));
  return val(api.engagement({ clientId: client.id }));
}

describe('toEngagementReport', () => {
  it('the coach version: goals with status and measure, sessions with topics, every commitment with its outcome, figures', async () => {
    const md = toEngagementReport(await engagement(), { now: () => Date.UTC(2026, 11, 20), zone: () => 0 });
    expect(md).toMatch(/^# Coaching engagement: Ana \\<b>Lopez\\<\/b>/);
    expect(md).toContain('**Sessions held** 2 of 6 planned');
    expect(md).toContain('**Sponsor** Acme');
    expect(md).toMatch(/- \*\*Lead with calm\*\* — In progress \(worked on in 1 session\) — how we will know: Team survey 40\\?% higher/);
    expect(md).toContain('Commitments made: 2. done 1, partly done 0, not done 0, dropped 0, carried forward 0, still open 1.');
    expect(md).toMatch(/### \d{4}-\d{2}-\d{2} — Delegation/);
    expect(md).toContain('- [x] Hand over the report — by 2026-12-01 — Done');
    expect(md).toContain('- [ ] Private plan — Open');
    expect(md).toContain('Coach-only hunch');
    expect(md).toContain('Notice the hesitation');
    expect(md).toContain('Exported from Holdspace on 2026-12-20.');
  });

  it('the client version leaves out everything coach-private', async () => {
    const md = toEngagementReport(await engagement(), { client: true });
    expect(md).toContain('Hand over the report');
    expect(md).toContain('Trust grows by lending it');
    for (const secret of ['Private plan', 'Coach-only hunch', 'Notice the hesitation', 'Exported from Holdspace'])
      expect(md).not.toContain(secret);
  });
});

describe('reviews and figures in the report', () => {
  it('the coach version lists each review with its note, marking those between sessions; the client version has neither notes nor private figures', async () => {
    const { api, clock } = testStore();
    const { client, session: s1 } = await clientAndSession(api, 'Ana');
    const shared = await val(api.addItem({ sessionId: s1.id, input: { kind: 'commitment', text: 'Hand over the report' } }));
    await val(api.addItem({ sessionId: s1.id, input: { kind: 'commitment', text: 'Private plan', shareable: false } }));
    await val(api.endSession({ sessionId: s1.id }));
    clock.advance(3 * DAY);
    await val(api.reviewCommitment({ itemId: shared.id, status: 'partly', note: 'Half handed over' }));
    clock.advance(11 * DAY);
    const s2 = await val(api.startSession({ clientId: client.id }));
    await val(api.reviewCommitment({ itemId: shared.id, sessionId: s2.id, status: 'done', note: 'All of it' }));
    const view = await val(api.engagement({ clientId: client.id }));
    const coach = toEngagementReport(view, { zone: () => 0 });
    expect(coach).toContain('      - Reviewed 2026-11-24 (between sessions): Partly done — Half handed over');
    expect(coach).toContain('      - Reviewed 2026-12-05: Done — All of it');
    expect(coach).toContain('Commitments made: 2. done 1,');
    const forClient = toEngagementReport(view, { client: true, zone: () => 0 });
    expect(forClient).toContain('- [x] Hand over the report — Done');
    expect(forClient).not.toContain('Half handed over');
    expect(forClient).not.toContain('Reviewed');
    expect(forClient).toContain('Commitments made: 1. done 1, partly done 0, not done 0, dropped 0, carried forward 0, still open 0.');
  });

  it('a client with no sessions and no goals reads as such', async () => {
    const { api } = testStore();
    const client = await val(api.createClient({ input: { name: 'Ben' } }));
    const md = toEngagementReport(await val(api.engagement({ clientId: client.id })), { client: true });
    expect(md).toContain('**Sessions held** 0');
    expect(md).toContain('No engagement goals recorded.');
    expect(md).toContain('No sessions yet.');
  });
});

import { describe, expect, it } from 'vitest';
import { validateContractPatch, validatePlannedMinutes, validateQuestionId, validateReflection, validateTimerAction } from '@/lib/validate/session';
import { expectInvalid, value } from './expect-invalid';

describe('validateContractPatch', () => {
  it('returns only the fields present and ignores unknown ones', () => {
    expect(value(validateContractPatch({ topic: 'Delegation ', agreements: { confidentiality: true }, checkIns: [1] }))).toEqual({
      topic: 'Delegation ', agreements: { confidentiality: true },
    });
    expect(value(validateContractPatch({ goalId: null, focus: 'both' }))).toEqual({ goalId: null, focus: 'both' });
  });
  it.each(['topic', 'desiredOutcome', 'whyItMatters', 'successMeasures', 'notes'])('refuses over-long %s', (field) =>
    expectInvalid(validateContractPatch({ [field]: 'x'.repeat(20_001) }), field, /20,000/),
  );
  it('refuses an unknown focus', () => expectInvalid(validateContractPatch({ focus: 'later' }), 'focus', /in-session/));
  it('refuses a non-boolean agreement', () =>
    expectInvalid(validateContractPatch({ agreements: { recordingConsent: 'yes' } }), 'agreements.recordingConsent'));
  it('refuses a malformed agreements object and goal id', () => {
    expectInvalid(validateContractPatch({ agreements: [] }), 'agreements');
    expectInvalid(validateContractPatch({ goalId: '' }), 'goalId');
  });
});

describe('timer, minutes, reflection, asked', () => {
  it('accepts each timer action', () => {
    for (const type of ['start', 'pause', 'resume', 'reset']) expect(value(validateTimerAction({ type }))).toEqual({ type });
    expect(value(validateTimerAction({ type: 'set-length', minutes: 45 }))).toEqual({ type: 'set-length', minutes: 45 });
  });
  it('refuses unknown actions and out-of-range lengths', () => {
    expectInvalid(validateTimerAction({ type: 'stop' }), 'action');
    expectInvalid(validateTimerAction({ type: 'set-length', minutes: 300 }), 'minutes', /between 5 and 240/);
  });
  it('planned minutes are optional but bounded', () => {
    expect(value(validatePlannedMinutes(undefined))).toBeUndefined();
    expectInvalid(validatePlannedMinutes(2), 'plannedMinutes');
  });
  it('checks the reflection and the question id', () => {
    expectInvalid(validateReflection('x'.repeat(20_001)), 'reflection');
    expectInvalid(validateQuestionId(''), 'questionId');
    expect(value(validateQuestionId('b:goal:01'))).toBe('b:goal:01');
  });
});

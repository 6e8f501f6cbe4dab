/** Validation of session writes: the contract, the timer, the reflection. */
import type { ContractPatch, TimerAction } from '../api/contract';
import type { Result } from '../api/result';
import type { Agreements, ContractTextField, Focus } from '../model/types';
import { bool, guard, id, invalid, minutes, object, oneOf, text } from './fields';

export const FOCUS_VALUES: readonly Focus[] = ['', 'in-session', 'out-of-session', 'both'];
const TEXT_FIELDS: Record<ContractTextField, string> = {
  topic: 'The topic',
  desiredOutcome: 'The desired outcome',
  whyItMatters: 'Why it matters',
  successMeasures: 'The success measures',
  notes: 'The contract notes',
};
const AGREEMENTS: Record<keyof Agreements, string> = {
  confidentiality: 'Confidentiality agreed',
  recordingConsent: 'Recording consent',
  permissionToOffer: 'Permission to offer ideas',
};

/** Only the fields present are checked and returned, so each write touches only what the coach changed. */
export function validateContractPatch(patch: unknown): Result<ContractPatch> {
  return guard(() => {
    const p = object(patch, 'patch');
    const clean: ContractPatch = {};
    for (const field of Object.keys(TEXT_FIELDS) as ContractTextField[]) {
      if (p[field] !== undefined) clean[field] = text(p[field], field, TEXT_FIELDS[field]);
    }
    if (p.focus !== undefined) clean.focus = oneOf(p.focus, FOCUS_VALUES, 'focus', 'The focus');
    if (p.goalId !== undefined) clean.goalId = p.goalId === null ? null : id(p.goalId, 'goalId');
    if (p.agreements !== undefined) {
      const a = object(p.agreements, 'agreements');
      const agreements: Partial<Agreements> = {};
      for (const key of Object.keys(AGREEMENTS) as (keyof Agreements)[]) {
        if (a[key] !== undefined) agreements[key] = bool(a[key], `agreements.${key}`, AGREEMENTS[key]);
      }
      clean.agreements = agreements;
    }
    return clean;
  });
}

export function validatePlannedMinutes(value: unknown): Result<number | undefined> {
  return guard(() => (value === undefined ? undefined : minutes(value)));
}

export function validateTimerAction(action: unknown): Result<TimerAction> {
  return guard(() => {
    const a = object(action, 'action');
    const type = oneOf(a.type, ['start', 'pause', 'resume', 'set-length', 'reset'] as const, 'action', 'The timer action');
    if (type === 'set-length') return { type, minutes: minutes(a.minutes, 'minutes') };
    return { type };
  });
}

export function validateReflection(value: unknown): Result<string> {
  return guard(() => text(value, 'reflection', 'The reflection'));
}

export function validateQuestionId(value: unknown): Result<string> {
  return guard(() => {
    if (typeof value !== 'string' || !value) throw invalid('Which question was asked is missing.', 'questionId');
    return id(value, 'questionId');
  });
}

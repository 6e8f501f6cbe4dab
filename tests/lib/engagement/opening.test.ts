import { describe, expect, it } from 'vitest';
import { openingQuestion } from '@/lib/engagement/opening';

const base = { sessionsHeld: 3, inquiryTakenAway: false, openCommitments: 0, recent: { done: 0, reviewed: 0 } };

describe('openingQuestion', () => {
  it('comes from the deck, chosen by what happened since the last session', () => {
    expect(openingQuestion({ ...base, sessionsHeld: 0 })?.id).toBe('b:contracting:01');
    expect(openingQuestion({ ...base, inquiryTakenAway: true, openCommitments: 2 })?.text).toMatch(/question you took away/);
    expect(openingQuestion({ ...base, openCommitments: 2 })?.text).toMatch(/committed to a few things/);
    expect(openingQuestion({ ...base, recent: { done: 3, reviewed: 3 } })?.text).toMatch(/celebrate/);
    expect(openingQuestion(base)?.text).toMatch(/Since we last met/);
  });
});

import { describe, expect, it } from 'vitest';
import { validateQuestionInput, validateQuestionPatch, validateQuestionPref } from '@/lib/validate/question';
import { validateDayRange, validateDraft } from '@/lib/validate/draft';
import { expectInvalid, value } from './expect-invalid';

describe('questions', () => {
  it('trims text and lower-cases, dedupes tags', () => {
    expect(value(validateQuestionInput({ stage: 'goal', text: ' What now? ', tags: ['Short', 'short', ' '] }))).toEqual({
      stage: 'goal', text: 'What now?', tags: ['short'],
    });
  });
  it('refuses unknown stages, empty and long text, long tags', () => {
    expectInvalid(validateQuestionInput({ stage: 'middle', text: 'x' }), 'stage', /contracting/);
    expectInvalid(validateQuestionInput({ stage: 'goal', text: ' ' }), 'text');
    expectInvalid(validateQuestionInput({ stage: 'goal', text: 'x'.repeat(1_001) }), 'text', /1,000/);
    expectInvalid(validateQuestionInput({ stage: 'goal', text: 'x', tags: ['t'.repeat(41)] }), 'tags');
  });
  it('patches only what is present', () => {
    expect(value(validateQuestionPatch({ tags: ['A'] }))).toEqual({ tags: ['a'] });
    expectInvalid(validateQuestionPatch({ stage: 'x' }), 'stage');
  });
  it('prefs are booleans', () => {
    expect(value(validateQuestionPref({ hidden: true }))).toEqual({ hidden: true });
    expectInvalid(validateQuestionPref({ favourite: 'yes' }), 'favourite');
  });
});

describe('drafts and ranges', () => {
  it('accepts a draft or a clear', () => {
    expect(value(validateDraft('capture:s1', { text: 'half' }))).toEqual({ key: 'capture:s1', value: { text: 'half' } });
    expect(value(validateDraft('capture:s1', null)).value).toBeNull();
  });
  it('refuses a missing key, a non-object value and a huge draft', () => {
    expectInvalid(validateDraft('', {}), 'key');
    expectInvalid(validateDraft('k', 'text'), 'value');
    expectInvalid(validateDraft('k', { text: 'x'.repeat(100_001) }), 'value', /too long/);
  });
  it('checks a day range', () => {
    expect(value(validateDayRange('2026-12-01', '2026-12-31'))).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expectInvalid(validateDayRange('2026-12-31', '2026-12-01'), 'from', /after/);
    expectInvalid(validateDayRange('2026-12-01', '2026-13-01'), 'to');
  });
});

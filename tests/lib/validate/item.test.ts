import { describe, expect, it } from 'vitest';
import { validateItem, validateItemInput, validateItemPatch, validateReview } from '@/lib/validate/item';
import { expectInvalid, value } from './expect-invalid';

describe('validateItemInput', () => {
  it('keeps commitment fields on commitments only', () => {
    expect(value(validateItemInput({ kind: 'commitment', text: 'Call Sam', due: '2026-12-01', howWillYouKnow: 'a text' }))).toEqual({
      kind: 'commitment', text: 'Call Sam', shareable: undefined, due: '2026-12-01', howWillYouKnow: 'a text', support: '',
    });
    expect(value(validateItemInput({ kind: 'note', text: 'n', due: '2026-12-01', shareable: true }))).toMatchObject({ due: '', shareable: true });
  });
  it('refuses an unknown kind', () => expectInvalid(validateItemInput({ kind: 'task', text: 'x' }), 'kind', /commitment, note/));
  it('refuses empty text', () => expectInvalid(validateItemInput({ kind: 'note', text: '  ' }), 'text', /cannot be empty/));
  it('refuses over-long text', () => expectInvalid(validateItemInput({ kind: 'note', text: 'x'.repeat(20_001) }), 'text'));
  it('refuses an invalid due date', () => expectInvalid(validateItemInput({ kind: 'commitment', text: 'x', due: '2026-02-31' }), 'due'));
  it('refuses over-long accountability and support', () => {
    expectInvalid(validateItemInput({ kind: 'commitment', text: 'x', howWillYouKnow: 'x'.repeat(20_001) }), 'howWillYouKnow');
    expectInvalid(validateItemInput({ kind: 'commitment', text: 'x', support: 'x'.repeat(20_001) }), 'support');
  });
  it('refuses a non-boolean shareable', () => expectInvalid(validateItemInput({ kind: 'note', text: 'x', shareable: 'no' }), 'shareable'));
});

describe('validateItemPatch', () => {
  it('returns only the fields present', () => expect(value(validateItemPatch({ order: 3, shareable: false }))).toEqual({ order: 3, shareable: false }));
  it('checks each present field', () => {
    expectInvalid(validateItemPatch({ text: '' }), 'text');
    expectInvalid(validateItemPatch({ kind: 'x' }), 'kind');
    expectInvalid(validateItemPatch({ due: '31/12/2026' }), 'due');
    expectInvalid(validateItemPatch({ order: 'first' }), 'order');
  });
});

describe('validateItem (undo)', () => {
  const item = {
    id: 'i1', sessionId: 's1', clientId: 'c1', kind: 'commitment', text: 'x', shareable: true, order: 2, createdAt: 1, updatedAt: 2,
    due: '', howWillYouKnow: '', support: '', reviews: [{ sessionId: 's2', status: 'done', note: '', at: 3 }], open: 0,
  };
  it('accepts a whole item', () => expect(value(validateItem(item))).toEqual(item));
  it('refuses missing ids and malformed reviews', () => {
    expectInvalid(validateItem({ ...item, id: undefined }), 'id');
    expectInvalid(validateItem({ ...item, reviews: [{ sessionId: 's2', status: 'finished', at: 3 }] }), 'reviews');
    expectInvalid(validateItem({ ...item, reviews: 'none' }), 'reviews');
    expectInvalid(validateItem({ ...item, createdAt: 'yesterday' }), 'createdAt');
  });
});

describe('validateReview', () => {
  it('accepts each status', () => {
    for (const status of ['done', 'partly', 'not-done', 'dropped', 'carried-forward']) expect(value(validateReview({ status })).status).toBe(status);
  });
  it('refuses unknown statuses and long notes', () => {
    expectInvalid(validateReview({ status: 'open' }), 'status');
    expectInvalid(validateReview({ status: 'done', note: 'x'.repeat(20_001) }), 'note');
  });
});

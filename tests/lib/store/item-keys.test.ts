import { describe, expect, it } from 'vitest';
import type { Item } from '@/lib/model/types';
import { commitmentStatus, deriveItemKeys, fromStored, isOpen } from '@/lib/store/item-keys';

const base: Item = {
  id: 'i',
  sessionId: 's1',
  clientId: 'c',
  kind: 'commitment',
  text: 'x',
  shareable: true,
  order: 0,
  createdAt: 1,
  updatedAt: 1,
  due: '2026-12-01',
  howWillYouKnow: '',
  support: '',
  reviews: [],
  open: 0,
};
const review = (sessionId: string, status: Item['reviews'][number]['status']) => ({ sessionId, status, note: '', at: 1 });

describe('derived item keys', () => {
  it('a commitment stays on the table until done or dropped', () => {
    expect(commitmentStatus(base)).toBe('open');
    expect(isOpen(base)).toBe(1);
    for (const status of ['partly', 'not-done', 'carried-forward'] as const)
      expect(isOpen({ ...base, reviews: [review('s2', status)] }), status).toBe(1);
    for (const status of ['done', 'dropped'] as const) expect(isOpen({ ...base, reviews: [review('s2', status)] }), status).toBe(0);
    // The latest review decides: partly, then done, closes it; dropped, then reopened as not done, opens it.
    expect(isOpen({ ...base, reviews: [review('s2', 'partly'), review('s3', 'done')] })).toBe(0);
    expect(isOpen({ ...base, reviews: [review('s2', 'dropped'), review('s3', 'not-done')] })).toBe(1);
    expect(isOpen({ ...base, kind: 'note' })).toBe(0);
    expect(isOpen({ ...base, kind: 'note', reviews: [review('s2', 'partly')] })).toBe(0);
  });

  it('sets dueKey only on dated commitments and reviewedIn only when reviewed', () => {
    expect(deriveItemKeys(base)).toMatchObject({ open: 1, dueKey: '2026-12-01' });
    expect('reviewedIn' in deriveItemKeys(base)).toBe(false);
    expect('dueKey' in deriveItemKeys({ ...base, due: '' })).toBe(false);
    expect('dueKey' in deriveItemKeys({ ...base, kind: 'insight' })).toBe(false);
    const reviewed = deriveItemKeys({ ...base, reviews: [review('s2', 'carried-forward'), review('s3', 'done'), review('s2', 'done')] });
    expect(reviewed.reviewedIn).toEqual(['s2', 's3']);
    // A stale dueKey is not kept when the due date is cleared.
    expect('dueKey' in deriveItemKeys({ ...deriveItemKeys(base), due: '' })).toBe(false);
  });

  it('fills in reviews missing from old records, and strips storage-only fields on the way out', () => {
    const old = { ...base, reviews: undefined } as unknown as Item;
    expect(deriveItemKeys(old).reviews).toEqual([]);
    const out = fromStored(deriveItemKeys({ ...base, reviews: [review('s2', 'done')] }));
    expect(Object.keys(out).sort()).toEqual(Object.keys(base).sort());
  });
});

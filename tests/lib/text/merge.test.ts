import { describe, expect, it } from 'vitest';
import { editOf, keepBoth, keepBothFields, mergeFields, mergeText } from '@/lib/text/merge';

describe('editOf', () => {
  it.each([
    ['Career', 'Career!', { start: 6, end: 6, insert: '!' }],
    ['Career', 'My Career', { start: 0, end: 0, insert: 'My ' }],
    ['Career change', 'Career shift', { start: 7, end: 13, insert: 'shift' }],
    ['aa', 'aaa', { start: 2, end: 2, insert: 'a' }],
    ['abc', 'ac', { start: 1, end: 2, insert: '' }],
  ])('%j → %j is one replaced range', (base, next, edit) => {
    expect(editOf(base, next)).toEqual(edit);
    const e = editOf(base, next)!;
    expect(base.slice(0, e.start) + e.insert + base.slice(e.end)).toBe(next);
  });
  it('is null for no change', () => expect(editOf('same', 'same')).toBeNull());
});

describe('mergeText', () => {
  it('takes the side that changed when only one did', () => {
    expect(mergeText('Career', 'Career!', 'Career')).toEqual({ ok: true, text: 'Career!' });
    expect(mergeText('Career', 'Career', 'Career change')).toEqual({ ok: true, text: 'Career change' });
    expect(mergeText('Career', 'Same', 'Same')).toEqual({ ok: true, text: 'Same' });
  });

  it('applies both changes when they are apart', () => {
    expect(mergeText('Career', 'My Career', 'Career change')).toEqual({ ok: true, text: 'My Career change' });
    expect(mergeText('one two three', 'one 2 three', 'one two 3')).toEqual({ ok: true, text: 'one 2 3' });
  });

  it('refuses to guess when both add at the same place (the issue: "Career!" against "Career change and promotion")', () => {
    expect(mergeText('Career', 'Career!', 'Career change and promotion')).toEqual({ ok: false });
  });

  it('refuses when the changes overlap or touch', () => {
    expect(mergeText('one two three', 'one 2 three', 'one TWO three')).toEqual({ ok: false });
    expect(mergeText('abcdef', 'abXdef', 'abcYef')).toEqual({ ok: false });
  });
});

describe('keepBoth', () => {
  const words = (s: string) => s.split(/\s+/).filter(Boolean);
  it('keeps every word of both sides', () => {
    const both = keepBoth('Career', 'Career!', 'Career change and promotion');
    expect(both).toBe('Career! change and promotion');
    const overlap = keepBoth('one two three', 'one 2 three', 'one TWO three');
    for (const w of [...words('one 2 three'), ...words('one TWO three')]) expect(overlap).toContain(w);
    expect(overlap).toBe('one 2 three one TWO three');
  });
  it('does not repeat a text the other already holds', () => {
    expect(keepBoth('a', 'a b', 'a b c')).toBe('a b c');
  });
  it('joins with the separator given (a new line for several lines)', () => {
    expect(keepBoth('x', 'one', 'two', '\n')).toBe('one\ntwo');
  });
  it('is the merge when there is one', () => {
    expect(keepBoth('Career', 'My Career', 'Career change')).toBe('My Career change');
  });
});

describe('mergeFields', () => {
  const prose = ['text'];
  it('merges words and takes a whole field changed on one side', () => {
    const merged = mergeFields({ text: 'Call', due: '' }, { text: 'Call Ann', due: '' }, { text: 'Call', due: '2026-12-04' }, prose);
    expect(merged).toEqual({ value: { text: 'Call Ann', due: '2026-12-04' }, conflicts: [] });
  });
  it('names the fields in conflict, never merging two dates character by character', () => {
    const merged = mergeFields({ text: 'a', due: '2026-12-01' }, { text: 'a', due: '2026-11-01' }, { text: 'a', due: '2026-12-05' }, prose);
    expect(merged.conflicts).toEqual(['due']);
    expect(merged.value.due).toBe('2026-11-01');
  });
  it('keeps both sides’ words for "Keep both"', () => {
    const both = keepBothFields({ text: '' }, { text: 'mine' }, { text: 'theirs' }, prose);
    expect(both.text).toBe('mine theirs');
  });
});

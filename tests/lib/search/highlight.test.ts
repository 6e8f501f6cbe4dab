import { describe, expect, it } from 'vitest';
import { findRanges, fold, mergeRanges, pieces } from '@/lib/search/highlight';

const marked = (text: string, ranges: { start: number; end: number }[]) =>
  pieces(text, ranges)
    .map((p) => (p.mark ? `[${p.text}]` : p.text))
    .join('');

describe('highlight ranges', () => {
  it('folds case, accents and spaces', () => {
    expect(fold('  Qué   ESTÁ ')).toBe('que esta');
  });

  it('finds words case- and accent-blind, mapping back to the shown text', () => {
    const text = 'Update the RÉSUMÉ, then the résumé again';
    expect(marked(text, findRanges(text, ['resume']))).toBe('Update the [RÉSUMÉ], then the [résumé] again');
    // A decomposed accent (two code units) stays inside its mark; a dotted capital I folds to "i".
    const nfd = 'Cafe\u0301 İstanbul cafe';
    expect(marked(nfd, findRanges(nfd, ['cafe', 'istanbul']))).toBe('[Cafe\u0301] [İstanbul] [cafe]');
  });

  it('keeps to whole words or word starts when asked, and not otherwise', () => {
    const text = 'Care for the careful carer, not the scare';
    expect(marked(text, findRanges(text, ['care'], { wholeWord: true }))).toBe('[Care] for the careful carer, not the scare');
    expect(marked(text, findRanges(text, ['care'], { wordStart: true }))).toBe('[Care] for the [care]ful [care]r, not the scare');
    expect(marked(text, findRanges(text, ['care']))).toBe('[Care] for the [care]ful [care]r, not the s[care]');
    expect(findRanges(text, ['zebra', ''])).toEqual([]);
  });

  it('merges overlapping and touching ranges, in order', () => {
    expect(
      mergeRanges([
        { start: 5, end: 8 },
        { start: 0, end: 2 },
        { start: 2, end: 4 },
        { start: 6, end: 10 },
      ]),
    ).toEqual([
      { start: 0, end: 4 },
      { start: 5, end: 10 },
    ]);
    const text = 'what else could you do';
    expect(marked(text, findRanges(text, ['what else', 'else could']))).toBe('[what else could] you do');
  });

  it('cuts a text into pieces that join back into it, ignoring ranges outside it', () => {
    const text = '<b>bold</b> & done';
    const parts = pieces(text, [
      { start: 3, end: 7 },
      { start: 50, end: 60 },
      { start: 4, end: 4 },
    ]);
    expect(parts.map((p) => p.text).join('')).toBe(text);
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['bold']);
    expect(pieces('', [])).toEqual([{ text: '', mark: false }]);
  });
});

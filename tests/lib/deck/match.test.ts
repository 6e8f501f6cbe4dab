import { describe, expect, it } from 'vitest';
import { BUILTIN_QUESTIONS } from '@/lib/deck/builtin';
import { ideasOf, questionMatcher } from '@/lib/deck/match';
import { pieces } from '@/lib/search/highlight';

const find = (query: string) => {
  const match = questionMatcher(query);
  return BUILTIN_QUESTIONS.flatMap((q) => {
    const m = match(q);
    return m
      ? [
          {
            text: q.text,
            tier: m.tier,
            marked: pieces(q.text, m.ranges)
              .filter((p) => p.mark)
              .map((p) => p.text),
          },
        ]
      : [];
  });
};
const texts = (query: string) => find(query).map((f) => f.text);

describe('the deck question search', () => {
  it('finds a question by its idea, not only its wording: "anything else" finds "What else?"', () => {
    expect(texts('anything else')).toEqual(expect.arrayContaining(['What else?', 'And what else?', 'What else could you do?']));
    expect(find('anything else').find((f) => f.text === 'What else?')).toEqual({ text: 'What else?', tier: 'idea', marked: ['What else'] });
    expect(find('anything else').find((f) => f.text === 'What have you not said yet?')).toMatchObject({ tier: 'idea', marked: [] });
    // A question only worded with one of the idea's phrases comes after those about the idea, and single
    // words of the idea ("more") are not marked.
    expect(find('anything else').find((f) => f.text.startsWith('How would you like me to work with you'))).toMatchObject({
      tier: 'related',
      marked: ['something else'],
    });
    // While still typing, and inside a longer phrase.
    expect(texts('anything el')).toContain('What else?');
    expect(texts('is there anything else')).toContain('What else?');
    // Control: the wording alone would not have found it.
    expect('What else?'.toLowerCase().includes('anything else')).toBe(false);
  });

  it('finds obstacles by the words coaches use, marking the phrase that carries the idea', () => {
    const stuck = find('stuck');
    expect(stuck.map((f) => f.text)).toContain('What is getting in the way?');
    expect(stuck.find((f) => f.text === 'What is getting in the way?')!.marked).toEqual(['in the way']);
    expect(texts('feelings')).toContain('How do you feel when you think about this?');
  });

  it('puts wording first: a typed phrase is marked where it stands, words in any order still match', () => {
    expect(find('FIRST step')).toEqual(
      expect.arrayContaining([{ text: 'What is your first step?', tier: 'wording', marked: ['first step'] }]),
    );
    expect(find('step first').find((f) => f.text === 'What is your first step?')).toMatchObject({
      tier: 'words',
      marked: ['first', 'step'],
    });
  });

  it('matches nothing for a word no question or idea holds, and everything for an empty query', () => {
    expect(find('zebra')).toEqual([]);
    expect(find('  ')).toHaveLength(BUILTIN_QUESTIONS.length);
    expect(find('  ').every((f) => f.marked.length === 0)).toBe(true);
  });

  it('names ideas by whole phrases: a single common word inside a longer query does not pull in an idea', () => {
    expect(ideasOf('anything else').map((i) => i.tag)).toContain('what-else');
    expect(ideasOf('other people').map((i) => i.tag)).toEqual(expect.arrayContaining(['perspective']));
    expect(ideasOf('other people').map((i) => i.tag)).not.toContain('what-else');
    expect(ideasOf('other').map((i) => i.tag)).toContain('what-else');
  });
});

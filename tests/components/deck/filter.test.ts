import { describe, expect, it } from 'vitest';
import type { DeckQuestion } from '@/lib/model/types';
import { filterQuestions, fold, isSearching, matchesQuery, nextQuestion, showQuestions } from '@/components/deck/filter';

const q = (id: string, stage: DeckQuestion['stage'], text: string, extra: Partial<DeckQuestion> = {}): DeckQuestion => ({
  id,
  stage,
  text,
  tags: [],
  builtin: true,
  favourite: false,
  hidden: false,
  ...extra,
});

const deck = [
  q('b:1', 'goal', 'What would you like to take away from today?', { tags: ['outcome'] }),
  q('b:2', 'goal', 'How will you know we are done?', { favourite: true }),
  q('b:3', 'reality', 'Qué está pasando ahora?'),
  q('b:4', 'reality', 'What have you tried?', { hidden: true }),
  q('c:5', 'options', 'What else could you do?', { builtin: false, tags: ['Perspective'] }),
];
const base = { stage: 'goal' as const, query: '', favouritesOnly: false, showHidden: false };

describe('fold', () => {
  it('lower-cases, strips accents and collapses spaces', () => {
    expect(fold('  Qué   ESTÁ ')).toBe('que esta');
  });
});

describe('matchesQuery', () => {
  it('matches text and tags, ignoring case and diacritics', () => {
    expect(matchesQuery(deck[2]!, 'ESTA PASANDO')).toBe(true);
    expect(matchesQuery(deck[4]!, 'perspect')).toBe(true);
    expect(matchesQuery(deck[0]!, 'OUTCOME')).toBe(true);
    expect(matchesQuery(deck[1]!, 'outcome')).toBe(false);
  });
});

describe('filterQuestions', () => {
  it('shows the open stage without the hidden questions', () => {
    expect(filterQuestions(deck, { ...base, stage: 'reality' }).map((x) => x.id)).toEqual(['b:3']);
    expect(filterQuestions(deck, { ...base, stage: 'reality', showHidden: true }).map((x) => x.id)).toEqual(['b:3', 'b:4']);
  });

  it('searches across all stages', () => {
    expect(isSearching({ query: '  ' })).toBe(false);
    expect(filterQuestions(deck, { ...base, query: 'what' }).map((x) => x.id)).toEqual(['b:1', 'c:5']);
  });

  it('finds questions by their idea too, closest wording first, with where the wording matched', () => {
    const ideas = [
      q('b:6', 'reality', 'What else?', { tags: ['short', 'what-else'] }),
      q('b:7', 'closing', 'Is there anything else you need to say?', { tags: ['open'] }),
      q('b:8', 'goal', 'What do you want?', { tags: ['short'] }),
    ];
    const shown = showQuestions(ideas, { ...base, query: 'anything else' });
    expect(shown.map((s) => s.question.id)).toEqual(['b:7', 'b:6']);
    expect(shown.map((s) => s.match.tier)).toEqual(['wording', 'idea']);
    expect(shown[0]!.match.ranges).toEqual([{ start: 9, end: 22 }]);
    // Not searching: nothing is marked, and deck order stays.
    expect(showQuestions(ideas, { ...base, stage: 'goal' }).map((s) => [s.question.id, s.match.ranges])).toEqual([['b:8', []]]);
  });

  it('keeps only favourites when asked', () => {
    expect(filterQuestions(deck, { ...base, favouritesOnly: true }).map((x) => x.id)).toEqual(['b:2']);
  });
});

describe('nextQuestion', () => {
  const goal = deck.filter((x) => x.stage === 'goal');

  it('picks a question not yet asked, other than the current one', () => {
    expect(nextQuestion(goal, new Set(['b:1']), null, () => 0)?.id).toBe('b:2');
    expect(nextQuestion(goal, new Set(), 'b:1', () => 0.99)?.id).toBe('b:2');
    expect(nextQuestion(goal, new Set(), null, () => 0.99)?.id).toBe('b:2');
    expect(nextQuestion(goal, new Set(), null, () => 0)?.id).toBe('b:1');
  });

  it('offers the current question again when it is the only one left, and null when all are asked', () => {
    expect(nextQuestion(goal, new Set(['b:1']), 'b:2')?.id).toBe('b:2');
    expect(nextQuestion(goal, new Set(['b:1', 'b:2']), null)).toBeNull();
  });

  it('never picks a hidden question', () => {
    expect(
      nextQuestion(
        deck.filter((x) => x.stage === 'reality'),
        new Set(['b:3']),
        null,
      ),
    ).toBeNull();
  });
});

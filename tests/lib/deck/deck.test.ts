import { describe, expect, it } from 'vitest';
import { BUILTIN_QUESTIONS } from '@/lib/deck/builtin';
import { builtinQuestion, isBuiltinId, mergeDeck } from '@/lib/deck/deck';
import type { Question, QuestionPref } from '@/lib/model/types';

const own = (id: string, stage: Question['stage'], text: string): Question => ({ id, stage, text, tags: [], builtin: false });
const pref = (questionId: string, marks: Partial<QuestionPref>): QuestionPref => ({
  questionId,
  favourite: false,
  hidden: false,
  updatedAt: 1,
  ...marks,
});

describe('mergeDeck', () => {
  it('lists built-in and own questions, grouped by stage, own after built-in', () => {
    const deck = mergeDeck([own('c:2', 'goal', 'Zebra?'), own('c:1', 'goal', 'Alpha?')], []);
    expect(deck).toHaveLength(BUILTIN_QUESTIONS.length + 2);
    const goal = deck.filter((q) => q.stage === 'goal');
    expect(goal.slice(-2).map((q) => q.id)).toEqual(['c:1', 'c:2']);
    expect(goal[0]!.builtin).toBe(true);
    const stages = deck.map((q) => q.stage);
    expect(stages.indexOf('goal')).toBeGreaterThan(stages.lastIndexOf('contracting'));
  });

  it('merges favourite and hidden marks by id', () => {
    const deck = mergeDeck([own('c:1', 'will', 'Mine?')], [pref('b:goal:01', { favourite: true }), pref('c:1', { hidden: true })]);
    expect(deck.find((q) => q.id === 'b:goal:01')).toMatchObject({ favourite: true, hidden: false });
    expect(deck.find((q) => q.id === 'c:1')).toMatchObject({ favourite: false, hidden: true });
    expect(deck.find((q) => q.id === 'b:goal:02')).toMatchObject({ favourite: false, hidden: false });
  });

  it('keeps marks across a deck update and lets retired questions vanish', () => {
    const prefs = [pref('b:goal:01', { favourite: true }), pref('b:goal:02', { hidden: true })];
    const v2 = [
      ...BUILTIN_QUESTIONS.filter((q) => q.id !== 'b:goal:02').map((q) =>
        q.id === 'b:goal:01' ? { ...q, text: 'What do you want most?' } : q,
      ),
      { id: 'b:goal:99', stage: 'goal' as const, text: 'A new one?', tags: ['new'], builtin: true },
    ];
    const deck = mergeDeck([], prefs, v2);
    expect(deck.find((q) => q.id === 'b:goal:01')).toMatchObject({ text: 'What do you want most?', favourite: true });
    expect(deck.find((q) => q.id === 'b:goal:02')).toBeUndefined();
    expect(deck.find((q) => q.id === 'b:goal:99')).toMatchObject({ favourite: false, hidden: false });
  });

  it('recognises id kinds and finds built-ins', () => {
    expect(isBuiltinId('b:goal:01')).toBe(true);
    expect(isBuiltinId('c:x')).toBe(false);
    expect(builtinQuestion('b:goal:01')?.text).toBe('What do you want?');
    expect(builtinQuestion('b:goal:00')).toBeUndefined();
  });
});

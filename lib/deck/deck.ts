/** The deck a coach sees: built-in questions and their own, with their favourite and hidden marks merged in. */
import { STAGES, type DeckQuestion, type Id, type Question, type QuestionPref } from '../model/types';
import { BUILTIN_QUESTIONS } from './builtin';

const BUILTIN_BY_ID = new Map(BUILTIN_QUESTIONS.map((q) => [q.id, q]));

export const isBuiltinId = (id: Id): boolean => id.startsWith('b:');
export const customId = (suffix: string): Id => `c:${suffix}`;

export function builtinQuestion(id: Id): Question | undefined {
  return BUILTIN_BY_ID.get(id);
}

export function withPref(question: Question, pref: QuestionPref | undefined): DeckQuestion {
  return { ...question, favourite: pref?.favourite ?? false, hidden: pref?.hidden ?? false };
}

/**
 * Built-in questions (from code, so deck updates arrive with the extension) and the coach's own, grouped by
 * stage: built-in first, then own ones by text. Marks stay keyed by question id: a mark for a built-in
 * question that a deck update retired is simply not shown.
 */
export function mergeDeck(
  custom: readonly Question[],
  prefs: readonly QuestionPref[],
  builtins: readonly Question[] = BUILTIN_QUESTIONS,
): DeckQuestion[] {
  const prefById = new Map(prefs.map((p) => [p.questionId, p]));
  const own = [...custom].sort((a, b) => a.text.localeCompare(b.text));
  return STAGES.flatMap((stage) =>
    [...builtins.filter((q) => q.stage === stage), ...own.filter((q) => q.stage === stage)].map((q) => withPref(q, prefById.get(q.id))),
  );
}

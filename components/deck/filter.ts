/**
 * What the deck shows: pure functions over the questions, so the rules are testable without a DOM.
 * Searching looks across every stage; otherwise the deck shows the open stage.
 */
import type { DeckQuestion, Id, Stage } from '@/lib/model/types';

export interface DeckFilter {
  stage: Stage;
  query: string;
  favouritesOnly: boolean;
  /** Show the questions the coach hid (to bring them back). */
  showHidden: boolean;
}

/** Lower case, accents removed, spaces collapsed: "Qué  ÉS" → "que es". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Case- and diacritic-insensitive substring match over the question's text and tags. */
export function matchesQuery(question: DeckQuestion, query: string): boolean {
  const q = fold(query);
  if (q === '') return true;
  return [question.text, ...question.tags].some((field) => fold(field).includes(q));
}

export function isSearching(filter: Pick<DeckFilter, 'query'>): boolean {
  return fold(filter.query) !== '';
}

export function filterQuestions(questions: readonly DeckQuestion[], filter: DeckFilter): DeckQuestion[] {
  const searching = isSearching(filter);
  return questions.filter(
    (q) =>
      (searching || q.stage === filter.stage) &&
      (filter.showHidden || !q.hidden) &&
      (!filter.favouritesOnly || q.favourite) &&
      matchesQuery(q, filter.query),
  );
}

/**
 * "Next question": a not-yet-asked question of the stage, other than the current one, chosen at random
 * (`random` returns [0, 1) and is injectable). Null when every candidate has been asked.
 */
export function nextQuestion(
  candidates: readonly DeckQuestion[],
  asked: ReadonlySet<Id>,
  currentId: Id | null,
  random: () => number = Math.random,
): DeckQuestion | null {
  const open = candidates.filter((q) => !asked.has(q.id) && !q.hidden);
  const others = open.filter((q) => q.id !== currentId);
  const pool = others.length > 0 ? others : open;
  if (pool.length === 0) return null;
  const index = Math.min(pool.length - 1, Math.floor(random() * pool.length));
  return pool[index] ?? null;
}

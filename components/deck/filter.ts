/**
 * What the deck shows: pure functions over the questions, so the rules are testable without a DOM.
 * Searching looks across every stage, by wording and by the ideas behind a question (lib/deck/match.ts),
 * closest wording first; otherwise the deck shows the open stage.
 */
import { MATCH_TIERS, questionMatcher, type QuestionMatch } from '@/lib/deck/match';
import type { DeckQuestion, Id, Stage } from '@/lib/model/types';
import { fold } from '@/lib/search/highlight';

export { fold };

export interface DeckFilter {
  stage: Stage;
  query: string;
  favouritesOnly: boolean;
  /** Show the questions the coach hid (to bring them back). */
  showHidden: boolean;
}

/** Case- and diacritic-insensitive: the question's wording, its tags, or an idea the query names. */
export function matchesQuery(question: DeckQuestion, query: string): boolean {
  return questionMatcher(query)(question) !== null;
}

export function isSearching(filter: Pick<DeckFilter, 'query'>): boolean {
  return fold(filter.query) !== '';
}

export interface ShownQuestion {
  question: DeckQuestion;
  /** Where its wording shows the match (empty when not searching). */
  match: QuestionMatch;
}

/** The questions to show with how each matched: searching, closest wording first (deck order within a tier). */
export function showQuestions(questions: readonly DeckQuestion[], filter: DeckFilter): ShownQuestion[] {
  const searching = isSearching(filter);
  const matcher = questionMatcher(filter.query);
  const shown: ShownQuestion[] = [];
  for (const q of questions) {
    if (!(searching || q.stage === filter.stage) || !(filter.showHidden || !q.hidden) || (filter.favouritesOnly && !q.favourite)) continue;
    const match = matcher(q);
    if (match) shown.push({ question: q, match });
  }
  const rank = (s: ShownQuestion) => MATCH_TIERS.indexOf(s.match.tier);
  return searching ? shown.sort((a, b) => rank(a) - rank(b)) : shown;
}

export function filterQuestions(questions: readonly DeckQuestion[], filter: DeckFilter): DeckQuestion[] {
  return showQuestions(questions, filter).map((s) => s.question);
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

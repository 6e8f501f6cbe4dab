/**
 * The deck's question search: by wording first, then by the ideas behind a question (its tags, and the
 * coaching phrases in lib/deck/ideas.ts), so "anything else" finds "What else?". Case- and accent-blind.
 * Returns how strongly a question matched and where its wording shows the match, for highlighting.
 */
import type { Question } from '../model/types';
import { findFolded, fold, mergeRanges, prepare, type Prepared, type Range } from '../search/highlight';
import { IDEAS } from './ideas';

/** How a question matched, strongest first. */
export const MATCH_TIERS = ['wording', 'words', 'tag', 'idea', 'related'] as const;
export type MatchTier = (typeof MATCH_TIERS)[number];

export interface QuestionMatch {
  tier: MatchTier;
  /** Where the question's text shows what matched (may be empty when only its idea did). */
  ranges: Range[];
}

/** Shorter query words are not marked on their own (they would light up every "is" and "a"). */
const MIN_MARKED_WORD = 3;
/** A query this long that starts an idea's phrase counts as that phrase, while the coach is still typing. */
const MIN_PREFIX = 3;

const words = (text: string) => text.split(/[^\p{L}\p{N}'’-]+/u).filter(Boolean);

/** Does the folded `phrase` occur in `text` as whole words? */
function hasPhrase(text: Prepared, phrase: string): boolean {
  return text.folded.includes(phrase) && findFolded(text, [phrase], { wholeWord: true }).length > 0;
}

/** Questions are searched at every keystroke: each text and tag list is folded once (the deck holds a few hundred). */
const cache = new Map<string, Prepared>();
const tagCache = new Map<readonly string[], string[]>();
function prepared(text: string): Prepared {
  let p = cache.get(text);
  if (!p) {
    if (cache.size >= 2000) cache.clear();
    p = prepare(text);
    cache.set(text, p);
  }
  return p;
}
function foldedTags(tags: readonly string[]): string[] {
  let t = tagCache.get(tags);
  if (!t) {
    if (tagCache.size >= 2000) tagCache.clear();
    t = tags.map(fold);
    tagCache.set(tags, t);
  }
  return t;
}

const FOLDED_IDEAS: [string, string[]][] = Object.entries(IDEAS).map(([tag, phrases]) => [tag, phrases.map(fold)]);

/**
 * The ideas a query names: the whole query is one of an idea's phrases (or, from three letters, the start of
 * one), or the query holds one of its phrases of two words or more ("is there anything else").
 */
export function ideasOf(query: string): { tag: string; phrases: string[] }[] {
  const q = fold(query);
  if (!q) return [];
  const typed = prepare(q);
  return FOLDED_IDEAS.filter(([, phrases]) =>
    phrases.some((p) => p === q || (q.length >= MIN_PREFIX && p.startsWith(q)) || (p.includes(' ') && hasPhrase(typed, p))),
  ).map(([tag, phrases]) => ({ tag, phrases }));
}

/**
 * A matcher for one query (ideas looked up once): null for a question that does not match, or how it
 * matched. An empty query matches everything, with nothing to mark.
 */
export function questionMatcher(query: string): (question: Pick<Question, 'text' | 'tags'>) => QuestionMatch | null {
  const q = fold(query);
  if (!q) return () => ({ tier: 'wording', ranges: [] });
  const typed = words(q);
  const marked = typed.filter((w) => w.length >= MIN_MARKED_WORD);
  const ideas = ideasOf(q);
  const ideaPhrases = [...new Set(ideas.flatMap((i) => i.phrases))];
  const longPhrases = ideaPhrases.filter((p) => p.includes(' '));

  return (question) => {
    const shown = prepared(question.text);
    const tags = foldedTags(question.tags);
    if (shown.folded.includes(q)) return { tier: 'wording', ranges: findFolded(shown, [q]) };
    const wordRanges = () => findFolded(shown, marked, { wordStart: true });
    const startsAWord = (w: string) => findFolded(shown, [w], { wordStart: true }).length > 0 || tags.some((t) => t.startsWith(w));
    if (typed.length > 0 && typed.every(startsAWord)) return { tier: 'words', ranges: wordRanges() };
    if (tags.some((t) => t.includes(q))) return { tier: 'tag', ranges: wordRanges() };
    // By its idea: tagged with it, or (after those) worded with one of its phrases of two words or more.
    // Only those phrases are marked beside the typed words: single words ("more") would mark noise.
    const tier = ideas.some((i) => tags.includes(i.tag)) ? 'idea' : longPhrases.some((p) => hasPhrase(shown, p)) ? 'related' : null;
    if (!tier) return null;
    return { tier, ranges: mergeRanges([...wordRanges(), ...findFolded(shown, longPhrases, { wholeWord: true })]) };
  };
}

/**
 * The search index over the whole record (MiniSearch): prefix and typo-tolerant matching, ranked by BM25
 * with field boosts, usable as-you-type. Built lazily from a loader on the first search, kept in step by
 * `upsert`/`remove` after each committed write, and rebuildable. Writes that arrive while it is building are
 * replayed on top, so the index never misses one.
 */
import MiniSearch, { type SearchOptions } from 'minisearch';
import type { SearchDoc } from './documents';

export interface RankedRef {
  ref: string;
  score: number;
  /** The indexed words that matched (lower case), for highlighting them where the result is shown. */
  terms: string[];
}

export interface SearchIndex {
  search(query: string, limit: number): Promise<RankedRef[]>;
  upsert(doc: SearchDoc): void;
  remove(ref: string): void;
  /** Forgets the index; the next search rebuilds it from the store. */
  drop(): void;
  /** Rebuilds now from the store. */
  rebuild(): Promise<void>;
  /** Builds the index now if it is not built (or building), so the next search answers at once. */
  warm(): Promise<void>;
  readonly built: boolean;
}

/**
 * Words too common to help find anything. Leaving them out of the index keeps as-you-type search fast on a
 * large record (a query for "the" would otherwise score most of it).
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  'a an and are as at be but by for from had has have he her his i if in into is it its me my of on or our she so than that the their them then there they this to was we were will with you your'.split(
    ' ',
  ),
);

export function processTerm(term: string): string | null {
  const lower = term.toLowerCase();
  return STOP_WORDS.has(lower) ? null : lower;
}

/**
 * Typos forgiven in a typed word: none below six letters (so "care" does not bring up "case" and "came"),
 * one from six letters ("budjet"), two from eight ("meetnigs", "delegaton"). Shorter words still match as
 * prefixes while the coach types.
 */
export function typoAllowance(term: string): number {
  const n = [...term].length;
  return n >= 8 ? 2 : n >= 6 ? 1 : 0;
}

export const SEARCH_OPTIONS: SearchOptions = {
  prefix: true,
  // MiniSearch reads a fuzzy value of 1 or more as an edit distance; false turns typo matching off.
  fuzzy: (term) => typoAllowance(term) || false,
  combineWith: 'AND',
  boost: { name: 3, text: 2, body: 1 },
};

function emptyIndex(): MiniSearch<SearchDoc> {
  return new MiniSearch<SearchDoc>({ fields: ['name', 'text', 'body'], storeFields: [], processTerm, searchOptions: SEARCH_OPTIONS });
}

type Change = { doc: SearchDoc } | { remove: string };

function apply(index: MiniSearch<SearchDoc>, change: Change): void {
  if ('doc' in change) {
    if (index.has(change.doc.id)) index.replace(change.doc);
    else index.add(change.doc);
  } else if (index.has(change.remove)) {
    index.discard(change.remove);
  }
}

export function createSearchIndex(load: () => Promise<SearchDoc[]>): SearchIndex {
  let index: MiniSearch<SearchDoc> | null = null;
  let building: Promise<MiniSearch<SearchDoc>> | null = null;
  let queued: Change[] = [];
  let generation = 0;

  const build = (): Promise<MiniSearch<SearchDoc>> => {
    const mine = ++generation;
    queued = [];
    const run = (async () => {
      const fresh = emptyIndex();
      // In chunks, so writes and reads keep being answered while a large record is indexed.
      await fresh.addAllAsync(await load(), { chunkSize: 5000 });
      if (mine !== generation) return building ?? build();
      for (const change of queued) apply(fresh, change);
      queued = [];
      index = fresh;
      building = null;
      return fresh;
    })();
    run.catch(() => {
      if (mine === generation) building = null;
    });
    building = run;
    return run;
  };

  const current = (): Promise<MiniSearch<SearchDoc>> => (index ? Promise.resolve(index) : (building ?? build()));

  const change = (c: Change) => {
    if (index) apply(index, c);
    else if (building) queued.push(c);
  };

  return {
    async search(query, limit) {
      if (!query.trim()) return [];
      const ready = await current();
      return ready
        .search(query)
        .slice(0, limit)
        .map((r) => ({ ref: String(r.id), score: r.score, terms: r.terms }));
    },
    upsert: (doc) => change({ doc }),
    remove: (ref) => change({ remove: ref }),
    drop() {
      index = null;
      building = null;
      generation++;
      queued = [];
    },
    async rebuild() {
      index = null;
      building = null;
      await build();
    },
    async warm() {
      await current();
    },
    get built() {
      return index !== null;
    },
  };
}

/**
 * The search index over the whole record (MiniSearch): prefix and typo-tolerant matching, ranked by BM25
 * with field boosts, usable as-you-type. Built lazily from a loader on the first search, kept in step by
 * `upsert`/`remove` after each committed write, and rebuildable. Writes that arrive while it is building are
 * replayed on top, so the index never misses one.
 *
 * Persisted (issue 13): MV3 stops the idle worker, and rebuilding took seconds at 100,000 commitments. With
 * a `SearchIndexStore`, the first search of a new worker loads a snapshot (./snapshot.ts: compact, loaded
 * lazily; MiniSearch's own JSON took seconds to load) instead. The
 * stored copy is trusted only when it is in step: before the first write after a save, the store is told
 * the copy is stale (`beforeWrite`, awaited before the write runs), and a save happens only when no write
 * is under way, after a quiet spell, clearing that mark in the same transaction as the copy. So a worker
 * killed anywhere leaves either a copy in step or one marked stale, which is rebuilt.
 */
import MiniSearch, { type SearchOptions } from 'minisearch';
import type { SearchDoc } from './documents';
import { encodeSnapshot, loadSnapshot } from './snapshot';
import { SAFEKEEPING } from '../model/limits';

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
  /** The coach is using Holdspace (any API call): a pending save waits for the next real pause. */
  nudge(): void;
  /**
   * A write that changes what is indexed is about to run: resolves once a stored copy is marked stale (or
   * there is nothing to mark); call `afterWrite` when it has finished, whether it succeeded or not.
   */
  beforeWrite(): Promise<void>;
  afterWrite(): void;
  /** Saves the index now if it changed since it was stored (normally done after a quiet spell). */
  save(): Promise<void>;
  readonly built: boolean;
}

/** Where the index is kept between workers (lib/store/search-store.ts); null from `read` when missing or stale. */
export interface SearchIndexStore {
  read(): Promise<Uint8Array | null>;
  /** Stores the index's snapshot (./snapshot.ts) and marks it in step. */
  write(snapshot: Uint8Array): Promise<void>;
  /** Marks the stored copy stale. */
  markStale(): Promise<void>;
}

/**
 * Quiet time after the last change, and after the last API call of any view (`nudge`), before the index is
 * saved. Saving encodes the whole index (a few hundred ms of the worker's time at the bench's 100,000
 * commitments), so it waits for a real pause rather than the coach's next breath mid-call, or a panel being
 * opened; MV3 stops an idle worker 30 s after its last event, so 20 s still leaves it time to finish.
 */
export const SAVE_AFTER_MS = SAFEKEEPING.searchIndexSaveAfterMs;

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

/** How the index is made; a stored snapshot is loaded with the same options. */
export const INDEX_OPTIONS = { fields: ['name', 'text', 'body'], storeFields: [], processTerm, searchOptions: SEARCH_OPTIONS };

function emptyIndex(): MiniSearch<SearchDoc> {
  return new MiniSearch<SearchDoc>(INDEX_OPTIONS);
}

/**
 * The stored copy (its postings are decoded as searches reach them), or null when it cannot be read (another
 * snapshot version, an older stored form, damage): then it is rebuilt.
 */
function loadIndex(snapshot: Uint8Array): MiniSearch<SearchDoc> | null {
  try {
    return loadSnapshot<SearchDoc>(snapshot, INDEX_OPTIONS);
  } catch {
    return null;
  }
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

export function createSearchIndex(load: () => Promise<SearchDoc[]>, stored?: SearchIndexStore): SearchIndex {
  let index: MiniSearch<SearchDoc> | null = null;
  let building: Promise<MiniSearch<SearchDoc>> | null = null;
  let queued: Change[] = [];
  let generation = 0;
  /** The stored copy is known to be marked stale (or missing): no need to mark it again before a write. */
  let storedStale = false;
  /** The in-memory index differs from the stored copy. */
  let unsaved = false;
  let writing = 0;
  let marking: Promise<void> | null = null;
  let saveTimer: ReturnType<typeof setTimeout> | null = null;

  const scheduleSave = () => {
    if (!stored) return;
    if (saveTimer) clearTimeout(saveTimer);
    saveTimer = setTimeout(() => {
      saveTimer = null;
      void save().catch(() => undefined);
    }, SAVE_AFTER_MS);
  };

  const save = async (): Promise<void> => {
    if (!stored || !unsaved || !index || writing > 0 || building) return;
    // Taken while no write is under way: every committed write is in it. A write starting from here on
    // marks the copy stale again, in a transaction that comes after this one.
    let snapshot: Uint8Array;
    try {
      snapshot = encodeSnapshot(index);
    } catch {
      return; // an index a snapshot cannot hold (lib/search/snapshot.ts): the next worker rebuilds
    }
    unsaved = false;
    storedStale = false;
    try {
      await stored.write(snapshot);
    } catch {
      unsaved = true;
      storedStale = true;
    }
  };

  const build = (fromRecords = false): Promise<MiniSearch<SearchDoc>> => {
    const mine = ++generation;
    queued = [];
    const run = (async () => {
      let fresh: MiniSearch<SearchDoc> | null = null;
      const snapshot = stored && !fromRecords ? await stored.read().catch(() => null) : null;
      if (snapshot !== null) fresh = loadIndex(snapshot);
      if (!fresh) {
        fresh = emptyIndex();
        // In chunks, so writes and reads keep being answered while a large record is indexed.
        await fresh.addAllAsync(await load(), { chunkSize: 5000 });
        unsaved = true;
        storedStale = true;
      }
      if (mine !== generation) return building ?? build();
      for (const change of queued) apply(fresh, change);
      queued = [];
      index = fresh;
      building = null;
      if (unsaved) scheduleSave();
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
    unsaved = true;
    scheduleSave();
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
    async beforeWrite() {
      writing++;
      if (!stored || storedStale) return;
      marking ??= stored.markStale().then(
        () => {
          storedStale = true;
          marking = null;
        },
        () => {
          marking = null;
        },
      );
      await marking;
    },
    afterWrite() {
      writing = Math.max(0, writing - 1);
      if (unsaved) scheduleSave();
    },
    save,
    async rebuild() {
      index = null;
      building = null;
      await build(true);
    },
    async warm() {
      await current();
    },
    nudge() {
      if (saveTimer) scheduleSave();
    },
    get built() {
      return index !== null;
    },
  };
}

import { vi, describe, expect, it } from 'vitest';
import { type SearchIndexStore } from '@/lib/search/search-index';
import type { SearchDoc as PersistDoc, SearchDoc } from '@/lib/search/documents';
import { parseRef, refOf } from '@/lib/search/documents';
import { createSearchIndex, SAVE_AFTER_MS, typoAllowance } from '@/lib/search/search-index';

const docs: SearchDoc[] = [
  { id: 'k:ana', name: 'Ana Lopez', body: 'ana@example.org' },
  { id: 'i:1', text: 'Delegate the quarterly budget review to Sam' },
  { id: 'i:2', text: 'Practise saying no to extra meetings', body: 'a calendar block' },
  { id: 'i:3', text: 'Book a conversation with the board chair' },
  { id: 's:1', text: 'Delegation', body: 'Wants to hand over budget work' },
  { id: 'q:b:goal:01', text: 'What do you want?', body: 'short' },
  { id: 'i:4', text: 'Ask Lopez family for feedback' },
];

const refs = (hits: { ref: string }[]) => hits.map((h) => h.ref);

describe('search index', () => {
  it('matches prefixes as the coach types', async () => {
    const index = createSearchIndex(async () => docs);
    expect(refs(await index.search('dele', 10))).toEqual(expect.arrayContaining(['i:1', 's:1']));
    expect(refs(await index.search('del', 10))).toEqual(expect.arrayContaining(['i:1', 's:1']));
    expect(refs(await index.search('boa', 10))).toEqual(['i:3']);
  });

  it('forgives typos in longer words: one from six letters, two from eight', async () => {
    const index = createSearchIndex(async () => docs);
    expect(refs(await index.search('budjet', 10))).toEqual(expect.arrayContaining(['i:1', 's:1']));
    expect(refs(await index.search('meetnigs', 10))).toEqual(['i:2']);
    expect(refs(await index.search('converstion', 10))).toEqual(['i:3']);
    expect(refs(await index.search('delegaton', 10))[0]).toBe('s:1');
    expect([typoAllowance('care'), typoAllowance('carer'), typoAllowance('budjet'), typoAllowance('meetnigs')]).toEqual([0, 0, 1, 2]);
  });

  it('does not drown a short word in near-misses: "care" finds care and careful, not case or came', async () => {
    const index = createSearchIndex(async () => [
      { id: 'i:care', text: 'Take care of the team first' },
      { id: 'i:careful', text: 'Be careful with the budget' },
      { id: 'i:case', text: 'Make the case for a new hire' },
      { id: 'i:came', text: 'Nobody came to the retro' },
      { id: 'i:cars', text: 'Sell one of the cars' },
    ]);
    expect(refs(await index.search('care', 10)).sort()).toEqual(['i:care', 'i:careful']);
    // Control: the same near-misses are found when typed exactly.
    expect(refs(await index.search('case', 10))).toEqual(['i:case']);
    expect(refs(await index.search('came', 10))).toEqual(['i:came']);
  });

  it('says which indexed words matched: prefixes and typos as the record spells them', async () => {
    const index = createSearchIndex(async () => docs);
    const hit = (await index.search('delegaton budg', 10)).find((h) => h.ref === 's:1');
    expect([...hit!.terms].sort()).toEqual(['budget', 'delegation']);
  });

  it('ranks a client name above the same word in an item', async () => {
    const index = createSearchIndex(async () => docs);
    const hits = await index.search('lopez', 10);
    expect(refs(hits)).toEqual(['k:ana', 'i:4']);
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
  });

  it('needs every word typed (AND), and ignores blank queries', async () => {
    const index = createSearchIndex(async () => docs);
    expect(refs(await index.search('budget sam', 10))).toEqual(['i:1']);
    expect(await index.search('   ', 10)).toEqual([]);
    expect(await index.search('zebra', 10)).toEqual([]);
  });

  it('respects the limit', async () => {
    const index = createSearchIndex(async () => docs);
    expect((await index.search('b', 10)).length).toBeGreaterThan(1);
    expect(await index.search('b', 1)).toHaveLength(1);
  });

  it('leaves out stop words, which would otherwise match most of a large record', async () => {
    const index = createSearchIndex(async () => docs);
    expect(await index.search('the', 10)).toEqual([]);
    expect(refs(await index.search('the board', 10))).toEqual(['i:3']);
  });

  it('builds lazily once, and stays in step with upserts and removals', async () => {
    const load = vi.fn(async () => docs);
    const index = createSearchIndex(load);
    index.upsert({ id: 'i:9', text: 'ignored until built: the build reads the store' });
    expect(load).not.toHaveBeenCalled();
    expect(index.built).toBe(false);
    await index.search('sam', 5);
    await index.search('sam', 5);
    expect(load).toHaveBeenCalledTimes(1);
    index.upsert({ id: 'i:5', text: 'Swim before work' });
    index.upsert({ id: 'i:1', text: 'Delegate the hiring' });
    index.remove('i:3');
    index.remove('i:404');
    expect(refs(await index.search('swim', 5))).toEqual(['i:5']);
    expect(refs(await index.search('budget', 5))).toEqual(['s:1']);
    expect(await index.search('chair', 5)).toEqual([]);
  });

  it('replays writes that arrive while it is building', async () => {
    let release!: (d: SearchDoc[]) => void;
    const index = createSearchIndex(() => new Promise((resolve) => (release = resolve)));
    const searching = index.search('walk', 5);
    index.upsert({ id: 'i:7', text: 'Walk at lunch' });
    index.remove('i:2');
    release(docs);
    expect(refs(await searching)).toEqual(['i:7']);
    expect(await index.search('meetings', 5)).toEqual([]);
  });

  it('drops and rebuilds from the loader', async () => {
    let current = docs;
    const load = vi.fn(async () => current);
    const index = createSearchIndex(load);
    expect(refs(await index.search('sam', 5))).toEqual(['i:1']);
    current = [{ id: 'i:8', text: 'Only this now' }];
    index.drop();
    expect(index.built).toBe(false);
    expect(await index.search('sam', 5)).toEqual([]);
    current = docs;
    await index.rebuild();
    expect(index.built).toBe(true);
    expect(refs(await index.search('sam', 5))).toEqual(['i:1']);
    expect(load).toHaveBeenCalledTimes(3);
  });

  it('warms once: building ahead of the first search, and not again while built', async () => {
    const load = vi.fn(async () => docs);
    const index = createSearchIndex(load);
    expect(index.built).toBe(false);
    await index.warm();
    expect(index.built).toBe(true);
    await index.warm();
    expect(refs(await index.search('boa', 10))).toEqual(['i:3']);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('encodes references with ids that contain colons', () => {
    expect(parseRef(refOf('question', 'b:goal:01'))).toEqual({ kind: 'question', id: 'b:goal:01' });
    expect(parseRef('x:1')).toBeNull();
    expect(parseRef('nocolon')).toBeNull();
  });
});

const DOCS: PersistDoc[] = [
  { id: 'i:1', text: 'Delegate the quarterly planning' },
  { id: 'i:2', text: 'Ask for feedback on the budget' },
];

/** A stored copy in memory, with the stale mark, as lib/store/search-store.ts keeps it in IndexedDB. */
function memoryStore() {
  const state = { snapshot: null as Uint8Array | null, stale: false };
  const store: SearchIndexStore = {
    read: vi.fn(async () => (state.snapshot !== null && !state.stale ? state.snapshot : null)),
    write: vi.fn(async (snapshot: Uint8Array) => {
      state.snapshot = snapshot;
      state.stale = false;
    }),
    markStale: vi.fn(async () => {
      state.stale = true;
    }),
  };
  return { state, store };
}

const refsOf = async (index: ReturnType<typeof createSearchIndex>, q: string) => (await index.search(q, 10)).map((r) => r.ref);

describe('the search index between workers', () => {
  it('a new worker answers from the stored copy without reading the record', async () => {
    const { store } = memoryStore();
    const first = createSearchIndex(async () => DOCS, store);
    expect(await refsOf(first, 'deleg')).toEqual(['i:1']);
    await first.save();
    expect(store.write).toHaveBeenCalledTimes(1);

    const load = vi.fn(async () => DOCS);
    const next = createSearchIndex(load, store); // the worker after MV3 stopped it
    expect(await refsOf(next, 'budg')).toEqual(['i:2']);
    expect(load).not.toHaveBeenCalled();
  });

  it('a write marks the copy stale before it runs, so a worker stopped before the next save rebuilds', async () => {
    const { store, state } = memoryStore();
    const first = createSearchIndex(async () => DOCS, store);
    await first.warm();
    await first.save();
    await first.beforeWrite();
    expect(state.stale).toBe(true);
    first.upsert({ id: 'i:3', text: 'Hire a deputy' });
    first.afterWrite();
    // Stopped here, before the quiet-spell save: the next worker rebuilds from the record.
    const load = vi.fn(async () => [...DOCS, { id: 'i:3', text: 'Hire a deputy' }]);
    const next = createSearchIndex(load, store);
    expect(await refsOf(next, 'deput')).toEqual(['i:3']);
    expect(load).toHaveBeenCalledTimes(1);
    // Once saved again, the copy is in step and includes the write.
    await first.save();
    expect(state.stale).toBe(false);
    const third = createSearchIndex(async () => [], store);
    expect(await refsOf(third, 'deput')).toEqual(['i:3']);
  });

  it('does not save while a write is under way (it may commit after the copy is taken)', async () => {
    const { store } = memoryStore();
    const index = createSearchIndex(async () => DOCS, store);
    await index.warm();
    await index.beforeWrite();
    await index.save();
    expect(store.write).not.toHaveBeenCalled();
    index.afterWrite();
    await index.save();
    expect(store.write).toHaveBeenCalledTimes(1);
  });
});

describe('saving the index between workers', () => {
  it('saves once the coach has paused: a change, or any API call (nudge), puts the save off again', async () => {
    vi.useFakeTimers();
    try {
      const written: Uint8Array[] = [];
      const store: SearchIndexStore = {
        read: async () => null,
        write: async (snapshot) => void written.push(snapshot),
        markStale: async () => {},
      };
      const index = createSearchIndex(async () => docs, store);
      await index.warm(); // built from the records: unsaved, a save is scheduled
      await vi.advanceTimersByTimeAsync(SAVE_AFTER_MS - 1_000);
      index.nudge(); // a view read something: not a pause yet
      await vi.advanceTimersByTimeAsync(SAVE_AFTER_MS - 1_000);
      expect(written).toHaveLength(0);
      index.upsert({ id: 'i:9', text: 'Call the sponsor' });
      await vi.advanceTimersByTimeAsync(SAVE_AFTER_MS - 1_000);
      expect(written).toHaveLength(0);
      await vi.advanceTimersByTimeAsync(1_000);
      expect(written).toHaveLength(1);
      const saved = createSearchIndex(async () => [], { read: async () => written[0]!, write: async () => {}, markStale: async () => {} });
      expect(await refsOf(saved, 'sponsor')).toEqual(['i:9']);
      // Nothing pending: a nudge alone schedules nothing.
      index.nudge();
      await vi.advanceTimersByTimeAsync(SAVE_AFTER_MS * 2);
      expect(written).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });
});

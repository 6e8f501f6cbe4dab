import { describe, expect, it, vi } from 'vitest';
import { createSearchIndex, type SearchIndexStore } from '@/lib/search/search-index';
import type { SearchDoc } from '@/lib/search/documents';

const DOCS: SearchDoc[] = [
  { id: 'i:1', text: 'Delegate the quarterly planning' },
  { id: 'i:2', text: 'Ask for feedback on the budget' },
];

/** A stored copy in memory, with the stale mark, as lib/store/search-store.ts keeps it in IndexedDB. */
function memoryStore() {
  const state = { json: null as string | null, stale: false };
  const store: SearchIndexStore = {
    read: vi.fn(async () => (state.json !== null && !state.stale ? state.json : null)),
    write: vi.fn(async (json: string) => {
      state.json = json;
      state.stale = false;
    }),
    markStale: vi.fn(async () => {
      state.stale = true;
    }),
  };
  return { state, store };
}

const refs = async (index: ReturnType<typeof createSearchIndex>, q: string) => (await index.search(q, 10)).map((r) => r.ref);

describe('the search index between workers', () => {
  it('a new worker answers from the stored copy without reading the record', async () => {
    const { store } = memoryStore();
    const first = createSearchIndex(async () => DOCS, store);
    expect(await refs(first, 'deleg')).toEqual(['i:1']);
    await first.save();
    expect(store.write).toHaveBeenCalledTimes(1);

    const load = vi.fn(async () => DOCS);
    const next = createSearchIndex(load, store); // the worker after MV3 stopped it
    expect(await refs(next, 'budg')).toEqual(['i:2']);
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
    expect(await refs(next, 'deput')).toEqual(['i:3']);
    expect(load).toHaveBeenCalledTimes(1);
    // Once saved again, the copy is in step and includes the write.
    await first.save();
    expect(state.stale).toBe(false);
    const third = createSearchIndex(async () => [], store);
    expect(await refs(third, 'deput')).toEqual(['i:3']);
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

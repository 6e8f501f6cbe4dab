/**
 * The search index between workers: MiniSearch's serialization in the `searchIndex` store (DB step 4), with
 * a mark saying whether it is in step with the record (lib/search/search-index.ts explains the protocol).
 * `putSearchIndex` is the ONE function that writes the index: anything that must happen to its bytes on the
 * way to disk (encryption when the record is locked) belongs there.
 */
import type { SearchIndexStore } from '../search/search-index';
import { read, write, type RepoContext } from './tx';

const COPY = 'index';
const STALE = 'stale';

/** Writes the serialized index and clears the stale mark, in one transaction. */
export function putSearchIndex(ctx: RepoContext, json: string): Promise<void> {
  return write(ctx, ['searchIndex'], async (tx) => {
    const store = tx.objectStore('searchIndex');
    await Promise.all([store.put({ json, savedAt: ctx.now() }, COPY), store.delete(STALE)]);
  });
}

/** Marks the stored index stale: a write that changes what is indexed is about to run. */
export function markSearchIndexStale(ctx: RepoContext): Promise<void> {
  return write(ctx, ['searchIndex'], async (tx) => {
    await tx.objectStore('searchIndex').put({ json: '', savedAt: ctx.now() }, STALE);
  });
}

/** The stored index when it is there and in step; null when missing or stale. */
export function getSearchIndex(ctx: RepoContext): Promise<string | null> {
  return read(ctx, ['searchIndex'], async (tx) => {
    const store = tx.objectStore('searchIndex');
    const [copy, stale] = await Promise.all([store.get(COPY), store.getKey(STALE)]);
    return copy && stale === undefined ? copy.json : null;
  });
}

export function searchIndexStore(ctx: RepoContext): SearchIndexStore {
  return {
    read: () => getSearchIndex(ctx),
    write: (json) => putSearchIndex(ctx, json),
    markStale: () => markSearchIndexStale(ctx),
  };
}

/**
 * The search index between workers: MiniSearch's serialization in the `searchIndex` store (DB step 4), with
 * a mark saying whether it is in step with the record (lib/search/search-index.ts explains the protocol).
 * `putSearchIndex` is the ONE function that writes the index. With the lock on, the index (every indexed word)
 * is not stored at all — any stored copy is removed, and a worker rebuilds it from the record after a stop —
 * so no clear copy of coaching text is left beside the encrypted record (turning the lock on also clears it).
 */
import type { SearchIndexStore } from '../search/search-index';
import { PLAIN } from './codec';
import type { RepoContext } from './tx';

const COPY = 'index';
const STALE = 'stale';

/** Whether the index may be kept on disk: only with the lock off (a locked record answers no). */
async function storable(ctx: RepoContext): Promise<boolean> {
  try {
    const codec = ctx.codec ? await ctx.codec() : PLAIN;
    return codec.read === null && codec.write === null;
  } catch {
    return false;
  }
}

/** Writes the serialized index and clears the stale mark, in one transaction (removes any copy with the lock on). */
export async function putSearchIndex(ctx: RepoContext, json: string): Promise<void> {
  const keep = await storable(ctx);
  const db = await ctx.db();
  const tx = db.transaction('searchIndex', 'readwrite');
  await Promise.all([keep ? tx.store.put({ json, savedAt: ctx.now() }, COPY) : tx.store.delete(COPY), tx.store.delete(STALE), tx.done]);
}

/** Marks the stored index stale: a write that changes what is indexed is about to run. */
export async function markSearchIndexStale(ctx: RepoContext): Promise<void> {
  const db = await ctx.db();
  await db.put('searchIndex', { json: '', savedAt: ctx.now() }, STALE);
}

/** The stored index when it is there and in step (and the lock is off); null otherwise. */
export async function getSearchIndex(ctx: RepoContext): Promise<string | null> {
  if (!(await storable(ctx))) return null;
  const db = await ctx.db();
  const tx = db.transaction('searchIndex');
  const [copy, stale] = await Promise.all([tx.store.get(COPY), tx.store.getKey(STALE), tx.done]);
  return copy && stale === undefined ? copy.json : null;
}

export function searchIndexStore(ctx: RepoContext): SearchIndexStore {
  return {
    read: () => getSearchIndex(ctx),
    write: (json) => putSearchIndex(ctx, json),
    markStale: () => markSearchIndexStale(ctx),
  };
}

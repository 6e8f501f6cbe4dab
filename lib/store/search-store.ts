/**
 * The search index between workers: its snapshot (lib/search/snapshot.ts) in the `searchIndex` store (DB step 4), with
 * a mark saying whether it is in step with the record (lib/search/search-index.ts explains the protocol).
 * `putSearchIndex` is the ONE function that writes the index. With the lock on, the index (every indexed word)
 * is stored encrypted with the data key (AES-GCM, bound to this store and key), so the first search after an
 * unlock or a worker stop loads it instead of decrypting and indexing the whole record; while locked, or while
 * the lock is being turned off, no copy is written or read. No clear copy is ever left beside the encrypted
 * record (turning the lock on also clears the store).
 */
import { decryptBytes, encryptBytes } from '../crypto/codec';
import type { SearchIndexStore } from '../search/search-index';
import { PLAIN } from './codec';
import type { RepoContext } from './tx';

const COPY = 'index';
const STALE = 'stale';
const AAD = `searchIndex\u0000${COPY}`;

/** How the index may be kept on disk now: in clear (lock off), sealed with this key (unlocked), or not at all. */
type Disk = { mode: 'clear' } | { mode: 'sealed'; key: CryptoKey } | { mode: 'none' };

async function disk(ctx: RepoContext): Promise<Disk> {
  try {
    const codec = ctx.codec ? await ctx.codec() : PLAIN;
    if (codec.read === null && codec.write === null) return { mode: 'clear' };
    // Turning the lock off (reads sealed, writes clear): the record is between forms; keep no copy meanwhile.
    return codec.write ? { mode: 'sealed', key: codec.write } : { mode: 'none' };
  } catch {
    return { mode: 'none' }; // locked
  }
}

/** Writes the index's snapshot and clears the stale mark, in one transaction (removes any copy when none may be kept). */
export async function putSearchIndex(ctx: RepoContext, snapshot: Uint8Array): Promise<void> {
  for (;;) {
    const epoch = ctx.codecEpoch?.();
    const how = await disk(ctx);
    const copy =
      how.mode === 'sealed'
        ? { sealed: await encryptBytes(how.key, snapshot, AAD), savedAt: ctx.now() }
        : { bytes: snapshot, savedAt: ctx.now() };
    const db = await ctx.db();
    const tx = db.transaction('searchIndex', 'readwrite');
    // The lock changed state while the copy was being made (turning on clears this store first): a clear copy
    // written now would stay beside the sealed record. Made again in the form the lock now asks for (see
    // lib/store/tx.ts `codecTransaction`); the transaction, still without a request, commits empty.
    if (ctx.codecEpoch?.() !== epoch) continue;
    await Promise.all([how.mode === 'none' ? tx.store.delete(COPY) : tx.store.put(copy, COPY), tx.store.delete(STALE), tx.done]);
    return;
  }
}

/** Marks the stored index stale: a write that changes what is indexed is about to run. */
export async function markSearchIndexStale(ctx: RepoContext): Promise<void> {
  const db = await ctx.db();
  await db.put('searchIndex', { savedAt: ctx.now() }, STALE);
}

/**
 * The stored snapshot when it is there, in step and in the form the lock's state expects; null otherwise
 * (rebuilt). A copy in an older form (MiniSearch's JSON) has no snapshot bytes: null too.
 */
export async function getSearchIndex(ctx: RepoContext): Promise<Uint8Array | null> {
  const how = await disk(ctx);
  if (how.mode === 'none') return null;
  const db = await ctx.db();
  const tx = db.transaction('searchIndex');
  const [copy, stale] = await Promise.all([tx.store.get(COPY), tx.store.getKey(STALE), tx.done]);
  if (!copy || stale !== undefined) return null;
  if (how.mode === 'clear') return copy.sealed ? null : (copy.bytes ?? null);
  if (!copy.sealed) return null; // a clear copy is never trusted (nor kept) with the lock on
  return decryptBytes(how.key, copy.sealed, AAD).catch(() => null);
}

export function searchIndexStore(ctx: RepoContext): SearchIndexStore {
  return {
    read: () => getSearchIndex(ctx),
    write: (snapshot) => putSearchIndex(ctx, snapshot),
    markStale: () => markSearchIndexStale(ctx),
  };
}

/** Drafts: whatever is typed but not yet added, keyed by purpose (e.g. `capture:<sessionId>`). */
import type { Draft } from '../model/types';
import { sameDraftValue } from '../model/draft';
import { conflict, read, write, type RepoContext } from './tx';

export function getDraft(ctx: RepoContext, key: string): Promise<Draft | null> {
  return read(ctx, ['drafts'], async (tx) => (await tx.objectStore('drafts').get(key)) ?? null);
}

/**
 * Saves the draft, or clears it when `value` is null. With `base` (what the writer last saw stored, null for
 * no draft), a compare-and-set: when the stored draft differs, nothing is written and the write is refused
 * as a `conflict`.
 */
export function setDraft(
  ctx: RepoContext,
  key: string,
  value: Record<string, unknown> | null,
  base?: Record<string, unknown> | null,
): Promise<null> {
  const now = ctx.now();
  return write(ctx, ['drafts'], async (tx) => {
    if (base !== undefined && !sameDraftValue((await tx.objectStore('drafts').get(key))?.value ?? null, base))
      throw conflict('Another view changed this draft since this one last saw it, so nothing was saved over it.', 'value');
    if (value === null) await tx.objectStore('drafts').delete(key);
    else await tx.objectStore('drafts').put({ key, value, updatedAt: now });
    return null;
  });
}

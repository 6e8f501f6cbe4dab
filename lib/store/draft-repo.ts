/** Drafts: whatever is typed but not yet added, keyed by purpose (e.g. `capture:<sessionId>`). */
import type { Draft } from '../model/types';
import { read, write, type RepoContext } from './tx';

export function getDraft(ctx: RepoContext, key: string): Promise<Draft | null> {
  return read(ctx, ['drafts'], async (tx) => (await tx.objectStore('drafts').get(key)) ?? null);
}

/** Saves the draft, or clears it when `value` is null. */
export function setDraft(ctx: RepoContext, key: string, value: Record<string, unknown> | null): Promise<null> {
  const now = ctx.now();
  return write(ctx, ['drafts'], async (tx) => {
    if (value === null) await tx.objectStore('drafts').delete(key);
    else await tx.objectStore('drafts').put({ key, value, updatedAt: now });
    return null;
  });
}

/** Captured items of a session: commitments, notes, insights, beliefs, inquiries. */
import { keysOf } from './db';
import type { ItemPatch } from '../api/contract';
import { DEFAULT_SHAREABLE, type Id, type Item, type ItemKind } from '../model/types';
import type { CleanItemInput } from '../model/item';
import { requireClient } from './client-repo';
import { changesDue, refreshDueSummary } from './due-summary';
import { deriveItemKeys, fromStored } from './item-keys';
import { requireSession } from './session-repo';
import { notFound, write, type ReadTx, type RepoContext, invalid } from './tx';

const ITEM_STORES: ('clients' | 'sessions' | 'items' | 'dueSummary')[] = ['clients', 'sessions', 'items', 'dueSummary'];

/** A client who declined note taking gets only commitments recorded. */
async function assertKindAllowed(tx: ReadTx, clientId: Id, kind: ItemKind): Promise<void> {
  if (kind === 'commitment') return;
  const client = await requireClient(tx, clientId);
  if (client.keepNoNotes) {
    throw invalid(`${client.name} asked for no notes to be kept: only the contract and commitments are recorded.`, 'kind');
  }
}

async function nextOrder(tx: ReadTx, sessionId: Id): Promise<number> {
  const range = keysOf(sessionId);
  const last = await tx.objectStore('items').index('bySessionOrder').openKeyCursor(range, 'prev');
  return last ? Math.floor((last.key as [string, number])[1]) + 1 : 0;
}

export function addItem(ctx: RepoContext, sessionId: Id, input: CleanItemInput): Promise<Item> {
  const now = ctx.now();
  const id = ctx.newId();
  return write(ctx, ITEM_STORES, async (tx) => {
    const session = await requireSession(tx, sessionId);
    await assertKindAllowed(tx, session.clientId, input.kind);
    const item: Item = {
      id,
      sessionId,
      clientId: session.clientId,
      kind: input.kind,
      text: input.text,
      shareable: input.shareable ?? DEFAULT_SHAREABLE[input.kind],
      order: await nextOrder(tx, sessionId),
      createdAt: now,
      updatedAt: now,
      due: input.due,
      howWillYouKnow: input.howWillYouKnow,
      support: input.support,
      reviews: [],
      open: 0,
    };
    const stored = deriveItemKeys(item);
    await tx.objectStore('items').add(stored);
    if (changesDue(undefined, stored)) await refreshDueSummary(tx, stored.clientId);
    return fromStored(stored);
  });
}

/** Only the fields present change; the rest stay as stored (last write wins per field). */
export function updateItem(ctx: RepoContext, id: Id, patch: ItemPatch): Promise<Item> {
  const now = ctx.now();
  return write(ctx, ITEM_STORES, async (tx) => {
    const current = await tx.objectStore('items').get(id);
    if (!current) throw notFound('That item');
    if (patch.kind && patch.kind !== current.kind) await assertKindAllowed(tx, current.clientId, patch.kind);
    const next = deriveItemKeys({ ...current, ...patch, updatedAt: now });
    await tx.objectStore('items').put(next);
    if (changesDue(current, next)) await refreshDueSummary(tx, next.clientId);
    return fromStored(next);
  });
}

export function deleteItem(ctx: RepoContext, id: Id): Promise<Item> {
  return write(ctx, ['items', 'dueSummary'], async (tx) => {
    const current = await tx.objectStore('items').get(id);
    if (!current) throw notFound('That item');
    await tx.objectStore('items').delete(id);
    if (changesDue(current, undefined)) await refreshDueSummary(tx, current.clientId);
    return fromStored(current);
  });
}

/** Puts a deleted item back (undo), into its session as it still exists. */
export function restoreItem(ctx: RepoContext, item: Item): Promise<Item> {
  return write(ctx, ITEM_STORES, async (tx) => {
    const session = await requireSession(tx, item.sessionId);
    await assertKindAllowed(tx, session.clientId, item.kind);
    const stored = deriveItemKeys({ ...item, clientId: session.clientId });
    const before = await tx.objectStore('items').get(stored.id);
    await tx.objectStore('items').put(stored);
    if (changesDue(before, stored) || (before && before.clientId !== stored.clientId)) {
      await refreshDueSummary(tx, stored.clientId);
      if (before && before.clientId !== stored.clientId) await refreshDueSummary(tx, before.clientId);
    }
    return fromStored(stored);
  });
}

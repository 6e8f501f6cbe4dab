/** Clients: the people a coach works with. Names are unique among active clients, case-insensitively. */
import { itemsOf, keysOf } from './db';
import type { ClientPatch, DeleteReport } from '../api/contract';
import type { Client, EngagementGoal, Id } from '../model/types';
import type { ClientInputSchema } from '../model/client';
import type * as v from 'valibot';

type CleanClientInput = v.InferOutput<typeof ClientInputSchema>;
import { conflict, notFound, read, write, type ReadTx, type RepoContext, type WriteTx } from './tx';
import { byName } from '../text/collate';

export async function requireClient(tx: ReadTx, id: Id): Promise<Client> {
  const client = await tx.objectStore('clients').get(id);
  if (!client) throw notFound('That client');
  return client;
}

async function assertNameFree(tx: ReadTx, name: string, exceptId: Id | null): Promise<void> {
  const wanted = name.toLocaleLowerCase();
  const clients = await tx.objectStore('clients').getAll();
  const taken = clients.some((c) => c.id !== exceptId && !c.archived && c.name.toLocaleLowerCase() === wanted);
  if (taken) throw conflict(`You already have a client called "${name}". Use another name, or add an initial.`, 'name');
}

export function listClients(ctx: RepoContext, includeArchived: boolean): Promise<Client[]> {
  return read(ctx, ['clients'], async (tx) => {
    const all = await tx.objectStore('clients').getAll();
    return all.filter((c) => includeArchived || !c.archived).sort(byName);
  });
}

export function getClient(ctx: RepoContext, id: Id): Promise<Client> {
  return read(ctx, ['clients'], (tx) => requireClient(tx, id));
}

/** Active clients, most recently seen first: the later of their last session's start and their last update. */
export function recentClients(ctx: RepoContext, limit: number): Promise<Client[]> {
  return read(ctx, ['clients', 'sessions'], async (tx) => {
    const clients = (await tx.objectStore('clients').getAll()).filter((c) => !c.archived);
    const index = tx.objectStore('sessions').index('byClientStart');
    const seen = await Promise.all(
      clients.map(async (c) => {
        // The index key holds the start: no session record is read (or decrypted).
        const latest = await index.openKeyCursor(keysOf(c.id), 'prev');
        return Math.max(c.updatedAt, latest ? (latest.key as [string, number])[1] : 0);
      }),
    );
    return clients
      .map((client, i) => ({ client, at: seen[i]! }))
      .sort((a, b) => b.at - a.at || byName(a.client, b.client))
      .slice(0, limit)
      .map((entry) => entry.client);
  });
}

function goalsFrom(texts: string[], existing: EngagementGoal[], newId: () => string): EngagementGoal[] {
  const pool = [...existing];
  return texts.map((text) => {
    const at = pool.findIndex((g) => g.text === text);
    if (at >= 0) return pool.splice(at, 1)[0]!;
    return { id: newId(), text };
  });
}

export function createClient(ctx: RepoContext, input: CleanClientInput): Promise<Client> {
  const now = ctx.now();
  const client: Client = {
    id: ctx.newId(),
    name: input.name,
    email: input.email,
    goals: goalsFrom(input.goals, [], ctx.newId),
    notes: input.notes,
    keepNoNotes: input.keepNoNotes,
    createdAt: now,
    updatedAt: now,
    archived: false,
  };
  return write(ctx, ['clients'], async (tx) => {
    await assertNameFree(tx, client.name, null);
    await tx.objectStore('clients').add(client);
    return client;
  });
}

export function updateClient(ctx: RepoContext, id: Id, patch: ClientPatch): Promise<Client> {
  const now = ctx.now();
  return write(ctx, ['clients'], async (tx) => {
    const current = await requireClient(tx, id);
    const { goals, ...fields } = patch;
    const next: Client = { ...current, ...fields, updatedAt: now };
    if (goals) next.goals = goalsFrom(goals, current.goals, ctx.newId);
    const renamed = next.name.toLocaleLowerCase() !== current.name.toLocaleLowerCase();
    if (!next.archived && (renamed || current.archived)) await assertNameFree(tx, next.name, id);
    await tx.objectStore('clients').put(next);
    return next;
  });
}

/** Drafts are keyed by purpose and id (`capture:<sessionId>`): those naming the client or a session go too. */
async function deleteDraftsOf(tx: WriteTx, ids: Set<Id>): Promise<void> {
  const drafts = tx.objectStore('drafts');
  for (const key of await drafts.getAllKeys()) {
    if (key.split(':').some((part) => ids.has(part))) await drafts.delete(key);
  }
}

/** The stores a client's deletion touches. */
export const CLIENT_RECORD_STORES = ['clients', 'sessions', 'items', 'drafts', 'dueSummary'] as const;

/** Inside a write over CLIENT_RECORD_STORES: deletes the client and every session, item and draft recorded with them. */
export async function removeClient(tx: WriteTx, client: Client): Promise<DeleteReport> {
  const id = client.id;
  const sessionIndex = tx.objectStore('sessions').index('byClientStart');
  const sessionIds = await sessionIndex.getAllKeys(keysOf(id));
  const itemIds = await tx.objectStore('items').index('byClientOpen').getAllKeys(itemsOf(id));
  await Promise.all([
    ...sessionIds.map((sid) => tx.objectStore('sessions').delete(sid)),
    ...itemIds.map((iid) => tx.objectStore('items').delete(iid)),
  ]);
  await deleteDraftsOf(tx, new Set([id, ...sessionIds]));
  await tx.objectStore('clients').delete(id);
  await tx.objectStore('dueSummary').delete(id);
  return { clientName: client.name, sessions: sessionIds.length, items: itemIds.length };
}

/** Deletes the client and every session, item and draft recorded with them, in one transaction. */
export function deleteClient(ctx: RepoContext, id: Id): Promise<DeleteReport> {
  return write(ctx, [...CLIENT_RECORD_STORES], async (tx) => removeClient(tx, await requireClient(tx, id)));
}

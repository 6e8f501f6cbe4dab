/**
 * The store side of backup: reading the record out, and applying a validated backup in ONE readwrite
 * transaction over every store, so an import is all or nothing. Parsing and merging rules live in lib/backup.
 */
import type { BackupCounts, ImportMode } from '../api/contract';
import type { Id } from '../model/types';
import type { BackupRecords } from '../backup/format';
import { countRecords } from '../backup/integrity';
import { mergeRecords, type ExistingIds } from '../backup/merge';
import { ALL_STORES, itemsOf, keysOf, rawStore } from './db';
import { deriveItemKeys, fromStored } from './item-keys';
import { requireClient } from './client-repo';
import { read, write, type ReadTx, type RepoContext, type WriteTx } from './tx';

export type Collections = Omit<BackupRecords, 'settings'>;

async function readAll(tx: ReadTx): Promise<Collections> {
  const [clients, sessions, items, questions, questionPrefs] = await Promise.all([
    tx.objectStore('clients').getAll(),
    tx.objectStore('sessions').getAll(),
    tx.objectStore('items').getAll(),
    tx.objectStore('questions').getAll(),
    tx.objectStore('questionPrefs').getAll(),
  ]);
  return { clients, sessions, items: items.map(fromStored), questions, questionPrefs };
}

/** The whole record, or one client's (their sessions and items; the question deck is the coach's own). */
export function collectRecords(ctx: RepoContext, clientId?: Id): Promise<Collections> {
  return read(ctx, ['clients', 'sessions', 'items', 'questions', 'questionPrefs'], async (tx) => {
    if (clientId === undefined) return readAll(tx);
    const client = await requireClient(tx, clientId);
    const [sessions, items] = await Promise.all([
      tx.objectStore('sessions').index('byClientStart').getAll(keysOf(clientId)),
      tx.objectStore('items').index('byClientOpen').getAll(itemsOf(clientId)),
    ]);
    return { clients: [client], sessions, items: items.map(fromStored), questions: [], questionPrefs: [] };
  });
}

export function existingIds(ctx: RepoContext): Promise<ExistingIds> {
  return read(ctx, ['clients', 'sessions', 'items', 'questions'], async (tx) => {
    const [clients, sessions, items, questions] = await Promise.all(
      (['clients', 'sessions', 'items', 'questions'] as const).map((s) => tx.objectStore(s).getAllKeys()),
    );
    const set = (keys: string[] | undefined) => new Set(keys ?? []);
    return { clients: set(clients), sessions: set(sessions), items: set(items), questions: set(questions) };
  });
}

/**
 * Issues every put on the raw stores, without a promise per request (100,000 of them cost more than the
 * puts' own work); the transaction's completion, awaited by `write`, is the one outcome that matters: any
 * failed put aborts it, and nothing is written. A put that throws at once (a bad key) aborts it too.
 * With the lock on, the stores are the sealed facade: each record is encrypted on its way in (a raw put
 * would write it in clear), in the same one transaction.
 */
async function putAll(tx: WriteTx, records: Collections): Promise<void> {
  const put = async (name: 'clients' | 'sessions' | 'items' | 'questions' | 'questionPrefs', values: readonly unknown[]) => {
    const store = tx.objectStore(name);
    const raw = rawStore(store);
    if (raw) for (const value of values) raw.put(value);
    else await Promise.all(values.map((value) => store.put(value as never)));
  };
  await put('clients', records.clients);
  await put('sessions', records.sessions);
  await put('items', records.items.map(deriveItemKeys));
  await put('questions', records.questions);
  await put('questionPrefs', records.questionPrefs);
}

/** Only what the merge changed: records it kept as ours are the very objects read, so they are skipped. */
function changed(current: Collections, merged: Collections): Collections {
  const fresh = <T>(ours: T[], next: T[]) => {
    const same = new Set(ours);
    return next.filter((r) => !same.has(r));
  };
  return {
    clients: fresh(current.clients, merged.clients),
    sessions: fresh(current.sessions, merged.sessions),
    items: fresh(current.items, merged.items),
    questions: fresh(current.questions, merged.questions),
    questionPrefs: fresh(current.questionPrefs, merged.questionPrefs),
  };
}

/**
 * Applies a validated backup. `replace` clears the record first (drafts too: they belong to sessions);
 * `merge` adds by stable id, the newer update winning. Resolves to the counts actually written.
 */
export function applyBackup(ctx: RepoContext, incoming: BackupRecords, mode: ImportMode): Promise<BackupCounts> {
  const file: Collections = { ...incoming };
  return write(ctx, ALL_STORES, async (tx) => {
    let toWrite: Collections;
    if (mode === 'replace') {
      await Promise.all(ALL_STORES.map((s) => tx.objectStore(s).clear()));
      toWrite = file;
    } else {
      const current = await readAll(tx);
      toWrite = changed(current, mergeRecords({ ...current, settings: null }, { ...file, settings: null }));
    }
    await putAll(tx, toWrite);
    return countRecords(toWrite);
  });
}

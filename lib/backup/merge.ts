/**
 * Pure helpers for the import preview and for merging a backup into the record (the store calls them
 * inside its one transaction): counts, conflicts, and a merge by stable id where the newer update wins.
 */
import type { BackupPreview } from '../api/contract';
import type { Client, Id, Session } from '../model/types';
import type { BackupFile, BackupRecords } from './format';
import { countRecords } from './integrity';

/** Ids already in the store, per collection. */
export interface ExistingIds {
  clients: ReadonlySet<Id>;
  sessions: ReadonlySet<Id>;
  items: ReadonlySet<Id>;
  questions: ReadonlySet<Id>;
}

export function idsOf(records: Pick<BackupRecords, 'clients' | 'sessions' | 'items' | 'questions'>): ExistingIds {
  const ids = (list: { id: Id }[]) => new Set(list.map((r) => r.id));
  return { clients: ids(records.clients), sessions: ids(records.sessions), items: ids(records.items), questions: ids(records.questions) };
}

/** Records in the file whose id is already in the store. */
export function conflictCount(file: BackupRecords, existing: ExistingIds): number {
  const n = (list: { id: Id }[], set: ReadonlySet<Id>) => list.filter((r) => set.has(r.id)).length;
  return (
    n(file.clients, existing.clients) +
    n(file.sessions, existing.sessions) +
    n(file.items, existing.items) +
    n(file.questions, existing.questions)
  );
}

export function backupPreview(file: BackupFile, existing: ExistingIds): BackupPreview {
  return { formatVersion: file.formatVersion, counts: countRecords(file), conflicts: conflictCount(file, existing), scope: file.scope };
}

/** Union by key; where both sides hold a record, the one with the later `updatedAt` wins (ties keep ours). */
function newestWins<T>(ours: T[], theirs: T[], key: (r: T) => string, updatedAt: (r: T) => number): T[] {
  const merged = new Map(ours.map((r) => [key(r), r]));
  for (const r of theirs) {
    const mine = merged.get(key(r));
    if (!mine || updatedAt(r) > updatedAt(mine)) merged.set(key(r), r);
  }
  return [...merged.values()];
}

/** An incoming active client whose name another active client already has gets “(imported)” added. */
function uniqueNames(clients: Client[], incomingIds: ReadonlySet<Id>): Client[] {
  const taken = new Set(clients.filter((c) => !c.archived && !incomingIds.has(c.id)).map((c) => c.name.trim().toLocaleLowerCase()));
  return clients.map((c) => {
    if (c.archived || !incomingIds.has(c.id)) return c;
    let name = c.name.trim();
    for (let n = 1; taken.has(name.toLocaleLowerCase()); n++) name = `${c.name.trim().slice(0, 180)} (imported${n > 1 ? ` ${n}` : ''})`;
    taken.add(name.toLocaleLowerCase());
    return name === c.name ? c : { ...c, name };
  });
}

/** At most one running session: if ours runs, an incoming running session is recorded as ended. */
function oneActive(sessions: Session[], ours: ReadonlySet<Id>): Session[] {
  const keep = sessions.find((s) => s.status === 'active' && ours.has(s.id)) ?? sessions.find((s) => s.status === 'active');
  return sessions.map((s) => (s.status === 'active' && s !== keep ? { ...s, status: 'ended', endedAt: s.endedAt ?? s.updatedAt } : s));
}

/**
 * Merges a validated backup into the current record by stable id: newest update wins per record; the
 * coach's own questions (which carry no update time) keep the stored version; settings stay as they are
 * unless none are stored.
 */
export function mergeRecords(current: BackupRecords, incoming: BackupRecords): BackupRecords {
  const byId = (r: { id: Id }) => r.id;
  const at = (r: { updatedAt: number }) => r.updatedAt;
  const clients = newestWins(current.clients, incoming.clients, byId, at);
  const winners = new Set(clients.filter((c) => incoming.clients.includes(c)).map((c) => c.id));
  const sessions = newestWins(current.sessions, incoming.sessions, byId, at);
  const oursActive = new Set(sessions.filter((s) => current.sessions.includes(s)).map((s) => s.id));
  return {
    clients: uniqueNames(clients, winners),
    sessions: oneActive(sessions, oursActive),
    items: newestWins(current.items, incoming.items, byId, at),
    questions: newestWins(current.questions, incoming.questions, byId, () => 0),
    questionPrefs: newestWins(current.questionPrefs, incoming.questionPrefs, (p) => p.questionId, at),
    settings: current.settings ?? incoming.settings,
  };
}

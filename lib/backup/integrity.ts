/**
 * Checks across records that a schema cannot express: unique ids, every reference pointing at a record in
 * the file, at most one running session, unique active client names, counts that match the contents.
 * Returns the first problem as a sentence, or null when the file is whole.
 */
import type { BackupCounts } from '../api/contract';
import type { BackupRecords } from './format';
import { quote, refusal } from './messages';

export function countRecords(records: Pick<BackupRecords, 'clients' | 'sessions' | 'items' | 'questions'>): BackupCounts {
  return {
    clients: records.clients.length,
    sessions: records.sessions.length,
    items: records.items.length,
    reviews: records.items.reduce((sum, item) => sum + item.reviews.length, 0),
    questions: records.questions.length,
  };
}

function firstDuplicate(values: Iterable<string>): string | null {
  const seen = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) return value;
    seen.add(value);
  }
  return null;
}

function duplicates(records: BackupRecords): string | null {
  const lists: [string, Iterable<string>][] = [
    ['two clients', records.clients.map((c) => c.id)],
    ['two sessions', records.sessions.map((s) => s.id)],
    ['two captured items', records.items.map((i) => i.id)],
    ['two questions', records.questions.map((q) => q.id)],
    ['two question marks', records.questionPrefs.map((p) => p.questionId)],
  ];
  for (const [what, ids] of lists) {
    const dup = firstDuplicate(ids);
    if (dup !== null) return `${what} share the id ${quote(dup)}.`;
  }
  for (const client of records.clients) {
    const dup = firstDuplicate(client.goals.map((g) => g.id));
    if (dup !== null) return `two goals of client ${quote(client.name)} share the id ${quote(dup)}.`;
  }
  const active = records.clients.filter((c) => !c.archived).map((c) => c.name.trim().toLocaleLowerCase());
  const sameName = firstDuplicate(active);
  if (sameName !== null) return `two active clients are both called ${quote(sameName)}.`;
  return null;
}

function references(records: BackupRecords): string | null {
  const clientIds = new Set(records.clients.map((c) => c.id));
  const sessions = new Map(records.sessions.map((s) => [s.id, s]));
  for (const s of records.sessions) {
    if (!clientIds.has(s.clientId)) return `session ${quote(s.id)} belongs to a client that is not in the file.`;
  }
  if (records.sessions.filter((s) => s.status === 'active').length > 1) return 'more than one session is marked as still running.';
  for (const item of records.items) {
    const session = sessions.get(item.sessionId);
    if (!session) return `captured item ${quote(item.id)} belongs to a session that is not in the file.`;
    if (!clientIds.has(item.clientId) || session.clientId !== item.clientId) {
      return `captured item ${quote(item.id)} names a different client than its session.`;
    }
    for (const review of item.reviews) {
      if (review.sessionId !== undefined && !sessions.has(review.sessionId))
        return `a review of commitment ${quote(item.id)} points at a session that is not in the file.`;
    }
  }
  return null;
}

function countsMatch(claimed: BackupCounts, records: BackupRecords): string | null {
  const actual = countRecords(records);
  for (const key of Object.keys(actual) as (keyof BackupCounts)[]) {
    if (claimed[key] !== actual[key]) {
      return `the file says it holds ${claimed[key]} ${key} but holds ${actual[key]}; it may have been cut short or edited.`;
    }
  }
  return null;
}

/** The first problem across records, as a full refusal sentence; null when there is none. */
export function integrityProblem(file: BackupRecords & { counts: BackupCounts; scope: 'all' | 'client' }): string | null {
  const problem =
    duplicates(file) ??
    references(file) ??
    countsMatch(file.counts, file) ??
    (file.scope === 'client' && file.clients.length !== 1 ? 'a one-client export must hold exactly one client.' : null);
  return problem ? refusal(problem) : null;
}

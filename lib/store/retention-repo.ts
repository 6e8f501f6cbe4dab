/**
 * Retention (issue 12): the clients not seen for N months, and their deletion. "Seen" is the start of the
 * client's latest session, or the client's creation when they have none. Archived clients follow the same
 * rule (archiving neither protects nor condemns a record); a client whose session is still running is never
 * listed. Deletion takes only the clients the coach was shown, and only those that still qualify at that
 * moment (a session started since, or a client gone, leaves them out), in one transaction.
 */
import type { RetentionCandidate, RetentionPreview, RetentionReport } from '../api/contract';
import { monthsBefore } from '../model/dates';
import type { Client, Id, Millis } from '../model/types';
import { CLIENT_RECORD_STORES, removeClient } from './client-repo';
import { keysOf } from './db';
import { read, write, type ReadTx, type RepoContext } from './tx';

/** The client's last session start (from the index's keys: nothing decrypted) and how many sessions they have. */
async function seenOf(tx: ReadTx, client: Client, running: Set<Id>): Promise<RetentionCandidate & { running: boolean }> {
  const index = tx.objectStore('sessions').index('byClientStart');
  const latest = await index.openKeyCursor(keysOf(client.id), 'prev');
  const sessions = await index.count(keysOf(client.id));
  const lastSession = latest ? ((latest.key as [string, number])[1] ?? null) : null;
  return {
    clientId: client.id,
    name: client.name,
    archived: client.archived,
    createdAt: client.createdAt,
    lastSession,
    lastSeen: lastSession ?? client.createdAt,
    sessions,
    running: running.has(client.id),
  };
}

/** The clients whose session is running (at most one). */
async function runningClients(tx: ReadTx): Promise<Set<Id>> {
  const active = await tx.objectStore('sessions').index('byStatus').getAll('active');
  return new Set(active.map((s) => s.clientId));
}

const qualifies = (c: { lastSeen: Millis; running: boolean }, cutoff: Millis) => !c.running && c.lastSeen < cutoff;

/** Who would go: the clients not seen since `months` before now, longest unseen first. */
export function retentionPreview(ctx: RepoContext, months: number): Promise<RetentionPreview> {
  const cutoff = monthsBefore(ctx.now(), months);
  return read(ctx, ['clients', 'sessions'], async (tx) => {
    const running = await runningClients(tx);
    const all = await tx.objectStore('clients').getAll();
    const seen = await Promise.all(all.map((c) => seenOf(tx, c, running)));
    const clients = seen
      .filter((c) => qualifies(c, cutoff))
      .sort((a, b) => a.lastSeen - b.lastSeen || a.name.localeCompare(b.name))
      .map(({ running: _, ...c }) => c);
    return { months, cutoff, clients };
  });
}

/** Deletes those of `clientIds` that still qualify; the others are counted as kept. */
export function applyRetention(ctx: RepoContext, months: number, clientIds: Id[]): Promise<RetentionReport> {
  const cutoff = monthsBefore(ctx.now(), months);
  return write(ctx, [...CLIENT_RECORD_STORES], async (tx) => {
    const running = await runningClients(tx);
    const report: RetentionReport = { deleted: [], kept: 0 };
    for (const id of new Set(clientIds)) {
      const client = await tx.objectStore('clients').get(id);
      if (!client || !qualifies(await seenOf(tx, client, running), cutoff)) {
        report.kept++;
        continue;
      }
      report.deleted.push(await removeClient(tx, client));
    }
    return report;
  });
}

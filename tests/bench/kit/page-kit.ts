/**
 * What the benchmark runs inside an extension page (bundled by tests/bench/kit.mjs and injected over CDP):
 * the views' own API client over runtime messaging, the seeder, the summary exporters, and the backup
 * serializer for cutting a record down to a size the importer accepts.
 */
import { createApiClient } from '@/lib/api/client';
import type { HoldspaceApi } from '@/lib/api/contract';
import type { ApiRequest } from '@/lib/api/wire';
import type { BackupFile } from '@/lib/backup/format';
import { serializeBackup } from '@/lib/backup/serialize';
import { buildEngagementReport } from '@/lib/export/engagement-report';
import { toIcs } from '@/lib/export/ics';
import { toMarkdown } from '@/lib/export/markdown';
import { buildSummary } from '@/lib/export/summary-model';
import { seedRecord } from '../seed/seed';

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

/** The API exactly as a view builds it (lib/platform/runtime-api.ts), minus the change-event port. */
export function messagingApi(view = 'bench'): HoldspaceApi {
  return createApiClient((message: ApiRequest) => chrome.runtime.sendMessage(message), view);
}

/**
 * The largest prefix of the record's clients (with their sessions and items) whose backup stays under
 * `maxBytes`, re-serialized with matching counts. Clients are kept in file order.
 */
export function cutBackup(text: string, maxBytes: number): { text: string; clients: number; bytes: number } {
  const file = JSON.parse(text) as BackupFile;
  const sizeOf = (t: string) => new TextEncoder().encode(t).length;
  const cut = (n: number) => {
    const keep = new Set(file.clients.slice(0, n).map((c) => c.id));
    const records = {
      clients: file.clients.slice(0, n),
      sessions: file.sessions.filter((s) => keep.has(s.clientId)),
      items: file.items.filter((i) => keep.has(i.clientId)),
      questions: file.questions,
      questionPrefs: file.questionPrefs,
      settings: file.settings,
    };
    return serializeBackup(records, 'all', file.exportedAt);
  };
  // Sizes grow about linearly with clients: estimate, then step down until it fits.
  let n = Math.max(1, Math.floor(file.clients.length * (maxBytes / sizeOf(text)) * 0.98));
  let out = cut(n);
  while (sizeOf(out) > maxBytes && n > 1) out = cut(--n);
  return { text: out, clients: n, bytes: sizeOf(out) };
}

export { buildEngagementReport, buildSummary, seedRecord, toIcs, toMarkdown };

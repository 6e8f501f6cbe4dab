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
import { readBackup } from '@/lib/backup/read';
import { importUpload, previewUpload, receiveBackup } from '@/lib/backup/transfer';
import { backupFileType } from '@/lib/backup/format';
import type { Result } from '@/lib/api/result';
import { deriveItemKeys } from '@/lib/store/item-keys';
import { toIcs } from '@/lib/export/ics';
import { toMarkdown } from '@/lib/export/markdown';
import { buildSummary } from '@/lib/export/summary-model';
import { connectToBackground } from '@/lib/platform/runtime-api';
import { seedRecord } from '../seed/seed';

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

let connection: HoldspaceApi | undefined;

/**
 * The API exactly as a view builds it (lib/platform/runtime-api.ts): reads over the view's change port,
 * writes by runtime message. One connection per page, as a view has.
 */
export function messagingApi(): HoldspaceApi {
  return (connection ??= connectToBackground(new AbortController().signal).api);
}

/** Every call as its own runtime message (the views' path for reads before they went over the port), for comparison. */
export function runtimeMessageApi(view = 'bench'): HoldspaceApi {
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

/** The last file `benchExport` made, kept in the page for `benchValidate` and `benchRestore`. */
let lastFile: Blob | null = null;

/**
 * Builds before issue 13 answered `exportBackup` with the whole file as one string and took `{ text }` to
 * preview and import; later ones move the file page by page (lib/backup/transfer.ts). The bench measures
 * either, so a build from before the change can be measured beside the current one.
 */
type OldApi = {
  exportBackup(a: object): Promise<Result<unknown>>;
  previewBackup(a: { text: string }): Promise<Result<unknown>>;
  importBackup(a: { text: string; mode: string }): Promise<Result<unknown>>;
};

/** "Export backup" as the Settings view makes it: the file's bytes, and the time to have them in the page. */
export async function benchExport(api: HoldspaceApi): Promise<{ ms: number; bytes: number }> {
  const t = performance.now();
  const made = await api.exportBackup({});
  if (!made.ok) throw new Error(`export: ${made.error.message}`);
  if (typeof made.value === 'string') lastFile = new Blob([new TextEncoder().encode(made.value)]);
  else {
    const file = await receiveBackup(api, made);
    if (!file.ok) throw new Error(`export: ${file.error.message}`);
    lastFile = file.value;
  }
  return { ms: performance.now() - t, bytes: lastFile.size };
}

/** Reading and checking the last file (as the worker does, here in the page), and the stored objects made from it. */
export async function benchValidate(): Promise<{ validateMs: number; objectsMs: number }> {
  if (!lastFile) throw new Error('benchExport first');
  let t = performance.now();
  const parsed = await readBackup(lastFile, Date.now());
  if (!parsed.ok) throw new Error(parsed.error.message);
  const validateMs = performance.now() - t;
  t = performance.now();
  parsed.value.items.map(deriveItemKeys);
  return { validateMs, objectsMs: performance.now() - t };
}

/** Empties the record's stores (not timed), as a fresh profile has them: what a restore into a new browser meets. */
async function emptyRecord(): Promise<void> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const r = indexedDB.open('holdspace');
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  const stores = ['clients', 'sessions', 'items', 'questions', 'questionPrefs', 'drafts'];
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction(stores, 'readwrite');
    for (const s of stores) tx.objectStore(s).clear();
    tx.oncomplete = () => resolve();
    tx.onerror = tx.onabort = () => reject(tx.error);
  });
  db.close();
}

/**
 * "Import backup" of the last file, preview then "Replace everything", timed in the page. `intoEmpty` (the
 * default) empties the record first, as a restore into a fresh profile finds it: since "Replace everything"
 * writes only what differs, restoring the very file onto the record it came from writes almost nothing,
 * which is not the figure of a restore.
 */
export async function benchRestore(
  api: HoldspaceApi,
  { intoEmpty = true }: { intoEmpty?: boolean } = {},
): Promise<{ previewMs: number; restoreMs: number; error: string | null }> {
  if (!lastFile) throw new Error('benchExport first');
  const file = lastFile;
  if (intoEmpty) await emptyRecord();
  let t = performance.now();
  if (file.type !== backupFileType(false).mime) {
    const old = api as unknown as OldApi;
    const text = await file.text();
    const preview = await old.previewBackup({ text });
    const previewMs = performance.now() - t;
    if (!preview.ok) return { previewMs, restoreMs: 0, error: `preview: ${preview.error.message}` };
    t = performance.now();
    const restored = await old.importBackup({ text, mode: 'replace' });
    return { previewMs, restoreMs: performance.now() - t, error: restored.ok ? null : `import: ${restored.error.message}` };
  }
  const preview = await previewUpload(api, file);
  const previewMs = performance.now() - t;
  if (!preview.ok) return { previewMs, restoreMs: 0, error: `preview: ${preview.error.message}` };
  t = performance.now();
  const restored = await importUpload(api, preview.value.upload, 'replace');
  return { previewMs, restoreMs: performance.now() - t, error: restored.ok ? null : `import: ${restored.error.message}` };
}

export { buildSummary, seedRecord, toIcs, toMarkdown };
export { buildEngagementReport } from '@/lib/export/engagement-report';

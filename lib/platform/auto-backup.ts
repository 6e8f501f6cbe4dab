/**
 * Automatic backups, the worker's side: after every ended session, when the coach turns them on, and at
 * most once a day (checked when the worker starts and when a view opens), the whole record is exported and
 * written with the `downloads` API into `Downloads/Holdspace/`, outside the browser profile, and all but
 * the newest N of our own earlier downloads are removed (`downloads.removeFile`). Why downloads and not a
 * folder picked with the File System Access API: see README "Automatic backups".
 *
 * Every automatic backup file is written by `writeAutomaticBackup` and nothing else.
 */
import type { browser } from 'wxt/browser';
import type { ChangeEvent, HoldspaceApi } from '../api/contract';
import {
  afterFailure,
  afterWrite,
  AUTO_BACKUP_STATUS_KEY,
  isAutoBackupRequest,
  autoBackupName,
  backupDue,
  readAutoBackupStatus,
  toPrune,
  type AutoBackupFile,
  type AutoBackupStatus,
  type BackupReason,
} from '../backup-auto/policy';
import { SAFEKEEPING } from '../model/limits';
import { receiveBackup } from '../backup/transfer';
import type { SettingsPort } from '../view/ports';
import { BLOB_CACHE, OFFSCREEN_BLOB_CHANNEL } from './offscreen-blob';
import { sessionRunning } from './safekeeping';

type Browser = typeof browser;

const DOWNLOAD_TIMEOUT_MS = 120_000;

/**
 * THE one place an automatic backup's bytes are written outside the profile: `bytes` (whatever the exporter,
 * and later the lock's envelope, produced) as `Downloads/Holdspace/<name>`, without asking where. Resolves
 * with the browser's download id and the file's full path once the file is complete; throws with a sentence.
 */
export async function writeAutomaticBackup(b: Browser, file: Blob, name: string): Promise<AutoBackupFile> {
  const url = await blobUrlOf(b, file, name);
  try {
    const id = await b.downloads.download({
      url: url.href,
      filename: `${SAFEKEEPING.backupFolder}/${name}`,
      saveAs: false,
      conflictAction: 'uniquify',
    });
    const item = await downloadFinished(b, id);
    return { id, path: item.filename, at: Date.now() };
  } finally {
    await url.release();
  }
}

/**
 * A URL the downloads API can fetch the bytes from. Firefox's background is a page: a blob URL of its own.
 * Chrome's worker has no `URL.createObjectURL`, and a `data:` URL is capped near 2 MB, so the bytes go
 * through the origin's Cache Storage to an offscreen document that makes the blob URL (closed afterwards).
 */
async function blobUrlOf(b: Browser, blob: Blob, name: string): Promise<{ href: string; release(): Promise<void> }> {
  if (typeof URL.createObjectURL === 'function') {
    const href = URL.createObjectURL(blob);
    return { href, release: async () => URL.revokeObjectURL(href) };
  }
  const offscreen =
    (b as unknown as { offscreen?: OffscreenApi }).offscreen ??
    (globalThis as unknown as { chrome?: { offscreen?: OffscreenApi } }).chrome?.offscreen;
  if (!offscreen) throw new Error('This browser cannot hand a file to its downloads from the background.');
  const key = `https://holdspace.invalid/auto-backup/${encodeURIComponent(name)}`;
  const cache = await caches.open(BLOB_CACHE);
  await cache.put(key, new Response(blob));
  if (!(await offscreen.hasDocument?.())) {
    await offscreen.createDocument({
      url: 'offscreen.html',
      reasons: ['BLOBS'],
      justification: 'Hand an automatic backup file to the downloads API.',
    });
  }
  const href = (await b.runtime.sendMessage({ channel: OFFSCREEN_BLOB_CHANNEL, key })) as unknown;
  if (typeof href !== 'string') throw new Error('The backup file could not be prepared for download.');
  return {
    href,
    release: async () => {
      await cache.delete(key).catch(() => false);
      await offscreen.closeDocument().catch(() => {});
    },
  };
}

interface OffscreenApi {
  hasDocument?(): Promise<boolean>;
  createDocument(options: { url: string; reasons: string[]; justification: string }): Promise<void>;
  closeDocument(): Promise<void>;
}

function downloadFinished(b: Browser, id: number): Promise<{ filename: string }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new Error('The backup file did not finish writing within two minutes.')), DOWNLOAD_TIMEOUT_MS);
    const check = async () => {
      const [item] = await b.downloads.search({ id });
      if (!item) return done(new Error('The browser lost the backup download.'));
      if (item.state === 'complete') return done(null, item.filename);
      if (item.state === 'interrupted') return done(new Error(`The browser could not write the file (${item.error ?? 'interrupted'}).`));
    };
    const onChanged = (delta: { id: number; state?: { current?: string } }) => {
      if (delta.id === id && delta.state) void check();
    };
    const done = (error: Error | null, filename?: string) => {
      clearTimeout(timer);
      b.downloads.onChanged.removeListener(onChanged);
      if (error) reject(error);
      else resolve({ filename: filename ?? '' });
    };
    b.downloads.onChanged.addListener(onChanged);
    void check();
  });
}

async function prune(b: Browser, files: readonly AutoBackupFile[]): Promise<AutoBackupFile[]> {
  const removed: AutoBackupFile[] = [];
  for (const file of files) {
    // A file the coach already moved or deleted counts as pruned; removeFile refuses it, erase still works.
    await b.downloads.removeFile(file.id).catch(() => {});
    await b.downloads.erase({ id: file.id }).catch(() => {});
    removed.push(file);
  }
  return removed;
}

export function autoBackupStatusStore(b: Browser) {
  return {
    async get(): Promise<AutoBackupStatus> {
      return readAutoBackupStatus((await b.storage.local.get(AUTO_BACKUP_STATUS_KEY))[AUTO_BACKUP_STATUS_KEY]);
    },
    set: (status: AutoBackupStatus) => b.storage.local.set({ [AUTO_BACKUP_STATUS_KEY]: status }),
  };
}

/** Registers the worker's listeners; returns what to tell it of each write and each view that opens. */
export function wireAutoBackups(b: Browser, api: HoldspaceApi, settings: SettingsPort) {
  const status = autoBackupStatusStore(b);
  let running: Promise<void> = Promise.resolve();

  const backup = async (reason: BackupReason): Promise<void> => {
    const s = await settings.get();
    if (!s.autoBackup) return;
    const current = await status.get();
    if (!backupDue(current, reason, Date.now())) return;
    try {
      if (!b.downloads || !(await b.permissions.contains({ permissions: ['downloads'] }))) {
        throw new Error('Holdspace may no longer save to Downloads. Turn automatic backups off and on again in Settings to allow it.');
      }
      // The same file "Export backup" makes (format 2; sealed in the envelope with the lock on), read page by page.
      const made = await api.exportBackup({});
      const blob = await receiveBackup(api, made);
      if (!blob.ok) throw new Error(blob.error.message);
      const name = autoBackupName(Date.now(), { encrypted: made.ok && made.value.encrypted });
      const file = await writeAutomaticBackup(b, blob.value, name);
      const removed = await prune(b, toPrune([...current.files, file], s.autoBackupKeep));
      await status.set(afterWrite(current, file, removed));
    } catch (error) {
      await status.set(afterFailure(current, error instanceof Error ? error.message : String(error), Date.now()));
    }
  };
  /** One backup at a time, in order. */
  const queue = (reason: BackupReason) => {
    running = running.then(() => backup(reason)).catch(() => {});
    return running;
  };

  b.runtime.onMessage.addListener((message: unknown, sender: { id?: string }) => {
    if (!isAutoBackupRequest(message) || sender.id !== b.runtime.id) return undefined;
    return queue(message.reason).then(() => null);
  });
  void queue('daily');

  return {
    onChange(event: ChangeEvent) {
      if (!event.topics.includes('session')) return;
      void sessionRunning(api).then((running) => {
        if (!running) void queue('session-ended');
      });
    },
    onViewOpened() {
      void queue('daily');
    },
  };
}

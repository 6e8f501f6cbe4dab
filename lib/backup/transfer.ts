/**
 * The view's side of moving a backup file to or from the worker, page by page through the API (no runtime
 * message carries the whole record, and the page never parses the file: the worker checks it). A transfer
 * the worker lost (MV3 stopped it while the coach read the preview) is sent again once, transparently.
 */
import type { BackupCounts, BackupPreview, BackupTransfer, HoldspaceApi, ImportMode } from '../api/contract';
import { fail, ok, type Result } from '../api/result';
import { LIMITS } from '../model/limits';
import { fromBase64, toBase64 } from './base64';
import { backupFileType } from './format';
import { TOO_LARGE } from './messages';

type BackupApi = Pick<HoldspaceApi, 'backupPage' | 'uploadBackupPage' | 'previewBackup' | 'importBackup' | 'endBackupTransfer'>;

/** Reads a file the worker made (`exportBackup`, `exportClient`) page by page into a Blob. */
export async function receiveBackup(api: BackupApi, made: Result<BackupTransfer>): Promise<Result<Blob>> {
  if (!made.ok) return made;
  const { transfer, pages, encrypted } = made.value;
  const parts: Uint8Array[] = [];
  for (let page = 0; page < pages; page++) {
    const data = await api.backupPage({ transfer, page });
    if (!data.ok) return data;
    parts.push(fromBase64(data.value));
  }
  await api.endBackupTransfer({ transfer });
  return ok(new Blob(parts as BlobPart[], { type: backupFileType(encrypted).mime }));
}

/** Sends a chosen file to the worker page by page; resolves to its transfer. */
export async function sendBackup(api: BackupApi, file: Blob): Promise<Result<BackupTransfer>> {
  if (file.size > LIMITS.backupBytes) return fail('invalid', TOO_LARGE);
  const size = LIMITS.backupPageBytes;
  let transfer: string | undefined;
  let sent: Result<BackupTransfer> = fail('invalid', 'This backup cannot be imported: the file is empty. Nothing was imported.');
  for (let page = 0; page * size < file.size; page++) {
    const bytes = new Uint8Array(await file.slice(page * size, (page + 1) * size).arrayBuffer());
    sent = await api.uploadBackupPage({ transfer, page, data: toBase64(bytes) });
    if (!sent.ok) return sent;
    transfer = sent.value.transfer;
  }
  return sent;
}

/** An upload the view keeps hold of: its file, and the worker's transfer for it (re-sent when lost). */
export interface Upload {
  file: Blob;
  transfer: string;
  /** The passphrase of an encrypted backup, once the coach typed it. */
  passphrase?: string;
}

async function again<T>(api: BackupApi, upload: Upload, call: (transfer: string) => Promise<Result<T>>): Promise<Result<T>> {
  const first = await call(upload.transfer);
  if (first.ok || first.error.code !== 'not-found') return first;
  const resent = await sendBackup(api, upload.file);
  if (!resent.ok) return resent;
  upload.transfer = resent.value.transfer;
  return call(upload.transfer);
}

/** Sends the file, then has the worker read and check all of it. */
/** With `passphrase` for an encrypted backup (one made with the lock on). */
export async function previewUpload(
  api: BackupApi,
  file: Blob,
  passphrase?: string,
): Promise<Result<{ upload: Upload; preview: BackupPreview }>> {
  const sent = await sendBackup(api, file);
  if (!sent.ok) return sent;
  const upload: Upload = { file, transfer: sent.value.transfer, passphrase };
  const preview = await again(api, upload, (transfer) => api.previewBackup({ transfer, passphrase }));
  if (!preview.ok) {
    void api.endBackupTransfer({ transfer: upload.transfer });
    return preview;
  }
  return ok({ upload, preview: preview.value });
}

export function importUpload(api: BackupApi, upload: Upload, mode: ImportMode): Promise<Result<BackupCounts>> {
  return again(api, upload, (transfer) => api.importBackup({ transfer, mode, passphrase: upload.passphrase }));
}

export function cancelUpload(api: BackupApi, upload: Upload): void {
  void api.endBackupTransfer({ transfer: upload.transfer });
}

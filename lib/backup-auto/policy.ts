/**
 * Automatic backups outside the browser profile: when one is due, its file name, which earlier ones to
 * prune, and what the views say about the last one. Pure: the worker's wiring (lib/platform/auto-backup.ts)
 * does the writing.
 */
import * as v from 'valibot';
import { isoDate, isoTime, localZone } from '../model/dates';
import { SAFEKEEPING } from '../model/limits';
import { backupFileType } from '../backup/format';
import type { BackupNameOptions } from '../export/filenames';

const Millis = v.pipe(v.number(), v.finite());

export const AutoBackupFileSchema = v.object({
  /** The browser's download id (what `downloads.removeFile` prunes by). */
  id: v.number(),
  /** Where it was written, as the browser reports it. */
  path: v.string(),
  at: Millis,
});
export type AutoBackupFile = v.InferOutput<typeof AutoBackupFileSchema>;

/** The record of automatic backups, kept in browser storage beside the settings. Read leniently. */
export const AutoBackupStatusSchema = v.object({
  /** The last backup written. */
  last: v.fallback(v.nullable(AutoBackupFileSchema), null),
  /** The last attempt's failure, in words; null once one succeeds again. */
  failure: v.fallback(v.nullable(v.object({ at: Millis, message: v.string() })), null),
  /** Our own earlier backups, oldest first: the ones past the number kept are pruned. */
  files: v.fallback(v.array(AutoBackupFileSchema), () => []),
});
export type AutoBackupStatus = v.InferOutput<typeof AutoBackupStatusSchema>;

export function readAutoBackupStatus(raw: unknown): AutoBackupStatus {
  return v.parse(AutoBackupStatusSchema, typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? raw : {});
}

export type BackupReason = 'session-ended' | 'daily' | 'turned-on';

/** Where the status is kept in browser storage, and the message a view sends to have one written now. */
export const AUTO_BACKUP_STATUS_KEY = 'autoBackup';
export const AUTO_BACKUP_CHANNEL = 'holdspace/auto-backup';

export interface AutoBackupRequest {
  channel: typeof AUTO_BACKUP_CHANNEL;
  reason: BackupReason;
}

export function isAutoBackupRequest(message: unknown): message is AutoBackupRequest {
  return typeof message === 'object' && message !== null && (message as Partial<AutoBackupRequest>).channel === AUTO_BACKUP_CHANNEL;
}

/** After every ended session and when turned on, always; otherwise at most once a day. */
export function backupDue(status: AutoBackupStatus, reason: BackupReason, now: number): boolean {
  if (reason !== 'daily') return true;
  const lastTry = Math.max(status.last?.at ?? 0, status.failure?.at ?? 0);
  return now - lastTry >= SAFEKEEPING.backupEveryMs;
}

/**
 * `holdspace-auto-backup-2026-12-02-0142-05-120.jsonl.gz` (`….encrypted.json` with the lock on): down to the
 * millisecond, so that two written in the same second (a session ended right after turning backups on) sort
 * in the order they were written; the browser's " (1)" for a clash would sort before the original.
 */
export function autoBackupName(now: number, { encrypted = false, zone = localZone }: BackupNameOptions = {}): string {
  const time = isoTime(now, zone).replace(':', '');
  const seconds = String(Math.floor(now / 1000) % 60).padStart(2, '0');
  const millis = String(now % 1000).padStart(3, '0');
  return `holdspace-auto-backup-${isoDate(now, zone)}-${time}-${seconds}-${millis}${backupFileType(encrypted).extension}`;
}

/** The files past the newest `keep`, to remove. */
export function toPrune(files: readonly AutoBackupFile[], keep: number): AutoBackupFile[] {
  const sorted = [...files].sort((a, b) => a.at - b.at);
  return sorted.slice(0, Math.max(0, sorted.length - keep));
}

/** The status after a backup was written (and `pruned` removed). */
export function afterWrite(status: AutoBackupStatus, file: AutoBackupFile, pruned: readonly AutoBackupFile[]): AutoBackupStatus {
  const gone = new Set(pruned.map((f) => f.id));
  return { last: file, failure: null, files: [...status.files, file].filter((f) => !gone.has(f.id)) };
}

export function afterFailure(status: AutoBackupStatus, message: string, now: number): AutoBackupStatus {
  return { ...status, failure: { at: now, message } };
}

/**
 * The quiet warning both views show while automatic backups are on: the last attempt failed, or the last
 * backup is older than a week (or there is none yet). Null when all is well or backups are off.
 */
export function backupWarning(enabled: boolean, status: AutoBackupStatus, now: number): string | null {
  if (!enabled) return null;
  if (status.failure && (!status.last || status.failure.at >= status.last.at)) {
    return `The last automatic backup failed: ${status.failure.message}`;
  }
  if (!status.last) return null;
  if (now - status.last.at > SAFEKEEPING.backupStaleMs) return 'The last automatic backup is more than a week old.';
  return null;
}

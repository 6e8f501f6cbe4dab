/**
 * The whole-record backup file. Versioned: older versions are migrated on import (lib/backup/migrate.ts).
 *
 * Format 2 (written since issue 13) is gzip of JSON lines, written and read one record at a time:
 *   line 1   the header: `{"format":"holdspace-backup","formatVersion":2,"exportedAt":…,"scope":…,"counts":{…},"records":{…}}`
 *   then     one record per line, tagged by collection: `["client",{…}]`, `["session",{…}]`, `["item",{…}]`,
 *            `["question",{…}]`, `["questionPref",{…}]`, and at most one `["settings",{…}]`
 *   last     the trailer: `{"end":"holdspace-backup","lines":<record lines>,"crc32":"<8 hex digits>"}`, the CRC-32
 *            of every byte before it (header and record lines with their newlines), as unpacked.
 * Formats 0 and 1 were one JSON object (lib/backup/parse.ts still reads them).
 */
import type { Client, Item, Millis, Question, QuestionPref, Session } from '../model/types';
import type { BackupCounts } from '../api/contract';

import { FORMATS, LIMITS } from '../model/limits';

export const BACKUP_FORMAT = FORMATS.backup;
/** The format this build writes. */
export const BACKUP_FORMAT_VERSION = 2;
/** The last single-JSON-object format (read through lib/backup/parse.ts, after lib/backup/migrate.ts). */
export const JSON_FORMAT_VERSION = 1;
/**
 * What a file Holdspace saves is, for its name and type: format 2 (gzip of JSON lines) as `.jsonl.gz`, or, with
 * the lock on, the encrypted envelope (UTF-8 JSON, lib/crypto/envelope.ts) around it as `.encrypted.json`.
 */
export function backupFileType(encrypted: boolean): { extension: string; mime: string } {
  return encrypted ? { extension: '.encrypted.json', mime: 'application/json' } : { extension: '.jsonl.gz', mime: 'application/gzip' };
}

/** Files over this size are refused before reading. */
export const BACKUP_MAX_BYTES = LIMITS.backupBytes;

export interface BackupRecords {
  clients: Client[];
  sessions: Session[];
  items: Item[];
  /** The coach's own questions (built-in ones ship in code). */
  questions: Question[];
  questionPrefs: QuestionPref[];
  /** Small settings (session length, phases, theme…), as stored. */
  settings: Record<string, unknown> | null;
}

export interface BackupFile extends BackupRecords {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  exportedAt: Millis;
  /** One client's export (a client asking for their data) rather than the whole record. */
  scope: 'all' | 'client';
  counts: BackupCounts;
}

/** The collections of a backup, in file order, with the tag each record line carries. */
export const RECORD_TAGS = {
  clients: 'client',
  sessions: 'session',
  items: 'item',
  questions: 'question',
  questionPrefs: 'questionPref',
} as const;
export type Collection = keyof typeof RECORD_TAGS;
export const COLLECTIONS = Object.keys(RECORD_TAGS) as Collection[];
export const SETTINGS_TAG = 'settings';

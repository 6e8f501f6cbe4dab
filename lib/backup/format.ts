/** The whole-record backup file. Versioned: older versions are migrated on import (lib/backup/migrate.ts). */
import type { Client, Item, Millis, Question, QuestionPref, Session } from '../model/types';
import type { BackupCounts } from '../api/contract';

import { FORMATS, LIMITS } from '../model/limits';

export const BACKUP_FORMAT = FORMATS.backup;
export const BACKUP_FORMAT_VERSION = 1;
/** Files over this size are refused before parsing. */
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

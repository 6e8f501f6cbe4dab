/**
 * Writes a format-1 backup (one JSON object): the format header (format, version, time, scope, counts), then
 * each collection with one record per line. Holdspace now writes format 2 (lib/backup/write.ts); this stays
 * so tests and tools can make the older files a coach may still hold, which must keep importing.
 */
import { BACKUP_FORMAT, JSON_FORMAT_VERSION, type BackupFile, type BackupRecords } from './format';
import { countRecords } from './integrity';

const COLLECTIONS = ['clients', 'sessions', 'items', 'questions', 'questionPrefs'] as const;

function list(records: readonly unknown[]): string {
  return records.length === 0 ? '[]' : `[\n${records.map((r) => JSON.stringify(r)).join(',\n')}\n]`;
}

export function serializeBackup(records: BackupRecords, scope: 'all' | 'client', now: number): string {
  const header: Omit<BackupFile, keyof BackupRecords> = {
    format: BACKUP_FORMAT,
    formatVersion: JSON_FORMAT_VERSION,
    exportedAt: now,
    scope,
    counts: countRecords(records),
  };
  const parts = Object.entries(header).map(([key, value]) => `${JSON.stringify(key)}: ${JSON.stringify(value)}`);
  for (const key of COLLECTIONS) parts.push(`${JSON.stringify(key)}: ${list(records[key])}`);
  parts.push(`"settings": ${JSON.stringify(records.settings ?? null)}`);
  return `{\n${parts.join(',\n')}\n}\n`;
}

/**
 * File names for downloads: letters and digits of any script are kept (a client called Zoë or محمد keeps
 * their name), everything else (slashes, dots, spaces, control and bidi characters) becomes one `-`.
 */
import { isoDate, localZone, type ZoneOffset } from '../model/dates';
import { backupFileType } from '../backup/format';
import type { SummaryDoc } from './summary-model';

const MAX_PART = 60;

export function safeFilePart(text: string, fallback = 'client'): string {
  const cleaned = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  const cut = [...cleaned].slice(0, MAX_PART).join('').replace(/-+$/, '');
  return cut || fallback;
}

export type SummaryFileKind = 'md' | 'txt' | 'ics' | 'json';

/** e.g. `jane-doe-2026-11-20-session.md`, `…-session-client.md`, `…-commitments.ics`. */
export function summaryFilename(doc: SummaryDoc, ext: SummaryFileKind): string {
  const what = ext === 'ics' ? 'commitments' : 'session';
  return `${safeFilePart(doc.client.name)}-${doc.date}-${what}${doc.clientVersion ? '-client' : ''}.${ext}`;
}

/** How a backup file is named: `encrypted` with the lock on (lib/backup/format.ts `backupFileType`). */
export interface BackupNameOptions {
  encrypted?: boolean;
  zone?: ZoneOffset;
}

/** `holdspace-backup-2026-11-21.jsonl.gz`, or `….encrypted.json` with the lock on. */
export function backupFilename(now: number, { encrypted = false, zone = localZone }: BackupNameOptions = {}): string {
  return `holdspace-backup-${isoDate(now, zone)}${backupFileType(encrypted).extension}`;
}

/** `holdspace-client-jane-doe-2026-11-21.jsonl.gz`: one client's data, for a client who asks for it. */
export function clientExportFilename(
  clientName: string,
  now: number,
  { encrypted = false, zone = localZone }: BackupNameOptions = {},
): string {
  return `holdspace-client-${safeFilePart(clientName)}-${isoDate(now, zone)}${backupFileType(encrypted).extension}`;
}

/** `ana-lopez-2026-12-02-engagement.md`, `…-engagement-client.md`: the engagement report. */
export function engagementReportFilename(clientName: string, now: number, clientVersion: boolean, zone: ZoneOffset = localZone): string {
  return `${safeFilePart(clientName)}-${isoDate(now, zone)}-engagement${clientVersion ? '-client' : ''}.md`;
}

/**
 * Reads an older backup file (formats 0 and 1: one JSON object) and checks all of it — size, JSON, format,
 * version (migrating it to the current records), every field's type and range, and the links between
 * records — before the store is touched. Never throws: every refusal is an `invalid` error whose message a
 * coach can read. Current (format 2) files are read line by line by lib/backup/read.ts.
 */
import * as v from 'valibot';
import { fail, ok, type Result } from '../api/result';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, COLLECTIONS, JSON_FORMAT_VERSION, type BackupFile } from './format';
import { integrityProblem } from './integrity';
import { issueSentence, refusal, TOO_LARGE_JSON } from './messages';
import { migrateToCurrent } from './migrate';
import { BackupSchema, tooManySentence } from './schema';
import { FORMATS, LIMITS } from '../model/limits';

const MAX_JSON_BYTES = LIMITS.legacyBackupBytes;

/** The file may say it was written a little in the future (another machine's clock), not more. */
const CLOCK_SKEW_MS = 24 * 60 * 60 * 1000;

/** UTF-8 length, counted without building a copy of a large string. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

export function isTooLarge(text: string): boolean {
  return text.length > MAX_JSON_BYTES || (text.length * 3 > MAX_JSON_BYTES && utf8Length(text) > MAX_JSON_BYTES);
}

const invalid = (message: string, field?: string): Result<never> => fail('invalid', message, field);

/** A file's bytes as text. Bytes that are not UTF-8 are refused, not silently replaced. */
export function decodeBackup(bytes: ArrayBuffer | Uint8Array): Result<string> {
  if (bytes.byteLength > MAX_JSON_BYTES) return invalid(TOO_LARGE_JSON);
  try {
    return ok(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return invalid(
      refusal('it is not UTF-8 text, so it may be damaged or not a Holdspace backup. Choose the file Holdspace saved, unchanged.'),
    );
  }
}

function readJson(text: string): Result<Record<string, unknown>> {
  if (text.trim() === '') return invalid(refusal('the file is empty.'));
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return invalid(refusal('it is not complete, readable JSON (it may have been cut short or damaged).'));
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return invalid(refusal('it is not a Holdspace backup file.'));
  return ok(raw as Record<string, unknown>);
}

export function parseBackup(text: string, now: number): Result<BackupFile> {
  if (typeof text !== 'string') return invalid(refusal('no file text was given.'));
  if (isTooLarge(text)) return invalid(TOO_LARGE_JSON);
  const read = readJson(text);
  if (!read.ok) return read;
  const raw = read.value;
  if (raw.format === FORMATS.session) {
    return invalid(refusal('this is the export of a single session, not a backup. Use a file made with “Export backup”.'), 'format');
  }
  if (raw.format !== BACKUP_FORMAT) return invalid(refusal('it is not a Holdspace backup file.'), 'format');
  const version = raw.formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return invalid(refusal('its format version is missing or unreadable.'), 'formatVersion');
  }
  if (version > JSON_FORMAT_VERSION && version <= BACKUP_FORMAT_VERSION) {
    return invalid(
      refusal(
        `it says it is format ${version}, but is not compressed as those files are: it may be damaged. Choose the file Holdspace saved, unchanged.`,
      ),
      'formatVersion',
    );
  }
  if (version > BACKUP_FORMAT_VERSION) {
    return invalid(
      refusal(`it was made by a newer version of Holdspace (format ${version}). Update Holdspace, then import it again.`),
      'formatVersion',
    );
  }
  // Absurd lengths are refused before any record is checked (the schema would refuse them too, after).
  for (const collection of COLLECTIONS) {
    const list = raw[collection];
    if (Array.isArray(list) && list.length > LIMITS.backupRecords[collection])
      return invalid(refusal(tooManySentence(collection)), collection);
  }
  const migrated = migrateToCurrent(raw, version);
  if (!migrated.ok) return migrated;

  const parsed = v.safeParse(BackupSchema, migrated.value, { abortEarly: true });
  if (!parsed.success) return invalid(issueSentence(parsed.issues[0]));
  const file: BackupFile = parsed.output;
  if (file.exportedAt > now + CLOCK_SKEW_MS)
    return invalid(refusal('it says it was made in the future; its dates cannot be trusted.'), 'exportedAt');
  const problem = integrityProblem(file);
  return problem ? invalid(problem) : ok(file);
}

/** Sentences a coach can read for every way a backup file can be refused. */
import type * as v from 'valibot';

import { LIMITS } from '../model/limits';

export const NOTHING_IMPORTED = 'Nothing was imported.';

/** A size in words: "1 GB", "256 MB", "12.5 MB". */
export function sizeWords(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1024) return `${Math.round((mb / 1024) * 10) / 10} GB`;
  return `${Math.round(mb * 10) / 10} MB`;
}

/** The size cap in words. */
export const MAX_SIZE_WORDS = sizeWords(LIMITS.backupBytes);

/** The refusal for a file larger than the cap (or, for an older JSON backup, than one text can hold). */
export const TOO_LARGE = refusal(`the file is larger than ${MAX_SIZE_WORDS}, more than one coach's record can be.`);
export const TOO_LARGE_JSON = refusal(
  `it is an older, uncompressed backup larger than ${sizeWords(LIMITS.legacyBackupBytes)}, which a browser cannot read as one text. Import it in an older Holdspace, then export a new (compressed) backup.`,
);
/** Memory ran out while reading: the machine, not the file, is the limit. */
export const TOO_LARGE_FOR_MACHINE = refusal(
  'it is too large for this computer’s memory to check. Close other tabs and programs and try again, or import it on a computer with more memory.',
);

export function refusal(reason: string): string {
  return `This backup cannot be imported: ${reason} ${NOTHING_IMPORTED}`;
}

/** Each collection's record in words (plural: add “s”). */
export const RECORD_NAMES: Record<string, string> = {
  clients: 'client',
  sessions: 'session',
  items: 'captured item',
  questions: 'question',
  questionPrefs: 'question mark',
  counts: 'counts',
};

/** A short, single-line, quoted piece of the file (names and ids can be anything). */
export function quote(value: unknown): string {
  const s = String(value).replace(/\s+/g, ' ').trim();
  return `“${s.length > 40 ? `${s.slice(0, 39)}…` : s}”`;
}

function recordLabel(collection: string, index: number, record: unknown): string {
  const noun = RECORD_NAMES[collection] ?? collection;
  const r = (typeof record === 'object' && record !== null ? record : {}) as Record<string, unknown>;
  const known = typeof r.name === 'string' ? r.name : typeof r.id === 'string' ? r.id : null;
  return `${noun} ${index + 1}${known ? ` (${quote(known)})` : ''}`;
}

function problem(issue: v.BaseIssue<unknown>): string {
  if (issue.type === 'object' && issue.received === 'undefined' && issue.path?.length) return 'is missing';
  if (issue.type === 'object') return 'must be an object';
  if (issue.type === 'array') return 'must be a list';
  return issue.message;
}

/** The first schema problem as a sentence: where it is, and what is wrong. */
export function issueSentence(issue: v.BaseIssue<unknown>): string {
  const path = issue.path ?? [];
  const keys = path.map((p) => p.key);
  // A collection over its limit: the message is the whole reason (lib/backup/schema.ts).
  if (issue.type === 'max_length' && keys.length === 1 && String(keys[0]) in RECORD_NAMES) return refusal(issue.message);
  const [top, index] = keys;
  let where: string;
  let rest: unknown[];
  if (typeof top === 'string' && typeof index === 'number' && top in RECORD_NAMES) {
    where = `in ${recordLabel(top, index, path[1]?.value)}, `;
    rest = keys.slice(2);
  } else {
    where = '';
    rest = keys;
  }
  const field = rest.map(String).join('.');
  return refusal(field ? `${where}the field ${quote(field)} ${problem(issue)}.` : `${where}the record ${problem(issue)}.`);
}

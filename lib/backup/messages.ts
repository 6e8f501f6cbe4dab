/** Sentences a coach can read for every way a backup file can be refused. */
import type * as v from 'valibot';

import { LIMITS } from '../model/limits';

export const NOTHING_IMPORTED = 'Nothing was imported.';

/** The size cap in words: "50 MB". */
export const MAX_SIZE_WORDS = `${LIMITS.backupBytes / (1024 * 1024)} MB`;

export function refusal(reason: string): string {
  return `This backup cannot be imported: ${reason} ${NOTHING_IMPORTED}`;
}

const RECORD_NAMES: Record<string, string> = {
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

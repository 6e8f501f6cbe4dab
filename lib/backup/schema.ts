/**
 * The shape of a current backup: the record schemas of lib/model, composed. Every field is checked — type,
 * length, date range, known kinds/stages/statuses — by the same schemas the API checks its input with, before
 * anything reaches the store, so whatever one path accepts every path accepts. Unknown extra fields are
 * dropped. Text may contain anything, HTML included: it is data, and every view renders it as text.
 * How many records of each kind a file may hold is a limit too (LIMITS.backupRecords), in both formats.
 */
import * as v from 'valibot';
import { ClientSchema } from '../model/client';
import { ItemSchema } from '../model/item';
import { count, LIMITS } from '../model/limits';
import { Count, Millis } from '../model/primitives';
import { OwnQuestionSchema, QuestionPrefSchema } from '../model/question';
import { SessionSchema } from '../model/session';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, type Collection } from './format';
import { RECORD_NAMES } from './messages';

export const CountsSchema = v.object({ clients: Count, sessions: Count, items: Count, reviews: Count, questions: Count });

/** Each collection's record schema. */
export const RECORD_SCHEMAS = {
  clients: ClientSchema,
  sessions: SessionSchema,
  items: ItemSchema,
  questions: OwnQuestionSchema,
  questionPrefs: QuestionPrefSchema,
} as const satisfies Record<Collection, v.GenericSchema>;

export const SettingsRecordSchema = v.record(v.string(), v.unknown(), 'must be an object or null');

/** "more than 20,000 question marks, the most one backup may hold" */
export function tooManySentence(collection: Collection): string {
  return `it holds more than ${count(LIMITS.backupRecords[collection])} ${RECORD_NAMES[collection]}s, the most one backup may hold.`;
}

const list = <S extends v.GenericSchema>(collection: Collection, schema: S) =>
  v.pipe(
    v.array(schema, 'must be a list'),
    v.maxLength(LIMITS.backupRecords[collection], () => tooManySentence(collection)),
  );

/** Format 2's first line. */
export const HeaderSchema = v.object({
  format: v.literal(BACKUP_FORMAT, 'is not a Holdspace backup'),
  formatVersion: v.literal(BACKUP_FORMAT_VERSION, `must be ${BACKUP_FORMAT_VERSION}`),
  exportedAt: Millis,
  scope: v.picklist(['all', 'client'], 'must be "all" or "client"'),
  counts: CountsSchema,
});

/** A whole file in memory (an older JSON backup once migrated). */
export const BackupSchema = v.object({
  ...HeaderSchema.entries,
  clients: list('clients', ClientSchema),
  sessions: list('sessions', SessionSchema),
  items: list('items', ItemSchema),
  questions: list('questions', OwnQuestionSchema),
  questionPrefs: list('questionPrefs', QuestionPrefSchema),
  settings: v.nullable(SettingsRecordSchema),
});

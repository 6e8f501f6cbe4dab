/**
 * The shape of a current (v1) backup: the record schemas of lib/model, composed. Every field is checked —
 * type, length, date range, known kinds/stages/statuses — by the same schemas the API checks its input with,
 * before anything reaches the store, so whatever one path accepts every path accepts. Unknown extra fields
 * are dropped. Text may contain anything, HTML included: it is data, and every view renders it as text.
 */
import * as v from 'valibot';
import { ClientSchema } from '../model/client';
import { ItemSchema } from '../model/item';
import { Count, Millis } from '../model/primitives';
import { OwnQuestionSchema, QuestionPrefSchema } from '../model/question';
import { SessionSchema } from '../model/session';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION } from './format';

export const CountsSchema = v.object({ clients: Count, sessions: Count, items: Count, reviews: Count, questions: Count });

export const BackupSchema = v.object({
  format: v.literal(BACKUP_FORMAT, 'is not a Holdspace backup'),
  formatVersion: v.literal(BACKUP_FORMAT_VERSION, `must be ${BACKUP_FORMAT_VERSION}`),
  exportedAt: Millis,
  scope: v.picklist(['all', 'client'], 'must be "all" or "client"'),
  counts: CountsSchema,
  clients: v.array(ClientSchema, 'must be a list'),
  sessions: v.array(SessionSchema, 'must be a list'),
  items: v.array(ItemSchema, 'must be a list'),
  questions: v.array(OwnQuestionSchema, 'must be a list'),
  questionPrefs: v.array(QuestionPrefSchema, 'must be a list'),
  settings: v.nullable(v.record(v.string(), v.unknown(), 'must be an object or null')),
});

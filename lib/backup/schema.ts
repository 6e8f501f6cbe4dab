/**
 * The shape of a current (v1) backup, as a valibot schema. Every field is checked — type, length, date
 * range, known kinds/stages/statuses — before anything reaches the store. Unknown extra fields are dropped.
 * Text may contain anything, HTML included: it is data, and every view renders it as text.
 */
import * as v from 'valibot';
import type { Client, Item, Question, QuestionPref, Session } from '../model/types';
import { ITEM_KINDS, REVIEW_STATUSES, STAGES } from '../model/types';
import { parseDue } from '../export/dates';
import { MAX_LENGTH_MINUTES, MIN_LENGTH_MINUTES } from '../timer/timer';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION } from './format';

export const MIN_DATE = Date.UTC(1900, 0, 1);
export const MAX_DATE = Date.UTC(2200, 0, 1);
export const MAX_TEXT = 20_000;
export const MAX_NAME = 200;
export const MAX_ID = 200;

const bool = v.boolean('must be true or false');
const millis = v.pipe(
  v.number('must be a date (milliseconds since 1970)'),
  v.integer('must be a whole number of milliseconds'),
  v.minValue(MIN_DATE, 'is a date before 1900'),
  v.maxValue(MAX_DATE, 'is a date after 2200'),
);
const count = v.pipe(v.number('must be a number'), v.integer('must be a whole number'), v.minValue(0, 'cannot be negative'));
const id = v.pipe(v.string('must be text'), v.minLength(1, 'is empty'), v.maxLength(MAX_ID, `is longer than ${MAX_ID} characters`));
const text = v.pipe(v.string('must be text'), v.maxLength(MAX_TEXT, 'is longer than 20,000 characters'));
const name = v.pipe(
  v.string('must be text'),
  v.check((s) => s.trim().length > 0, 'is empty'),
  v.maxLength(MAX_NAME, `is longer than ${MAX_NAME} characters`),
);
const due = v.pipe(
  v.string('must be text'),
  v.check((s) => s === '' || parseDue(s) !== null, 'is not a real date between 1900 and 2200 (YYYY-MM-DD or YYYY-MM-DDTHH:mm)'),
);
const percent = v.pipe(v.number('must be a number'), v.minValue(0, 'cannot be negative'), v.maxValue(100, 'cannot be over 100'));

export const ClientSchema = v.object({
  id,
  name,
  email: v.pipe(v.string('must be text'), v.maxLength(320, 'is longer than 320 characters')),
  goals: v.array(v.object({ id, text }), 'must be a list'),
  notes: text,
  keepNoNotes: bool,
  createdAt: millis,
  updatedAt: millis,
  archived: bool,
});

export const SessionSchema = v.object({
  id,
  clientId: id,
  status: v.picklist(['active', 'ended'], 'must be "active" or "ended"'),
  startedAt: millis,
  endedAt: v.nullable(millis),
  contract: v.object({
    topic: text,
    desiredOutcome: text,
    whyItMatters: text,
    successMeasures: text,
    focus: v.picklist(['', 'in-session', 'out-of-session', 'both'], 'is not a focus Holdspace knows'),
    agreements: v.object({ confidentiality: bool, recordingConsent: bool, permissionToOffer: bool }),
    notes: text,
    goalId: v.nullable(id),
    checkIns: v.array(millis, 'must be a list'),
  }),
  timer: v.object({
    plannedMinutes: v.pipe(
      v.number('must be a number'),
      v.integer('must be whole minutes'),
      v.minValue(MIN_LENGTH_MINUTES, `is shorter than ${MIN_LENGTH_MINUTES} minutes`),
      v.maxValue(MAX_LENGTH_MINUTES, `is longer than ${MAX_LENGTH_MINUTES} minutes`),
    ),
    startedAt: v.nullable(millis),
    pausedAt: v.nullable(millis),
    pausedTotalMs: v.pipe(count, v.maxValue(MAX_DATE - MIN_DATE, 'is out of range')),
    phases: v.object({ contracting: percent, exploring: percent, actions: percent, closing: percent }),
    warningMinutes: v.pipe(count, v.maxValue(60, 'is over 60 minutes')),
  }),
  asked: v.array(v.object({ questionId: id, at: millis }), 'must be a list'),
  reflection: text,
  createdAt: millis,
  updatedAt: millis,
});

export const ItemSchema = v.object({
  id,
  sessionId: id,
  clientId: id,
  kind: v.picklist(ITEM_KINDS, 'is not a kind Holdspace knows (commitment, note, insight, belief, inquiry)'),
  text,
  shareable: bool,
  order: v.pipe(v.number('must be a number'), v.finite('must be a number')),
  createdAt: millis,
  updatedAt: millis,
  due,
  howWillYouKnow: text,
  support: text,
  reviews: v.array(
    v.object({
      sessionId: id,
      status: v.picklist(REVIEW_STATUSES, 'is not a review status Holdspace knows'),
      note: text,
      at: millis,
    }),
    'must be a list',
  ),
  open: v.picklist([0, 1], 'must be 0 or 1'),
});

export const QuestionSchema = v.object({
  id,
  stage: v.picklist(STAGES, 'is not a stage Holdspace knows'),
  text: v.pipe(text, v.check((s) => s.trim().length > 0, 'is empty')),
  tags: v.array(v.pipe(v.string('must be text'), v.maxLength(MAX_NAME, `is longer than ${MAX_NAME} characters`)), 'must be a list'),
  builtin: v.literal(false, 'must be false: a backup holds only your own questions'),
});

export const QuestionPrefSchema = v.object({ questionId: id, favourite: bool, hidden: bool, updatedAt: millis });

export const CountsSchema = v.object({ clients: count, sessions: count, items: count, reviews: count, questions: count });

export const BackupSchema = v.object({
  format: v.literal(BACKUP_FORMAT, 'is not a Holdspace backup'),
  formatVersion: v.literal(BACKUP_FORMAT_VERSION, `must be ${BACKUP_FORMAT_VERSION}`),
  exportedAt: millis,
  scope: v.picklist(['all', 'client'], 'must be "all" or "client"'),
  counts: CountsSchema,
  clients: v.array(ClientSchema, 'must be a list'),
  sessions: v.array(SessionSchema, 'must be a list'),
  items: v.array(ItemSchema, 'must be a list'),
  questions: v.array(QuestionSchema, 'must be a list'),
  questionPrefs: v.array(QuestionPrefSchema, 'must be a list'),
  settings: v.nullable(v.record(v.string(), v.unknown(), 'must be an object or null')),
});

// Compile-time guard: the schemas produce exactly the stored record types.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const agrees: [
  Same<v.InferOutput<typeof ClientSchema>, Client>,
  Same<v.InferOutput<typeof SessionSchema>, Session>,
  Same<v.InferOutput<typeof ItemSchema>, Item>,
  Same<v.InferOutput<typeof QuestionSchema>, Omit<Question, 'builtin'> & { builtin: false }>,
  Same<v.InferOutput<typeof QuestionPrefSchema>, QuestionPref>,
] = [true, true, true, true, true];
void agrees;

/**
 * Checking a value against a record's schema, with the refusal said in words a coach can read:
 * "The client's name cannot be empty." The field's name comes from FIELD_LABELS (or the caller's own
 * labels), the predicate from the schema.
 */
import * as v from 'valibot';
import { fail, ok, type Result } from '../api/result';

export type FieldLabels = Readonly<Record<string, string>>;

/** What each field is called in a sentence. Keyed by dotted path (without an `input`/`patch` wrapper) or name. */
export const FIELD_LABELS: FieldLabels = {
  name: "The client's name",
  email: 'The email address',
  goals: 'The goals',
  notes: 'The notes',
  keepNoNotes: '"Keep no notes"',
  archived: 'Archived',
  measure: '"How will we know"',
  goalId: 'The goal',
  sessionsPlanned: 'The number of sessions planned',
  cadenceWeeks: 'The cadence',
  startedOn: 'The start date',
  plannedEnd: 'The planned end',
  sponsor: 'The sponsor',
  confidentiality: 'The confidentiality terms',
  notesKept: 'What was agreed about notes',
  cancellation: 'The cancellation terms',
  topic: 'The topic',
  desiredOutcome: 'The desired outcome',
  whyItMatters: 'Why it matters',
  successMeasures: 'The success measures',
  focus: 'The focus',
  agreements: 'The agreements',
  'agreements.confidentiality': 'Confidentiality agreed',
  'agreements.recordingConsent': 'Recording consent',
  'agreements.permissionToOffer': 'Permission to offer ideas',
  kind: 'The kind',
  text: 'The text',
  shareable: 'Shareable',
  due: 'The date',
  howWillYouKnow: '"How will you know"',
  support: 'The support needed',
  order: 'The position',
  status: 'The status',
  note: 'The note',
  reviews: 'The reviews',
  stage: 'The stage',
  tags: 'The tags',
  favourite: 'Favourite',
  hidden: 'Hidden',
  plannedMinutes: 'The planned length',
  minutes: 'The planned length',
  action: 'The timer action',
  'action.type': 'The timer action',
  questionId: 'The question',
  sessionId: 'The session',
  clientId: 'The client',
  itemId: 'The commitment',
  id: 'The id',
  key: 'The draft key',
  value: 'The draft',
  from: 'The start of the range',
  to: 'The end of the range',
  query: 'The search',
  mode: 'The import mode',
  input: 'The details',
  patch: 'The change',
  item: 'The item',
  goal: 'The goal',
};

const WRAPPERS = new Set(['input', 'patch', 'item', 'goal']);

/**
 * The field at fault, as the API reports it: `name`, `agreements.confidentiality`, or the wrapper itself;
 * for an entry of a list (a tag, a review), the list.
 */
export function fieldOf(issue: v.BaseIssue<unknown>): string {
  const path = issue.path ?? [];
  const entry = path.findIndex((p) => typeof p.key === 'number');
  const keys = (entry >= 0 ? path.slice(0, entry) : path).map((p) => String(p.key));
  // An unknown kind of a variant (a timer action's `type`) is a fault of the whole value.
  if (issue.type === 'variant' && keys.length > 1) keys.pop();
  if (keys.length > 1 && WRAPPERS.has(keys[0]!)) keys.shift();
  return keys.join('.');
}

function predicate(issue: v.BaseIssue<unknown>): string {
  if (issue.kind === 'schema' && issue.expected === 'Object') return 'is missing or malformed';
  if (issue.type === 'object' || issue.type === 'record') return 'is missing or malformed';
  return issue.message;
}

/** The first issue as a sentence: "The topic is too long: at most 20,000 characters." */
export function issueMessage(issue: v.BaseIssue<unknown>, labels: FieldLabels = FIELD_LABELS): string {
  const field = fieldOf(issue);
  const last = field.split('.').pop() ?? '';
  const label = labels[field] ?? labels[last] ?? FIELD_LABELS[field] ?? FIELD_LABELS[last] ?? 'A value';
  return `${label} ${predicate(issue)}.`;
}

/** Parses `value` with `schema`: the clean value, or an `invalid` failure naming the field. */
export function check<S extends v.GenericSchema>(schema: S, value: unknown, labels?: FieldLabels): Result<v.InferOutput<S>> {
  const parsed = v.safeParse(schema, value, { abortEarly: true });
  if (parsed.success) return ok(parsed.output);
  const issue = parsed.issues[0];
  return fail('invalid', issueMessage(issue, labels), fieldOf(issue) || undefined);
}

/** A patch without the keys whose value is undefined, so spreading it never blanks a stored field. */
export function defined<T extends object>(patch: T): T {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as T;
}

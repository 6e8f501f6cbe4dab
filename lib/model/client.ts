/** A client: the person a coach works with, and the engagement's goals. */
import * as v from 'valibot';
import { LIMITS } from './limits';
import { Bool, Day, Email, Id, Millis, Name, Text, textList } from './primitives';

export const GOAL_STATUSES = ['active', 'achieved', 'dropped'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];
const GoalStatusField = v.picklist(GOAL_STATUSES, 'must be active, achieved or dropped');
const GoalText = v.pipe(Text, v.trim(), v.nonEmpty('cannot be empty'));

/**
 * An engagement goal. `measure` (how we will know) and `status` came later: records made before have
 * neither, so readers go through `goalMeasure`/`goalStatus`.
 */
export const EngagementGoalSchema = v.object({ id: Id, text: GoalText, measure: v.optional(Text), status: v.optional(GoalStatusField) });

export const goalStatus = (goal: { status?: GoalStatus }): GoalStatus => goal.status ?? 'active';
export const goalMeasure = (goal: { measure?: string }): string => goal.measure ?? '';

/** Whole weeks between sessions, and a number of sessions planned. */
const Cadence = v.nullable(
  v.pipe(
    v.number('must be a number of weeks'),
    v.integer('must be whole weeks'),
    v.minValue(1, 'must be 1 to 52 weeks'),
    v.maxValue(52, 'must be 1 to 52 weeks'),
  ),
);
const SessionsPlanned = v.nullable(
  v.pipe(
    v.number('must be a number of sessions'),
    v.integer('must be whole sessions'),
    v.minValue(1, 'must be 1 to 200'),
    v.maxValue(200, 'must be 1 to 200'),
  ),
);
const OptionalDay = v.union([v.literal(''), Day], 'is not a real date: write it as 2026-12-01');

/** The engagement agreement: the frame around all the sessions with one client. */
export const EngagementSchema = v.object({
  sessionsPlanned: SessionsPlanned,
  cadenceWeeks: Cadence,
  /** `YYYY-MM-DD` or '' (then the first session's day counts). */
  startedOn: OptionalDay,
  plannedEnd: OptionalDay,
  /** A sponsor or organisation paying for or hosting the coaching, if any. */
  sponsor: Text,
  /** The terms agreed: confidentiality, whether notes are kept, cancellation. */
  confidentiality: Text,
  notesKept: Text,
  cancellation: Text,
});
export type Engagement = v.InferOutput<typeof EngagementSchema>;

export const DEFAULT_ENGAGEMENT: Engagement = {
  sessionsPlanned: null,
  cadenceWeeks: null,
  startedOn: '',
  plannedEnd: '',
  sponsor: '',
  confidentiality: '',
  notesKept: '',
  cancellation: '',
};

/** A client's engagement agreement, with defaults for what was never set (and for records made before it existed). */
export const engagementOf = (client: { engagement?: Partial<Engagement> }): Engagement => ({ ...DEFAULT_ENGAGEMENT, ...client.engagement });

export const EngagementPatchSchema = v.partial(EngagementSchema);
export const GoalInputSchema = v.object({ text: GoalText, measure: v.optional(Text, '') });
export const GoalPatchSchema = v.partial(v.object({ text: GoalText, measure: Text, status: GoalStatusField }));

export const ClientSchema = v.object({
  id: Id,
  /** Display name: unique among active clients (case-insensitive). */
  name: Name,
  email: Email,
  /** The engagement's overall coaching goals: what the client hired a coach for. */
  goals: v.pipe(
    v.array(EngagementGoalSchema, 'must be a list'),
    v.maxLength(LIMITS.listEntries, `has more than ${LIMITS.listEntries} entries`),
  ),
  notes: Text,
  /** The engagement agreement; absent on records made before it existed (read it with `engagementOf`). */
  engagement: v.optional(EngagementSchema),
  /** The client declined note taking: only the contract and commitments are captured. */
  keepNoNotes: Bool,
  createdAt: Millis,
  updatedAt: Millis,
  archived: Bool,
});

/** Goals as the coach writes them: texts (ids are kept by the store where a text stays the same). */
const GoalTexts = textList(LIMITS.textLength);

export const ClientInputSchema = v.object({
  name: Name,
  email: v.optional(Email, ''),
  goals: v.optional(GoalTexts, []),
  notes: v.optional(Text, ''),
  keepNoNotes: v.optional(Bool, false),
});

/** Only the fields present change; `goals` replaces the list. */
export const ClientPatchSchema = v.partial(
  v.object({ name: Name, email: Email, goals: GoalTexts, notes: Text, keepNoNotes: Bool, archived: Bool }),
);

export type Client = v.InferOutput<typeof ClientSchema>;
export type EngagementGoal = v.InferOutput<typeof EngagementGoalSchema>;
export type GoalPatch = v.InferOutput<typeof GoalPatchSchema>;
export type ClientInput = v.InferInput<typeof ClientInputSchema>;
export type ClientPatch = v.InferOutput<typeof ClientPatchSchema>;

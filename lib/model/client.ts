/** A client: the person a coach works with, and the engagement's goals. */
import * as v from 'valibot';
import { LIMITS } from './limits';
import { Bool, Email, Id, Millis, Name, Text, textList } from './primitives';

export const EngagementGoalSchema = v.object({ id: Id, text: v.pipe(Text, v.trim(), v.nonEmpty('cannot be empty')) });

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
export type ClientInput = v.InferInput<typeof ClientInputSchema>;
export type ClientPatch = v.InferOutput<typeof ClientPatchSchema>;

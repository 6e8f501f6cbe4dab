/** The question deck: stages, the coach's own questions and the coach's marks on any question. */
import * as v from 'valibot';
import { count, LIMITS } from './limits';
import { Bool, Id, Millis, textList } from './primitives';

export const STAGES = ['contracting', 'goal', 'reality', 'options', 'beliefs', 'will', 'closing'] as const;
export type Stage = (typeof STAGES)[number];
export const STAGE_LABELS: Record<Stage, string> = {
  contracting: 'Contracting',
  goal: 'Goal',
  reality: 'Reality',
  options: 'Options & perspectives',
  beliefs: 'Beliefs & awareness',
  will: 'Will & commitment',
  closing: 'Closing',
};

const StageField = v.picklist(STAGES, 'is not a stage Holdspace knows');
const QuestionText = v.pipe(
  v.string('must be text'),
  v.trim(),
  v.nonEmpty('cannot be empty'),
  v.maxLength(LIMITS.questionLength, `is too long: at most ${count(LIMITS.questionLength)} characters`),
);
/** Tags: trimmed, lower-case, each once. */
const Tags = v.pipe(
  textList(LIMITS.tagLength),
  v.transform((tags: string[]) => [...new Set(tags.map((t) => t.toLowerCase()))]),
);

const questionEntries = {
  id: Id,
  stage: StageField,
  text: QuestionText,
  tags: Tags,
  /** Built-in questions ship in code (ids `b:…`); the coach's own are stored (ids `c:…`). */
  builtin: Bool,
};
export const QuestionSchema = v.object(questionEntries);
/** A backup holds only the coach's own questions. */
export const OwnQuestionSchema = v.object({
  ...questionEntries,
  builtin: v.literal(false, 'must be false: a backup holds only your own questions'),
});

/** The coach's marks on a question (built-in or own). */
export const QuestionPrefSchema = v.object({ questionId: Id, favourite: Bool, hidden: Bool, updatedAt: Millis });

export const QuestionInputSchema = v.object({ stage: StageField, text: QuestionText, tags: v.optional(Tags, []) });
export const QuestionPatchSchema = v.partial(v.object({ stage: StageField, text: QuestionText, tags: Tags }));
export const QuestionMarksSchema = v.partial(v.object({ favourite: Bool, hidden: Bool }));

export type Question = v.InferOutput<typeof QuestionSchema>;
export type QuestionPref = v.InferOutput<typeof QuestionPrefSchema>;
/** A question as the deck shows it: the question with the coach's marks merged in. */
export type DeckQuestion = Question & { favourite: boolean; hidden: boolean };

/** Validation of the coach's own questions and their marks. */
import type { Result } from '../api/result';
import { STAGES, type Stage } from '../model/types';
import { bool, guard, invalid, object, oneOf, requiredText, textList } from './fields';

export const MAX_QUESTION_LENGTH = 1_000;
export const MAX_TAG_LENGTH = 40;

const stage = (value: unknown) => oneOf(value, STAGES, 'stage', 'The stage');
const tags = (value: unknown) => [...new Set(textList(value, 'tags', 'Tags', MAX_TAG_LENGTH).map((t) => t.toLowerCase()))];

function questionText(value: unknown): string {
  const s = requiredText(value, 'text', 'The question').trim();
  if (s.length > MAX_QUESTION_LENGTH) throw invalid(`The question is too long: at most ${MAX_QUESTION_LENGTH.toLocaleString('en')} characters.`, 'text');
  return s;
}

export function validateQuestionInput(input: unknown): Result<{ stage: Stage; text: string; tags: string[] }> {
  return guard(() => {
    const i = object(input, 'input');
    return { stage: stage(i.stage), text: questionText(i.text), tags: tags(i.tags) };
  });
}

export function validateQuestionPatch(patch: unknown): Result<{ stage?: Stage; text?: string; tags?: string[] }> {
  return guard(() => {
    const p = object(patch, 'patch');
    return {
      ...(p.stage !== undefined ? { stage: stage(p.stage) } : {}),
      ...(p.text !== undefined ? { text: questionText(p.text) } : {}),
      ...(p.tags !== undefined ? { tags: tags(p.tags) } : {}),
    };
  });
}

export function validateQuestionPref(args: { favourite?: unknown; hidden?: unknown }): Result<{ favourite?: boolean; hidden?: boolean }> {
  return guard(() => ({
    ...(args.favourite !== undefined ? { favourite: bool(args.favourite, 'favourite', 'Favourite') } : {}),
    ...(args.hidden !== undefined ? { hidden: bool(args.hidden, 'hidden', 'Hidden') } : {}),
  }));
}

/** The coach's own questions and their marks on every question. Built-in questions live in code (lib/deck). */
import type { DeckQuestion, Id, Question, QuestionPref, Stage } from '../model/types';
import { builtinQuestion, customId, isBuiltinId, mergeDeck, withPref } from '../deck/deck';
import { notFound, read, write, type ReadTx, type RepoContext, invalid } from './tx';

export function listQuestions(ctx: RepoContext): Promise<DeckQuestion[]> {
  return read(ctx, ['questions', 'questionPrefs'], async (tx) => {
    const [own, prefs] = await Promise.all([tx.objectStore('questions').getAll(), tx.objectStore('questionPrefs').getAll()]);
    return mergeDeck(own, prefs);
  });
}

export function addQuestion(ctx: RepoContext, input: { stage: Stage; text: string; tags: string[] }): Promise<Question> {
  const question: Question = { id: customId(ctx.newId()), ...input, builtin: false };
  return write(ctx, ['questions'], async (tx) => {
    await tx.objectStore('questions').add(question);
    return question;
  });
}

function assertOwn(id: Id): void {
  if (isBuiltinId(id)) throw invalid('Built-in questions cannot be changed: hide this one and add your own version.', 'id');
}

async function requireOwn(tx: ReadTx, id: Id): Promise<Question> {
  const question = await tx.objectStore('questions').get(id);
  if (!question) throw notFound('That question');
  return question;
}

export function updateQuestion(ctx: RepoContext, id: Id, patch: { stage?: Stage; text?: string; tags?: string[] }): Promise<Question> {
  assertOwn(id);
  return write(ctx, ['questions'], async (tx) => {
    const next = { ...(await requireOwn(tx, id)), ...patch };
    await tx.objectStore('questions').put(next);
    return next;
  });
}

/** Deletes one of the coach's own questions and its marks. Sessions that asked it keep its id. */
export function deleteQuestion(ctx: RepoContext, id: Id): Promise<Question> {
  assertOwn(id);
  return write(ctx, ['questions', 'questionPrefs'], async (tx) => {
    const question = await requireOwn(tx, id);
    await tx.objectStore('questions').delete(id);
    await tx.objectStore('questionPrefs').delete(id);
    return question;
  });
}

export function setQuestionPref(ctx: RepoContext, questionId: Id, marks: { favourite?: boolean; hidden?: boolean }): Promise<DeckQuestion> {
  const now = ctx.now();
  return write(ctx, ['questions', 'questionPrefs'], async (tx) => {
    const question = builtinQuestion(questionId) ?? (await requireOwn(tx, questionId));
    const current = await tx.objectStore('questionPrefs').get(questionId);
    const pref: QuestionPref = { questionId, favourite: false, hidden: false, ...current, ...marks, updatedAt: now };
    await tx.objectStore('questionPrefs').put(pref);
    return withPref(question, pref);
  });
}

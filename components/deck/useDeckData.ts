/**
 * The deck's data: questions (with the coach's marks) and the active session's asked marks, kept live,
 * plus the writes the deck makes. Answers of writes are applied at once, so the deck never waits for the
 * change event to show a press.
 */
import { useEffect, useState } from 'preact/hooks';
import type { SessionBundle } from '@/lib/api/contract';
import type { ApiError, Result } from '@/lib/api/result';
import { ok } from '@/lib/api/result';
import type { DeckQuestion, Id, Question, Stage } from '@/lib/model/types';
import { useEnv } from '../app/env';
import { useLiveQuery } from '../hooks/useLiveQuery';

export interface DeckData {
  questions: DeckQuestion[];
  asked: Set<Id>;
  loading: boolean;
  loadError: ApiError | null;
  /** The last failed write: what, and the store's reason. */
  writeError: { what: string; error: ApiError } | null;
  clearWriteError(): void;
  markAsked(questionId: Id, asked: boolean): Promise<void>;
  setPref(questionId: Id, pref: { favourite?: boolean; hidden?: boolean }): Promise<void>;
  addQuestion(stage: Stage, text: string, tags?: string[]): Promise<Result<DeckQuestion>>;
  editQuestion(id: Id, text: string): Promise<ApiError | null>;
  deleteQuestion(id: Id): Promise<Question | null>;
}

export function useDeckData(sessionId: string | null): DeckData {
  const { api } = useEnv();
  const list = useLiveQuery(() => api.listQuestions({}), [], ['questions']);
  const session = useLiveQuery<SessionBundle | null>(
    () => (sessionId ? api.getSessionBundle({ sessionId }) : Promise.resolve(ok(null))),
    [sessionId],
    ['session', 'asked'],
    // The deck applies its own marks from each write's answer.
    { skipOwn: ['asked'] },
  );
  const [questions, setQuestions] = useState<DeckQuestion[]>([]);
  const [asked, setAsked] = useState<Set<Id>>(new Set());
  const [writeError, setWriteError] = useState<{ what: string; error: ApiError } | null>(null);

  useEffect(() => {
    if (list.data) setQuestions(list.data);
  }, [list.data]);
  useEffect(() => {
    setAsked(new Set((session.data?.session.asked ?? []).map((a) => a.questionId)));
  }, [session.data]);

  const failed = (what: string, error: ApiError) => setWriteError({ what, error });

  return {
    questions,
    asked,
    loading: list.loading,
    loadError: list.error,
    writeError,
    clearWriteError: () => setWriteError(null),
    async markAsked(questionId, isAsked) {
      if (!sessionId) return;
      const result = await api.markAsked({ sessionId, questionId, asked: isAsked });
      if (!result.ok) return failed('Could not mark the question.', result.error);
      setWriteError(null);
      setAsked(new Set(result.value.asked.map((a) => a.questionId)));
    },
    async setPref(questionId, pref) {
      const result = await api.setQuestionPref({ questionId, ...pref });
      if (!result.ok) return failed('Could not save your mark.', result.error);
      setWriteError(null);
      setQuestions((qs) => qs.map((q) => (q.id === questionId ? result.value : q)));
    },
    async addQuestion(stage, text, tags) {
      const result = await api.addQuestion(tags ? { stage, text, tags } : { stage, text });
      if (!result.ok) return result;
      const added: DeckQuestion = { ...result.value, favourite: false, hidden: false };
      setQuestions((qs) => (qs.some((q) => q.id === added.id) ? qs : [...qs, added]));
      return ok(added);
    },
    async editQuestion(id, text) {
      const result = await api.updateQuestion({ id, text });
      if (!result.ok) return result.error;
      setQuestions((qs) => qs.map((q) => (q.id === id ? { ...q, ...result.value } : q)));
      return null;
    },
    async deleteQuestion(id) {
      const result = await api.deleteQuestion({ id });
      if (!result.ok) {
        failed('Could not delete the question.', result.error);
        return null;
      }
      setQuestions((qs) => qs.filter((q) => q.id !== id));
      return result.value;
    },
  };
}

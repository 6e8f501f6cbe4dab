import type { ApiMethod, ChangeEvent, ChangeTopic, HoldspaceApi } from './contract';
import { isApiMethod } from './methods';
import { fail, HoldspaceError, type Result } from './result';
import { isApiRequest } from './wire';

/** Which methods write, and what they change. Reads are absent. */
const WRITES: Partial<Record<ApiMethod, ChangeTopic[]>> = {
  createClient: ['clients'],
  updateClient: ['clients'],
  deleteClient: ['all'],
  startSession: ['sessions'],
  updateContract: ['sessions'],
  contractCheckIn: ['sessions'],
  timer: ['sessions'],
  markAsked: ['sessions'],
  setReflection: ['sessions'],
  endSession: ['sessions'],
  addItem: ['items'],
  updateItem: ['items'],
  deleteItem: ['items'],
  restoreItem: ['items'],
  reviewCommitment: ['items'],
  addQuestion: ['questions'],
  updateQuestion: ['questions'],
  deleteQuestion: ['questions'],
  setQuestionPref: ['questions'],
  setDraft: ['drafts'],
  importBackup: ['all'],
};

export interface DispatcherOptions {
  /** Called after every successful write, to push the change to open views. */
  onChange?: (event: ChangeEvent) => void;
  now?: () => number;
}

/**
 * Turns runtime messages into API calls. Returns undefined for messages that are not API requests, so the
 * caller can let other listeners answer them. Unknown methods and thrown errors become typed failures.
 */
export function createDispatcher(api: HoldspaceApi, options: DispatcherOptions = {}) {
  const now = options.now ?? Date.now;
  return (message: unknown): Promise<Result<unknown>> | undefined => {
    if (!isApiRequest(message)) return undefined;
    const { method, args, origin } = message;
    if (!isApiMethod(method)) return Promise.resolve(fail('invalid', `Unknown request "${String(method)}".`));
    const run = async (): Promise<Result<unknown>> => {
      try {
        const fn = api[method] as (a: unknown) => Promise<Result<unknown>>;
        const result = await fn.call(api, args ?? {});
        const topics = WRITES[method];
        if (result.ok && topics) {
          const sessionId = sessionOf(args, result.value);
          options.onChange?.({ topics, origin, at: now(), ...(sessionId ? { sessionId } : {}) });
        }
        return result;
      } catch (error) {
        if (error instanceof HoldspaceError) return { ok: false, error: error.toApiError() };
        return fail('internal', `Something went wrong in Holdspace: ${error instanceof Error ? error.message : String(error)}`);
      }
    };
    return run();
  };
}

function sessionOf(args: unknown, value: unknown): string | undefined {
  const a = args as { sessionId?: unknown } | null;
  if (a && typeof a.sessionId === 'string') return a.sessionId;
  const v = value as { sessionId?: unknown } | null;
  if (v && typeof v.sessionId === 'string') return v.sessionId;
  return undefined;
}

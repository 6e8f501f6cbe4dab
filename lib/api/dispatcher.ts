import { changesOf, isApiMethod, type ChangeEvent, type HoldspaceApi } from './contract';
import { fail, HoldspaceError, type Result } from './result';
import { isApiRequest } from './wire';

export interface DispatcherOptions {
  /** Called after every successful write, to push the change to open views. */
  onChange?: (event: ChangeEvent) => void;
}

/**
 * Turns runtime messages into API calls. Returns undefined for messages that are not API requests, so the
 * caller can let other listeners answer them. Unknown methods and thrown errors become typed failures; a
 * successful write emits the topics its declaration names, with the view that asked.
 */
export function createDispatcher(api: HoldspaceApi, options: DispatcherOptions = {}) {
  return (message: unknown): Promise<Result<unknown>> | undefined => {
    if (!isApiRequest(message)) return undefined;
    const { method, args, view } = message;
    if (!isApiMethod(method)) return Promise.resolve(fail('invalid', `Unknown request "${String(method)}".`));
    const run = async (): Promise<Result<unknown>> => {
      try {
        const fn = api[method] as (a: unknown) => Promise<Result<unknown>>;
        const result = await fn.call(api, args ?? {});
        const topics = result.ok ? changesOf(method, (args ?? {}) as never) : [];
        if (topics.length) options.onChange?.({ topics, view });
        return result;
      } catch (error) {
        if (error instanceof HoldspaceError) return { ok: false, error: error.toApiError() };
        return fail('internal', `Something went wrong in Holdspace: ${error instanceof Error ? error.message : String(error)}`);
      }
    };
    return run();
  };
}

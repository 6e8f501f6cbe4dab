import { API_METHODS, isApiMethod, isReadMethod, type HoldspaceApi } from './contract';
import { fail, type Result } from './result';
import { apiRequest, type ApiRequest } from './wire';

export type SendMessage = (message: ApiRequest) => Promise<unknown>;

const RETRY_DELAY_MS = 150;

/**
 * A view's `send`: a read goes over its open port (`overPort`, null when none is open) and is asked again by
 * runtime message if the port closes before the answer (a read is safe to repeat); a write always goes by
 * runtime message, whose answer cannot be lost with a closing port.
 */
export function portOrMessage(overPort: (request: ApiRequest) => Promise<unknown> | null, byMessage: SendMessage): SendMessage {
  return (request) => {
    const read = isApiMethod(request.method) && isReadMethod(request.method);
    return (read ? overPort(request)?.catch(() => byMessage(request)) : null) ?? byMessage(request);
  };
}

/**
 * The API as views see it: each call becomes one runtime message to the background worker. A worker that
 * MV3 has stopped is woken by the message; a call that still finds no receiver is retried once, then
 * answered with an `unavailable` error the view can show (the typed text stays in the view).
 */
export function createApiClient(send: SendMessage, view: string): HoldspaceApi {
  const call = async (method: ApiRequest['method'], args: unknown): Promise<Result<unknown>> => {
    const request = apiRequest(method, args, view);
    for (let attempt = 0; ; attempt++) {
      try {
        const response = await send(request);
        if (isResult(response)) return response;
        throw new Error('No answer from the Holdspace background worker');
      } catch (error) {
        if (attempt >= 1) {
          return fail('unavailable', `Holdspace could not reach its store (${errorText(error)}). Your text is kept; try again.`);
        }
        await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS));
      }
    }
  };
  const api = {} as Record<string, (args: unknown) => Promise<Result<unknown>>>;
  for (const method of API_METHODS) api[method] = (args: unknown) => call(method, args ?? {});
  return api as unknown as HoldspaceApi;
}

function isResult(value: unknown): value is Result<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

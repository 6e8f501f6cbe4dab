/**
 * Builds the API from one handler per method: each call's arguments are checked against the method's
 * declared input schema (lib/api/contract.ts) before its handler runs, and whatever the handler throws
 * becomes a typed failure through `run`.
 */
import type * as v from 'valibot';
import { check, type FieldLabels } from '../model/check';
import { API, API_METHODS, type ApiHandlers, type HoldspaceApi } from './contract';
import type { Result } from './result';

export type Runner = <T>(work: () => Promise<T>) => Promise<Result<T>>;

export function implementApi(handlers: ApiHandlers, run: Runner): HoldspaceApi {
  const api: Record<string, (args: unknown) => Promise<Result<unknown>>> = {};
  for (const name of API_METHODS) {
    const spec = API[name] as { input: v.GenericSchema; labels?: FieldLabels };
    const handler = handlers[name] as (args: unknown) => Promise<unknown>;
    api[name] = async (args) => {
      const checked = check(spec.input, args ?? {}, spec.labels);
      return checked.ok ? run(() => handler(checked.value)) : checked;
    };
  }
  return api as unknown as HoldspaceApi;
}

import type { ApiArgs, ApiMethod, HoldspaceApi } from './contract';
import type { Result } from './result';

export interface PrefetchCall<M extends ApiMethod = ApiMethod> {
  method: M;
  args: ApiArgs<M>;
}

/**
 * Starts a view's first reads at once, in parallel, instead of one after another as components mount.
 * The first call with the same method and arguments gets the answer already under way; every later call
 * (and any after `maxAgeMs`, so nothing stale is served) goes to the store as usual.
 */
export function withPrefetch(
  api: HoldspaceApi,
  calls: PrefetchCall[],
  options: { maxAgeMs?: number; now?: () => number } = {},
): HoldspaceApi {
  const now = options.now ?? Date.now;
  const maxAgeMs = options.maxAgeMs ?? 3000;
  const startedAt = now();
  const pending = new Map<string, Promise<Result<unknown>>>();
  const keyOf = (method: string, args: unknown) => `${method}:${JSON.stringify(args ?? {})}`;
  for (const call of calls) {
    const fn = api[call.method] as (a: unknown) => Promise<Result<unknown>>;
    pending.set(keyOf(call.method, call.args), fn.call(api, call.args));
  }
  return new Proxy(api, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof prop !== 'string' || typeof value !== 'function') return value;
      return (args: unknown) => {
        const key = keyOf(prop, args);
        const early = pending.get(key);
        const fresh = () => (value as (a: unknown) => Promise<Result<unknown>>).call(target, args);
        if (early) {
          pending.delete(key);
          // Asked while locked: asked again now (the view asks after unlocking).
          if (now() - startedAt <= maxAgeMs) return early.then((r) => (!r.ok && r.error.code === 'locked' ? fresh() : r));
        }
        return fresh();
      };
    },
  });
}

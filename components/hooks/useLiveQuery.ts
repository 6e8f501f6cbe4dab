import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { ChangeTopic } from '@/lib/api/contract';
import type { ApiError, Result } from '@/lib/api/result';
import { useEnv } from '../app/env';

export interface LiveQuery<T> {
  data: T | undefined;
  error: ApiError | null;
  loading: boolean;
  reload(): void;
}

/**
 * Loads data through the API and reloads it whenever another view (or this one) writes to one of `topics`
 * (lib/api/contract.ts says which write emits which).
 * `deps` re-run the load like useEffect deps. Stale answers (from an older load) are dropped.
 */
export interface LiveQueryOptions {
  /** Topics whose echo from this view's own writes is skipped: the view already shows what it wrote. */
  skipOwn?: ChangeTopic[];
}

export function useLiveQuery<T>(
  load: () => Promise<Result<T>>,
  deps: unknown[],
  topics: ChangeTopic[],
  options: LiveQueryOptions = {},
): LiveQuery<T> {
  const { subscribe } = useEnv();
  const [state, setState] = useState<{ data: T | undefined; error: ApiError | null; loading: boolean }>({
    data: undefined,
    error: null,
    loading: true,
  });
  const generation = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const run = useCallback(() => {
    const mine = ++generation.current;
    loadRef.current().then((result) => {
      if (mine !== generation.current) return;
      setState(result.ok ? { data: result.value, error: null, loading: false } : (s) => ({ ...s, error: result.error, loading: false }));
    });
  }, []);

  useEffect(run, deps);

  const topicKey = `${topics.join(',')}|${options.skipOwn?.join(',') ?? ''}`;
  useEffect(
    () =>
      subscribe((event) => {
        if (event.own && options.skipOwn && event.topics.every((t) => options.skipOwn!.includes(t))) return;
        if (event.topics.includes('all') || event.topics.some((t) => topics.includes(t))) run();
      }),
    [subscribe, topicKey, run],
  );

  return { ...state, reload: run };
}

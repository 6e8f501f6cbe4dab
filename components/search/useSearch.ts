import { useEffect, useRef, useState } from 'preact/hooks';
import type { SearchHit } from '@/lib/api/contract';
import type { ApiError } from '@/lib/api/result';
import { useEnv } from '../app/env';
import { useDebounced } from '../hooks/useDebounced';

export interface SearchState {
  hits: SearchHit[];
  /** The query the hits answer ('' before any search). */
  answered: string;
  searching: boolean;
  error: ApiError | null;
  retry(): void;
}

/** Searches as the coach types: one request once typing pauses for `delayMs`; older answers are dropped. */
export function useSearch(query: string, delayMs = 80, limit = 20): SearchState {
  const env = useEnv();
  const settled = useDebounced(query.trim(), delayMs);
  const [state, setState] = useState<Omit<SearchState, 'retry' | 'searching'> & { loading: boolean }>({
    hits: [],
    answered: '',
    loading: false,
    error: null,
  });
  const generation = useRef(0);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const mine = ++generation.current;
    if (!settled) {
      setState({ hits: [], answered: '', loading: false, error: null });
      return;
    }
    setState((s) => ({ ...s, loading: true }));
    void env.api.search({ query: settled, limit }).then((result) => {
      if (mine !== generation.current) return;
      setState(
        result.ok
          ? { hits: result.value, answered: settled, loading: false, error: null }
          : { hits: [], answered: settled, loading: false, error: result.error },
      );
    });
  }, [settled, attempt, env]);

  const searching = state.loading || query.trim() !== settled;
  return { hits: state.hits, answered: state.answered, error: state.error, searching, retry: () => setAttempt((n) => n + 1) };
}

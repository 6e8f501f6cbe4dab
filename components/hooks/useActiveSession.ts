import { useCallback, useState } from 'preact/hooks';
import { SESSION_TOPICS, type SessionBundle } from '@/lib/api/contract';
import type { Session } from '@/lib/model/types';
import { useEnv } from '../app/env';
import { useLiveQuery, type LiveQuery } from './useLiveQuery';

export interface ActiveSession extends LiveQuery<SessionBundle | null> {
  /** Shows a session a write just returned, before the change event's reload arrives. */
  apply(session: Session): void;
}

/**
 * The running session (or null), live across views. A session returned by a write is shown at once;
 * the reload that follows replaces it unless it is older.
 */
export function useActiveSession(): ActiveSession {
  const { api } = useEnv();
  // This view's own contract and timer writes are applied from their answers (`apply`), so their echo is skipped.
  const query = useLiveQuery(() => api.activeSession({}), [api], [...SESSION_TOPICS, 'items', 'reviews', 'clients'], {
    skipOwn: ['contract', 'timer'],
  });
  const [latest, setLatest] = useState<Session | null>(null);
  const apply = useCallback((session: Session) => setLatest(session), []);

  let data = query.data;
  if (data && latest && latest.id === data.session.id && latest.updatedAt >= data.session.updatedAt) {
    data = latest.status === 'active' ? { ...data, session: latest } : null;
  }
  return { ...query, data, apply };
}

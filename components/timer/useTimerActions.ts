import { useCallback, useState } from 'preact/hooks';
import type { TimerAction } from '@/lib/api/contract';
import type { ApiError } from '@/lib/api/result';
import type { Session, TimerState } from '@/lib/model/types';
import { timerView } from '@/lib/timer/timer';
import { useEnv } from '../app/env';

export interface TimerActions {
  run(action: TimerAction): Promise<boolean>;
  /** Start, pause or resume, whichever the timer needs now (Alt+T). */
  toggle(): Promise<boolean>;
  error: ApiError | null;
  failed: TimerAction | null;
  busy: boolean;
}

/** The next action of the one start/pause/resume control. */
export function nextTimerAction(state: TimerState, now: number): TimerAction {
  const view = timerView(state, now);
  if (view.mode === 'not-started') return { type: 'start' };
  return view.paused ? { type: 'resume' } : { type: 'pause' };
}

/** Sends timer actions for the active session; the stored timestamps come back as the new session. */
export function useTimerActions(session: Session | null, onSession: (session: Session) => void): TimerActions {
  const env = useEnv();
  const [error, setError] = useState<ApiError | null>(null);
  const [failed, setFailed] = useState<TimerAction | null>(null);
  const [busy, setBusy] = useState(false);

  const run = useCallback(
    async (action: TimerAction) => {
      if (!session) return false;
      setBusy(true);
      const result = await env.api.timer({ sessionId: session.id, action });
      setBusy(false);
      if (!result.ok) {
        setError(result.error);
        setFailed(action);
        return false;
      }
      setError(null);
      setFailed(null);
      onSession(result.value);
      return true;
    },
    [env, session, onSession],
  );

  const toggle = useCallback(
    () => (session ? run(nextTimerAction(session.timer, env.now())) : Promise.resolve(false)),
    [session, run, env],
  );

  return { run, toggle, error, failed, busy };
}

import { useEffect, useReducer } from 'preact/hooks';
import { useEnv } from '../app/env';

/**
 * `env.now()`, re-read once a second while `ticking` and never otherwise: a paused or unstarted timer
 * costs nothing. Ticks are aligned to the next whole second of `phaseMs` (e.g. elapsed time) so the
 * digits change on time instead of drifting by a partial second. A hidden tab's timers are throttled, so
 * the digits are re-read the moment the page is shown again.
 */
export function useNow(ticking: boolean, phaseMs = 0): number {
  const env = useEnv();
  const [, tick] = useReducer((n: number) => n + 1, 0);
  const now = env.now();

  useEffect(() => {
    if (!ticking) return;
    const offset = (((now + phaseMs) % 1000) + 1000) % 1000;
    const timer = setTimeout(tick, 1000 - offset + 5);
    return () => clearTimeout(timer);
  });

  useEffect(() => {
    if (!ticking) return;
    const onShow = () => document.visibilityState === 'visible' && tick(0);
    document.addEventListener('visibilitychange', onShow);
    return () => document.removeEventListener('visibilitychange', onShow);
  }, [ticking]);

  return now;
}

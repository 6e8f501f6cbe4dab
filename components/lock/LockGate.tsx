import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { useEnv } from '../app/env';
import { useLiveQuery } from '../hooks/useLiveQuery';
import { useSettings } from '../settings/useSettings';
import { LockContext, type LockState } from './lockContext';
import { LockScreen } from './LockScreen';

/** The coach's activity is reported at most this often (it restarts the idle lock's time). */
const TOUCH_EVERY_MS = 15_000;

/**
 * With the lock on and locked, the view shows only the passphrase prompt: the app below is not mounted, so
 * nothing decrypted stays in the view. Unlocked, it reports the coach's activity and asks the worker to lock
 * when the idle time is up (the worker decides: another view may have been in use, or a timer runs).
 */
export function LockGate(props: { children: ComponentChildren }) {
  const env = useEnv();
  const { api } = env;
  const query = useLiveQuery(() => api.lockStatus({}), [], ['lock', 'all', 'timer', 'session']);
  const status = query.data ?? null;
  const on = status?.on === true;
  const locked = status?.locked === true;
  const lockAt = status?.lockAt ?? null;
  const { reload } = query;

  // "Lock after (minutes)" and "during a timer" live in the settings, not the store: when the coach changes
  // them (in this view or another), the time to lock at is asked again.
  const { settings, loaded } = useSettings();
  const idleRule = loaded ? `${settings.lockAfterMinutes}/${String(settings.lockDuringTimer)}` : null;
  const seenRule = useRef<string | null>(null);
  useEffect(() => {
    if (idleRule === null) return;
    if (seenRule.current !== null && seenRule.current !== idleRule) reload();
    seenRule.current = idleRule;
  }, [idleRule, reload]);

  useEffect(() => {
    if (!on || locked || lockAt === null) return;
    const timer = setTimeout(() => void api.lockIfIdle({}).then(reload), Math.max(0, lockAt - env.now()) + 500);
    return () => clearTimeout(timer);
  }, [api, env, on, locked, lockAt, reload]);

  useEffect(() => {
    if (!on || locked) return;
    let last = 0;
    const active = () => {
      const now = env.now();
      if (now - last < TOUCH_EVERY_MS) return;
      last = now;
      void api.touch({});
    };
    document.addEventListener('keydown', active, true);
    document.addEventListener('pointerdown', active, true);
    return () => {
      document.removeEventListener('keydown', active, true);
      document.removeEventListener('pointerdown', active, true);
    };
  }, [api, env, on, locked]);

  // The render right after this view's lock screen went: the app mounts again and takes focus to the work.
  const wasLocked = useRef(false);
  const unlockedNow = wasLocked.current && !locked;
  wasLocked.current = locked;
  const value = useMemo<LockState>(
    () => ({ status, lockNow: () => void api.lockNow({}).then(reload), unlockedNow }),
    [api, status, reload, unlockedNow],
  );

  // Until the status comes, the app renders as usual: while locked its reads answer `locked` (nothing to show).
  if (locked) return <LockScreen onUnlocked={reload} />;
  return <LockContext.Provider value={value}>{props.children}</LockContext.Provider>;
}

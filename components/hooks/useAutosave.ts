import { useCallback, useContext, useEffect, useRef, useState } from 'preact/hooks';
import type { WriteCall } from '@/lib/api/journal';
import type { ApiError, Result } from '@/lib/api/result';
import { SAFEKEEPING } from '@/lib/model/limits';
import { EnvContext } from '../app/env';

export type SaveStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'error';

export interface AutosaveOptions<V> {
  /** The quiet period after a keystroke (default `SAFEKEEPING.autosaveMs`). */
  delayMs?: number;
  /** The longest a keystroke waits while typing goes on (default `delayMs`). */
  maxWaitMs?: number;
  /**
   * The compare-and-set writes that would save `value` now (alternatives, lib/api/journal.ts). When given,
   * each keystroke journals them with the worker (`AppEnv.journal`), which runs them if this view goes
   * away before its save is sent. Only for writes with a `base`: a replay must never overwrite newer words.
   */
  journal?: (value: V) => WriteCall[];
}

export interface Autosave<V> {
  /** Call on every keystroke: saves `value` once typing pauses for `delayMs`. */
  schedule(value: V): void;
  /** Saves now whatever is pending (blur, Enter, page hide). */
  flush(): Promise<void>;
  status: SaveStatus;
  error: ApiError | null;
}

/**
 * Silent autosave: one write `delayMs` after the last keystroke, and never later than `maxWaitMs` after the
 * first unsaved one (so steady typing is saved as it goes, not only when it pauses). Flushed at once when the
 * page is hidden or goes away (`pagehide`, `visibilitychange` to hidden), when its connection to the worker
 * closes, and when the worker asks before an update (`AppEnv.onFlushNeeded`), so nothing typed is lost when
 * a tab closes or the extension reloads. Measured in Chromium 156, a call tab's closing overlay frame gets
 * nothing out in `pagehide`; so with `journal` each keystroke also hands the worker the write that would save
 * it (`AppEnv.journal`), cleared once saved. A failed write keeps the value pending and reports the error
 * (the text stays in the field); the next keystroke or `flush()` retries.
 */
export function useAutosave<V>(save: (value: V) => Promise<Result<unknown>>, options: AutosaveOptions<V> = {}): Autosave<V> {
  const delayMs = options.delayMs ?? SAFEKEEPING.autosaveMs;
  const maxWaitMs = options.maxWaitMs ?? delayMs;
  const env = useContext(EnvContext);
  const [status, setStatus] = useState<SaveStatus>('idle');
  const [error, setError] = useState<ApiError | null>(null);
  const pending = useRef<{ value: V } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  /** Runs out `maxWaitMs` after the oldest unsaved keystroke; never reset by later ones. */
  const maxTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const saveRef = useRef(save);
  saveRef.current = save;
  const journalRef = useRef(options.journal);
  journalRef.current = options.journal;
  /** This field's name in the view's journal. */
  const journalKey = useRef(`autosave:${Math.random().toString(36).slice(2, 10)}`);
  /** Tells the worker what is unsaved now: the writes for the pending value, or nothing. */
  const journalNow = useCallback(() => {
    const writes = journalRef.current;
    if (!writes || !env?.journal) return;
    const next = pending.current && writes(pending.current.value);
    env.journal(journalKey.current, next?.length ? next : null);
  }, [env]);

  const flush = useCallback(async () => {
    clearTimeout(timer.current);
    clearTimeout(maxTimer.current);
    maxTimer.current = undefined;
    const next = pending.current;
    if (!next) return;
    pending.current = null;
    setStatus('saving');
    const result = await saveRef.current(next.value);
    if (result.ok) {
      setError(null);
      setStatus(pending.current ? 'pending' : 'saved');
    } else {
      pending.current ??= next;
      setError(result.error);
      setStatus('error');
    }
    // What the store holds changed (or the save failed): journal the pending words against it, or clear.
    journalNow();
  }, [journalNow]);

  const schedule = useCallback(
    (value: V) => {
      pending.current = { value };
      journalNow();
      setStatus('pending');
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), delayMs);
      maxTimer.current ??= setTimeout(() => void flush(), maxWaitMs);
    },
    [delayMs, maxWaitMs, flush, journalNow],
  );

  useEffect(() => {
    const onHide = () => void flush();
    const onVisibility = () => document.visibilityState === 'hidden' && void flush();
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onVisibility);
    const stopFlushing = env?.onFlushNeeded?.(onHide);
    return () => {
      stopFlushing?.();
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
      void flush();
    };
  }, [flush, env]);

  return { schedule, flush, status, error };
}

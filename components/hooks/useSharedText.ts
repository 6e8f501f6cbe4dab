/**
 * A value two open views may edit at once (the overlay and the side panel): the field being typed in keeps
 * its words, and a change made elsewhere is merged when that is unambiguous or offered beside it, never lost.
 *
 * Each save is a compare-and-set against the stored value this view last saw (`base`): the store refuses it
 * as a `conflict` when another view wrote in between, even if this view missed that view's change event (a
 * stopped worker, a reconnect). Then the stored value is read back and merged three ways; when the two
 * changes overlap, the field keeps the coach's text, the other view's text waits in a notice (`conflict`)
 * until the coach chooses, and nothing is written over it. A view that goes away with a choice still open
 * stores both texts.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { WriteCall } from '@/lib/api/journal';
import { fail, type ApiError, type Result } from '@/lib/api/result';
import { keepBoth, mergeText } from '@/lib/text/merge';
import { useAutosave, type SaveStatus } from './useAutosave';

export interface SharedSpec<V> {
  /** Writes `value` only if the store still holds `base`; a `conflict` failure otherwise. */
  save(value: V, base: V): Promise<Result<unknown>>;
  /**
   * The request `save(value, base)` sends, for the worker's journal of unsaved words: each keystroke hands
   * it over, and the worker runs it if the view goes away before its save (a closed call tab).
   */
  write?(value: V, base: V): WriteCall;
  /** What the store holds now. */
  load(): Promise<Result<V>>;
  same(a: V, b: V): boolean;
  /** One value holding both changes, when that is unambiguous. */
  merge(base: V, mine: V, theirs: V): { ok: true; value: V } | { ok: false };
  /** Both kept, for "Keep both" (and for a view that closes with a choice open). */
  both(base: V, mine: V, theirs: V): V;
}

export interface Concurrent<V> {
  /** The other view's version, waiting for the coach's choice. */
  theirs: V;
  keepMine(): void;
  useTheirs(): void;
  keepBoth(): void;
}

export interface SharedValue<V> {
  value: V;
  /** The value as of the last edit, before it renders (for edits that build on it). */
  current(): V;
  /** The coach typed: show it, and save it once typing pauses. */
  edit(value: V): void;
  /**
   * The view learnt what is stored (a change pushed from another view, a refetch). With `since` (a `stamp()`
   * taken when the read began), ignored when this view typed or saved meanwhile: a newer read will follow.
   */
  seen(stored: V, since?: number): void;
  /** Counts this view's edits and saves, for `seen`. */
  stamp(): number;
  /** Set the stored value this view starts from (a restored draft) without saving. */
  reset(stored: V): void;
  flush(): Promise<void>;
  status: SaveStatus;
  /** A failed save other than a concurrent edit (that one is `concurrent`). */
  error: ApiError | null;
  concurrent: Concurrent<V> | null;
}

const ATTEMPTS = 3;

export function useSharedValue<V>(initial: V, spec: SharedSpec<V>): SharedValue<V> {
  const [value, setValue] = useState(initial);
  const latest = useRef(initial);
  /** The stored value this view last saw; every save is made against it. */
  const base = useRef(initial);
  /** The value of this view's write in flight (or last written), so its own echo is not taken as news. */
  const sent = useRef<V | null>(null);
  const [theirs, setTheirsState] = useState<{ value: V } | null>(null);
  const open = useRef<{ value: V } | null>(null);
  const version = useRef(0);
  const specRef = useRef(spec);
  specRef.current = spec;

  const put = (next: V) => {
    latest.current = next;
    setValue(next);
  };
  const setTheirs = (next: { value: V } | null) => {
    open.current = next;
    setTheirsState(next);
  };

  /** The stored value is `stored` and this view holds `latest`: merge, or offer the choice. Returns true when merged. */
  const reconcile = (stored: V): boolean => {
    const s = specRef.current;
    const merged = s.merge(base.current, latest.current, stored);
    if (!merged.ok) {
      setTheirs({ value: stored });
      return false;
    }
    base.current = stored;
    setTheirs(null);
    if (!s.same(merged.value, latest.current)) put(merged.value);
    return true;
  };

  /**
   * A save still unanswered. A flush while one is out (a page closing mid-save cannot wait for the answer)
   * saves against that value: the worker applies the two in order, so the second finds it stored.
   */
  const flying = useRef<{ value: V } | null>(null);

  /**
   * The journal entry for the unsaved words: saved against this view's write still in flight (if it lands
   * first), else against the text it last saw stored. Each is a compare-and-set, so neither can overwrite
   * another view's newer words.
   */
  const journal = spec.write
    ? () => {
        const s = specRef.current;
        const bases = flying.current && !s.same(flying.current.value, base.current) ? [flying.current.value, base.current] : [base.current];
        return s.write ? bases.map((b) => s.write!(latest.current, b)) : [];
      }
    : undefined;

  const autosave = useAutosave<V>(
    async () => {
      const s = specRef.current;
      for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
        const mine = latest.current;
        sent.current = mine;
        const against = flying.current ? flying.current.value : base.current;
        const mineInFlight = { value: mine };
        flying.current = mineInFlight;
        const result = await s.save(mine, against).finally(() => {
          if (flying.current === mineInFlight) flying.current = null;
        });
        if (result.ok) {
          version.current++;
          base.current = mine;
          if (open.current && s.same(open.current.value, mine)) setTheirs(null);
          return result;
        }
        if (result.error.code !== 'conflict') return result;
        const stored = await s.load();
        if (!stored.ok) return stored;
        if (!reconcile(stored.value)) return result;
      }
      return fail('conflict', 'Another view keeps changing this text. Your words are kept here.');
    },
    { journal },
  );

  const edit = useCallback((next: V) => {
    version.current++;
    put(next);
    autosave.schedule(next);
  }, []);

  const unsaved = autosave.status === 'pending' || autosave.status === 'saving' || autosave.status === 'error';
  const unsavedRef = useRef(unsaved);
  unsavedRef.current = unsaved;

  const seen = useCallback((stored: V, since?: number) => {
    if (since !== undefined && since !== version.current) return;
    const s = specRef.current;
    if (s.same(stored, base.current)) return;
    if (sent.current !== null && s.same(stored, sent.current)) return;
    if (!unsavedRef.current && s.same(latest.current, base.current)) {
      // Nothing typed here since the last save: take the other view's words, even while focused.
      base.current = stored;
      put(stored);
      return;
    }
    if (reconcile(stored)) autosave.schedule(latest.current);
  }, []);

  const reset = useCallback((stored: V) => {
    base.current = stored;
    put(stored);
  }, []);

  const resolve = (next: V, againstBase: V) => {
    base.current = againstBase;
    setTheirs(null);
    put(next);
    autosave.schedule(next);
    void autosave.flush();
  };

  // Leaving with a choice open (the tab closes, the panel switches away): keep both texts in the store.
  useEffect(() => {
    const leave = () => {
      const other = open.current;
      if (!other) return;
      const s = specRef.current;
      open.current = null;
      void s.save(s.both(base.current, latest.current, other.value), other.value);
    };
    window.addEventListener('pagehide', leave);
    return () => {
      window.removeEventListener('pagehide', leave);
      leave();
    };
  }, []);

  const concurrent: Concurrent<V> | null = theirs && {
    theirs: theirs.value,
    keepMine: () => resolve(latest.current, theirs.value),
    useTheirs: () => resolve(theirs.value, theirs.value),
    keepBoth: () => resolve(specRef.current.both(base.current, latest.current, theirs.value), theirs.value),
  };

  return {
    value,
    current: () => latest.current,
    edit,
    seen,
    stamp: () => version.current,
    reset,
    flush: autosave.flush,
    status: theirs ? 'pending' : autosave.status,
    error: autosave.error?.code === 'conflict' ? null : autosave.error,
    concurrent,
  };
}

/** The spec for one text: merged three ways, "Keep both" joined with `separator` when it cannot be merged. */
export function textSpec(io: {
  save(text: string, base: string): Promise<Result<unknown>>;
  write?(text: string, base: string): WriteCall;
  load(): Promise<Result<string>>;
  separator: string;
}): SharedSpec<string> {
  return {
    save: io.save,
    ...(io.write ? { write: io.write } : {}),
    load: io.load,
    same: (a, b) => a === b,
    merge: (base, mine, theirs) => {
      const merged = mergeText(base, mine, theirs);
      return merged.ok ? { ok: true, value: merged.text } : { ok: false };
    },
    both: (base, mine, theirs) => keepBoth(base, mine, theirs, io.separator),
  };
}

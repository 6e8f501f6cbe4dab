/**
 * The capture draft: restored from the store on mount, autosaved 300 ms after each change (and on page
 * hide), cleared after a successful add. Every typed character survives a reload. It is shared with every
 * other open view (the overlay in another tab, the side panel): each save is made against the draft this
 * view last saw stored, so a stale copy here never overwrites words typed there. Another view's change is
 * taken up when nothing typed here waits, merged field by field when that is unambiguous, and otherwise
 * offered beside the coach's words (`concurrent`) until the coach chooses.
 */
import { useEffect, useRef } from 'preact/hooks';
import { ok } from '@/lib/api/result';
import { sameDraftValue } from '@/lib/model/draft';
import type { ItemKind } from '@/lib/model/types';
import { keepBothFields, mergeFields } from '@/lib/text/merge';
import { useEnv } from '../app/env';
import type { Autosave } from '../hooks/useAutosave';
import { useSharedValue, type Concurrent, type SharedSpec } from '../hooks/useSharedText';
import { captureDraftKey, emptyDraft, isBlank, readDraft, type CaptureDraft } from './draft';

/** The draft's fields that hold words (merged as text); the others (kind, date, time) are taken whole. */
export const DRAFT_PROSE: readonly (keyof CaptureDraft)[] = ['text', 'howWillYouKnow', 'support'];

export interface CaptureDraftState {
  draft: CaptureDraft;
  update(patch: Partial<CaptureDraft>): void;
  /** After an add: empty the words (the kind stays, for the next one) and clear the stored draft. */
  clear(): void;
  autosave: Pick<Autosave<unknown>, 'flush' | 'status' | 'error'>;
  /** Another view's draft, waiting for the coach's choice. */
  concurrent: Concurrent<CaptureDraft> | null;
}

/** As stored: nothing when blank. */
const stored = (draft: CaptureDraft): Record<string, unknown> | null => (isBlank(draft) ? null : { ...draft });
const asFields = (draft: CaptureDraft) => draft as unknown as Record<string, string>;

export function useCaptureDraft(sessionId: string, initialKind: ItemKind): CaptureDraftState {
  const { api, subscribe } = useEnv();
  const key = captureDraftKey(sessionId);
  const touched = useRef(false);
  const kindRef = useRef(initialKind);

  /** The draft last read from the store, as stored: a save against it names it exactly (an older shape may lack fields). */
  const lastRead = useRef<{ draft: CaptureDraft; raw: Record<string, unknown> | null } | null>(null);
  const load = async () => {
    const result = await api.getDraft({ key });
    if (!result.ok) return result;
    const raw = result.value?.value ?? null;
    const draft = readDraft(raw, kindRef.current) ?? emptyDraft(kindRef.current);
    lastRead.current = { draft, raw };
    return ok(draft);
  };
  const rawOf = (draft: CaptureDraft) => {
    const read = lastRead.current;
    return read && sameDraftValue(stored(read.draft), stored(draft)) ? read.raw : stored(draft);
  };
  const spec: SharedSpec<CaptureDraft> = {
    save: (value, base) => api.setDraft({ key, value: stored(value), base: rawOf(base) }),
    write: (value, base) => ({ method: 'setDraft', args: { key, value: stored(value), base: rawOf(base) } }),
    load,
    same: (a, b) => sameDraftValue(stored(a), stored(b)),
    merge: (base, mine, theirs) => {
      const merged = mergeFields(asFields(base), asFields(mine), asFields(theirs), DRAFT_PROSE);
      return merged.conflicts.length ? { ok: false } : { ok: true, value: merged.value as unknown as CaptureDraft };
    },
    both: (base, mine, theirs) => keepBothFields(asFields(base), asFields(mine), asFields(theirs), DRAFT_PROSE) as unknown as CaptureDraft,
  };
  const shared = useSharedValue<CaptureDraft>(emptyDraft(initialKind), spec);
  kindRef.current = shared.value.kind;

  useEffect(() => {
    touched.current = false;
    shared.reset(emptyDraft(initialKind));
    let live = true;
    void load().then((result) => {
      if (!live || !result.ok) return;
      // Typed before the stored draft arrived: both are kept (merged, or offered).
      if (touched.current) shared.seen(result.value);
      else shared.reset(result.value);
    });
    return () => {
      live = false;
    };
  }, [key]);

  useEffect(
    () =>
      subscribe((event) => {
        if (event.own || (!event.topics.includes(`draft:${key}`) && !event.topics.includes('all'))) return;
        const since = shared.stamp();
        void load().then((result) => result.ok && shared.seen(result.value, since));
      }),
    [key, subscribe],
  );

  return {
    draft: shared.value,
    update(patch) {
      touched.current = true;
      shared.edit({ ...shared.current(), ...patch });
    },
    clear() {
      touched.current = true;
      shared.edit(emptyDraft(shared.current().kind));
      void shared.flush();
    },
    autosave: { flush: shared.flush, status: shared.status, error: shared.error },
    concurrent: shared.concurrent,
  };
}

/**
 * The capture draft: restored from the store on mount, autosaved 300 ms after each change (and on page
 * hide), cleared after a successful add. Every typed character survives a reload. A draft written by
 * another open view (the overlay in another tab, the side panel) is taken up while nothing typed here
 * is waiting to be saved, so a stale copy here never overwrites the words typed there.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ItemKind } from '@/lib/model/types';
import { useEnv } from '../app/env';
import { useAutosave, type Autosave } from '../hooks/useAutosave';
import { captureDraftKey, emptyDraft, isBlank, readDraft, type CaptureDraft } from './draft';

export interface CaptureDraftState {
  draft: CaptureDraft;
  update(patch: Partial<CaptureDraft>): void;
  /** After an add: empty the words (the kind stays, for the next one) and clear the stored draft. */
  clear(): void;
  autosave: Autosave<Record<string, unknown> | null>;
}

export function useCaptureDraft(sessionId: string, initialKind: ItemKind): CaptureDraftState {
  const { api, subscribe } = useEnv();
  const key = captureDraftKey(sessionId);
  const [draft, setDraft] = useState<CaptureDraft>(() => emptyDraft(initialKind));
  const latest = useRef(draft);
  const touched = useRef(false);
  const edits = useRef(0);
  const autosave = useAutosave<Record<string, unknown> | null>((value) => api.setDraft({ key, value }));
  const unsaved = useRef(false);
  unsaved.current = autosave.status === 'pending' || autosave.status === 'saving' || autosave.status === 'error';

  const put = (next: CaptureDraft) => {
    latest.current = next;
    setDraft(next);
  };

  useEffect(() => {
    touched.current = false;
    put(emptyDraft(initialKind));
    let live = true;
    void api.getDraft({ key }).then((result) => {
      const restored = result.ok ? readDraft(result.value?.value, initialKind) : null;
      if (live && restored && !touched.current) put(restored);
    });
    return () => {
      live = false;
    };
  }, [key]);

  useEffect(
    () =>
      subscribe((event) => {
        if (!event.topics.includes(`draft:${key}`) && !event.topics.includes('all')) return;
        const asked = edits.current;
        void api.getDraft({ key }).then((result) => {
          if (!result.ok || edits.current !== asked || unsaved.current) return;
          const stored = readDraft(result.value?.value, latest.current.kind) ?? emptyDraft(latest.current.kind);
          if (JSON.stringify(stored) !== JSON.stringify(latest.current)) put(stored);
        });
      }),
    [key, subscribe],
  );

  return {
    draft,
    update(patch) {
      touched.current = true;
      edits.current++;
      const next = { ...latest.current, ...patch };
      put(next);
      autosave.schedule(isBlank(next) ? null : { ...next });
    },
    clear() {
      touched.current = true;
      edits.current++;
      put(emptyDraft(latest.current.kind));
      autosave.schedule(null);
      void autosave.flush();
    },
    autosave,
  };
}

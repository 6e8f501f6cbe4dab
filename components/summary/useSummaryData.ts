import { useEffect, useMemo, useState } from 'preact/hooks';
import { SESSION_TOPICS, type SessionBundle } from '@/lib/api/contract';
import type { Id, Item } from '@/lib/model/types';
import { useEnv } from '../app/env';
import { useLiveQuery } from '../hooks/useLiveQuery';

type ItemEdit = Partial<Pick<Item, 'text' | 'shareable' | 'due'>>;

function withEdits(
  bundle: SessionBundle,
  edits: Record<Id, ItemEdit>,
  reflection: string | null,
  nextSession: string | null,
): SessionBundle {
  const apply = (item: Item): Item => (edits[item.id] ? { ...item, ...edits[item.id] } : item);
  return {
    ...bundle,
    session: {
      ...bundle.session,
      ...(reflection === null ? {} : { reflection }),
      ...(nextSession === null ? {} : { nextSession }),
    },
    items: bundle.items.map(apply),
    reviewed: bundle.reviewed.map((view) => ({ ...view, item: apply(view.item) })),
  };
}

/**
 * The session as stored, with what the coach has typed but the store may not have yet laid over it, so
 * the screen and every export show the words as typed (autosave catches up a moment later). An edit is
 * dropped once the store holds the same value.
 */
export function useSummaryData(sessionId: Id) {
  const { api } = useEnv();
  const query = useLiveQuery(() => api.getSessionBundle({ sessionId }), [sessionId], [...SESSION_TOPICS, 'items', 'reviews', 'clients']);
  const [edits, setEdits] = useState<Record<Id, ItemEdit>>({});
  const [reflection, setReflection] = useState<string | null>(null);
  const [nextSession, setNextSession] = useState<string | null>(null);
  const stored = query.data;

  useEffect(() => {
    if (!stored) return;
    const byId = new Map([...stored.items, ...stored.reviewed.map((v) => v.item)].map((i) => [i.id, i]));
    setEdits((prev) => {
      const next: Record<Id, ItemEdit> = {};
      for (const [id, edit] of Object.entries(prev)) {
        const item = byId.get(id);
        const caughtUp =
          item &&
          (edit.text === undefined || edit.text === item.text) &&
          (edit.shareable === undefined || edit.shareable === item.shareable) &&
          (edit.due === undefined || edit.due === item.due);
        if (item && !caughtUp) next[id] = edit;
      }
      return Object.keys(next).length === Object.keys(prev).length ? prev : next;
    });
  }, [stored]);

  const bundle = useMemo(
    () => (stored ? withEdits(stored, edits, reflection, nextSession) : undefined),
    [stored, edits, reflection, nextSession],
  );
  const editItem = (id: Id, edit: ItemEdit) => setEdits((prev) => ({ ...prev, [id]: { ...prev[id], ...edit } }));
  return {
    bundle,
    /** The reflection as the store holds it (another view's words arrive here), apart from what is typed here. */
    storedReflection: stored?.session.reflection,
    error: query.error,
    loading: query.loading,
    reload: query.reload,
    editItem,
    setReflection,
    setNextSession,
  };
}

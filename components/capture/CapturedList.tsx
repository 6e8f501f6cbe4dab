import { useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ApiError } from '@/lib/api/result';
import type { Item } from '@/lib/model/types';
import { useEnv } from '../app/env';
import { ErrorNote } from '../ui/ErrorNote';
import { CapturedItem } from './CapturedItem';

/** Newest first: latest created, then latest in order. */
export function newestFirst(items: readonly Item[]): Item[] {
  return [...items].sort((a, b) => b.createdAt - a.createdAt || b.order - a.order);
}

/**
 * "Recently captured": this session's items, newest first, each editable in place. Deleting offers undo
 * (the item is restored as it was).
 */
export function CapturedList(props: { items: Item[] | undefined; loadError: ApiError | null; onChanged(): void }) {
  const { api } = useEnv();
  const titleId = useId();
  const [deleted, setDeleted] = useState<Item | null>(null);
  const [failure, setFailure] = useState<{ what: string; error: ApiError } | null>(null);
  const undoButton = useRef<HTMLButtonElement>(null);
  const items = newestFirst(props.items ?? []);

  const run = async (what: string, call: () => Promise<{ ok: true } | { ok: false; error: ApiError }>) => {
    const result = await call();
    setFailure(result.ok ? null : { what, error: result.error });
    props.onChanged();
    return result.ok;
  };

  const remove = async (item: Item) => {
    const result = await api.deleteItem({ id: item.id });
    if (!result.ok) return setFailure({ what: 'Could not delete.', error: result.error });
    setFailure(null);
    setDeleted(result.value);
    props.onChanged();
    queueMicrotask(() => undoButton.current?.focus());
  };

  // Undone: focus goes to the item brought back (its "Edit"), in the render that shows it; "Undo" stays until
  // then, so focus is never left on nothing.
  const list = useRef<HTMLUListElement>(null);
  const [restored, setRestored] = useState<string | null>(null);
  const undo = async () => {
    if (!deleted) return;
    if (await run('Could not bring it back.', () => api.restoreItem({ item: deleted }))) setRestored(deleted.id);
  };
  useLayoutEffect(() => {
    if (restored === null) return;
    const row = Array.from(list.current?.children ?? []).find((li) => (li as HTMLElement).dataset.itemId === restored);
    if (!row) return;
    row.querySelector<HTMLElement>('button')?.focus();
    setRestored(null);
    setDeleted(null);
  }, [restored, props.items]);

  return (
    <section class="hs-capture__recent" aria-labelledby={titleId}>
      <h2 id={titleId} class="hs-capture__title">
        Recently captured
      </h2>
      {deleted && (
        <p class="hs-capture__undo" role="status">
          Deleted “{deleted.text.length > 40 ? `${deleted.text.slice(0, 40)}…` : deleted.text}”.{' '}
          <button ref={undoButton} type="button" class="hs-capture__link" onClick={() => void undo()}>
            Undo
          </button>
        </p>
      )}
      {failure && <ErrorNote what={failure.what} error={failure.error} />}
      {props.loadError && <ErrorNote what="What was captured could not be loaded." error={props.loadError} onRetry={props.onChanged} />}
      <ul ref={list} class="hs-capture__list" aria-label="Captured this session">
        {items.map((item) => (
          <CapturedItem
            key={item.id}
            item={item}
            onToggleShare={() =>
              void run('Could not change sharing.', () => api.updateItem({ id: item.id, patch: { shareable: !item.shareable } }))
            }
            onDelete={() => void remove(item)}
            onEdited={props.onChanged}
          />
        ))}
      </ul>
      {props.items && items.length === 0 && (
        <p class="hs-capture__empty">
          Nothing captured yet. Commitments, notes, insights, beliefs and inquiries land here as you add them.
        </p>
      )}
    </section>
  );
}

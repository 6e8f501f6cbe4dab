import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { keyIs } from '@/lib/keymap/match';
import { useEnv } from '../app/env';
import { focusWork } from '../app/focusWork';
import { useLiveQuery } from '../hooks/useLiveQuery';
import { Button } from '../ui/Button';
import { ErrorNote } from '../ui/ErrorNote';
import { EngagementPanel } from './EngagementPanel';
import './engagement.css';

/**
 * Every client, and each one's engagement: opened from "Clients" in the strip (the list) or from the client's
 * name during a session (straight to their engagement). Escape steps back: a session to the engagement, the
 * engagement to the list (or to the work, when it was opened from the strip), the list to the work.
 */
export function ClientsView(props: { clientId: string | null; onClose(): void }) {
  const env = useEnv();
  const clients = useLiveQuery(() => env.api.listClients({}), [], ['clients']);
  const [open, setOpen] = useState<string | null>(props.clientId);
  const [filter, setFilter] = useState('');
  const list = useRef<HTMLElement>(null);
  const backTo = useRef<string | null>(null);
  const focusList = useRef(props.clientId === null);

  const loaded = clients.data !== undefined;
  // Focus: the filter when the list opens, the client's own button when coming back from their engagement.
  useLayoutEffect(() => {
    if (open || !list.current) return;
    const id = backTo.current;
    backTo.current = null;
    const row = id ? list.current.querySelector<HTMLElement>(`[data-client="${id}"]`) : null;
    if (row) row.focus();
    else if (focusList.current) focusWork(list.current);
    focusList.current = false;
  }, [open, loaded]);

  const back = () => {
    backTo.current = open;
    focusList.current = true;
    setOpen(null);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (!keyIs('view.back', e)) return;
    e.preventDefault();
    e.stopPropagation();
    // Back where the coach came from: the list, or the work when the engagement was opened from the strip.
    if (open && open !== props.clientId) back();
    else props.onClose();
  };

  if (open) {
    return (
      <div class="clients" onKeyDown={onKeyDown}>
        <div class="clients__bar">
          <Button variant="ghost" small icon="back" onClick={back}>
            All clients
          </Button>
          <Button variant="ghost" small icon="close" onClick={props.onClose}>
            Close
          </Button>
        </div>
        <EngagementPanel clientId={open} />
      </div>
    );
  }

  const all = clients.data ?? [];
  const words = filter.trim().toLowerCase();
  const shown = words ? all.filter((c) => c.name.toLowerCase().includes(words)) : all;
  return (
    <section ref={list} class="clients" aria-labelledby="clients-title" onKeyDown={onKeyDown}>
      <div class="section-head">
        <h2 class="section-title" id="clients-title">
          Clients
        </h2>
        <Button variant="ghost" small icon="close" onClick={props.onClose}>
          Close clients
        </Button>
      </div>
      {clients.error && !clients.data ? (
        <ErrorNote what="Clients could not be loaded." error={clients.error} onRetry={clients.reload} />
      ) : !clients.data ? (
        <p class="muted" aria-busy="true">
          Loading clients…
        </p>
      ) : all.length === 0 ? (
        <div class="empty">
          <p class="empty__title">No client yet</p>
          <p class="muted">Type a name under “Who are you coaching?” to create your first client.</p>
        </div>
      ) : (
        <>
          {all.length > 5 && (
            <div class="field">
              <label class="field__label" for="clients-filter">
                Find a client
              </label>
              <input
                id="clients-filter"
                class="input"
                type="search"
                value={filter}
                autocomplete="off"
                onInput={(e) => setFilter(e.currentTarget.value)}
              />
            </div>
          )}
          {shown.length === 0 ? (
            <p class="muted">No client’s name has “{filter.trim()}” in it.</p>
          ) : (
            <ul class="plain-list clients__list" aria-label="Clients">
              {shown.map((c) => (
                <li key={c.id}>
                  <Button variant="ghost" class="row-button" data-client={c.id} onClick={() => setOpen(c.id)}>
                    <span class="row-button__main">
                      <bdi>{c.name}</bdi>
                    </span>
                  </Button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

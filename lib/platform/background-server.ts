/**
 * The background worker's server: the store over IndexedDB, the dispatcher that answers views' messages,
 * and the hub that pushes every write to every open view. Nothing here lives only in memory: the store
 * reopens IndexedDB on demand, so a worker stopped by MV3 answers the next message as if nothing happened.
 */
import type { browser } from 'wxt/browser';

type Browser = typeof browser;
import { createChangeHub, type PortLike } from '../api/changes';
import { createDispatcher } from '../api/dispatcher';
import { replayEntry } from '../api/journal';
import type { ChangeEvent, HoldspaceApi } from '../api/contract';
import { CHANGES_PORT, CHANGES_PORT_RECONNECT } from '../api/wire';

export interface Served {
  /** Runs one API request as a view's message would (for writes journaled by a view that went away). */
  dispatch: ReturnType<typeof createDispatcher>;
  /** Asks every open view to save what is typed now. */
  requestFlush(): void;
  /** Pushes a change the worker made by itself (the idle lock) to every view. */
  broadcast(event: ChangeEvent): void;
}

export function serveApi(
  b: Browser,
  api: HoldspaceApi,
  options: { onViewOpened?: () => void; onChange?: (event: ChangeEvent) => void } = {},
): Served {
  // A view went away with words its autosave had not sent yet (a closed call tab): save them now, each as a
  // compare-and-set through the dispatcher (refused while the store is locked).
  const hub = createChangeHub({
    onOrphaned: (entries) => {
      for (const writes of entries) void replayEntry(dispatch, writes).catch(() => {});
    },
    // Reads over a view's port: the port was accepted below only from Holdspace's own pages.
    answer: (request) => dispatch(request),
  });
  const dispatch = createDispatcher(api, {
    onChange: (event) => {
      hub.broadcast(event);
      options.onChange?.(event);
    },
  });
  const ownOrigin = new URL(b.runtime.getURL('/')).origin;
  b.runtime.onMessage.addListener((message: unknown, sender: { id?: string; url?: string }) => {
    // Only Holdspace's own pages may reach the store: never a content script or another extension.
    if (sender.id !== b.runtime.id || !isExtensionPage(sender.url, ownOrigin)) return undefined;
    return dispatch(message);
  });
  b.runtime.onConnect.addListener((port: unknown) => {
    const p = port as unknown as PortLike & { sender?: { id?: string; url?: string } };
    // Other ports (the overlay dock's, lib/platform/dock-router.ts) are not the change feed's to judge.
    if (p.name !== CHANGES_PORT && p.name !== CHANGES_PORT_RECONNECT) return;
    if (p.sender?.id !== b.runtime.id || !isExtensionPage(p.sender?.url, ownOrigin)) return p.disconnect();
    // Only a view opening counts: a view reconnecting after MV3 stopped the idle worker must not make the
    // worker do heavy work each time, or an open view would keep it busy every 30 s.
    if (hub.accept(p) === 'open') options.onViewOpened?.();
  });
  return { dispatch, requestFlush: () => hub.requestFlush(), broadcast: (event) => hub.broadcast(event) };
}

function isExtensionPage(url: string | undefined, ownOrigin: string): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    // With use_dynamic_url the overlay's origin carries a per-session id rather than the extension id.
    return u.origin === ownOrigin || u.protocol === 'chrome-extension:' || u.protocol === 'moz-extension:';
  } catch {
    return false;
  }
}

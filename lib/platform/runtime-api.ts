/** Views' adapter to the background: the typed API over runtime messages, and change events over a port. */
import { browser } from 'wxt/browser';
import { subscribeToChanges, type PortLike } from '../api/changes';
import { createApiClient, portOrMessage } from '../api/client';
import type { ChangeEvent, HoldspaceApi } from '../api/contract';
import { journalMessage, type WriteCall } from '../api/journal';
import { apiRequest, CHANGES_PORT, CHANGES_PORT_RECONNECT, type ApiRequest } from '../api/wire';
import { rescuingSend, type RescueStorage } from './rescue';
import { takeEarlyPort, takeEarlyRead } from './early-reads';

export interface Connection {
  api: HoldspaceApi;
  subscribe(onChange: (event: ChangeEvent) => void): () => void;
  /** Called when what is typed must be saved at once: the worker asks (an update), or the connection closed. */
  onFlushNeeded(flush: () => void): () => void;
  /** Journals a field's unsaved words with the worker over the open port (lib/api/journal.ts). */
  journal(key: string, writes: WriteCall[] | null): void;
}

/** One connection per view: `view` names it, so it can recognise the echo of its own writes. */
export function connectToBackground(signal: AbortSignal): Connection {
  const view = `${location.pathname}#${Math.random().toString(36).slice(2, 10)}`;
  // The first reads may have been asked already, before the app's code loaded (lib/platform/early-reads.ts).
  // Other reads go over the open change port (one hop, no channel to open), and by runtime message when no
  // port is open or it closes before the answer; writes always by runtime message (journaled when needed).
  const send = portOrMessage(
    (message) => feed.call(message),
    (message) => browser.runtime.sendMessage(message),
  );
  const rescue = rescuingSend((message) => takeEarlyRead(message) ?? send(message), browser.storage.local as unknown as RescueStorage);
  const api = createApiClient(rescue.send, view);
  const listeners = new Set<(event: ChangeEvent) => void>();
  const flushers = new Set<() => void>();
  const emit = (event: ChangeEvent) => listeners.forEach((cb) => cb({ ...event, own: event.view === view }));
  /** What this view has journaled, posted again to a restarted worker (which lost it with its memory). */
  const journaled = new Map<string, ApiRequest[]>();
  const feed = subscribeToChanges({
    connect: (isReconnect) =>
      ((!isReconnect && takeEarlyPort()) ||
        browser.runtime.connect({ name: isReconnect ? CHANGES_PORT_RECONNECT : CHANGES_PORT })) as unknown as PortLike,
    onChange: emit,
    // The worker was stopped and restarted: anything may have changed meanwhile, refresh everything.
    onReconnect: () => {
      rescue.connectionBack();
      for (const [key, writes] of journaled) feed.post(journalMessage(key, writes));
      emit({ topics: ['all'] });
    },
    // Synchronous: when the extension reloads under this view, only what starts in this event gets out.
    onFlush: (why) => {
      if (why === 'lost') {
        rescue.connectionLost();
        // What the worker's journal held for this view went with the worker if the extension is reloading:
        // the same writes (each field's words against each base it may find) are journaled for the new version.
        for (const requests of journaled.values()) rescue.keep(requests);
      }
      flushers.forEach((flush) => flush());
    },
    signal,
  });
  return {
    api,
    subscribe(onChange) {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
    onFlushNeeded(flush) {
      flushers.add(flush);
      return () => flushers.delete(flush);
    },
    journal(key, writes) {
      const requests = writes && writes.map((w) => apiRequest(w.method, w.args, view));
      if (requests) journaled.set(key, requests);
      else if (!journaled.delete(key)) return;
      feed.post(journalMessage(key, requests));
    },
  };
}

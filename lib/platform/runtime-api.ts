/** Views' adapter to the background: the typed API over runtime messages, and change events over a port. */
import { browser } from 'wxt/browser';
import { subscribeToChanges, type PortLike } from '../api/changes';
import { createApiClient } from '../api/client';
import type { ChangeEvent, HoldspaceApi } from '../api/contract';
import { CHANGES_PORT, CHANGES_PORT_RECONNECT } from '../api/wire';
import { rescuingSend, type RescueStorage } from './rescue';

export interface Connection {
  api: HoldspaceApi;
  subscribe(onChange: (event: ChangeEvent) => void): () => void;
  /** Called when what is typed must be saved at once: the worker asks (an update), or the connection closed. */
  onFlushNeeded(flush: () => void): () => void;
}

/** One connection per view: `view` names it, so it can recognise the echo of its own writes. */
export function connectToBackground(signal: AbortSignal): Connection {
  const view = `${location.pathname}#${Math.random().toString(36).slice(2, 10)}`;
  const rescue = rescuingSend((message) => browser.runtime.sendMessage(message), browser.storage.local as unknown as RescueStorage);
  const api = createApiClient(rescue.send, view);
  const listeners = new Set<(event: ChangeEvent) => void>();
  const flushers = new Set<() => void>();
  const emit = (event: ChangeEvent) => listeners.forEach((cb) => cb({ ...event, own: event.view === view }));
  subscribeToChanges({
    connect: (isReconnect) => browser.runtime.connect({ name: isReconnect ? CHANGES_PORT_RECONNECT : CHANGES_PORT }) as unknown as PortLike,
    onChange: emit,
    // The worker was stopped and restarted: anything may have changed meanwhile, refresh everything.
    onReconnect: () => {
      rescue.connectionBack();
      emit({ topics: ['all'] });
    },
    // Synchronous: when the extension reloads under this view, only what starts in this event gets out.
    onFlush: (why) => {
      if (why === 'lost') rescue.connectionLost();
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
  };
}

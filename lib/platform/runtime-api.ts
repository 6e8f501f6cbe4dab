/** Views' adapter to the background: the typed API over runtime messages, and change events over a port. */
import { browser } from 'wxt/browser';
import { subscribeToChanges, type PortLike } from '../api/changes';
import { createApiClient } from '../api/client';
import type { ChangeEvent, HoldspaceApi } from '../api/contract';
import { CHANGES_PORT, CHANGES_PORT_RECONNECT } from '../api/wire';

export interface Connection {
  api: HoldspaceApi;
  subscribe(onChange: (event: ChangeEvent) => void): () => void;
}

/** One connection per view: `viewId` names the view so it can recognise the echo of its own writes. */
export function connectToBackground(signal: AbortSignal): Connection {
  const viewId = `${location.pathname}#${Math.random().toString(36).slice(2, 10)}`;
  const api = createApiClient((message) => browser.runtime.sendMessage(message), viewId);
  const listeners = new Set<(event: ChangeEvent) => void>();
  const emit = (event: ChangeEvent) => listeners.forEach((cb) => cb(event));
  subscribeToChanges({
    connect: (isReconnect) => browser.runtime.connect({ name: isReconnect ? CHANGES_PORT_RECONNECT : CHANGES_PORT }) as unknown as PortLike,
    onChange: emit,
    // The worker was stopped and restarted: anything may have changed meanwhile, refresh everything.
    onReconnect: () => emit({ topics: ['all'], at: Date.now() }),
    signal,
  });
  return {
    api,
    subscribe(onChange) {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
  };
}

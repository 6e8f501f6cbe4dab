import type { ChangeEvent } from './contract';
import { createJournal } from './journal';
import {
  CHANGES_PORT,
  CHANGES_PORT_RECONNECT,
  isChangeMessage,
  isFlushMessage,
  type ApiRequest,
  type ChangeMessage,
  type FlushMessage,
} from './wire';

/** The part of a runtime port Holdspace uses: satisfied by `browser.runtime.Port` and by test fakes. */
export interface PortLike {
  name: string;
  postMessage(message: unknown): void;
  onMessage: { addListener(cb: (message: unknown) => void): void };
  onDisconnect: { addListener(cb: () => void): void };
  disconnect(): void;
}

/**
 * Background side: remembers the views' ports and pushes every change to each. Holds each view's journal of
 * unsaved words (lib/api/journal.ts) and hands what is left in it to `onOrphaned` when the view's port closes.
 */
export function createChangeHub(options: { onOrphaned?: (entries: ApiRequest[][]) => void } = {}) {
  const ports = new Set<PortLike>();
  return {
    /** Takes a view's port: 'open' when a view opened, 'reconnect' after the worker restarted, false if not ours. */
    accept(port: PortLike): 'open' | 'reconnect' | false {
      if (port.name !== CHANGES_PORT && port.name !== CHANGES_PORT_RECONNECT) return false;
      ports.add(port);
      const journal = createJournal();
      port.onMessage.addListener((message) => journal.take(message));
      port.onDisconnect.addListener(() => {
        ports.delete(port);
        const orphaned = journal.drain();
        if (orphaned.length) options.onOrphaned?.(orphaned);
      });
      return port.name === CHANGES_PORT ? 'open' : 'reconnect';
    },
    broadcast(event: ChangeEvent): void {
      const message: ChangeMessage = { channel: 'holdspace/changes', event };
      for (const port of ports) {
        try {
          port.postMessage(message);
        } catch {
          ports.delete(port);
        }
      }
    },
    /** Asks every open view to save what is typed now (before an update reloads the extension). */
    requestFlush(): void {
      const message: FlushMessage = { channel: 'holdspace/flush' };
      for (const port of ports) {
        try {
          port.postMessage(message);
        } catch {
          ports.delete(port);
        }
      }
    },
    get size() {
      return ports.size;
    },
  };
}

export interface ChangeFeedOptions {
  /** Opens the port; `isReconnect` after the worker was stopped, so the worker can tell the two apart. */
  connect: (isReconnect: boolean) => PortLike;
  onChange: (event: ChangeEvent) => void;
  /** Called after a reconnect: the worker was stopped, so anything may have changed meanwhile. */
  onReconnect?: () => void;
  /**
   * Save what is typed, now: 'worker' when the worker asks (an update is coming), 'lost' when the port
   * closed (an idle stop, or the extension reloading under the view). Called synchronously in the port's
   * event, while the extension context may be about to go.
   */
  onFlush?: (why: 'worker' | 'lost') => void;
  signal: AbortSignal;
  retryMs?: number;
}

/** The view's end of the feed: posts to the worker over the open port (dropped while none is open). */
export interface ChangeFeed {
  post(message: unknown): void;
}

/**
 * View side: listens for change events and reconnects when MV3 stops the worker (the port disconnects).
 * After a reconnect the view refreshes everything, since events may have been missed.
 */
export function subscribeToChanges(options: ChangeFeedOptions): ChangeFeed {
  const retryMs = options.retryMs ?? 500;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let current: PortLike | undefined;
  const open = (isReconnect: boolean) => {
    if (options.signal.aborted) return;
    try {
      current = options.connect(isReconnect);
    } catch {
      timer = setTimeout(() => open(true), retryMs);
      return;
    }
    current.onMessage.addListener((message) => {
      if (isChangeMessage(message)) options.onChange(message.event);
      else if (isFlushMessage(message)) options.onFlush?.('worker');
    });
    current.onDisconnect.addListener(() => {
      current = undefined;
      if (!options.signal.aborted) options.onFlush?.('lost');
      if (!options.signal.aborted) timer = setTimeout(() => open(true), retryMs);
    });
    if (isReconnect) options.onReconnect?.();
  };
  options.signal.addEventListener('abort', () => {
    clearTimeout(timer);
    current?.disconnect();
  });
  open(false);
  return {
    post(message) {
      try {
        current?.postMessage(message);
      } catch {
        // The port is closing: its disconnect event reconnects, and the view posts again then.
      }
    },
  };
}

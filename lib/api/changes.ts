import type { ChangeEvent } from './contract';
import { createJournal } from './journal';
import {
  CHANGES_PORT,
  CHANGES_PORT_RECONNECT,
  isApiCallMessage,
  isApiReplyMessage,
  isChangeMessage,
  isFlushMessage,
  type ApiCallMessage,
  type ApiReplyMessage,
  type ApiRequest,
  type ChangeMessage,
  type FlushMessage,
} from './wire';
import { isApiMethod, isReadMethod } from './contract';
import { fail } from './result';

/** The part of a runtime port Holdspace uses: satisfied by `browser.runtime.Port` and by test fakes. */
export interface PortLike {
  name: string;
  postMessage(message: unknown): void;
  onMessage: { addListener(cb: (message: unknown) => void): void };
  onDisconnect: { addListener(cb: () => void): void };
  disconnect(): void;
}

export interface ChangeHubOptions {
  onOrphaned?: (entries: ApiRequest[][]) => void;
  /** Answers a read a view sent over its port (the dispatcher); writes never come this way. */
  answer?: (request: ApiRequest) => Promise<unknown> | undefined;
}

/**
 * Background side: remembers the views' ports and pushes every change to each. Holds each view's journal of
 * unsaved words (lib/api/journal.ts) and hands what is left in it to `onOrphaned` when the view's port closes.
 * Answers the reads a view sends over its port (`ApiCallMessage`) on that port.
 */
export function createChangeHub(options: ChangeHubOptions = {}) {
  const ports = new Set<PortLike>();
  const answerOn = (port: PortLike, { id, request }: ApiCallMessage) => {
    // Only reads: a write's answer lost with a closing port could not be told from a write never made.
    const answer = isApiMethod(request.method) && isReadMethod(request.method) ? options.answer?.(request) : undefined;
    void Promise.resolve(answer ?? fail('invalid', `"${request.method}" is not a read: send it as a runtime message.`))
      .then((result) => {
        const reply: ApiReplyMessage = { channel: 'holdspace/api-reply', id, result };
        port.postMessage(reply);
      })
      .catch(() => {}); // the view went away: its call falls back to a runtime message, or is not needed
  };
  return {
    /** Takes a view's port: 'open' when a view opened, 'reconnect' after the worker restarted, false if not ours. */
    accept(port: PortLike): 'open' | 'reconnect' | false {
      if (port.name !== CHANGES_PORT && port.name !== CHANGES_PORT_RECONNECT) return false;
      ports.add(port);
      const journal = createJournal();
      port.onMessage.addListener((message) => {
        if (isApiCallMessage(message)) answerOn(port, message);
        else journal.take(message);
      });
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
  /**
   * Sends a read over the open port; its answer, or a rejection when the port closes first (then ask again by
   * runtime message: a read is safe to repeat). Null when no port is open.
   */
  call(request: ApiRequest): Promise<unknown> | null;
}

/**
 * View side: listens for change events and reconnects when MV3 stops the worker (the port disconnects).
 * After a reconnect the view refreshes everything, since events may have been missed.
 */
export function subscribeToChanges(options: ChangeFeedOptions): ChangeFeed {
  const retryMs = options.retryMs ?? 500;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let current: PortLike | undefined;
  let lastId = 0;
  const waiting = new Map<number, { resolve: (result: unknown) => void; reject: (error: Error) => void }>();
  const giveUp = () => {
    for (const w of waiting.values()) w.reject(new Error('The connection to the Holdspace background worker closed'));
    waiting.clear();
  };
  const open = (isReconnect: boolean) => {
    if (options.signal.aborted) return;
    try {
      current = options.connect(isReconnect);
    } catch {
      timer = setTimeout(() => open(true), retryMs);
      return;
    }
    current.onMessage.addListener((message) => {
      if (isApiReplyMessage(message)) {
        waiting.get(message.id)?.resolve(message.result);
        waiting.delete(message.id);
      } else if (isChangeMessage(message)) options.onChange(message.event);
      else if (isFlushMessage(message)) options.onFlush?.('worker');
    });
    current.onDisconnect.addListener(() => {
      current = undefined;
      giveUp();
      if (!options.signal.aborted) options.onFlush?.('lost');
      if (!options.signal.aborted) timer = setTimeout(() => open(true), retryMs);
    });
    if (isReconnect) options.onReconnect?.();
  };
  options.signal.addEventListener('abort', () => {
    clearTimeout(timer);
    current?.disconnect();
    giveUp();
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
    call(request) {
      const port = current;
      if (!port) return null;
      const id = ++lastId;
      const message: ApiCallMessage = { channel: 'holdspace/api-call', id, request };
      const answer = new Promise<unknown>((resolve, reject) => waiting.set(id, { resolve, reject }));
      try {
        port.postMessage(message);
      } catch {
        waiting.delete(id);
        return null; // closing: its disconnect event comes next
      }
      return answer;
    },
  };
}

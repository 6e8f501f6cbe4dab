import type { ApiMethod, ChangeEvent } from './contract';

/** The runtime message a view sends to the background worker. */
export interface ApiRequest {
  channel: 'holdspace/api';
  method: ApiMethod;
  args: unknown;
  /** The sending view's id, echoed in the change event its write causes. */
  view: string;
}

/** The one way a request is spelled: by the views' client, and by tests and scripts that drive the worker. */
export function apiRequest(method: ApiMethod, args: unknown, view: string): ApiRequest {
  return { channel: 'holdspace/api', method, args, view };
}

/** The port name views connect with to receive change events. */
export const CHANGES_PORT = 'holdspace/changes';
/** The same port, reconnected after MV3 stopped the worker (not a view opening). */
export const CHANGES_PORT_RECONNECT = 'holdspace/changes/reconnect';

/**
 * A read sent over the view's open change port instead of a runtime message: one hop each way on a channel
 * that is already open (measured in Chromium 156: about 1 ms a round trip, against 2.5 ms for a
 * `runtime.sendMessage`, which opens and closes a channel per call). `id` pairs the reply with its call.
 */
export interface ApiCallMessage {
  channel: 'holdspace/api-call';
  id: number;
  request: ApiRequest;
}

export interface ApiReplyMessage {
  channel: 'holdspace/api-reply';
  id: number;
  result: unknown;
}

export function isApiCallMessage(message: unknown): message is ApiCallMessage {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Partial<ApiCallMessage>;
  return m.channel === 'holdspace/api-call' && typeof m.id === 'number' && isApiRequest(m.request);
}

export function isApiReplyMessage(message: unknown): message is ApiReplyMessage {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Partial<ApiReplyMessage>;
  return m.channel === 'holdspace/api-reply' && typeof m.id === 'number';
}

export interface ChangeMessage {
  channel: 'holdspace/changes';
  event: ChangeEvent;
}

/** The worker asks every open view to save what is typed now (the extension is about to update). */
export interface FlushMessage {
  channel: 'holdspace/flush';
}

export function isFlushMessage(message: unknown): message is FlushMessage {
  return typeof message === 'object' && message !== null && (message as Partial<FlushMessage>).channel === 'holdspace/flush';
}

export function isApiRequest(message: unknown): message is ApiRequest {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Partial<ApiRequest>;
  return m.channel === 'holdspace/api' && typeof m.method === 'string' && typeof m.view === 'string';
}

export function isChangeMessage(message: unknown): message is ChangeMessage {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Partial<ChangeMessage>;
  return m.channel === 'holdspace/changes' && typeof m.event === 'object' && m.event !== null;
}

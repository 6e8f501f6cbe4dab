/** What a view's first screen asks for, once: the lock, the running session and the client picker's lists. */
import type { PrefetchCall } from './prefetch';

export const FIRST_READS: readonly PrefetchCall[] = [
  { method: 'lockStatus', args: {} },
  { method: 'activeSession', args: {} },
  { method: 'listClients', args: {} },
  { method: 'recentClients', args: { limit: 5 } },
];

/** The same request whatever view sends it: its method and arguments. */
export function readKey(method: string, args: unknown): string {
  return `${method}:${JSON.stringify(args ?? {})}`;
}

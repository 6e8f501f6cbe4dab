/**
 * A view's first reads, asked before the app's code has loaded. Opening the side panel while MV3 has stopped
 * the worker, the worker starts only when the view's first message arrives, and the app's module (hundreds
 * of KB to fetch, compile and run) sends it only once it runs. A tiny module that runs first
 * (entrypoints/sidepanel/early.ts) opens the change port and sends FIRST_READS at once, so the worker starts,
 * opens the database and answers while the page is still loading its code; the view's connection
 * (runtime-api.ts) then adopts that port and takes those answers instead of asking again.
 *
 * Nothing is served stale: the port is open before the reads are sent, and if any change (or a disconnect)
 * comes before the view takes the port over, every early answer is dropped and asked again.
 */
import { browser } from 'wxt/browser';
import { FIRST_READS, readKey } from '../api/first-reads';
import { apiRequest, CHANGES_PORT, type ApiRequest } from '../api/wire';

type Port = ReturnType<typeof browser.runtime.connect>;

interface Early {
  port: Port | null;
  reads: Map<string, Promise<unknown>>;
  drop(): void;
}

let early: Early | null = null;

/** Opens the change port and sends the first reads (once per page). */
export function startEarlyReads(): void {
  if (early) return;
  const reads = new Map<string, Promise<unknown>>();
  const state: Early = { port: null, reads, drop: () => reads.clear() };
  try {
    state.port = browser.runtime.connect({ name: CHANGES_PORT });
  } catch {
    return; // the extension is going away: the view connects (and reports it) by itself
  }
  state.port.onMessage.addListener(state.drop);
  state.port.onDisconnect.addListener(() => {
    state.port = null;
    state.drop();
  });
  for (const call of FIRST_READS) {
    // Reads cause no change event, so the view's own id (made later, with its connection) is not needed.
    const answer = browser.runtime.sendMessage(apiRequest(call.method, call.args, 'early'));
    answer.catch(() => undefined); // taken (and retried) by the view's client, or never needed
    reads.set(readKey(call.method, call.args), answer);
  }
  early = state;
}

/** The early change port, once, for the view's change feed (null when none is open any more). */
export function takeEarlyPort(): Port | null {
  const port = early?.port ?? null;
  if (!early || !port) return null;
  port.onMessage.removeListener(early.drop);
  early.port = null;
  return port;
}

/** The answer already asked for this read (once), or undefined: then it is sent as usual. */
export function takeEarlyRead(request: ApiRequest): Promise<unknown> | undefined {
  if (!early) return undefined;
  const key = readKey(request.method, request.args);
  const answer = early.reads.get(key);
  early.reads.delete(key);
  return answer;
}

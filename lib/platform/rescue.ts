/**
 * The last words of a view whose extension is reloading under it. When an unpacked build is reloaded (or
 * an update is applied without warning), the worker goes and the overlay's change port closes; measured in
 * Chromium 156, a `runtime.sendMessage` from that moment never arrives, but a `storage.local.set` made
 * synchronously in the port's disconnect event does land. So while a view's connection is lost, each write
 * it sends is first journaled in `storage.local` under `rescue:` (and removed once the worker answers it);
 * the worker of the new version replays what is left, through the same dispatcher and its checks, when it
 * is installed (`runtime.onInstalled`). Writes carry their compare-and-set base where the API has one, so
 * a replay never overwrites a newer text: it is refused as a conflict instead.
 */
import { isWriteRequest } from '../api/journal';
import type { Result } from '../api/result';
import { isApiRequest, type ApiRequest } from '../api/wire';
import { SAFEKEEPING } from '../model/limits';

export const RESCUE_PREFIX = 'rescue:';

/** The part of `storage.local` the journal uses (satisfied by `browser.storage.local` and by test fakes). */
export interface RescueStorage {
  get(keys: null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

interface Rescued {
  at: number;
  request: ApiRequest;
}

const isWrite = (request: ApiRequest) => isWriteRequest(request);
const answeredOk = (answer: unknown) => typeof answer === 'object' && answer !== null && (answer as { ok?: unknown }).ok === true;

/** The methods whose answer is the lock's status (`{ on, locked, … }`). */
const LOCK_STATUS_ANSWERS: ReadonlySet<string> = new Set(['lockStatus', 'unlock', 'lockNow', 'lockIfIdle', 'turnOnLock', 'turnOffLock']);

/**
 * Wraps a view's `send`: while the connection is lost, every write is journaled before it is sent — but only
 * while the view knows the lock is off. The journal is written in clear (its write must start synchronously
 * in the disconnect event; no encryption can), so with the lock on, or before the view has heard whether it
 * is on, nothing is journaled: no coaching word reaches the disk unencrypted, at the cost of what was typed in
 * the last moment before an unannounced extension reload (an announced update is flushed first).
 */
export function rescuingSend(send: (request: ApiRequest) => Promise<unknown>, storage: RescueStorage, now: () => number = Date.now) {
  let lost = false;
  let sequence = 0;
  const journaled = new WeakSet<ApiRequest>();
  /** From the last lock status this view was answered: null until one comes. */
  let lockOn: boolean | null = null;
  const sendWatching = (request: ApiRequest): Promise<unknown> => {
    const answer = send(request);
    if (LOCK_STATUS_ANSWERS.has(request.method))
      void answer.then(
        (value) => {
          const on = answeredOk(value) ? (value as { value?: { on?: unknown } }).value?.on : undefined;
          if (typeof on === 'boolean') lockOn = on;
        },
        () => {},
      );
    return answer;
  };
  /** Whether a write is journaled now: while lost, once the view knows the lock is off, once per request. */
  const journals = (request: ApiRequest) => lost && lockOn === false && !journaled.has(request) && isWrite(request);
  /** Starts the journal entry's write at once (synchronously: in the port's disconnect event). */
  const journal = (request: ApiRequest) => {
    journaled.add(request);
    const key = `${RESCUE_PREFIX}${String(now()).padStart(15, '0')}:${String(sequence++).padStart(6, '0')}:${request.view}`;
    const entry: Rescued = { at: now(), request };
    return { key, stored: storage.set({ [key]: entry }).catch(() => {}) };
  };
  /** Entries `keep` wrote, removed again when the connection comes back (and their requests unmarked). */
  const kept: { key: string; request: ApiRequest }[] = [];
  return {
    connectionLost() {
      lost = true;
    },
    connectionBack() {
      lost = false;
      // The view posts its unsaved words to the worker's journal again (lib/platform/runtime-api.ts): these go.
      // Unmarked too: if their save fails across this restart, a later loss must journal them again.
      const gone = kept.splice(0);
      for (const { request } of gone) journaled.delete(request);
      if (gone.length) void storage.remove(gone.map(({ key }) => key)).catch(() => {});
    },
    /**
     * Journals writes without sending them, synchronously (in the port's disconnect event), on the same terms as
     * `send`: the view's unsaved words as the worker's journal held them, one write against each base the store may
     * hold — the save still in flight (it may never have arrived) and the text last seen saved — so the replay
     * finds the one that matches and the others are refused as conflicts. Removed when the connection is back.
     */
    keep(requests: readonly ApiRequest[]): void {
      for (const request of requests) if (journals(request)) kept.push({ key: journal(request).key, request });
    },
    /** Synchronous up to the journal write: called in the port's disconnect event, the write must start there. */
    send(request: ApiRequest): Promise<unknown> {
      if (!journals(request)) return sendWatching(request);
      const { key, stored } = journal(request);
      const answer = sendWatching(request);
      void answer.then(
        (value) => {
          if (answeredOk(value)) void stored.then(() => storage.remove(key)).catch(() => {});
        },
        () => {},
      );
      return answer;
    },
  };
}

/**
 * In the worker, once per install or update: replays journaled writes (oldest first) that are recent enough,
 * and removes every journal entry. Returns how many were replayed and how many of those the store took.
 */
export async function replayRescued(
  storage: RescueStorage,
  dispatch: (message: unknown) => Promise<Result<unknown>> | undefined,
  now: () => number = Date.now,
): Promise<{ replayed: number; taken: number }> {
  const all = await storage.get(null);
  const keys = Object.keys(all)
    .filter((k) => k.startsWith(RESCUE_PREFIX))
    .sort();
  let replayed = 0;
  let taken = 0;
  for (const key of keys) {
    const entry = all[key] as Partial<Rescued> | undefined;
    if (!entry || typeof entry.at !== 'number' || now() - entry.at > SAFEKEEPING.rescueMaxAgeMs) continue;
    if (!isApiRequest(entry.request) || !isWrite(entry.request)) continue;
    replayed++;
    const result = await dispatch(entry.request);
    if (result?.ok) taken++;
  }
  if (keys.length) await storage.remove(keys);
  return { replayed, taken };
}

/**
 * The views' unsaved words, held by the worker between keystroke and save. Measured in Chromium 156: when
 * the coach closes the call tab, the overlay frame's `pagehide` never gets a message out (neither a
 * `runtime.sendMessage` nor a post over the already-open port reaches the worker), so a key typed after the
 * last autosave went with the frame. So at each keystroke a view posts, over its open change port, the
 * write that would save what its field holds (a cheap message, not a store write); the worker keeps the
 * latest per field in memory only, forgets it once the view's save is answered, and runs it when that
 * view's port disconnects without the view having cleared it (the worker sees the disconnect even when the
 * frame dies).
 *
 * Every journaled write is a compare-and-set (a `base` the store must still hold). An entry lists the
 * alternatives the view would accept: saved against its write still in flight, then against the text it
 * last saw stored. They are tried in order until one is not a conflict, so a stale copy never overwrites
 * a newer text from another view. While the store is locked the write is refused (`locked`) and the words
 * are dropped: they are never written anywhere in the clear.
 */
import { changesOf, isApiMethod, type ApiArgs, type ApiMethod } from './contract';
import type { Result } from './result';
import { isApiRequest, type ApiRequest } from './wire';

/** One API write, as a view would send it. */
export type WriteCall = { [M in ApiMethod]: { method: M; args: ApiArgs<M> } }[ApiMethod];

/** A view journals the writes that would save a field's unsaved words (null: nothing unsaved). */
export interface JournalMessage {
  channel: 'holdspace/journal';
  /** The field, unique within the view. */
  key: string;
  /** Alternatives, tried in order until one is not a conflict. */
  writes: ApiRequest[] | null;
}

export function journalMessage(key: string, writes: ApiRequest[] | null): JournalMessage {
  return { channel: 'holdspace/journal', key, writes };
}

/** A request that changes the record (a read is never journaled nor replayed). */
export function isWriteRequest(request: unknown): request is ApiRequest {
  return isApiRequest(request) && isApiMethod(request.method) && changesOf(request.method, request.args as never).length > 0;
}

export function isJournalMessage(message: unknown): message is JournalMessage {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Partial<JournalMessage>;
  return (
    m.channel === 'holdspace/journal' &&
    typeof m.key === 'string' &&
    (m.writes === null || (Array.isArray(m.writes) && m.writes.length > 0 && m.writes.every(isWriteRequest)))
  );
}

/** What the worker holds for one view's port. */
export function createJournal() {
  const entries = new Map<string, ApiRequest[]>();
  return {
    /** Takes a message from the view's port; false when it is not a journal message. */
    take(message: unknown): boolean {
      if (!isJournalMessage(message)) return false;
      if (message.writes) entries.set(message.key, message.writes);
      else entries.delete(message.key);
      return true;
    },
    /** Every entry still held, emptied (the port closed). */
    drain(): ApiRequest[][] {
      const all = [...entries.values()];
      entries.clear();
      return all;
    },
    get size() {
      return entries.size;
    },
  };
}

export type ReplayOutcome = 'saved' | 'conflict' | 'refused';

/**
 * Runs one orphaned entry: each alternative in order until one is not a conflict. When all are conflicts,
 * tried once more after `retryMs` (a save of the same view may still be on its way to the store).
 */
export async function replayEntry(
  dispatch: (message: unknown) => Promise<Result<unknown>> | undefined,
  writes: ApiRequest[],
  retryMs = 250,
  wait: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<ReplayOutcome> {
  for (let round = 0; round < 2; round++) {
    if (round > 0) await wait(retryMs);
    for (const write of writes) {
      const result = await dispatch(write);
      if (result?.ok) return 'saved';
      if (result?.error.code !== 'conflict') return 'refused';
    }
  }
  return 'conflict';
}

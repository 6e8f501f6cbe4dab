import { describe, expect, it, vi } from 'vitest';
import { apiRequest } from '@/lib/api/wire';
import { replayRescued, rescuingSend, RESCUE_PREFIX, type RescueStorage } from '@/lib/platform/rescue';
import { SAFEKEEPING } from '@/lib/model/limits';

function memoryStorage(): RescueStorage & { data: Record<string, unknown> } {
  const data: Record<string, unknown> = {};
  return {
    data,
    get: async () => ({ ...data }),
    set: async (items) => void Object.assign(data, items),
    remove: async (keys) => {
      for (const k of [keys].flat()) delete data[k];
    },
  };
}

const draftWrite = (text: string) => apiRequest('setDraft', { key: 'capture:s1', value: { text }, base: null }, 'view-a');
const read = apiRequest('getDraft', { key: 'capture:s1' }, 'view-a');
const rescued = (s: { data: Record<string, unknown> }) => Object.keys(s.data).filter((k) => k.startsWith(RESCUE_PREFIX));
const lockStatus = apiRequest('lockStatus', {}, 'view-a');
const LOCK_METHODS = ['lockStatus', 'turnOnLock', 'turnOffLock'];
const status = (on: boolean) => ({ ok: true, value: { on, locked: false, rewriting: false, lockAt: null } });

/** A view whose extension is reloading: told the lock is off, every other send fails. */
async function reloadingView(storage: RescueStorage) {
  const rescue = rescuingSend(
    (r) => (r.method === 'lockStatus' ? Promise.resolve(status(false)) : Promise.reject(new Error('Extension context invalidated.'))),
    storage,
  );
  await rescue.send(lockStatus);
  return rescue;
}

describe('rescue journal', () => {
  it('journals writes only while the connection is lost, synchronously, and drops them once answered', async () => {
    const storage = memoryStorage();
    const setSpy = vi.spyOn(storage, 'set');
    let answer: (v: unknown) => void = () => {};
    const send = vi.fn(() => new Promise<unknown>((resolve) => (answer = resolve)));
    const rescue = rescuingSend(send, storage);
    const told = rescue.send(lockStatus); // the view hears the lock is off (LockGate asks at once)
    answer(status(false));
    await told;

    void rescue.send(draftWrite('connected'));
    expect(setSpy).not.toHaveBeenCalled(); // control: connected, nothing journaled

    rescue.connectionLost();
    void rescue.send(read);
    expect(setSpy).not.toHaveBeenCalled(); // reads are never journaled
    const pending = rescue.send(draftWrite('last words'));
    expect(setSpy).toHaveBeenCalledTimes(1); // before any await: in the port's disconnect event
    await Promise.resolve();
    expect(rescued(storage)).toHaveLength(1);
    answer({ ok: true, value: null });
    await pending;
    await new Promise((r) => setTimeout(r, 0));
    expect(rescued(storage)).toEqual([]);
  });

  it('keeps the entry when the send fails (the extension reloaded), and the worker replays it once', async () => {
    const storage = memoryStorage();
    const rescue = await reloadingView(storage);
    rescue.connectionLost();
    const request = draftWrite('typed before the reload');
    await rescue.send(request).catch(() => {});
    await rescue.send(request).catch(() => {}); // the client's retry is not journaled twice
    expect(rescued(storage)).toHaveLength(1);

    const dispatch = vi.fn(async () => ({ ok: true as const, value: null }));
    expect(await replayRescued(storage, dispatch)).toEqual({ replayed: 1, taken: 1 });
    expect(dispatch).toHaveBeenCalledWith(request);
    expect(rescued(storage)).toEqual([]);
    expect(await replayRescued(storage, dispatch)).toEqual({ replayed: 0, taken: 0 });
  });

  it('journals nothing while the lock is on, or before the view has heard whether it is (the journal is clear text)', async () => {
    const words = (storage: { data: Record<string, unknown> }) => JSON.stringify(storage.data);
    let on: boolean | null = null; // what the worker answers about the lock; null: the view has not asked yet
    const view = (storage: RescueStorage) =>
      rescuingSend(
        (r) =>
          LOCK_METHODS.includes(r.method) ? Promise.resolve(status(on!)) : Promise.reject(new Error('Extension context invalidated.')),
        storage,
      );
    const typeThenLose = async (rescue: ReturnType<typeof view>, text: string) => {
      rescue.connectionLost();
      await rescue.send(draftWrite(text)).catch(() => {});
    };

    const unknown = memoryStorage();
    await typeThenLose(view(unknown), 'not heard yet');
    expect(words(unknown)).not.toContain('not heard yet');

    const locked = memoryStorage();
    on = true;
    const lockedView = view(locked);
    await lockedView.send(lockStatus);
    await typeThenLose(lockedView, 'secret words');
    expect(words(locked)).not.toContain('secret words');

    // Control: told the lock is off, the same words are journaled; then turned on from this view, no more.
    const open = memoryStorage();
    on = false;
    const openView = view(open);
    await openView.send(lockStatus);
    await typeThenLose(openView, 'secret words');
    expect(words(open)).toContain('secret words');
    on = true;
    await openView.send(apiRequest('turnOnLock', { passphrase: 'lantern harbour', repeat: 'lantern harbour' }, 'view-a'));
    await typeThenLose(openView, 'after turn-on');
    expect(words(open)).not.toContain('after turn-on');
  });

  it("keeps the worker's journal for a reload: the words against each base, so the replay finds the one stored", async () => {
    const storage = memoryStorage();
    const rescue = await reloadingView(storage);
    // 'She will call' was in flight when the extension reloaded, and may never have arrived; 'She will' was saved.
    const write = (base: string) =>
      apiRequest('setDraft', { key: 'capture:s1', value: { text: 'She will call Sam' }, base: { text: base } }, 'view-a');
    const againstFlying = write('She will call');
    const againstSaved = write('She will');
    rescue.keep([againstFlying, againstSaved]);
    expect(rescued(storage)).toEqual([]); // control: connected, the worker's own journal has them
    rescue.connectionLost();
    rescue.keep([againstFlying, againstSaved]);
    await Promise.resolve();
    expect(rescued(storage)).toHaveLength(2);

    // The new worker: the save in flight never arrived, so the store still holds 'She will'.
    let stored = 'She will';
    const dispatch = vi.fn(async (m: unknown) => {
      const args = (m as typeof againstSaved).args as { value: { text: string }; base: { text: string } };
      if (args.base.text !== stored) return { ok: false as const, error: { code: 'conflict' as const, message: 'changed' } };
      stored = args.value.text;
      return { ok: true as const, value: null };
    });
    expect(await replayRescued(storage, dispatch)).toEqual({ replayed: 2, taken: 1 });
    expect(stored).toBe('She will call Sam');

    // Control: what the flush alone journals (the words against the save in flight) is refused, and they are lost.
    const flushOnly = memoryStorage();
    const alone = await reloadingView(flushOnly);
    alone.connectionLost();
    await alone.send(write('She will call')).catch(() => {});
    stored = 'She will';
    expect(await replayRescued(flushOnly, dispatch)).toEqual({ replayed: 1, taken: 0 });
    expect(stored).toBe('She will');
  });

  it('removes what it kept once the connection is back (the worker stopped, not reloaded), and keeps nothing with the lock on', async () => {
    const storage = memoryStorage();
    let on = false;
    const rescue = rescuingSend(
      (r) => (r.method === 'lockStatus' ? Promise.resolve(status(on)) : Promise.resolve({ ok: true, value: null })),
      storage,
    );
    await rescue.send(lockStatus);
    rescue.connectionLost();
    rescue.keep([draftWrite('kept for a moment')]);
    await Promise.resolve();
    expect(rescued(storage)).toHaveLength(1); // control: kept while lost
    rescue.connectionBack();
    await new Promise((r) => setTimeout(r, 0));
    expect(rescued(storage)).toEqual([]);

    on = true;
    await rescue.send(lockStatus);
    rescue.connectionLost();
    rescue.keep([draftWrite('secret words')]);
    await Promise.resolve();
    expect(JSON.stringify(storage.data)).not.toContain('secret words');
  });

  it('keeps the same unsaved words again when the connection is lost a second time before they are saved', async () => {
    const storage = memoryStorage();
    const rescue = await reloadingView(storage);
    // The worker stopped (not reloaded): kept, then removed when the connection came back; the words' save
    // failed across the restart, so the worker's journal still holds the very same request when the
    // extension reloads a moment later.
    const unsaved = draftWrite('She will call Sam on Friday');
    rescue.connectionLost();
    rescue.keep([unsaved]);
    await Promise.resolve();
    expect(rescued(storage)).toHaveLength(1); // control: kept the first time
    rescue.connectionBack();
    await new Promise((r) => setTimeout(r, 0));
    expect(rescued(storage)).toEqual([]);
    rescue.connectionLost();
    rescue.keep([unsaved]);
    await Promise.resolve();
    expect(rescued(storage)).toHaveLength(1);
    expect(JSON.stringify(storage.data)).toContain('She will call Sam on Friday');
  });

  it('drops entries that are too old or not writes, without running them', async () => {
    const storage = memoryStorage();
    const now = 10_000_000;
    storage.data[`${RESCUE_PREFIX}old`] = { at: now - SAFEKEEPING.rescueMaxAgeMs - 1, request: draftWrite('stale') };
    storage.data[`${RESCUE_PREFIX}read`] = { at: now, request: read };
    storage.data[`${RESCUE_PREFIX}junk`] = { at: now, request: { channel: 'other' } };
    storage.data.settings = { keep: true };
    const dispatch = vi.fn(async () => ({ ok: true as const, value: null }));
    expect(await replayRescued(storage, dispatch, () => now)).toEqual({ replayed: 0, taken: 0 });
    expect(dispatch).not.toHaveBeenCalled();
    expect(Object.keys(storage.data)).toEqual(['settings']);
  });
});

import { describe, expect, it, vi } from 'vitest';
import { createChangeHub, type PortLike } from '@/lib/api/changes';
import { createDispatcher } from '@/lib/api/dispatcher';
import { createJournal, isJournalMessage, journalMessage, replayEntry } from '@/lib/api/journal';
import { apiRequest, CHANGES_PORT, type ApiRequest } from '@/lib/api/wire';
import type { SessionKey } from '@/lib/store/lock';
import { clientAndSession, testStore, val } from '../store/harness';

/** A view's port as the worker holds it: the view posts into it, and it can be dropped (the frame died). */
function viewPort() {
  const fromView = new Set<(m: unknown) => void>();
  const disconnects = new Set<() => void>();
  const port: PortLike = {
    name: CHANGES_PORT,
    postMessage: () => {},
    onMessage: { addListener: (cb) => fromView.add(cb) },
    onDisconnect: { addListener: (cb) => disconnects.add(cb) },
    disconnect: vi.fn(),
  };
  return { port, post: (m: unknown) => fromView.forEach((cb) => cb(m)), drop: () => disconnects.forEach((cb) => cb()) };
}

const topicWrite = (sessionId: string, topic: string, base: string, view = 'overlay#a') =>
  apiRequest('updateContract', { sessionId, patch: { topic }, base: { topic: base } }, view);

/** A worker: a store, its dispatcher, and the hub that runs what a dropped view left in its journal. */
async function worker(overrides: Parameters<typeof testStore>[0] = {}) {
  const store = testStore(overrides);
  const { session } = await clientAndSession(store.api);
  const dispatch = createDispatcher(store.api);
  const replays: Promise<unknown>[] = [];
  const hub = createChangeHub({ onOrphaned: (entries) => entries.forEach((w) => replays.push(replayEntry(dispatch, w, 10))) });
  const topic = async () => (await val(store.api.getSessionBundle({ sessionId: session.id }))).session.contract.topic;
  return { ...store, session, dispatch, hub, settled: () => Promise.all(replays), topic };
}

describe("the worker's journal of unsaved words", () => {
  it('saves what a view journaled when its port closes before the save went out; nothing once the view cleared it', async () => {
    const w = await worker();
    const view = viewPort();
    w.hub.accept(view.port);
    view.post(journalMessage('topic', [topicWrite(w.session.id, 'Berlin offe', '')]));
    view.post(journalMessage('topic', [topicWrite(w.session.id, 'Berlin offer', '')])); // the next keystroke replaces it
    view.drop(); // the call tab closed
    await w.settled();
    expect(await w.topic()).toBe('Berlin offer');

    // Control: a view whose save was answered clears its entry, and a closing port then runs nothing.
    const other = viewPort();
    w.hub.accept(other.port);
    other.post(journalMessage('topic', [topicWrite(w.session.id, 'never sent', 'Berlin offer')]));
    other.post(journalMessage('topic', null));
    other.drop();
    await w.settled();
    expect(await w.topic()).toBe('Berlin offer');
  });

  it('never writes a stale copy over newer words from another view (compare-and-set)', async () => {
    const w = await worker();
    const view = viewPort();
    w.hub.accept(view.port);
    view.post(journalMessage('topic', [topicWrite(w.session.id, 'mine typed here', '')]));
    // Meanwhile the side panel saved its own words.
    await val(w.api.updateContract({ sessionId: w.session.id, patch: { topic: 'theirs, newer' }, base: { topic: '' } }));
    view.drop();
    await w.settled();
    expect(await w.topic()).toBe('theirs, newer');
  });

  it("tries its alternatives in order: against the view's save still in flight, else against what it last saw stored", async () => {
    const w = await worker();
    const id = w.session.id;
    await val(w.api.updateContract({ sessionId: id, patch: { topic: 'ab' } }));
    // The view saved "abc" (in flight) and then typed "abcd".
    const entry = [topicWrite(id, 'abcd', 'abc'), topicWrite(id, 'abcd', 'ab')];

    // The in-flight save never arrived: the second alternative applies.
    expect(await replayEntry(w.dispatch, entry, 1)).toBe('saved');
    expect(await w.topic()).toBe('abcd');

    // It arrived first: the first alternative applies.
    await val(w.api.updateContract({ sessionId: id, patch: { topic: 'abc' } }));
    expect(await replayEntry(w.dispatch, entry, 1)).toBe('saved');
    expect(await w.topic()).toBe('abcd');

    // It arrives just after a first round of conflicts: the retry applies.
    await val(w.api.updateContract({ sessionId: id, patch: { topic: 'a' } }));
    const late = replayEntry(w.dispatch, entry, 5, async () => {
      await val(w.api.updateContract({ sessionId: id, patch: { topic: 'abc' } }));
    });
    expect(await late).toBe('saved');
    expect(await w.topic()).toBe('abcd');

    // Neither base is stored (another view wrote): refused twice, nothing written.
    await val(w.api.updateContract({ sessionId: id, patch: { topic: 'other view' } }));
    expect(await replayEntry(w.dispatch, entry, 1)).toBe('conflict');
    expect(await w.topic()).toBe('other view');
  });

  it('with the lock on: saved encrypted while unlocked; while locked refused and dropped, never written in the clear', async () => {
    let stored: SessionKey | null = null;
    const keys = { get: async () => stored, set: async (v: SessionKey | null) => void (stored = v) };
    const w = await worker({ lock: { keys, iterations: 1_000, idle: async () => ({ minutes: 30, duringTimer: false }) } });
    await val(w.api.turnOnLock({ passphrase: 'lantern harbour', repeat: 'lantern harbour' }));
    const raw = async () =>
      JSON.stringify(await (await w.connection.get()).getAll('sessions'), (_k, v: unknown) => (v instanceof Uint8Array ? '<sealed>' : v));

    const unlocked = viewPort();
    w.hub.accept(unlocked.port);
    unlocked.post(journalMessage('topic', [topicWrite(w.session.id, 'Quokka decision', '')]));
    unlocked.drop();
    await w.settled();
    expect(await w.topic()).toBe('Quokka decision');
    expect(await raw()).not.toContain('Quokka');
    expect(await raw()).toContain(w.session.id); // control: the raw records are what is read here

    await val(w.api.lockNow({}));
    const locked = viewPort();
    w.hub.accept(locked.port);
    locked.post(journalMessage('topic', [topicWrite(w.session.id, 'Wombat secret', 'Quokka decision')]));
    locked.drop();
    const outcomes = await w.settled();
    expect(outcomes).toContain('refused');
    expect(await raw()).not.toContain('Wombat');
    await val(w.api.unlock({ passphrase: 'lantern harbour' }));
    expect(await w.topic()).toBe('Quokka decision');
  });

  it('takes only journal messages of writes; a read or anything else is not held', () => {
    const journal = createJournal();
    const read = apiRequest('getDraft', { key: 'capture:s1' }, 'v');
    const write = apiRequest('setDraft', { key: 'capture:s1', value: null, base: null }, 'v');
    expect(isJournalMessage(journalMessage('a', [read as ApiRequest]))).toBe(false);
    expect(isJournalMessage({ channel: 'holdspace/journal', key: 'a', writes: [] })).toBe(false);
    expect(journal.take({ channel: 'holdspace/changes', event: { topics: ['all'] } })).toBe(false);
    expect(journal.take(journalMessage('a', [read]))).toBe(false);
    expect(journal.size).toBe(0);
    expect(journal.take(journalMessage('a', [write]))).toBe(true); // control: a write is held
    expect(journal.drain()).toEqual([[write]]);
    expect(journal.size).toBe(0);
  });
});

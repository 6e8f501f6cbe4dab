import { describe, expect, it, vi } from 'vitest';
import { API_METHODS } from '@/lib/api/contract';
import { createDbConnection, type HoldspaceDatabase } from '@/lib/store/db';
import { createStore } from '@/lib/store/store';
import { clientAndSession, err, testStore, val } from './harness';

describe('createStore', () => {
  it('implements every method of the API contract', () => {
    const { api } = testStore();
    for (const method of API_METHODS) expect(typeof api[method], method).toBe('function');
  });

  it('loses nothing when the connection closes between two writes (a stopped worker)', async () => {
    const { api, connection } = testStore();
    const { session } = await clientAndSession(api);
    await val(api.addItem({ sessionId: session.id, input: { kind: 'commitment', text: 'First' } }));
    connection.close();
    await val(api.addItem({ sessionId: session.id, input: { kind: 'note', text: 'Second' } }));
    connection.close();
    const { items } = await val(api.getSessionBundle({ sessionId: session.id }));
    expect(items.map((i) => i.text)).toEqual(['First', 'Second']);
  });

  it('answers after a newer version or a delete made it close (blocking)', async () => {
    const name = `store-blocking-${Math.random()}`;
    const connection = createDbConnection(name);
    const api = createStore({
      db: connection.get,
      now: () => 1,
      newId: (() => {
        let n = 0;
        return () => `x${++n}`;
      })(),
    });
    await val(api.createClient({ input: { name: 'Before' } }));
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.deleteDatabase(name);
      req.onsuccess = () => resolve();
      req.onerror = () => reject(req.error);
      req.onblocked = () => reject(new Error('blocked'));
    });
    expect(await val(api.listClients({}))).toEqual([]);
    await val(api.createClient({ input: { name: 'After' } }));
    expect((await val(api.listClients({}))).map((c) => c.name)).toEqual(['After']);
    connection.close();
  });

  it('retries once on a connection that was closing', async () => {
    const connection = createDbConnection(`store-retry-${Math.random()}`);
    const stale = await connection.get();
    connection.close();
    await new Promise((r) => setTimeout(r, 0));
    let calls = 0;
    const db = vi.fn(async (): Promise<HoldspaceDatabase> => (++calls === 1 ? stale : connection.get()));
    const api = createStore({ db, now: () => 1, newId: () => 'c1' });
    expect((await val(api.createClient({ input: { name: 'Ana' } }))).name).toBe('Ana');
    expect(db).toHaveBeenCalledTimes(2);
    connection.close();
  });

  it('turns storage failures into typed errors', async () => {
    const quota = createStore({ db: () => Promise.reject(new DOMException('full', 'QuotaExceededError')), now: () => 1, newId: () => 'x' });
    expect((await err(quota.createClient({ input: { name: 'A' } }), 'storage')).message).toMatch(/full/);
    const broken = createStore({ db: () => Promise.reject(new DOMException('nope', 'UnknownError')), now: () => 1, newId: () => 'x' });
    await err(broken.listClients({}), 'storage');
    const internal = createStore({ db: () => Promise.reject(new Error('bug')), now: () => 1, newId: () => 'x' });
    await err(internal.listClients({}), 'internal');
  });

  it('aborts a write that fails halfway: nothing partial is written', async () => {
    const { api, connection } = testStore();
    const a = await val(api.createClient({ input: { name: 'Ana' } }));
    // Same id twice: the second add fails inside its transaction.
    const clash = createStore({ db: connection.get, now: () => 5, newId: () => a.id });
    await err(clash.createClient({ input: { name: 'Other' } }), 'storage');
    expect((await val(api.listClients({}))).map((c) => c.name)).toEqual(['Ana']);
  });
});

describe('storage health', () => {
  it('asks for persistent storage when not yet granted and reports usage and quota', async () => {
    const storage = {
      persisted: vi.fn(async () => false),
      persist: vi.fn(async () => true),
      estimate: vi.fn(async () => ({ usage: 1234, quota: 99_999 })),
    };
    const { api } = testStore({ storage });
    expect(await val(api.storageHealth({}))).toEqual({ persisted: true, usageBytes: 1234, quotaBytes: 99_999 });
    expect(storage.persist).toHaveBeenCalledTimes(1);
  });

  it('does not ask again once granted, and copes with refusals and missing figures', async () => {
    const granted = { persisted: vi.fn(async () => true), persist: vi.fn(async () => true), estimate: vi.fn(async () => ({})) };
    expect(await val(testStore({ storage: granted }).api.storageHealth({}))).toEqual({
      persisted: true,
      usageBytes: null,
      quotaBytes: null,
    });
    expect(granted.persist).not.toHaveBeenCalled();
    const refused = { persisted: async () => false, persist: async () => false, estimate: () => Promise.reject(new Error('no')) };
    expect(await val(testStore({ storage: refused }).api.storageHealth({}))).toEqual({
      persisted: false,
      usageBytes: null,
      quotaBytes: null,
    });
    expect(await val(testStore().api.storageHealth({}))).toEqual({ persisted: false, usageBytes: null, quotaBytes: null });
  });
});

describe('request arguments', () => {
  it('refuses missing or malformed ids with a typed error before touching the database', async () => {
    const { api } = testStore();
    const bad = undefined as unknown as string;
    await err(api.getClient({ id: bad }), 'invalid', 'id');
    await err(api.deleteClient({ id: '' }), 'invalid', 'id');
    await err(api.startSession({ clientId: 42 as unknown as string }), 'invalid', 'clientId');
    await err(api.getSessionBundle({ sessionId: bad }), 'invalid', 'sessionId');
    await err(api.addItem({ sessionId: bad, input: { kind: 'note', text: 'x' } }), 'invalid', 'sessionId');
    // No session is a review between sessions; a malformed one is still refused.
    await err(api.reviewCommitment({ itemId: 'i', sessionId: '', status: 'done' }), 'invalid', 'sessionId');
    await err(api.setQuestionPref({ questionId: bad, hidden: true }), 'invalid', 'questionId');
    await err(api.exportClient({ clientId: bad }), 'invalid', 'clientId');
  });
});

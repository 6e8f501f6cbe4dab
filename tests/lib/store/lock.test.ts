import { readBackup } from '@/lib/backup/read';
import { receiveBackup, sendBackup } from '@/lib/backup/transfer';
import type { HoldspaceApi } from '@/lib/api/contract';
import { describe, expect, it, vi } from 'vitest';
import type { SessionKey } from '@/lib/store/lock';
import { createDbConnection, type HoldspaceDatabase } from '@/lib/store/db';
import { clientAndSession, err, testStore, val } from './harness';

const FAST = 1_000; // PBKDF2 iterations in these tests; lib/crypto's tests run the real count

function memoryKeys() {
  let stored: SessionKey | null = null;
  return {
    port: { get: async () => stored, set: async (v: SessionKey | null) => void (stored = v) },
    peek: () => stored,
  };
}

function lockedStore(idle = { minutes: 30, duringTimer: false }, batch?: number) {
  const keys = memoryKeys();
  const store = testStore({ lock: { keys: keys.port, iterations: FAST, idle: async () => idle, batch } });
  return { ...store, keys };
}

/** Every stored record, as raw text (what a copy of the database holds, as far as structured clone shows it). */
async function rawText(db: HoldspaceDatabase): Promise<string> {
  const stores = ['clients', 'sessions', 'items', 'questions', 'questionPrefs', 'drafts', 'dueSummary'] as const;
  const all = await Promise.all(stores.map((s) => db.getAll(s)));
  return JSON.stringify(all, (_k, v: unknown) => (v instanceof Uint8Array ? `<${v.length} sealed bytes>` : v));
}

async function seed(api: ReturnType<typeof testStore>['api']) {
  const { client, session } = await clientAndSession(api, 'Zelda Quasar', { goals: ['find the goal phrase'] });
  await val(api.updateContract({ sessionId: session.id, patch: { topic: 'contract phrase' } }));
  await val(api.addItem({ sessionId: session.id, input: { kind: 'commitment', text: 'commit phrase', due: '2026-12-01' } }));
  await val(api.addQuestion({ text: 'own question phrase', stage: 'reality' }));
  await val(api.setDraft({ key: `capture:${session.id}`, value: { text: 'draft phrase' } as never }));
  return { client, session };
}

const SECRETS = ['Zelda', 'goal phrase', 'contract phrase', 'commit phrase', 'own question phrase', 'draft phrase'];

describe('the lock in the store', () => {
  it('turning it on encrypts every typed word in place; ids, dates and statuses stay clear; reads still work', async () => {
    const { api, connection } = lockedStore();
    const { client, session } = await seed(api);
    const before = await rawText(await connection.get());
    for (const s of SECRETS) expect(before).toContain(s); // control: clear with the lock off

    await val(api.turnOnLock({ passphrase: 'lantern harbour', repeat: 'lantern harbour' }));
    const after = await rawText(await connection.get());
    for (const s of SECRETS) expect(after).not.toContain(s);
    expect(after).toContain(session.id);
    expect(after).toContain('"status":"active"');
    expect(after).toContain('"dueKey":"2026-12-01"');

    expect((await val(api.getClient({ id: client.id }))).name).toBe('Zelda Quasar');
    const bundle = await val(api.activeSession({}));
    expect(bundle?.session.contract.topic).toBe('contract phrase');
    expect(bundle?.items.map((i) => i.text)).toEqual(['commit phrase']);
    expect((await val(api.openCommitments({ clientId: client.id }))).length).toBe(0);
    expect((await val(api.dueBetween({ from: '2026-11-01', to: '2026-12-31' }))).map((c) => c.item.text)).toEqual(['commit phrase']);
    expect((await val(api.search({ query: 'zelda' }))).length).toBeGreaterThan(0);

    // New writes are encrypted too.
    await val(api.updateContract({ sessionId: session.id, patch: { topic: 'later phrase' } }));
    expect(await rawText(await connection.get())).not.toContain('later phrase');
    expect((await val(api.activeSession({})))?.session.contract.topic).toBe('later phrase');
  });

  it("a client's open commitments read the same with the lock on (opened after their transaction) as off", async () => {
    const { api, clock } = lockedStore();
    const { client, session } = await clientAndSession(api, 'Zelda Quasar');
    for (const text of ['call her sister', 'draft the pitch', 'ask for the budget'])
      await val(api.addItem({ sessionId: session.id, input: { kind: 'commitment', text, due: '2026-12-01' } }));
    await val(api.endSession({ sessionId: session.id }));
    clock.advance(7 * 86_400_000);
    const next = await val(api.startSession({ clientId: client.id }));
    const [first] = await val(api.openCommitments({ clientId: client.id }));
    await val(api.reviewCommitment({ itemId: first!.item.id, sessionId: next.id, status: 'done', note: 'she did' }));
    const lists = async () => [
      await val(api.openCommitments({ clientId: client.id })),
      await val(api.openCommitments({ clientId: client.id, withReviewedInRunning: true })),
    ];
    const off = await lists();
    expect(off.map((l) => l.length)).toEqual([2, 3]); // control: the lists are not empty
    await val(api.turnOnLock({ passphrase: 'lantern harbour', repeat: 'lantern harbour' }));
    expect(await lists()).toEqual(off);
    await val(api.lockNow({}));
    await err(api.openCommitments({ clientId: client.id }), 'locked');
  });

  it('a write opening its transaction while the lock turns on is written sealed, not left in clear behind the rewrite', async () => {
    // The database handle of one write is held back after it took the (clear) codec, until the lock is on.
    let armed = false;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const keys = memoryKeys();
    const connection = createDbConnection(`race-${Math.random().toString(36).slice(2)}`);
    const { api } = testStore({
      db: async () => {
        if (armed) {
          armed = false;
          await gate;
        }
        return connection.get();
      },
      lock: { keys: keys.port, iterations: FAST, idle: async () => ({ minutes: 30, duringTimer: false }) },
    });
    const { session } = await seed(api);
    armed = true;
    let draftSaved = false;
    const draft = api.setDraft({ key: `capture:${session.id}`, value: { text: 'race phrase' } as never }).then((r) => {
      draftSaved = true;
      return r;
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(armed).toBe(false); // the write is held at the gate
    await val(api.turnOnLock({ passphrase: 'lantern harbour', repeat: 'lantern harbour' }));
    expect(draftSaved).toBe(false); // control: the lock turned on (and rewrote the record) while the write waited
    release();
    await val(draft);
    const after = await rawText(await connection.get());
    expect(after).not.toContain('race phrase');
    expect((await val(api.getDraft({ key: `capture:${session.id}` })))?.value).toEqual({ text: 'race phrase' });
  });

  it('with the lock on, the stored search index is encrypted, read back after a lock and unlock, and never kept while locked', async () => {
    const { api, connection } = lockedStore();
    await seed(api);
    await val(api.turnOnLock({ passphrase: 'lantern harbour', repeat: 'lantern harbour' }));
    await api.warmSearch();
    await api.saveSearchIndex();
    const db = await connection.get();
    const copy = await db.get('searchIndex', 'index');
    expect(copy?.sealed?.length).toBeGreaterThan(0);
    expect(copy?.bytes).toBeUndefined();
    // Control: the same words are in the index (found by search), but not in what is stored.
    expect((await val(api.search({ query: 'zelda' }))).length).toBeGreaterThan(0);
    const stored = new TextDecoder().decode(copy!.sealed);
    for (const s of ['Zelda', 'zelda', 'commit', 'quasar']) expect(stored).not.toContain(s);

    await val(api.lockNow({}));
    await val(api.unlock({ passphrase: 'lantern harbour' }));
    // The next search loads the sealed copy, not the record: a word written straight into the record (past the
    // index) is not found, while the indexed words are. Control: a rebuild from the record does find it.
    const [item] = await db.getAll('items');
    await db.put('items', { ...item!, id: 'raw-note', kind: 'note', text: 'xylophone', sealed: undefined } as never);
    expect((await val(api.search({ query: 'quasar' }))).length).toBeGreaterThan(0);
    expect(await val(api.search({ query: 'xylophone' }))).toEqual([]);
    await api.rebuildSearch();
    expect((await val(api.search({ query: 'xylophone' }))).length).toBeGreaterThan(0);
  });

  it('locked, every call but the lock’s own answers "locked"; a wrong passphrase is refused and unlocks nothing', async () => {
    const { api, keys } = lockedStore();
    const { client } = await seed(api);
    await val(api.turnOnLock({ passphrase: 'lantern harbour', repeat: 'lantern harbour' }));
    expect(keys.peek()?.key).toMatch(/^[A-Za-z0-9+/]+=*$/);
    await val(api.lockNow({}));
    expect(keys.peek()).toBeNull();
    expect(await val(api.lockStatus({}))).toMatchObject({ on: true, locked: true });
    await err(api.getClient({ id: client.id }), 'locked');
    await err(api.listClients({}), 'locked');
    await err(api.exportBackup({}), 'locked');
    await err(api.createClient({ input: { name: 'Nobody' } }), 'locked');
    await err(api.unlock({ passphrase: 'lantern harbor' }), 'invalid', 'passphrase');
    await err(api.listClients({}), 'locked');
    await val(api.unlock({ passphrase: 'lantern harbour' }));
    expect((await val(api.listClients({}))).map((c) => c.name)).toEqual(['Zelda Quasar']);
  });

  it('a restarted worker reads the key from memory-only storage and does not ask again', async () => {
    const keys = memoryKeys();
    const first = testStore({ lock: { keys: keys.port, iterations: FAST } });
    await seed(first.api);
    await val(first.api.turnOnLock({ passphrase: 'lantern harbour', repeat: 'lantern harbour' }));
    const { createStore } = await import('@/lib/store/store');
    const again = createStore({
      db: first.connection.get,
      now: () => Date.now(),
      newId: () => 'x',
      lock: { keys: keys.port, iterations: FAST },
    });
    expect((await val(again.listClients({}))).map((c) => c.name)).toEqual(['Zelda Quasar']);
    // Browser closed: memory-only storage is gone, so the next worker is locked.
    await keys.port.set(null);
    const afterRestart = createStore({ db: first.connection.get, now: () => Date.now(), newId: () => 'x', lock: { keys: keys.port } });
    await err(afterRestart.listClients({}), 'locked');
  });

  it('new passphrases are checked: length and the repeat', async () => {
    const { api } = lockedStore();
    await err(api.turnOnLock({ passphrase: 'short', repeat: 'short' }), 'invalid', 'passphrase');
    await err(api.turnOnLock({ passphrase: 'lantern harbour', repeat: 'lantern harbor' }), 'invalid', 'repeat');
    expect(await val(api.lockStatus({}))).toMatchObject({ on: false });
  });

  it('changing the passphrase re-wraps the key only; the old one stops working', async () => {
    const { api, connection } = lockedStore();
    await seed(api);
    await val(api.turnOnLock({ passphrase: 'lantern harbour', repeat: 'lantern harbour' }));
    const sealedBefore = (await (await connection.get()).getAll('clients'))[0];
    await err(api.changePassphrase({ current: 'wrong one!', passphrase: 'quiet meadow', repeat: 'quiet meadow' }), 'invalid', 'passphrase');
    await val(api.changePassphrase({ current: 'lantern harbour', passphrase: 'quiet meadow', repeat: 'quiet meadow' }));
    expect((await (await connection.get()).getAll('clients'))[0]).toEqual(sealedBefore); // not re-encrypted
    await val(api.lockNow({}));
    await err(api.unlock({ passphrase: 'lantern harbour' }), 'invalid', 'passphrase');
    await val(api.unlock({ passphrase: 'quiet meadow' }));
  });

  it('turning it off asks for the passphrase and leaves every record clear again', async () => {
    const { api, connection } = lockedStore();
    const { client } = await seed(api);
    await val(api.turnOnLock({ passphrase: 'lantern harbour', repeat: 'lantern harbour' }));
    await err(api.turnOffLock({ passphrase: 'nope nope' }), 'invalid', 'passphrase');
    await val(api.turnOffLock({ passphrase: 'lantern harbour' }));
    expect(await val(api.lockStatus({}))).toMatchObject({ on: false, locked: false });
    const raw = await rawText(await connection.get());
    for (const s of SECRETS) expect(raw).toContain(s);
    expect(raw).not.toContain('sealed bytes');
    expect((await val(api.getClient({ id: client.id }))).name).toBe('Zelda Quasar');
  });

  it('a turn-on stopped midway loses nothing and finishes at the next unlock', async () => {
    const keys = memoryKeys();
    const { api, connection } = testStore({ lock: { keys: keys.port, iterations: FAST, batch: 1 } });
    for (let i = 0; i < 5; i++) await val(api.createClient({ input: { name: `Client number ${i}` } }));
    // Stop the rewrite after two records: the database's put of the third client fails as a killed browser would.
    const db = await connection.get();
    let puts = 0;
    const realTx = db.transaction.bind(db);
    (db as { transaction: unknown }).transaction = ((stores: never, mode: never) => {
      const tx = realTx(stores, mode);
      if (mode !== 'readwrite' || !Array.isArray(stores) || String(stores) !== 'clients') return tx;
      const store = tx.objectStore('clients' as never) as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
      const bound = (name: string) => store[name]!.bind(store);
      const killed = {
        get: bound('get'),
        getAll: bound('getAll'),
        getAllKeys: bound('getAllKeys'),
        count: bound('count'),
        put: (v: unknown) => (++puts > 2 ? Promise.reject(new Error('killed')) : bound('put')(v)),
      };
      (tx as unknown as { objectStore: () => unknown }).objectStore = () => killed;
      return tx;
    }) as never;
    await err(api.turnOnLock({ passphrase: 'lantern harbour', repeat: 'lantern harbour' }));
    (db as { transaction: unknown }).transaction = realTx;
    const raw = await db.getAll('clients');
    expect(raw.length).toBe(5);
    expect(raw.filter((c) => 'sealed' in c).length).toBe(2);
    expect((await db.get('meta', 'lock'))?.state).toBe('turning-on');
    // Browser restarted: memory-only storage empty, locked; unlocking finishes the rewrite.
    await keys.port.set(null);
    const { createStore } = await import('@/lib/store/store');
    const next = createStore({ db: connection.get, now: () => Date.now(), newId: () => 'x', lock: { keys: keys.port } });
    expect(await val(next.lockStatus({}))).toMatchObject({ on: true, locked: true, rewriting: true });
    await val(next.unlock({ passphrase: 'lantern harbour' }));
    expect(await val(next.lockStatus({}))).toMatchObject({ on: true, locked: false, rewriting: false });
    const sealed = await db.getAll('clients');
    expect(sealed.every((c) => 'sealed' in c && !('name' in c))).toBe(true);
    expect((await val(next.listClients({}))).length).toBe(5);
  });

  it('locks after the idle time, but not while a timer runs unless the coach allows it', async () => {
    const idle = { minutes: 30, duringTimer: false };
    const { api, clock } = lockedStore(idle);
    const { session } = await seed(api);
    await val(api.turnOnLock({ passphrase: 'lantern harbour', repeat: 'lantern harbour' }));
    const status = await val(api.lockStatus({}));
    expect(status.lockAt).toBe(clock.now() + 30 * 60_000);
    clock.advance(29 * 60_000);
    expect((await val(api.lockIfIdle({}))).locked).toBe(false);
    await val(api.touch({}));
    clock.advance(29 * 60_000);
    expect((await val(api.lockIfIdle({}))).locked).toBe(false); // the touch restarted it
    await val(api.timer({ sessionId: session.id, action: { type: 'start' } }));
    clock.advance(31 * 60_000);
    expect((await val(api.lockIfIdle({}))).locked).toBe(false); // the timer runs
    idle.duringTimer = true;
    expect((await val(api.lockIfIdle({}))).locked).toBe(true);
    await err(api.activeSession({}), 'locked');
    await val(api.unlock({ passphrase: 'lantern harbour' }));
    // The timer kept its time.
    expect((await val(api.activeSession({})))?.session.timer.startedAt).toBe(session.startedAt + 58 * 60_000);
  });

  it('ordinary calls check the idle lock at most every few seconds; "lockIfIdle" always checks, and locks on time', async () => {
    const rule = { minutes: 30, duringTimer: false };
    const idle = vi.fn(async () => rule);
    const keys = memoryKeys();
    const { api, clock } = testStore({ lock: { keys: keys.port, iterations: FAST, idle } });
    await val(api.turnOnLock({ passphrase: 'lantern harbour', repeat: 'lantern harbour' }));
    clock.advance(2 * 60_000); // past the one-minute hot path: a check reads the settings
    idle.mockClear();
    await val(api.listClients({}));
    await val(api.listClients({}));
    await val(api.listClients({}));
    expect(idle).toHaveBeenCalledTimes(1);
    clock.advance(6_000);
    await val(api.listClients({}));
    expect(idle).toHaveBeenCalledTimes(2);
    await val(api.lockIfIdle({})); // control: the views' own ask is never throttled
    expect(idle.mock.calls.length).toBeGreaterThan(2);
    clock.advance(29 * 60_000); // now past the idle time
    expect((await val(api.lockIfIdle({}))).locked).toBe(true);
  });

  it('with the lock on, backups are encrypted; importing one asks its passphrase, a wrong one changes nothing; plain ones still import', async () => {
    const { api } = lockedStore();
    await seed(api);
    const exported = async (a: HoldspaceApi): Promise<Blob> => {
      const file = await receiveBackup(a, await a.exportBackup({}));
      if (!file.ok) throw new Error(file.error.message);
      return file.value;
    };
    const uploaded = async (a: HoldspaceApi, file: Blob): Promise<string> => {
      const sent = await sendBackup(a, file);
      if (!sent.ok) throw new Error(sent.error.message);
      return sent.value.transfer;
    };
    const plainBackup = await exported(api);
    const plain = await readBackup(plainBackup, Date.now());
    expect(plain.ok && plain.value.clients.map((c) => c.name)).toEqual(['Zelda Quasar']); // control: lock off, a plain backup
    expect(plainBackup.type).toBe('application/gzip');
    await val(api.turnOnLock({ passphrase: 'lantern harbour', repeat: 'lantern harbour' }));
    const made = await val(api.exportBackup({}));
    expect(made.encrypted).toBe(true); // so the file is named and typed as the JSON envelope it is
    await val(api.endBackupTransfer({ transfer: made.transfer }));
    const sealedFile = await exported(api);
    expect(sealedFile.type).toBe('application/json');
    const sealed = await sealedFile.text();
    expect(JSON.parse(sealed)).toMatchObject({ format: 'holdspace-encrypted', version: 1, kdf: { name: 'PBKDF2', iterations: FAST } });
    expect((await readBackup(sealedFile, Date.now())).ok).toBe(false); // not readable as a backup without the passphrase
    for (const s of SECRETS) expect(sealed).not.toContain(s);

    const other = lockedStore();
    const transfer = await uploaded(other.api, sealedFile);
    await err(other.api.previewBackup({ transfer }), 'invalid', 'passphrase');
    const wrong = await err(other.api.importBackup({ transfer, mode: 'merge', passphrase: 'lantern harbor' }), 'invalid', 'passphrase');
    expect(wrong.message).toMatch(/does not open this backup.*Nothing was changed/);
    expect(await val(other.api.listClients({}))).toEqual([]);
    expect((await val(other.api.previewBackup({ transfer, passphrase: 'lantern harbour' }))).counts.clients).toBe(1);
    await val(other.api.importBackup({ transfer, mode: 'merge', passphrase: 'lantern harbour' }));
    expect((await val(other.api.listClients({}))).map((c) => c.name)).toEqual(['Zelda Quasar']);

    const third = lockedStore();
    await val(third.api.importBackup({ transfer: await uploaded(third.api, plainBackup), mode: 'merge' }));
    expect((await val(third.api.listClients({}))).map((c) => c.name)).toEqual(['Zelda Quasar']);
  });

  it('a backup imported into a record with the lock on is written sealed (merge and replace), and reads back', async () => {
    const source = lockedStore();
    await seed(source.api);
    const file = await receiveBackup(source.api, await source.api.exportBackup({}));
    if (!file.ok) throw new Error(file.error.message);
    for (const mode of ['merge', 'replace'] as const) {
      const target = lockedStore();
      await val(target.api.turnOnLock({ passphrase: 'lantern harbour', repeat: 'lantern harbour' }));
      const sent = await sendBackup(target.api, file.value);
      if (!sent.ok) throw new Error(sent.error.message);
      const counts = await val(target.api.importBackup({ transfer: sent.value.transfer, mode }));
      expect(counts).toMatchObject({ clients: 1, sessions: 1, items: 1, questions: 1 });
      expect((await val(target.api.listClients({}))).map((c) => c.name)).toEqual(['Zelda Quasar']);
      const raw = await rawText(await target.connection.get());
      for (const s of SECRETS.filter((x) => x !== 'draft phrase')) expect(raw, `${mode}: ${s}`).not.toContain(s);
      expect(raw).toContain('sealed bytes');
    }
  });
});

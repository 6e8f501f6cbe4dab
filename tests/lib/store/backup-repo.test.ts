import { seedRecord } from '@/tests/bench/seed/seed';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BackupRecords } from '@/lib/backup/format';
import type { Client, Item, Session } from '@/lib/model/types';
import { applyBackup, collectRecords, sameRecord } from '@/lib/store/backup-repo';
import { emptyContract } from '@/lib/store/session-repo';
import { newTimer } from '@/lib/timer/timer';
import { clientAndSession, err, T0, testStore, val } from './harness';
import { readBackup } from '@/lib/backup/read';
import { writeBackup } from '@/lib/backup/write';
import { serializeBackup } from '@/lib/backup/serialize';
import { receiveBackup, sendBackup } from '@/lib/backup/transfer';
import type { HoldspaceApi } from '@/lib/api/contract';

/** "Export backup" as a view does it: the file the worker made, page by page. */
async function exported(api: HoldspaceApi): Promise<Blob> {
  const file = await receiveBackup(api, await api.exportBackup({}));
  if (!file.ok) throw new Error(file.error.message);
  return file.value;
}

/** A file sent to the worker page by page, as a view does it: its transfer. */
async function uploaded(api: HoldspaceApi, file: Blob): Promise<string> {
  const sent = await sendBackup(api, file);
  if (!sent.ok) throw new Error(sent.error.message);
  return sent.value.transfer;
}

async function fileOf(file: Blob, key: 'settings'): Promise<unknown> {
  const read = await readBackup(file, Date.now());
  if (!read.ok) throw new Error(read.error.message);
  return read.value[key];
}
import { DEFAULT_SETTINGS, readSettings } from '@/lib/model/settings';

const client = (id: string, name: string, updatedAt = 10): Client => ({
  id,
  name,
  email: '',
  goals: [],
  notes: '',
  keepNoNotes: false,
  createdAt: 1,
  updatedAt,
  archived: false,
});
const session = (id: string, clientId: string, status: Session['status'] = 'ended', updatedAt = 10): Session => ({
  id,
  clientId,
  status,
  startedAt: 100,
  endedAt: status === 'ended' ? 200 : null,
  contract: { ...emptyContract(), topic: `topic ${id}` },
  timer: newTimer(60),
  asked: [],
  reflection: '',
  createdAt: 100,
  updatedAt,
});
const item = (id: string, sessionId: string, clientId: string, text: string, extra: Partial<Item> = {}): Item => ({
  id,
  sessionId,
  clientId,
  kind: 'commitment',
  text,
  shareable: true,
  order: 0,
  createdAt: 100,
  updatedAt: 10,
  due: '',
  howWillYouKnow: '',
  support: '',
  reviews: [],
  open: 0,
  ...extra,
});
const records = (r: Partial<BackupRecords>): BackupRecords => ({
  clients: [],
  sessions: [],
  items: [],
  questions: [],
  questionPrefs: [],
  settings: null,
  ...r,
});

const ctxOf = (t: ReturnType<typeof testStore>) => ({ db: t.connection.get, now: t.clock.now, newId: () => 'n' });

describe('applyBackup', () => {
  it('replaces everything and recomputes the derived index fields', async () => {
    const t = testStore();
    await clientAndSession(t.api, 'Local');
    await val(t.api.setDraft({ key: 'capture:x', value: { a: 1 } }));
    const counts = await applyBackup(
      ctxOf(t),
      records({
        clients: [client('k1', 'Imported')],
        sessions: [session('s1', 'k1')],
        items: [
          item('i1', 's1', 'k1', 'Open one', { open: 0, due: '2026-12-01' }),
          item('i2', 's1', 'k1', 'Done one', { reviews: [{ sessionId: 's9', status: 'done', note: '', at: 5 }], open: 1 }),
        ],
        questions: [{ id: 'c:q', stage: 'goal', text: 'Mine?', tags: [], builtin: false }],
        questionPrefs: [{ questionId: 'b:goal:01', favourite: true, hidden: false, updatedAt: 3 }],
      }),
      'replace',
    );
    expect(counts).toEqual({ clients: 1, sessions: 1, items: 2, reviews: 1, questions: 1 });
    expect((await val(t.api.listClients({}))).map((c) => c.name)).toEqual(['Imported']);
    expect(await val(t.api.getDraft({ key: 'capture:x' }))).toBeNull();
    expect((await val(t.api.openCommitments({ clientId: 'k1' }))).map((v) => v.item.id)).toEqual(['i1']);
    expect((await val(t.api.dueBetween({ from: '2026-12-01', to: '2026-12-01' }))).map((v) => v.item.id)).toEqual(['i1']);
    expect((await val(t.api.listQuestions({}))).find((q) => q.id === 'b:goal:01')?.favourite).toBe(true);
  });

  describe('replace onto a record that mostly matches the file', () => {
    afterEach(() => vi.restoreAllMocks());
    const file = () =>
      records({
        clients: [client('k1', 'Ana'), client('k2', 'Ben')],
        sessions: [session('s1', 'k1'), session('s2', 'k2')],
        items: [
          item('i1', 's1', 'k1', 'One', { due: '2026-12-01' }),
          item('i2', 's1', 'k1', 'Two', { order: 1 }),
          item('i3', 's2', 'k2', 'Three'),
        ],
      });
    /** Puts and deletes reaching IndexedDB's stores during `run`, by store. */
    async function writesDuring(run: () => Promise<unknown>) {
      const puts: string[] = [];
      const deletes: string[] = [];
      const put = vi.spyOn(IDBObjectStore.prototype, 'put');
      const del = vi.spyOn(IDBObjectStore.prototype, 'delete');
      await run();
      for (const call of put.mock.contexts) puts.push((call as IDBObjectStore).name);
      for (const call of del.mock.contexts) deletes.push((call as IDBObjectStore).name);
      return { puts, deletes };
    }

    it('writes nothing back that is already stored, and still holds exactly the file', async () => {
      const t = testStore();
      await applyBackup(ctxOf(t), file(), 'replace');
      const same = await writesDuring(() => applyBackup(ctxOf(t), file(), 'replace'));
      expect(same).toEqual({ puts: [], deletes: [] });
      // Control: one changed item and one item the file no longer holds are the only writes.
      const next = file();
      next.items = [next.items[0]!, { ...next.items[1]!, text: 'Two, changed' }];
      const counts = await applyBackup(ctxOf(t), next, 'replace');
      expect(counts).toMatchObject({ clients: 2, sessions: 2, items: 2 });
      const texts = (await val(t.api.getSessionBundle({ sessionId: 's1' }))).items.map((i) => i.text);
      expect(texts).toEqual(['One', 'Two, changed']);
      expect((await val(t.api.getSessionBundle({ sessionId: 's2' }))).items).toEqual([]);
      expect((await val(t.api.dueBetween({ from: '2026-12-01', to: '2026-12-01' }))).map((v) => v.item.id)).toEqual(['i1']);
    });

    it('puts only the changed record and deletes only the one the file dropped', async () => {
      const t = testStore();
      await applyBackup(ctxOf(t), file(), 'replace');
      const next = file();
      next.items = [next.items[0]!, { ...next.items[1]!, text: 'Two, changed' }];
      const writes = await writesDuring(() => applyBackup(ctxOf(t), next, 'replace'));
      expect(writes).toEqual({ puts: ['items'], deletes: ['items'] });
    });

    it('clears a store and puts the file whole when most of what it holds is not in the file', async () => {
      const t = testStore();
      await applyBackup(ctxOf(t), file(), 'replace');
      const other = records({ clients: [client('k9', 'Cleo')], sessions: [session('s9', 'k9')], items: [item('i9', 's9', 'k9', 'Nine')] });
      const clear = vi.spyOn(IDBObjectStore.prototype, 'clear');
      const writes = await writesDuring(() => applyBackup(ctxOf(t), other, 'replace'));
      // Only the summary of open due commitments drops the client the file no longer holds (lib/store/due-summary.ts).
      expect(writes.deletes).toEqual(['dueSummary']);
      expect(clear.mock.contexts.map((c) => (c as IDBObjectStore).name).sort()).toEqual(['clients', 'drafts', 'items', 'sessions']);
      expect((await val(t.api.listClients({}))).map((c) => c.name)).toEqual(['Cleo']);
      expect((await val(t.api.getSessionBundle({ sessionId: 's9' }))).items.map((i) => i.text)).toEqual(['Nine']);
    });

    it('compares records deeply: keys, values and array order', () => {
      const a = { id: 'x', reviews: [{ at: 1, status: 'done' }], due: '' };
      expect(sameRecord(a, structuredClone(a))).toBe(true);
      expect(sameRecord(a, { ...a, due: undefined })).toBe(false);
      expect(sameRecord(a, { id: 'x', reviews: [{ at: 2, status: 'done' }], due: '' })).toBe(false);
      expect(sameRecord({ l: [1, 2] }, { l: [2, 1] })).toBe(false);
      expect(sameRecord({ a: 1 }, { a: 1, b: 2 })).toBe(false);
      expect(sameRecord({ a: [] }, { a: {} })).toBe(false);
      expect(sameRecord({ a: null }, { a: {} })).toBe(false);
    });
  });

  it('merges by stable id: the newer update wins, the rest is added', async () => {
    const t = testStore();
    const ctx = ctxOf(t);
    await applyBackup(
      ctx,
      records({
        clients: [client('k1', 'Ana', 50), client('k2', 'Ben', 50)],
        sessions: [session('s1', 'k1')],
        items: [item('i1', 's1', 'k1', 'Ours newer', { updatedAt: 50 }), item('i2', 's1', 'k1', 'Ours older', { updatedAt: 5 })],
      }),
      'replace',
    );
    const counts = await applyBackup(
      ctx,
      records({
        clients: [client('k1', 'Ana (old name)', 20), client('k3', 'Cleo', 20)],
        items: [
          item('i1', 's1', 'k1', 'Theirs older', { updatedAt: 20 }),
          item('i2', 's1', 'k1', 'Theirs newer', { updatedAt: 20 }),
          item('i3', 's1', 'k1', 'New'),
        ],
      }),
      'merge',
    );
    expect(counts).toMatchObject({ clients: 1, items: 2 });
    expect((await val(t.api.listClients({}))).map((c) => c.name)).toEqual(['Ana', 'Ben', 'Cleo']);
    const texts = (await val(t.api.getSessionBundle({ sessionId: 's1' }))).items.map((i) => i.text).sort();
    expect(texts).toEqual(['New', 'Ours newer', 'Theirs newer']);
  });

  it('keeps names unique and at most one running session when merging', async () => {
    const t = testStore();
    const { session: running } = await clientAndSession(t.api, 'Ana');
    await applyBackup(ctxOf(t), records({ clients: [client('k9', 'ana')], sessions: [session('s9', 'k9', 'active')] }), 'merge');
    expect((await val(t.api.listClients({}))).map((c) => c.name)).toEqual(['Ana', 'ana (imported)']);
    expect((await val(t.api.activeSession({})))?.session.id).toBe(running.id);
    expect((await val(t.api.getSessionBundle({ sessionId: 's9' }))).session.status).toBe('ended');
  });

  it('is all or nothing: a record that cannot be stored leaves the record as it was', async () => {
    const t = testStore();
    await clientAndSession(t.api, 'Ana');
    const bad = records({ clients: [client('k1', 'New')], items: [{ ...item('i1', 's1', 'k1', 'x'), id: undefined as never }] });
    await expect(applyBackup(ctxOf(t), bad, 'replace')).rejects.toBeTruthy();
    expect((await val(t.api.listClients({}))).map((c) => c.name)).toEqual(['Ana']);
    await expect(applyBackup(ctxOf(t), bad, 'merge')).rejects.toBeTruthy();
    expect((await val(t.api.listClients({}))).map((c) => c.name)).toEqual(['Ana']);
  });

  it('collects one client’s records, without storage-only fields', async () => {
    const t = testStore();
    const { client: ana, session: s } = await clientAndSession(t.api, 'Ana');
    await val(t.api.addItem({ sessionId: s.id, input: { kind: 'commitment', text: 'x', due: '2026-12-01' } }));
    await val(t.api.endSession({ sessionId: s.id }));
    await clientAndSession(t.api, 'Ben');
    const mine = await collectRecords(ctxOf(t), ana.id);
    expect(mine.clients.map((c) => c.name)).toEqual(['Ana']);
    expect(mine.sessions).toHaveLength(1);
    expect(mine.items).toHaveLength(1);
    expect('dueKey' in mine.items[0]!).toBe(false);
    expect((await collectRecords(ctxOf(t))).clients).toHaveLength(2);
  });
});

describe('backup through the API', () => {
  it('exports, previews and restores into a fresh record', async () => {
    const a = testStore();
    const { session } = await clientAndSession(a.api, 'Ana');
    await val(a.api.addItem({ sessionId: session.id, input: { kind: 'commitment', text: 'Write the manifesto', due: '2026-12-01' } }));
    await val(a.api.setQuestionPref({ questionId: 'b:goal:02', hidden: true }));
    const file = await exported(a.api);

    const b = testStore();
    const transfer = await uploaded(b.api, file);
    expect(await val(b.api.previewBackup({ transfer }))).toMatchObject({ counts: { clients: 1, sessions: 1, items: 1 }, conflicts: 0 });
    expect(await val(a.api.previewBackup({ transfer: await uploaded(a.api, file) }))).toMatchObject({ conflicts: 3 });
    expect(await val(b.api.search({ query: 'manifesto' }))).toEqual([]);
    expect(await val(b.api.importBackup({ transfer, mode: 'replace' }))).toMatchObject({ clients: 1, items: 1 });
    expect((await val(b.api.activeSession({})))?.items.map((i) => i.text)).toEqual(['Write the manifesto']);
    expect((await val(b.api.search({ query: 'manifesto' })))[0]).toMatchObject({ kind: 'item', title: 'Write the manifesto' });
    expect((await val(b.api.listQuestions({}))).find((q) => q.id === 'b:goal:02')?.hidden).toBe(true);
  });

  it('round-trips a whole record: backup, restore into a fresh store, and every stored record is identical', async () => {
    const a = testStore();
    await seedRecord(a.api, { clients: 3, sessionsPerClient: 4, commitmentsPerSession: 3, notesPerSession: 2, now: T0 });
    await val(a.api.addQuestion({ stage: 'goal', text: 'What would make this a great week?', tags: ['own'] }));
    await val(a.api.setQuestionPref({ questionId: 'b:reality:03', favourite: true }));
    const file = await exported(a.api);

    const b = testStore();
    await val(b.api.importBackup({ transfer: await uploaded(b.api, file), mode: 'replace' }));
    const dump = async (t: ReturnType<typeof testStore>) => {
      const db = await t.connection.get();
      const stores = ['clients', 'sessions', 'items', 'questions', 'questionPrefs'] as const;
      return Object.fromEntries(await Promise.all(stores.map(async (name) => [name, await db.getAll(name)])));
    };
    const before = await dump(a);
    expect(before.items.length).toBeGreaterThan(50);
    expect(before.items.some((i: { reviews: unknown[] }) => i.reviews.length > 0)).toBe(true);
    expect(await dump(b)).toEqual(before);
  });

  it('refuses a damaged file and a one-client file in replace mode, changing nothing', async () => {
    const t = testStore();
    const { client } = await clientAndSession(t.api, 'Ana');
    await err(
      t.api.importBackup({ transfer: await uploaded(t.api, new Blob(['{"format":"holdspace-backup"'])), mode: 'merge' }),
      'invalid',
    );
    await err(t.api.previewBackup({ transfer: await uploaded(t.api, new Blob(['not json'])) }), 'invalid');
    await err(t.api.previewBackup({ transfer: 'never-sent' }), 'not-found');
    const one = await receiveBackup(t.api, await t.api.exportClient({ clientId: client.id }));
    if (!one.ok) throw new Error(one.error.message);
    const read = await readBackup(one.value, Date.now());
    expect(read.ok && read.value.scope).toBe('client');
    const transfer = await uploaded(t.api, one.value);
    await err(t.api.importBackup({ transfer, mode: 'replace' }), 'invalid', 'mode');
    await err(t.api.importBackup({ transfer, mode: 'overwrite' as never }), 'invalid', 'mode');
    expect(await val(t.api.importBackup({ transfer, mode: 'merge' }))).toMatchObject({ clients: 0, sessions: 0 });
    expect((await val(t.api.listClients({}))).map((c) => c.name)).toEqual(['Ana']);
    await err(t.api.exportClient({ clientId: 'nobody' }), 'not-found');
  });

  it('writes settings back after the import when none are stored', async () => {
    let stored: Record<string, unknown> | null = null;
    const settings = { get: async () => stored, set: async (v: Record<string, unknown>) => void (stored = v) };
    const a = testStore({ settings: { get: async () => ({ theme: 'dark' }), set: async () => undefined } });
    await clientAndSession(a.api, 'Ana');
    const file = await exported(a.api);
    expect(await fileOf(file, 'settings')).toEqual({ theme: 'dark' });
    const b = testStore({ settings });
    await val(b.api.importBackup({ transfer: await uploaded(b.api, file), mode: 'merge' }));
    expect(stored).toEqual({ theme: 'dark' });
  });
});

describe('one schema for every path', () => {
  it('settings a backup carries out of range are replaced by defaults, so new sessions and the next backup stay valid', async () => {
    // Before: a backup with phases of 1e308 was accepted, every new session copied them, and the next backup was refused.
    let stored: Record<string, unknown> = {};
    const settings = { get: async () => stored, set: async (value: Record<string, unknown>) => void (stored = readSettings(value)) };
    const t = testStore({
      settings,
      sessionDefaults: async () => {
        const s = readSettings(stored);
        return { plannedMinutes: s.defaultLengthMinutes, phases: s.phases, warningMinutes: s.warningMinutes };
      },
    });
    const read = await readBackup(await exported(t.api), T0 + 1);
    if (!read.ok) throw new Error(read.error.message);
    const settingsOutOfRange = {
      phases: { contracting: 1e308, exploring: 1e308, actions: 1e308, closing: 1e308 },
      warningMinutes: 1e308,
      defaultLengthMinutes: 45,
    };
    const file = await writeBackup({ ...read.value, settings: settingsOutOfRange }, 'all', T0);
    await val(t.api.importBackup({ transfer: await uploaded(t.api, file), mode: 'replace' }));
    expect(readSettings(stored)).toMatchObject({ phases: DEFAULT_SETTINGS.phases, warningMinutes: 60, defaultLengthMinutes: 45 });

    const { session } = await clientAndSession(t.api);
    expect(session.timer.phases).toEqual(DEFAULT_SETTINGS.phases);
    expect((await readBackup(await exported(t.api), T0 + 1)).ok).toBe(true);
  });
});

describe('the engagement in backups', () => {
  /** An engagement with its agreement, a goal with a measure and status, and a review recorded between sessions. */
  async function engagementRecord() {
    const t = testStore();
    const { client, session } = await clientAndSession(t.api, 'Ana', { goals: ['Lead with calm'] });
    const goalId = client.goals[0]!.id;
    await val(t.api.updateGoal({ clientId: client.id, goalId, patch: { measure: 'Team survey up', status: 'achieved' } }));
    await val(t.api.addGoal({ clientId: client.id, goal: { text: 'Delegate the budget', measure: 'Sam owns Q1' } }));
    await val(
      t.api.updateEngagement({
        clientId: client.id,
        patch: { sessionsPlanned: 6, cadenceWeeks: 2, sponsor: 'Acme', startedOn: '2026-11-01' },
      }),
    );
    const call = await val(
      t.api.addItem({ sessionId: session.id, input: { kind: 'commitment', text: 'Call the chair', due: '2026-11-28' } }),
    );
    await val(t.api.endSession({ sessionId: session.id }));
    t.clock.advance(86_400_000);
    await val(t.api.reviewCommitment({ itemId: call.id, status: 'partly', note: 'Left a voicemail' }));
    return { ...t, client, call };
  }
  const dump = async (t: ReturnType<typeof testStore>) => {
    const db = await t.connection.get();
    const stores = ['clients', 'sessions', 'items'] as const;
    return Object.fromEntries(await Promise.all(stores.map(async (name) => [name, await db.getAll(name)])));
  };

  it('a whole backup and a one-client export carry the agreement, the goals and reviews between sessions', async () => {
    const a = await engagementRecord();
    const blob = await exported(a.api);
    const read = await readBackup(blob, Date.now());
    if (!read.ok) throw new Error(read.error.message);
    const file = read.value;
    expect(file.clients[0]!.engagement).toMatchObject({ sessionsPlanned: 6, cadenceWeeks: 2, sponsor: 'Acme' });
    expect(file.clients[0]!.goals.map((g: { text: string; status?: string }) => [g.text, g.status])).toEqual([
      ['Lead with calm', 'achieved'],
      ['Delegate the budget', 'active'],
    ]);
    expect(file.items[0]!.reviews).toEqual([{ status: 'partly', note: 'Left a voicemail', at: T0 + 86_400_000 }]);
    const b = testStore();
    await val(b.api.importBackup({ transfer: await uploaded(b.api, blob), mode: 'replace' }));
    expect(await dump(b)).toEqual(await dump(a));
    const due = await val(b.api.prepare({ clientId: a.client.id }));
    expect(due.open[0]?.lastReview).toMatchObject({ status: 'partly', note: 'Left a voicemail' });
    // The one-client export merges into a fresh store the same way.
    const one = await receiveBackup(a.api, await a.api.exportClient({ clientId: a.client.id }));
    if (!one.ok) throw new Error(one.error.message);
    const c = testStore();
    await val(c.api.importBackup({ transfer: await uploaded(c.api, one.value), mode: 'merge' }));
    expect(await dump(c)).toEqual(await dump(a));
  });

  it('an older backup without an agreement, goal measures or between-session reviews still imports', async () => {
    const a = await engagementRecord();
    const read = await readBackup(await exported(a.api), Date.now());
    if (!read.ok) throw new Error(read.error.message);
    // A format-1 JSON file (older backups still import), as a build before the engagement wrote it
    const file = JSON.parse(serializeBackup(read.value, 'all', T0));
    // As a build before the engagement wrote it: plain goals, no agreement, every review in a session.
    delete file.clients[0].engagement;
    file.clients[0].goals = file.clients[0].goals.map(({ id, text }: { id: string; text: string }) => ({ id, text }));
    file.items[0].reviews = [{ sessionId: file.sessions[0].id, status: 'not-done', note: '', at: T0 }];
    const b = testStore();
    const asFile = (json: unknown) => new Blob([JSON.stringify(json)], { type: 'application/json' });
    expect(await val(b.api.importBackup({ transfer: await uploaded(b.api, asFile(file)), mode: 'replace' }))).toMatchObject({
      clients: 1,
      items: 1,
    });
    const view = await val(b.api.engagement({ clientId: a.client.id }));
    expect(view.engagement).toMatchObject({ sessionsPlanned: null, sponsor: '' });
    expect(view.goals.map((g) => g.goal.text)).toEqual(['Lead with calm', 'Delegate the budget']);
    // Control: a review naming a session that is not in the file is still refused (the between-session
    // exemption is only for reviews that name none).
    file.items[0].reviews = [{ sessionId: 'not-there', status: 'done', note: '', at: T0 }];
    file.counts.reviews = 1;
    await err(b.api.importBackup({ transfer: await uploaded(b.api, asFile(file)), mode: 'replace' }), 'invalid');
  });
});

import { describe, expect, it } from 'vitest';
import type { SessionKey } from '@/lib/store/lock';
import { monthsBefore } from '@/lib/model/dates';
import { T0, err, testStore, val } from './harness';

const DAY = 24 * 60 * 60 * 1000;
type Api = ReturnType<typeof testStore>['api'];

/** A client with `sessions` ended sessions at the clock's present moment. */
async function clientWith(api: Api, name: string, sessions: number) {
  const client = await val(api.createClient({ input: { name } }));
  for (let i = 0; i < sessions; i++) {
    const s = await val(api.startSession({ clientId: client.id }));
    await val(api.addItem({ sessionId: s.id, input: { kind: 'note', text: `${name} note ${i}` } }));
    await val(api.endSession({ sessionId: s.id }));
  }
  return client;
}

/** Olive (two sessions) seen at T0, Abe (archived, one) a day later, Nora added the day after and never seen; Rosa seen 390 days after T0, Nate added 399 days after. Now: T0 + 400 days. */
async function practice() {
  const store = testStore();
  const { api, clock } = store;
  const olive = await clientWith(api, 'Olive Old', 2);
  clock.advance(DAY);
  const abe = await clientWith(api, 'Abe Archived', 1);
  clock.advance(DAY);
  await val(api.updateClient({ id: abe.id, patch: { archived: true } }));
  const nora = await clientWith(api, 'Nora Never', 0);
  const rosa = await clientWith(api, 'Rosa Recent', 1);
  clock.advance(388 * DAY);
  const rosaAgain = await val(api.startSession({ clientId: rosa.id }));
  await val(api.endSession({ sessionId: rosaAgain.id }));
  clock.advance(9 * DAY);
  const nate = await clientWith(api, 'Nate New', 0);
  clock.advance(DAY);
  return { ...store, olive, abe, nora, rosa, nate };
}

const names = async (api: Api) => (await val(api.listClients({ includeArchived: true }))).map((c) => c.name).sort();

describe('retention', () => {
  it('previews the clients not seen for N months (last session, else creation; archived ones too), longest unseen first, and deletes nothing', async () => {
    const { api, olive, abe, nora } = await practice();
    const preview = await val(api.retentionPreview({ months: 12 }));
    expect(preview.months).toBe(12);
    expect(preview.cutoff).toBe(monthsBefore(T0 + 400 * DAY, 12));
    expect(preview.clients.map((c) => c.name)).toEqual(['Olive Old', 'Abe Archived', 'Nora Never']);
    const [o, a, n] = preview.clients;
    expect(o).toMatchObject({ clientId: olive.id, sessions: 2, lastSession: T0, lastSeen: T0, archived: false });
    expect(a).toMatchObject({ clientId: abe.id, sessions: 1, archived: true });
    expect(n).toMatchObject({ clientId: nora.id, sessions: 0, lastSession: null, lastSeen: nora.createdAt });
    // Control: a shorter span lists Rosa (seen 10 days ago) and Nate (added a day ago) only when it reaches them.
    expect((await val(api.retentionPreview({ months: 1 }))).clients.map((c) => c.name)).not.toContain('Rosa Recent');
    expect(await names(api)).toHaveLength(5);
  });

  it('deletes only the clients the coach was shown that still qualify, with everything recorded with them', async () => {
    const { api, olive, nora, rosa } = await practice();
    const oliveSessions = await val(api.clientHistory({ clientId: olive.id }));
    const report = await val(api.applyRetention({ months: 12, clientIds: [olive.id, nora.id, rosa.id, 'gone-already'] }));
    expect(report.deleted).toEqual([
      { clientName: 'Olive Old', sessions: 2, items: 2 },
      { clientName: 'Nora Never', sessions: 0, items: 0 },
    ]);
    expect(report.kept).toBe(2); // Rosa was seen 10 days ago; the unknown id is gone
    // Abe qualifies too, but the coach was not shown him: he stays.
    expect(await names(api)).toEqual(['Abe Archived', 'Nate New', 'Rosa Recent']);
    await err(api.getSessionBundle({ sessionId: oliveSessions[0]!.session.id }), 'not-found');
    expect((await val(api.search({ query: 'Olive' }))).length).toBe(0);
    expect((await val(api.search({ query: 'Rosa' }))).length).toBeGreaterThan(0); // control: search still finds the kept
  });

  it('keeps a client seen since the preview, and never lists a client whose session is running', async () => {
    const { api, olive, abe } = await practice();
    const shown = (await val(api.retentionPreview({ months: 12 }))).clients.map((c) => c.clientId);
    expect(shown).toContain(olive.id);
    await val(api.startSession({ clientId: olive.id })); // Olive comes back before the coach confirms
    expect((await val(api.retentionPreview({ months: 12 }))).clients.map((c) => c.name)).not.toContain('Olive Old');
    const report = await val(api.applyRetention({ months: 12, clientIds: shown }));
    expect(report.deleted.map((d) => d.clientName)).toEqual(['Abe Archived', 'Nora Never']);
    expect(report.kept).toBe(1);
    expect(await names(api)).toContain('Olive Old');
    expect(await names(api)).not.toContain('Abe Archived');
    expect(shown).toContain(abe.id);
  });

  it('never lists or deletes a client whose session still runs, however long ago it began', async () => {
    const { api, clock } = testStore();
    const ray = await val(api.createClient({ input: { name: 'Ray Running' } }));
    const old = await clientWith(api, 'Otto Old', 1);
    const running = await val(api.startSession({ clientId: ray.id }));
    clock.advance(400 * DAY);
    expect((await val(api.retentionPreview({ months: 12 }))).clients.map((c) => c.name)).toEqual(['Otto Old']);
    const report = await val(api.applyRetention({ months: 12, clientIds: [ray.id, old.id] }));
    expect(report).toMatchObject({ kept: 1, deleted: [{ clientName: 'Otto Old' }] });
    // Control: once the session ends, Ray's last session (400 days ago) makes him qualify.
    await val(api.endSession({ sessionId: running.id }));
    expect((await val(api.retentionPreview({ months: 12 }))).clients.map((c) => c.name)).toEqual(['Ray Running']);
  });

  it('counts whole calendar months: last seen at the cutoff stays, a moment earlier goes', async () => {
    const { api, clock } = testStore();
    const edge = await clientWith(api, 'Edge', 0);
    const now = monthsBefore(edge.createdAt, -6); // six months after Edge was added
    clock.advance(now - edge.createdAt);
    expect(monthsBefore(now, 6)).toBe(edge.createdAt);
    expect((await val(api.retentionPreview({ months: 6 }))).clients).toEqual([]);
    clock.advance(1);
    expect((await val(api.retentionPreview({ months: 6 }))).clients.map((c) => c.name)).toEqual(['Edge']);
  });

  it('refuses months out of range or not whole, and an id list that is not a list, deleting nothing', async () => {
    const { api, olive } = await practice();
    for (const months of [0, 241, 1.5, Number.NaN]) {
      await err(api.retentionPreview({ months }), 'invalid', 'months');
      await err(api.applyRetention({ months, clientIds: [olive.id] }), 'invalid', 'months');
    }
    const e = await err(api.applyRetention({ months: 12, clientIds: 'all' as never }), 'invalid', 'clientIds');
    expect(e.message).toMatch(/The clients/);
    expect(await names(api)).toHaveLength(5);
  });

  it('works with the lock on, and answers "locked" while locked', async () => {
    let stored: SessionKey | null = null;
    const keys = { get: async () => stored, set: async (v: SessionKey | null) => void (stored = v) };
    const { api, clock } = testStore({ lock: { keys, iterations: 1_000 } });
    const gone = await clientWith(api, 'Gwen Gone', 1);
    await val(api.turnOnLock({ passphrase: 'lantern harbour', repeat: 'lantern harbour' }));
    clock.advance(400 * DAY);
    await clientWith(api, 'Hal Here', 1);
    await val(api.lockNow({}));
    await err(api.retentionPreview({ months: 12 }), 'locked');
    await err(api.applyRetention({ months: 12, clientIds: [gone.id] }), 'locked');
    await val(api.unlock({ passphrase: 'lantern harbour' }));
    const preview = await val(api.retentionPreview({ months: 12 }));
    expect(preview.clients.map((c) => [c.name, c.sessions])).toEqual([['Gwen Gone', 1]]);
    expect((await val(api.applyRetention({ months: 12, clientIds: [gone.id] }))).deleted).toHaveLength(1);
    expect(await names(api)).toEqual(['Hal Here']);
  });
});

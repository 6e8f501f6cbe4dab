import { describe, expect, it, vi } from 'vitest';
import { T0, testStore, val } from '@/tests/lib/store/harness';
import { seedDirect, seedRecord } from './seed';
import { clientName, prng } from './seed-text';

const opts = { clients: 3, sessionsPerClient: 4, commitmentsPerSession: 3, notesPerSession: 1, now: T0 };

async function summary(api: ReturnType<typeof testStore>['api']) {
  const clients = await val(api.listClients({}));
  const perClient = await Promise.all(
    clients.map(async (c) => ({
      name: c.name,
      history: (await val(api.clientHistory({ clientId: c.id }))).map((r) => [
        r.session.contract.topic,
        r.itemCount,
        r.commitmentCount,
        r.session.status,
      ]),
      open: (await val(api.openCommitments({ clientId: c.id }))).map((v) => [v.item.text, v.status]),
    })),
  );
  return perClient;
}

describe('seeding', () => {
  it('seeds the same record through the API and directly', async () => {
    let t = T0;
    const viaApi = testStore({ now: () => (t += 1000) }); // sessions through the API start at the store's now
    const progress = vi.fn();
    expect(await seedRecord(viaApi.api, opts, progress)).toBe(36);
    expect(progress).toHaveBeenLastCalledWith(12, 12);
    const direct = testStore();
    expect(await seedDirect(await direct.connection.get(), opts)).toBe(36);
    const a = await summary(viaApi.api);
    expect(a.map((c) => c.name)).toEqual([clientName(0), clientName(1), clientName(2)].sort());
    expect(a[0]!.history).toHaveLength(4);
    expect(a[0]!.history[0]![1]).toBe(4);
    expect(await summary(direct.api)).toEqual(a);
    expect((await val(direct.api.activeSession({})))?.client.name).toBe(clientName(2));
    expect((await val(viaApi.api.activeSession({})))?.client.name).toBe(clientName(2));
  });

  it('leaves a realistic few open commitments and searchable words', async () => {
    const t = testStore();
    await seedDirect(await t.connection.get(), { ...opts, clients: 2, sessionsPerClient: 10 });
    const [first] = await val(t.api.listClients({}));
    const open = await val(t.api.openCommitments({ clientId: first!.id }));
    expect(open.length).toBeGreaterThan(0);
    expect(open.length).toBeLessThan(10 * 3);
    expect((await val(t.api.search({ query: 'budget' }))).length).toBeGreaterThan(0);
  });

  it('is deterministic', () => {
    const a = prng(7);
    const b = prng(7);
    const xs = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(xs);
    expect(new Set(xs).size).toBe(5);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(Array.from({ length: 1200 }, (_, i) => clientName(i))).size).toBe(1200);
  });
});

import { describe, expect, it } from 'vitest';
import { clientAndSession, err, testStore, val } from './harness';

describe('clients', () => {
  it('creates a client with a trimmed name, goals with ids, and reads it back', async () => {
    const { api } = testStore();
    const c = await val(
      api.createClient({ input: { name: '  Ana Lopez ', email: 'ana@example.org', goals: ['Lead with calm', 'Delegate'] } }),
    );
    expect(c).toMatchObject({ name: 'Ana Lopez', email: 'ana@example.org', archived: false, keepNoNotes: false });
    expect(c.goals.map((g) => g.text)).toEqual(['Lead with calm', 'Delegate']);
    expect(await val(api.getClient({ id: c.id }))).toEqual(c);
  });

  it('refuses bad input and writes nothing', async () => {
    const { api } = testStore();
    await err(api.createClient({ input: { name: '' } }), 'invalid', 'name');
    await err(api.createClient({ input: { name: 'x'.repeat(201) } }), 'invalid', 'name');
    await err(api.createClient({ input: { name: 'A', email: 'nope' } }), 'invalid', 'email');
    await err(api.createClient({ input: { name: 'A', notes: 'x'.repeat(20_001) } }), 'invalid', 'notes');
    expect(await val(api.listClients({ includeArchived: true }))).toEqual([]);
  });

  it('keeps names unique among active clients, case-insensitively', async () => {
    const { api } = testStore();
    const ana = await val(api.createClient({ input: { name: 'Ana Lopez' } }));
    const e = await err(api.createClient({ input: { name: 'ana lopez' } }), 'conflict', 'name');
    expect(e.message).toMatch(/already have a client called "ana lopez"/);
    await val(api.updateClient({ id: ana.id, patch: { archived: true } }));
    const second = await val(api.createClient({ input: { name: 'ANA LOPEZ' } }));
    // Restoring the archived one would clash now.
    await err(api.updateClient({ id: ana.id, patch: { archived: false } }), 'conflict', 'name');
    await err(api.updateClient({ id: second.id, patch: { name: 'x'.repeat(201) } }), 'invalid', 'name');
    // Renaming to a different case of its own name is fine.
    expect((await val(api.updateClient({ id: second.id, patch: { name: 'Ana López' } }))).name).toBe('Ana López');
  });

  it('updates only the fields present and keeps goal ids whose text stays', async () => {
    const { api, clock } = testStore();
    const c = await val(api.createClient({ input: { name: 'Ana', goals: ['Delegate', 'Speak up'] } }));
    clock.advance(1000);
    const u = await val(api.updateClient({ id: c.id, patch: { goals: ['Speak up', 'Rest'], notes: 'prefers mornings' } }));
    expect(u.name).toBe('Ana');
    expect(u.notes).toBe('prefers mornings');
    expect(u.goals[0]).toEqual(c.goals[1]);
    expect(u.goals[1]!.text).toBe('Rest');
    expect(u.goals[1]!.id).not.toBe(c.goals[0]!.id);
    expect(u.updatedAt).toBe(c.updatedAt + 1000);
    await err(api.updateClient({ id: 'missing', patch: {} }), 'not-found');
  });

  it('lists by name, hiding archived unless asked', async () => {
    const { api } = testStore();
    const z = await val(api.createClient({ input: { name: 'zoe' } }));
    await val(api.createClient({ input: { name: 'Bea' } }));
    await val(api.createClient({ input: { name: 'adam' } }));
    await val(api.updateClient({ id: z.id, patch: { archived: true } }));
    expect((await val(api.listClients({}))).map((c) => c.name)).toEqual(['adam', 'Bea']);
    expect((await val(api.listClients({ includeArchived: true }))).map((c) => c.name)).toEqual(['adam', 'Bea', 'zoe']);
  });

  it('orders recent clients by their latest session or update', async () => {
    const { api, clock } = testStore();
    const a = await val(api.createClient({ input: { name: 'A' } }));
    clock.advance(1000);
    const b = await val(api.createClient({ input: { name: 'B' } }));
    clock.advance(1000);
    const c = await val(api.createClient({ input: { name: 'C' } }));
    clock.advance(1000);
    const s = await val(api.startSession({ clientId: a.id }));
    expect((await val(api.recentClients({}))).map((x) => x.name)).toEqual(['A', 'C', 'B']);
    await val(api.endSession({ sessionId: s.id }));
    clock.advance(1000);
    await val(api.updateClient({ id: b.id, patch: { notes: 'x' } }));
    expect((await val(api.recentClients({ limit: 2 }))).map((x) => x.name)).toEqual(['B', 'A']);
    await val(api.updateClient({ id: c.id, patch: { archived: true } }));
    expect((await val(api.recentClients({ limit: 10 }))).map((x) => x.name)).toEqual(['B', 'A']);
  });

  it('deletes a client with every session, item and draft, and reports the counts', async () => {
    const { api } = testStore();
    const other = await clientAndSession(api, 'Ben');
    await val(api.addItem({ sessionId: other.session.id, input: { kind: 'note', text: 'Ben note' } }));
    await val(api.setDraft({ key: `capture:${other.session.id}`, value: { text: 'keep' } }));
    await val(api.endSession({ sessionId: other.session.id }));

    const { client, session } = await clientAndSession(api, 'Ana');
    await val(api.addItem({ sessionId: session.id, input: { kind: 'commitment', text: 'Call Sam' } }));
    await val(api.addItem({ sessionId: session.id, input: { kind: 'note', text: 'Tired today' } }));
    await val(api.endSession({ sessionId: session.id }));
    const s2 = await val(api.startSession({ clientId: client.id }));
    await val(api.setDraft({ key: `capture:${s2.id}`, value: { text: 'half' } }));
    await val(api.setDraft({ key: `client:${client.id}`, value: { notes: 'x' } }));

    const report = await val(api.deleteClient({ id: client.id }));
    expect(report).toEqual({ clientName: 'Ana', sessions: 2, items: 2 });
    await err(api.getClient({ id: client.id }), 'not-found');
    await err(api.getSessionBundle({ sessionId: session.id }), 'not-found');
    expect(await val(api.activeSession({}))).toBeNull();
    expect(await val(api.getDraft({ key: `capture:${s2.id}` }))).toBeNull();
    expect(await val(api.getDraft({ key: `client:${client.id}` }))).toBeNull();
    expect(await val(api.getDraft({ key: `capture:${other.session.id}` }))).not.toBeNull();
    expect((await val(api.getSessionBundle({ sessionId: other.session.id }))).items).toHaveLength(1);
    await err(api.deleteClient({ id: client.id }), 'not-found');
  });
});

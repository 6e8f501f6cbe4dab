import { describe, expect, it } from 'vitest';
import { DEFAULT_SHAREABLE, ITEM_KINDS } from '@/lib/model/types';
import { clientAndSession, err, T0, testStore, val } from './harness';

describe('captured items', () => {
  it('adds items in order with the default shareable per kind', async () => {
    const { api } = testStore();
    const { client, session } = await clientAndSession(api);
    for (const kind of ITEM_KINDS) await val(api.addItem({ sessionId: session.id, input: { kind, text: `a ${kind}` } }));
    const { items } = await val(api.getSessionBundle({ sessionId: session.id }));
    expect(items.map((i) => [i.kind, i.order, i.shareable])).toEqual(ITEM_KINDS.map((k, n) => [k, n, DEFAULT_SHAREABLE[k]]));
    expect(items.every((i) => i.clientId === client.id && i.createdAt === T0)).toBe(true);
    expect(items.some((i) => 'dueKey' in i || 'reviewedIn' in i)).toBe(false);
  });

  it('keeps commitment fields and an explicit shareable choice', async () => {
    const { api } = testStore();
    const { session } = await clientAndSession(api);
    const c = await val(
      api.addItem({
        sessionId: session.id,
        input: {
          kind: 'commitment',
          text: 'Ask Sam for feedback',
          due: '2026-12-01T09:30',
          howWillYouKnow: 'a note to me',
          support: 'a script',
          shareable: false,
        },
      }),
    );
    expect(c).toMatchObject({
      due: '2026-12-01T09:30',
      howWillYouKnow: 'a note to me',
      support: 'a script',
      shareable: false,
      reviews: [],
      open: 1,
    });
    const n = await val(api.addItem({ sessionId: session.id, input: { kind: 'note', text: 'n', due: '2026-12-01' } }));
    expect(n).toMatchObject({ due: '', open: 0 });
  });

  it('refuses bad input and unknown sessions, writing nothing', async () => {
    const { api } = testStore();
    const { session } = await clientAndSession(api);
    await err(api.addItem({ sessionId: session.id, input: { kind: 'task' as never, text: 'x' } }), 'invalid', 'kind');
    await err(api.addItem({ sessionId: session.id, input: { kind: 'note', text: '   ' } }), 'invalid', 'text');
    await err(api.addItem({ sessionId: session.id, input: { kind: 'note', text: 'x'.repeat(20_001) } }), 'invalid', 'text');
    await err(api.addItem({ sessionId: session.id, input: { kind: 'commitment', text: 'x', due: '2026-02-30' } }), 'invalid', 'due');
    await err(api.addItem({ sessionId: 'missing', input: { kind: 'note', text: 'x' } }), 'not-found');
    expect((await val(api.getSessionBundle({ sessionId: session.id }))).items).toEqual([]);
  });

  it('records only commitments for a client who asked for no notes', async () => {
    const { api } = testStore();
    const { session } = await clientAndSession(api, 'Ana', { keepNoNotes: true });
    for (const kind of ['note', 'insight', 'belief', 'inquiry'] as const) {
      const e = await err(api.addItem({ sessionId: session.id, input: { kind, text: 'x' } }), 'invalid', 'kind');
      expect(e.message).toMatch(/Ana asked for no notes/);
    }
    const c = await val(api.addItem({ sessionId: session.id, input: { kind: 'commitment', text: 'Walk daily' } }));
    await err(api.updateItem({ id: c.id, patch: { kind: 'note' } }), 'invalid', 'kind');
    expect((await val(api.getSessionBundle({ sessionId: session.id }))).items.map((i) => i.kind)).toEqual(['commitment']);
  });

  it('updates only the fields present and re-derives open', async () => {
    const { api, clock } = testStore();
    const { session } = await clientAndSession(api);
    const c = await val(api.addItem({ sessionId: session.id, input: { kind: 'commitment', text: 'Draft', due: '2026-12-01' } }));
    clock.advance(2000);
    const u = await val(api.updateItem({ id: c.id, patch: { text: 'Draft the plan', order: 5 } }));
    expect(u).toMatchObject({ text: 'Draft the plan', due: '2026-12-01', order: 5, updatedAt: T0 + 2000, open: 1 });
    const asNote = await val(api.updateItem({ id: c.id, patch: { kind: 'note' } }));
    expect(asNote.open).toBe(0);
    expect(await val(api.dueBetween({ from: '2026-01-01', to: '2026-12-31' }))).toEqual([]);
    await err(api.updateItem({ id: c.id, patch: { text: '' } }), 'invalid', 'text');
    await err(api.updateItem({ id: 'missing', patch: { text: 'x' } }), 'not-found');
    const next = await val(api.addItem({ sessionId: session.id, input: { kind: 'note', text: 'after' } }));
    expect(next.order).toBe(6);
  });

  it('deletes an item and restores it for undo', async () => {
    const { api } = testStore();
    const { session } = await clientAndSession(api);
    const a = await val(api.addItem({ sessionId: session.id, input: { kind: 'insight', text: 'A' } }));
    const b = await val(api.addItem({ sessionId: session.id, input: { kind: 'commitment', text: 'B', due: '2026-12-02' } }));
    const removed = await val(api.deleteItem({ id: b.id }));
    expect(removed).toEqual(b);
    expect((await val(api.getSessionBundle({ sessionId: session.id }))).items.map((i) => i.id)).toEqual([a.id]);
    await err(api.deleteItem({ id: b.id }), 'not-found');
    expect(await val(api.restoreItem({ item: removed }))).toEqual(b);
    expect((await val(api.getSessionBundle({ sessionId: session.id }))).items.map((i) => i.id)).toEqual([a.id, b.id]);
    expect((await val(api.dueBetween({ from: '2026-12-02', to: '2026-12-02' }))).map((v) => v.item.id)).toEqual([b.id]);
    await err(api.restoreItem({ item: { ...removed, text: '' } }), 'invalid', 'text');
    await err(api.restoreItem({ item: { ...removed, sessionId: 'gone' } }), 'not-found');
  });
});

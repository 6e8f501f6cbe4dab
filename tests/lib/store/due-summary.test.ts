import { describe, expect, it } from 'vitest';
import { applyBackup, collectRecords } from '@/lib/store/backup-repo';
import { deriveItemKeys } from '@/lib/store/item-keys';
import { dueFromIndex, readDueSummaries } from '@/lib/store/due-summary';
import { read } from '@/lib/store/tx';
import { clientAndSession, testStore, val } from './harness';

const DAY = 86_400_000;
type Store = ReturnType<typeof testStore>;
const ctxOf = (t: Store) => ({ db: t.connection.get, now: t.clock.now, newId: () => 'n' });

/** The summary as stored (null: not complete), and what the index holds, read in one transaction. */
async function both(t: Store) {
  return read(ctxOf(t), ['items', 'dueSummary'], async (tx) => {
    const [summary, index] = await Promise.all([readDueSummaries(tx), dueFromIndex(tx)]);
    return { summary: summary && Object.fromEntries(summary), index: Object.fromEntries(index) };
  });
}

/** Waits for the rebuild a read asks for once it has answered. */
async function built(t: Store) {
  for (let i = 0; i < 50; i++) {
    if ((await both(t)).summary) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error('the summary was not rebuilt');
}

async function expectInStep(t: Store) {
  const { summary, index } = await both(t);
  expect(summary).toEqual(index);
}

describe('the summary of open due commitments', () => {
  it('is rebuilt when missing, then kept in step by every write that changes what is due', async () => {
    const t = testStore();
    const { api, clock } = t;
    const ana = await clientAndSession(api, 'Ana');
    const add = (sessionId: string, text: string, due = '', kind: 'commitment' | 'note' = 'commitment') =>
      val(api.addItem({ sessionId, input: { kind, text, due } }));
    const a = await add(ana.session.id, 'First', '2026-11-25');
    const b = await add(ana.session.id, 'Second', '2026-11-23T09:30');
    await add(ana.session.id, 'No date');
    await add(ana.session.id, 'A note', '', 'note');
    await val(api.endSession({ sessionId: ana.session.id }));
    const ben = await clientAndSession(api, 'Ben');
    const c = await add(ben.session.id, 'Ben’s', '2026-11-24');
    await val(api.endSession({ sessionId: ben.session.id }));

    // Never built since the upgrade: the first read answers from the index and has it rebuilt.
    expect((await both(t)).summary).toBeNull();
    const first = await val(api.dueThisWeek({}));
    await built(t);
    await expectInStep(t);
    expect((await both(t)).summary?.[ana.client.id]?.ids).toEqual([b.id, a.id]);
    // Read from the summary now: the same answer.
    expect(await val(api.dueThisWeek({}))).toEqual(first);

    const steps: [string, () => Promise<unknown>][] = [
      ['a commitment added', () => add(ana.session.id, 'Third', '2026-11-22')],
      ['a due date changed', () => val(api.updateItem({ id: a.id, patch: { due: '2026-11-21' } }))],
      ['a due date removed', () => val(api.updateItem({ id: b.id, patch: { due: '' } }))],
      ['a commitment turned into a note', () => val(api.updateItem({ id: c.id, patch: { kind: 'note' } }))],
      ['turned back', () => val(api.updateItem({ id: c.id, patch: { kind: 'commitment', due: '2026-11-20' } }))],
      ['reviewed done between sessions', () => val(api.reviewCommitment({ itemId: a.id, status: 'done' }))],
      ['reviewed partly: still open', () => val(api.reviewCommitment({ itemId: c.id, status: 'partly' }))],
      ['carried forward to a new date', () => val(api.reviewCommitment({ itemId: c.id, status: 'carried-forward', due: '2026-12-20' }))],
      ['reopened: not done', () => val(api.reviewCommitment({ itemId: a.id, status: 'not-done' }))],
      ['deleted', () => val(api.deleteItem({ id: a.id }))],
      ['put back (undo)', async () => val(api.restoreItem({ item: { ...a, due: '2026-11-19' } }))],
    ];
    for (const [what, step] of steps) {
      clock.advance(60_000);
      await step();
      const { summary, index } = await both(t);
      expect(summary, what).toEqual(index);
    }
    expect(Object.keys((await both(t)).index).sort()).toEqual([ana.client.id, ben.client.id].sort());

    // A whole client deleted; a backup merged in (another coach's record, with its own client).
    await val(api.deleteClient({ id: ben.client.id }));
    await expectInStep(t);
    expect((await both(t)).summary?.[ben.client.id]).toBeUndefined();
    let n = 0;
    const other = testStore({ newId: () => `other${++n}` });
    const cleo = await clientAndSession(other.api, 'Cleo');
    await val(other.api.addItem({ sessionId: cleo.session.id, input: { kind: 'commitment', text: 'Cleo’s', due: '2026-11-26' } }));
    await applyBackup(ctxOf(t), { ...(await collectRecords(ctxOf(other))), settings: null }, 'merge');
    await expectInStep(t);
    expect((await both(t)).summary?.[cleo.client.id]?.dues).toEqual(['2026-11-26']);

    // And what the list shows agrees with the index's own answer (the summary cleared, so the index is read).
    clock.advance(DAY);
    const fromSummary = await val(api.dueThisWeek({}));
    const db = await t.connection.get();
    await db.clear('dueSummary');
    expect(await val(api.dueThisWeek({}))).toEqual(fromSummary);
    await built(t);
    await expectInStep(t);
  });

  it('control: a write past the repos leaves it out of step, and the check sees it', async () => {
    const t = testStore();
    const ana = await clientAndSession(t.api, 'Ana');
    const a = await val(t.api.addItem({ sessionId: ana.session.id, input: { kind: 'commitment', text: 'First', due: '2026-11-25' } }));
    await val(t.api.dueThisWeek({}));
    await built(t);
    await expectInStep(t);
    const db = await t.connection.get();
    await db.put('items', deriveItemKeys({ ...a, due: '2026-11-01' }));
    const { summary, index } = await both(t);
    expect(summary).not.toEqual(index);
  });
});

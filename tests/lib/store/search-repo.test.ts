import { describe, expect, it } from 'vitest';
import { parseRef } from '@/lib/search/documents';
import { formatDay, formatDueShort } from '@/lib/model/dates';
import { loadSearchDocs } from '@/lib/store/search-repo';
import { clientAndSession, T0, testStore, val } from './harness';

async function record() {
  const t = testStore();
  const { client, session } = await clientAndSession(t.api, 'Priya Natarajan', { goals: ['Step into the director role'] });
  await val(t.api.updateContract({ sessionId: session.id, patch: { topic: 'Delegating the roadmap', desiredOutcome: 'A handover plan' } }));
  const commitment = await val(
    t.api.addItem({ sessionId: session.id, input: { kind: 'commitment', text: 'Hand the roadmap review to Marco', due: '2026-12-04' } }),
  );
  const belief = await val(t.api.addItem({ sessionId: session.id, input: { kind: 'belief', text: 'If I let go, quality drops' } }));
  const own = await val(t.api.addQuestion({ stage: 'beliefs', text: 'What would quality look like without you?' }));
  return { ...t, client, session, commitment, belief, own };
}

describe('search through the store', () => {
  it('finds clients, contracts, items and questions with readable titles and details', async () => {
    const { api, client, session, commitment, own } = await record();
    const [clientHit] = await val(api.search({ query: 'priya' }));
    expect(clientHit).toMatchObject({
      kind: 'client',
      id: client.id,
      title: 'Priya Natarajan',
      detail: 'Client',
      clientId: client.id,
      sessionId: null,
    });
    const roadmap = await val(api.search({ query: 'roadmap' }));
    expect(roadmap.map((h) => h.kind).sort()).toEqual(['item', 'session']);
    expect(roadmap.find((h) => h.kind === 'item')).toMatchObject({
      id: commitment.id,
      title: 'Hand the roadmap review to Marco',
      detail: `Commitment · Priya Natarajan · ${formatDay(T0, T0)} · by ${formatDueShort('2026-12-04', T0)}`,
      matched: ['roadmap'],
      clientId: client.id,
      sessionId: session.id,
    });
    expect(roadmap.find((h) => h.kind === 'session')).toMatchObject({
      id: session.id,
      title: 'Delegating the roadmap',
      detail: `Session · Priya Natarajan · ${formatDay(T0, T0)}`,
    });
    expect((await val(api.search({ query: 'director' })))[0]).toMatchObject({ kind: 'client', id: client.id });
    expect((await val(api.search({ query: 'handover' })))[0]).toMatchObject({ kind: 'session' });
    const quality = await val(api.search({ query: 'quality' }));
    expect(quality.map((h) => h.kind).sort()).toEqual(['item', 'question']);
    expect(quality.find((h) => h.kind === 'question')).toMatchObject({ id: own.id, detail: 'Your question · Beliefs & awareness' });
    expect((await val(api.search({ query: 'what else' }))).map((h) => h.id)).toContain('b:reality:18');
  });

  it('matches prefixes and typos, ranked', async () => {
    const { api, client } = await record();
    expect((await val(api.search({ query: 'nat' })))[0]?.id).toBe(client.id);
    expect((await val(api.search({ query: 'natarjan' })))[0]?.id).toBe(client.id);
    // "marc" is a prefix of Marco and one letter from "mark" (a deck question): too short a word for a typo.
    expect((await val(api.search({ query: 'marc' }))).map((h) => h.kind)).toEqual(['item']);
    // A longer word keeps its typo tolerance: "qualty" finds "quality" in the belief and the question.
    expect((await val(api.search({ query: 'qualty' }))).map((h) => h.kind).sort()).toEqual(['item', 'question']);
  });

  it('keeps the index in step with writes, deletes and undo', async () => {
    const { api, session, commitment } = await record();
    expect(await val(api.search({ query: 'marco' }))).toHaveLength(1);
    await val(api.updateItem({ id: commitment.id, patch: { text: 'Hand the review to Lena' } }));
    expect(await val(api.search({ query: 'marco' }))).toEqual([]);
    expect(await val(api.search({ query: 'lena' }))).toHaveLength(1);
    const removed = await val(api.deleteItem({ id: commitment.id }));
    expect(await val(api.search({ query: 'lena' }))).toEqual([]);
    await val(api.restoreItem({ item: removed }));
    expect(await val(api.search({ query: 'lena' }))).toHaveLength(1);
    await val(api.addItem({ sessionId: session.id, input: { kind: 'insight', text: 'Trust grows by lending it' } }));
    expect((await val(api.search({ query: 'lending' })))[0]).toMatchObject({ kind: 'item', title: 'Trust grows by lending it' });
    await val(api.setReflection({ sessionId: session.id, text: 'Breakthrough on ownership' }));
    expect((await val(api.search({ query: 'breakthrough' })))[0]).toMatchObject({ kind: 'session' });
    const renamed = await val(api.createClient({ input: { name: 'Olu Bakare' } }));
    await val(api.updateClient({ id: renamed.id, patch: { name: 'Olu Adebayo' } }));
    expect((await val(api.search({ query: 'adebayo' })))[0]?.id).toBe(renamed.id);
    expect(await val(api.search({ query: 'bakare' }))).toEqual([]);
  });

  it('forgets a deleted client’s records', async () => {
    const { api, client } = await record();
    expect(await val(api.search({ query: 'roadmap' }))).toHaveLength(2);
    await val(api.deleteClient({ id: client.id }));
    expect(await val(api.search({ query: 'roadmap' }))).toEqual([]);
    expect(await val(api.search({ query: 'priya' }))).toEqual([]);
  });

  it('follows question edits and deletions', async () => {
    const { api, own } = await record();
    await val(api.updateQuestion({ id: own.id, text: 'What does excellence need from you?' }));
    expect((await val(api.search({ query: 'excellence' })))[0]?.id).toBe(own.id);
    await val(api.deleteQuestion({ id: own.id }));
    expect(await val(api.search({ query: 'excellence' }))).toEqual([]);
  });

  it('rebuilds from the store on demand and limits results', async () => {
    const { api } = await record();
    await api.rebuildSearch();
    expect(await val(api.search({ query: 'what', limit: 3 }))).toHaveLength(3);
    expect(await val(api.search({ query: '' }))).toEqual([]);
  });

  it('loads every record for the index, reading captured items in pages of short transactions', async () => {
    const { api, connection, session } = await record();
    for (const text of ['Energy rose', 'Noticed hesitation', 'Wants challenge', 'Relief at the first step']) {
      await val(api.addItem({ sessionId: session.id, input: { kind: 'note', text } }));
    }
    let transactions = 0;
    const ctx = { db: () => (transactions++, connection.get()), now: () => T0, newId: () => 'x' };
    const whole = await loadSearchDocs(ctx, 1000);
    const ids = (docs: { id: string }[]) => docs.map((d) => d.id).sort();
    expect(whole.filter((d) => parseRef(d.id)?.kind === 'item')).toHaveLength(6);
    expect(new Set(ids(whole)).size).toBe(whole.length);
    for (const pageSize of [2, 4, 5]) {
      transactions = 0;
      expect(ids(await loadSearchDocs(ctx, pageSize))).toEqual(ids(whole));
      // One read for clients, sessions and questions, then one per page of items (a full last page needs one more read).
      expect(transactions).toBe(1 + Math.floor(6 / pageSize) + 1);
    }
  });
});

describe('the engagement in search', () => {
  it('finds goals, their measures, the sponsor and review notes as they are written, and after a rebuild', async () => {
    const { api, client, commitment, session } = await record();
    await val(api.addGoal({ clientId: client.id, goal: { text: 'Hire a deputy', measure: 'Offer signed by March' } }));
    await val(api.updateEngagement({ clientId: client.id, patch: { sponsor: 'Globex' } }));
    await val(api.endSession({ sessionId: session.id }));
    await val(api.reviewCommitment({ itemId: commitment.id, status: 'partly', note: 'Marco asked for a checklist' }));
    const find = async (q: string) => (await val(api.search({ query: q }))).map((h) => [h.kind, h.id]);
    expect(await find('deputy')).toEqual([['client', client.id]]);
    expect(await find('signed')).toEqual([['client', client.id]]);
    expect(await find('globex')).toEqual([['client', client.id]]);
    expect(await find('checklist')).toEqual([['item', commitment.id]]);
    // Control: words nowhere in the record find nothing.
    expect(await find('zanzibar')).toEqual([]);
    await api.rebuildSearch();
    expect(await find('checklist')).toEqual([['item', commitment.id]]);
    expect(await find('globex')).toEqual([['client', client.id]]);
  });
});

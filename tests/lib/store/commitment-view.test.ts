import { describe, expect, it } from 'vitest';
import { randomBytes } from '@/lib/crypto/bytes';
import { importDataKey } from '@/lib/crypto/codec';
import { encodeRecord } from '@/lib/store/codec';
import { commitmentViews } from '@/lib/store/commitment-view';
import type { StoredItem } from '@/lib/store/db';
import { sealTx } from '@/lib/store/sealed-tx';
import { testStore, val } from './harness';

/**
 * A client with `sessions` sessions, one commitment in each; then every session record is sealed with a key the
 * reading facade does not have, so any read of a session RECORD fails with "locked", while items stay clear.
 */
async function sealedSessions(sessions: number) {
  const { api, connection, clock } = testStore();
  const client = await val(api.createClient({ input: { name: 'Ana Lopez' } }));
  const starts: number[] = [];
  for (let n = 0; n < sessions; n++) {
    clock.advance(7 * 24 * 3600_000);
    const session = await val(api.startSession({ clientId: client.id }));
    starts.push(session.startedAt);
    await val(api.addItem({ sessionId: session.id, input: { kind: 'commitment', text: `step ${n}` } }));
    await val(api.endSession({ sessionId: session.id }));
  }
  const db = await connection.get();
  const key = await importDataKey(randomBytes(32));
  for (const s of await db.getAll('sessions')) await db.put('sessions', (await encodeRecord(key, 'sessions', s)) as never);
  const items = (await db.getAll('items')) as StoredItem[];
  const tx = () => sealTx(db.transaction(['items', 'sessions'], 'readonly') as never, { read: null, write: key });
  return { items, starts, tx };
}

describe('commitmentViews', () => {
  it('takes the starts of many sessions from the index keys: no session record is read', async () => {
    const { items, starts, tx } = await sealedSessions(5);
    const views = await commitmentViews(tx(), items);
    expect(views.map((v) => v.item.text).sort()).toEqual(['step 0', 'step 1', 'step 2', 'step 3', 'step 4']);
    expect(views.map((v) => v.madeAt).sort()).toEqual(starts);
  });

  it('control: a few sessions are read as records, which the sealed probe cannot open', async () => {
    const { items, tx } = await sealedSessions(2);
    await expect(commitmentViews(tx(), items)).rejects.toMatchObject({ code: 'locked' });
  });

  it('uses starts the caller already read, reading nothing for them', async () => {
    const { items, tx } = await sealedSessions(2);
    const known = items.map((i, n) => ({ id: i.sessionId, startedAt: 1000 + n }));
    const views = await commitmentViews(tx(), items, known);
    expect(views.map((v) => v.madeAt).sort()).toEqual([1000, 1001]);
  });
});

import { describe, expect, it } from 'vitest';
import { randomBytes } from '@/lib/crypto/bytes';
import { importDataKey } from '@/lib/crypto/codec';
import { PLAIN, type Codec } from '@/lib/store/codec';
import { createDbConnection } from '@/lib/store/db';
import { write, type RepoContext } from '@/lib/store/tx';

/**
 * A context whose lock turns on while a write is opening its transaction: after the write got the (clear)
 * codec and before the database handle it awaits comes back — as when the coach presses "Turn on lock" while
 * an autosave is on its way.
 */
async function turningOnMidOpen(turnOn: boolean) {
  const connection = createDbConnection(`tx-test-${Math.random().toString(36).slice(2)}`);
  const key = await importDataKey(randomBytes(32));
  let codec: Codec = PLAIN;
  let epoch = 0;
  let opens = 0;
  const ctx: RepoContext = {
    db: async () => {
      const db = await connection.get();
      if (turnOn && opens++ === 0) {
        codec = { read: key, write: key };
        epoch++;
      }
      return db;
    },
    now: () => 0,
    newId: () => 'x',
    codec: () => codec,
    codecEpoch: () => epoch,
  };
  await write(ctx, ['drafts'], async (tx) => {
    await tx.objectStore('drafts').put({ key: 'capture', value: { text: 'she will call her sister' } } as never);
  });
  return JSON.stringify(await (await connection.get()).get('drafts', 'capture'), (_k, v) => (v instanceof Uint8Array ? '<sealed>' : v));
}

describe('a transaction and the lock’s codec', () => {
  it('is opened again under the new codec when the lock turned on while it was being opened', async () => {
    const stored = await turningOnMidOpen(true);
    expect(stored).toContain('<sealed>');
    expect(stored).not.toContain('her sister');
  });

  it('control: with the lock staying off the record is written in clear (the probe can see it)', async () => {
    const stored = await turningOnMidOpen(false);
    expect(stored).toContain('her sister');
    expect(stored).not.toContain('<sealed>');
  });
});

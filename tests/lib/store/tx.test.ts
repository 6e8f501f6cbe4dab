import { describe, expect, it } from 'vitest';
import { write } from '@/lib/store/tx';
import { lockTurningOnMidOpen } from './fixtures/lock-turning-on';

/**
 * A context whose lock turns on while a write is opening its transaction: after the write got the (clear)
 * codec and before the database handle it awaits comes back — as when the coach presses "Turn on lock" while
 * an autosave is on its way.
 */
async function turningOnMidOpen(turnOn: boolean) {
  const { ctx, connection } = await lockTurningOnMidOpen(turnOn);
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

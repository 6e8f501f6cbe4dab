import { describe, expect, it } from 'vitest';
import { putSearchIndex } from '@/lib/store/search-store';
import { lockTurningOnMidOpen } from './fixtures/lock-turning-on';

const SNAPSHOT = new TextEncoder().encode('snapshot with the word delegation');

/** Saves the index while the lock turns on (or not) between taking its form and opening its transaction. */
async function savedWhile(turnOn: boolean) {
  const { ctx, connection } = await lockTurningOnMidOpen(turnOn);
  await putSearchIndex(ctx, SNAPSHOT);
  return (await connection.get()).get('searchIndex', 'index');
}

describe('the stored search index and the lock', () => {
  it('is written sealed when the lock turned on while the copy was being made', async () => {
    const copy = await savedWhile(true);
    expect(copy?.sealed).toBeInstanceOf(Uint8Array);
    expect(copy?.bytes).toBeUndefined();
  });

  it('control: with the lock staying off the copy is the clear snapshot', async () => {
    const copy = await savedWhile(false);
    expect(copy?.bytes).toEqual(SNAPSHOT);
    expect(copy?.sealed).toBeUndefined();
  });
});

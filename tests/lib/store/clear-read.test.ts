import { describe, expect, it } from 'vitest';
import { randomBytes } from '@/lib/crypto/bytes';
import { importDataKey } from '@/lib/crypto/codec';
import { readThenOpen } from '@/lib/store/clear-read';
import { PLAIN, type Codec } from '@/lib/store/codec';
import { createDbConnection, openOf, type StoredItem } from '@/lib/store/db';
import { write, type RepoContext } from '@/lib/store/tx';

const ITEM = {
  id: 'i1',
  sessionId: 's1',
  clientId: 'c1',
  kind: 'commitment',
  text: 'she will call her sister',
  order: 0,
  open: 1,
} as unknown as StoredItem;

/** A context whose codec the test sets: clear, sealed with a key, or locked (the key gone). */
async function context(sealed: boolean) {
  const connection = createDbConnection(`clear-read-${Math.random().toString(36).slice(2)}`);
  const key = await importDataKey(randomBytes(32));
  let codec: Codec = sealed ? { read: key, write: key } : PLAIN;
  const ctx: RepoContext = { db: connection.get, now: () => 0, newId: () => 'x', codec: () => codec };
  await write(ctx, ['items'], async (tx) => void (await tx.objectStore('items').put(ITEM)));
  return { ctx, lock: () => (codec = { read: null, write: null }) };
}

const readItem = (ctx: RepoContext) =>
  readThenOpen(ctx, ['items'], async (tx) => {
    const [stored] = await tx.objectStore('items').index('byClientOpen').getAll(openOf('c1'));
    return stored!;
  });

describe('a read that opens its records after the transaction', () => {
  it('with the lock on: the work sees only clear fields, and `open` gives back the whole record once it has ended', async () => {
    const { ctx } = await context(true);
    const { value, open } = await readItem(ctx);
    expect(value.sessionId).toBe('s1'); // clear: what the read decides on
    expect((value as unknown as StoredItem).text).toBeUndefined(); // sealed until opened
    expect(await open('items', [value])).toEqual([ITEM]);
  });

  it('control: with the lock off the records are whole already, and `open` hands them back as they are', async () => {
    const { ctx } = await context(false);
    const { value, open } = await readItem(ctx);
    expect((value as unknown as StoredItem).text).toBe('she will call her sister');
    expect(await open('items', [value])).toEqual([ITEM]);
  });

  it('sealed records read without the key (locked): `open` answers "locked" and opens nothing', async () => {
    const { ctx, lock } = await context(true);
    const unlocked = await readItem(ctx);
    expect(await unlocked.open('items', [unlocked.value])).toEqual([ITEM]); // control: the same read with the key
    lock();
    const locked = await readItem(ctx);
    await expect(locked.open('items', [locked.value])).rejects.toMatchObject({ code: 'locked' });
  });
});

import { describe, expect, it, vi } from 'vitest';
import { createDbConnection, DB_VERSION, itemsOf, openOf, walkKeyCursor } from '@/lib/store/db';

const closedOf = (clientId: string) => IDBKeyRange.bound([clientId, 0], [clientId, 0, []]);
import { createV1Database, openRaw, V1_DRAFT, V1_ITEMS, V1_QUESTION, V1_SESSIONS } from './fixtures/v1-database';
import { createV2Database, V2_ITEMS, V2_SESSIONS } from './fixtures/v2-database';
import { createV5Database, V5_ITEMS } from './fixtures/v5-database';

let counter = 0;
const uniqueName = () => `db-test-${++counter}-${Math.random().toString(36).slice(2)}`;

describe('createDbConnection', () => {
  it('creates every store and index at the current version', async () => {
    const conn = createDbConnection(uniqueName());
    const db = await conn.get();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual([
      'clients',
      'drafts',
      'dueSummary',
      'items',
      'meta',
      'questionPrefs',
      'questions',
      'searchIndex',
      'sessions',
    ]);
    const tx = db.transaction(['items', 'sessions']);
    expect([...tx.objectStore('items').indexNames].sort()).toEqual([
      'byClientOpen',
      'byClientOpenDue',
      'byDue',
      'byReviewSession',
      'bySessionOrder',
    ]);
    expect([...tx.objectStore('sessions').indexNames].sort()).toEqual(['byClientStart', 'byStatus']);
    conn.close();
  });

  it('returns the same connection until closed, then reopens', async () => {
    const conn = createDbConnection(uniqueName());
    const a = await conn.get();
    expect(await conn.get()).toBe(a);
    conn.close();
    const b = await conn.get();
    expect(b).not.toBe(a);
    await b.put('drafts', { key: 'k', value: {}, updatedAt: 1 });
    expect(await b.count('drafts')).toBe(1);
    conn.close();
  });

  it('keeps both writes when the connection is closed between them', async () => {
    const conn = createDbConnection(uniqueName());
    await (await conn.get()).put('drafts', { key: 'first', value: { a: 1 }, updatedAt: 1 });
    conn.close();
    await (await conn.get()).put('drafts', { key: 'second', value: { b: 2 }, updatedAt: 2 });
    const keys = await (await conn.get()).getAllKeys('drafts');
    expect(keys).toEqual(['first', 'second']);
    conn.close();
  });
});

describe('migration v1 → v2', () => {
  it('keeps every record, backfills open and answers the new indexes', async () => {
    const name = uniqueName();
    await createV1Database(name);
    const conn = createDbConnection(name);
    const db = await conn.get();
    expect(db.version).toBe(DB_VERSION);
    expect(await db.get('clients', 'c1')).toMatchObject({ name: 'Ana Lopez' });
    expect(await db.count('sessions')).toBe(V1_SESSIONS.length);
    expect(await db.count('items')).toBe(V1_ITEMS.length);
    expect(await db.get('questions', V1_QUESTION.id)).toEqual(V1_QUESTION);
    expect(await db.get('drafts', V1_DRAFT.key)).toEqual(V1_DRAFT);
    expect(await db.count('questionPrefs')).toBe(0);

    const open = await db.getAllFromIndex('items', 'byClientOpen', openOf('c1'));
    expect(open.map((i) => i.id).sort()).toEqual(['i-carried', 'i-open']);
    const closed = await db.getAllFromIndex('items', 'byClientOpen', closedOf('c1'));
    expect(closed.map((i) => i.id).sort()).toEqual(['i-done', 'i-note']);
    const due = await db.getAllFromIndex('items', 'byDue', IDBKeyRange.bound('2026-01-01', '2026-12-31'));
    expect(due.map((i) => i.id)).toEqual(['i-open', 'i-done']);
    // Step 4 removed `byClient` and `bySessionKind` (their questions are ranges of the others) and added the
    // stored search index; every record is still there (counted above).
    expect(await db.countFromIndex('items', 'byClientOpen', itemsOf('c1'))).toBe(4);
    expect([...db.transaction('items').store.indexNames].sort()).toEqual([
      'byClientOpen',
      'byClientOpenDue',
      'byDue',
      'byReviewSession',
      'bySessionOrder',
    ]);
    // Step 6: only open commitments with a due date are in `byClientOpenDue`.
    expect(await db.getAllKeysFromIndex('items', 'byClientOpenDue', IDBKeyRange.bound(['c1', ''], ['c1', '\uffff']))).toEqual(['i-open']);
    expect([...db.objectStoreNames]).toContain('searchIndex');
    const reviewedInS2 = await db.getAllKeysFromIndex('items', 'byReviewSession', 's2');
    expect(reviewedInS2.sort()).toEqual(['i-carried', 'i-done']);
    const stored = await db.get('items', 'i-note');
    expect(stored).toMatchObject({ text: 'Energy rose when talking about the team', open: 0 });
    expect(stored && 'dueKey' in stored).toBe(false);
    conn.close();
  });

  it('step 6 indexes open commitments with a due date, sealed ones included, and changes nothing else', async () => {
    const name = uniqueName();
    await createV5Database(name);
    const conn = createDbConnection(name);
    const db = await conn.get();
    expect(db.version).toBe(DB_VERSION);
    const all = IDBKeyRange.bound(['c1', ''], ['c1', '\uffff']);
    expect(await db.getAllKeysFromIndex('items', 'byClientOpenDue', all)).toEqual(['open-due', 'sealed-open-due']);
    expect(await db.getAllKeysFromIndex('items', 'byClientOpenDue', IDBKeyRange.bound(['c1', ''], ['c1', '2026-12-01\uffff']))).toEqual([
      'open-due',
    ]);
    for (const before of V5_ITEMS) {
      const after = (await db.get('items', before.id)) as Record<string, unknown>;
      const { openDueKey, ...rest } = after;
      expect(rest).toEqual(before);
      expect(openDueKey).toBe(rest.open === 1 && 'dueKey' in before ? before.dueKey : undefined);
    }
    conn.close();
  });

  it('upgrades a v1 database that is still open elsewhere once that connection lets go', async () => {
    const name = uniqueName();
    await createV1Database(name);
    const old = await openRaw(name, 1);
    old.onversionchange = () => old.close();
    const conn = createDbConnection(name);
    const db = await conn.get();
    expect(db.version).toBe(DB_VERSION);
    expect(await db.count('items')).toBe(V1_ITEMS.length);
    conn.close();
  });
});

describe('migration v2 → v3', () => {
  it('keeps every record and reopens partly done and not done commitments (done and dropped stay closed)', async () => {
    const name = uniqueName();
    await createV2Database(name);
    // Control: as v2 stored it, partly done and not done were closed.
    const before = await openRaw(name);
    expect(before.version).toBe(2);
    before.close();
    const conn = createDbConnection(name);
    const db = await conn.get();
    expect(db.version).toBe(DB_VERSION);
    expect(await db.count('items')).toBe(V2_ITEMS.length);
    expect(await db.count('sessions')).toBe(V2_SESSIONS.length);
    const open = await db.getAllKeysFromIndex('items', 'byClientOpen', openOf('c1'));
    expect(open.sort()).toEqual(['i-carried', 'i-not-done', 'i-open', 'i-partly']);
    const closed = await db.getAllKeysFromIndex('items', 'byClientOpen', closedOf('c1'));
    expect(closed.sort()).toEqual(['i-done', 'i-dropped', 'i-note']);
    // Nothing else about an item changed: its reviews, text and derived keys are as they were.
    expect(await db.get('items', 'i-partly')).toEqual({ ...V2_ITEMS.find((i) => i.id === 'i-partly'), open: 1 });
    // …and step 6 indexed the open commitment with a due date.
    const v2Open = V2_ITEMS.find((i) => i.id === 'i-open')!;
    expect(await db.get('items', 'i-open')).toEqual({ ...v2Open, openDueKey: v2Open.due });
    conn.close();
  });

  it('turns bare check-in times into on-track check-ins, keeping their times', async () => {
    const name = uniqueName();
    await createV2Database(name);
    const conn = createDbConnection(name);
    const db = await conn.get();
    const s1 = await db.get('sessions', 's1');
    expect(s1?.contract.checkIns).toEqual([
      { at: 1_000_500, onTrack: true, shiftedTo: '' },
      { at: 1_000_700, onTrack: true, shiftedTo: '' },
    ]);
    expect({ ...s1, contract: { ...s1!.contract, checkIns: [] } }).toEqual({
      ...V2_SESSIONS[0],
      contract: { ...V2_SESSIONS[0]!.contract, checkIns: [] },
    });
    expect(await db.get('sessions', 's2')).toEqual(V2_SESSIONS[1]);
    conn.close();
  });
});

describe('blocked and blocking', () => {
  it('closes itself when a newer version (or a delete) needs the database, and reopens on the next call', async () => {
    const name = uniqueName();
    const onBlocking = vi.fn();
    const conn = createDbConnection(name, { onBlocking });
    await (await conn.get()).put('drafts', { key: 'before', value: {}, updatedAt: 1 });
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.deleteDatabase(name);
      req.onsuccess = () => resolve();
      req.onerror = () => reject(req.error);
      req.onblocked = () => reject(new Error('delete was blocked by our connection'));
    });
    expect(onBlocking).toHaveBeenCalledTimes(1);
    const db = await conn.get();
    expect(db.version).toBe(DB_VERSION);
    expect(await db.count('drafts')).toBe(0);
    await db.put('drafts', { key: 'after', value: {}, updatedAt: 2 });
    expect(await db.getAllKeys('drafts')).toEqual(['after']);
    conn.close();
  });

  it('lets a newer schema open without hanging', async () => {
    const name = uniqueName();
    const conn = createDbConnection(name);
    await conn.get();
    const newer = await openRaw(name, DB_VERSION + 1, (db) => db.createObjectStore('extra'));
    expect(newer.version).toBe(DB_VERSION + 1);
    newer.close();
  });

  it('reports blocked while an older connection holds on, then opens', async () => {
    const name = uniqueName();
    await createV1Database(name);
    const old = await openRaw(name, 1);
    const onBlocked = vi.fn(() => setTimeout(() => old.close(), 5));
    const conn = createDbConnection(name, { onBlocked });
    const db = await conn.get();
    expect(onBlocked).toHaveBeenCalled();
    expect(db.version).toBe(DB_VERSION);
    expect(await db.count('items')).toBe(V1_ITEMS.length);
    conn.close();
  });

  it('fails the open, leaving version 1 intact, when an upgrade step fails', async () => {
    const name = uniqueName();
    // A damaged v1 database without an items store: the v2 step cannot add its indexes.
    const broken = await openRaw(name, 1, (db) => db.createObjectStore('clients', { keyPath: 'id' }));
    broken.close();
    const conn = createDbConnection(name);
    await expect(conn.get()).rejects.toBeTruthy();
    const again = await openRaw(name);
    expect(again.version).toBe(1);
    again.close();
  });
});

describe('walkKeyCursor', () => {
  it('visits every key of a key cursor in order, then resolves; nothing for no cursor; a failing visit rejects', async () => {
    const db = await createDbConnection(uniqueName()).get();
    const write = db.transaction('sessions', 'readwrite');
    for (const [id, clientId, startedAt] of [
      ['s1', 'b', 2],
      ['s2', 'a', 3],
      ['s3', 'a', 1],
    ] as const)
      await write.store.put({ id, clientId, startedAt, status: 'ended' } as never);
    await write.done;
    const seen: unknown[] = [];
    const read = db.transaction('sessions');
    await walkKeyCursor(await read.store.index('byClientStart').openKeyCursor(), (key, id) => seen.push([key, id]));
    expect(seen).toEqual([
      [['a', 1], 's3'],
      [['a', 3], 's2'],
      [['b', 2], 's1'],
    ]);
    await expect(walkKeyCursor(null, () => seen.push('never'))).resolves.toBeUndefined();
    expect(seen).toHaveLength(3);
    // A visit answering false ends the walk there (any other answer, like push's count, goes on).
    const stopped: unknown[] = [];
    await walkKeyCursor(await db.transaction('sessions').store.index('byClientStart').openKeyCursor(), (_key, id) => {
      stopped.push(id);
      return stopped.length < 2;
    });
    expect(stopped).toEqual(['s3', 's2']);
    const failing = db.transaction('sessions');
    const visit = () => {
      throw new Error('stop');
    };
    await expect(walkKeyCursor(await failing.store.index('byClientStart').openKeyCursor(), visit)).rejects.toThrow('stop');
  });
});

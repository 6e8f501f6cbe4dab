import { describe, expect, it } from 'vitest';
import { clientHit, itemHit, questionHit, sessionHit } from '@/lib/search/hits';
import type { Client, Item, Session } from '@/lib/model/types';
import { formatDay } from '@/lib/model/dates';

const at = new Date(2026, 10, 3, 15, 30).getTime();
const client = { id: 'c', name: 'Ana Lopez', email: 'ana@example.org', archived: true } as Client;
const session = { id: 's', clientId: 'c', startedAt: at, contract: { topic: '' } } as Session;

describe('search hits', () => {
  it('describes a client, a session without a topic, and a long item on one line', () => {
    expect(clientHit(client, 2)).toMatchObject({ title: 'Ana Lopez', detail: 'Client · archived · ana@example.org', score: 2 });
    expect(sessionHit(session, client, 1)).toMatchObject({ title: 'Session', detail: `Session · Ana Lopez · ${formatDay(at)}` });
    const long = { id: 'i', clientId: 'c', sessionId: 's', kind: 'note', text: `line one\n${'word '.repeat(60)}`, due: '' } as Item;
    const hit = itemHit(long, client, session, 1);
    expect(hit.title).toHaveLength(140);
    expect(hit.title).toMatch(/^line one word .*…$/);
    expect(hit.detail).toBe(`Note · Ana Lopez · ${formatDay(at)}`);
    expect(formatDay(at)).toMatch(/3/);
    expect(itemHit(long, undefined, undefined, 1).detail).toBe('Note');
  });

  it('names the stage of a question and whose it is', () => {
    expect(questionHit({ id: 'b:goal:01', stage: 'goal', text: 'What do you want?', tags: [], builtin: true }, 1).detail).toBe(
      'Question · Goal',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { clientHit, clip, itemHit, questionHit, sessionHit } from '@/lib/search/hits';
import type { Client, Item, Session } from '@/lib/model/types';
import { formatDay, formatDueShort } from '@/lib/model/dates';

const at = new Date(2026, 10, 3, 15, 30).getTime();
const sameYear = new Date(2026, 11, 1, 9, 0).getTime();
const client = { id: 'c', name: 'Ana Lopez', email: 'ana@example.org', archived: true } as Client;
const session = { id: 's', clientId: 'c', startedAt: at, contract: { topic: '' } } as Session;

describe('search hits', () => {
  it('describes a client, a session without a topic, and a long item on one line', () => {
    expect(clientHit(client, { score: 2 })).toMatchObject({ title: 'Ana Lopez', detail: 'Client · archived · ana@example.org', score: 2 });
    expect(sessionHit(session, client, { score: 1 })).toMatchObject({ title: 'Session', detail: `Session · Ana Lopez · ${formatDay(at)}` });
    const long = { id: 'i', clientId: 'c', sessionId: 's', kind: 'note', text: `line one\n${'word '.repeat(60)}`, due: '' } as Item;
    const hit = itemHit(long, client, session, { score: 1 });
    expect(hit.title).toHaveLength(140);
    expect(hit.title).toMatch(/^line one word .*…$/);
    expect(hit.detail).toBe(`Note · Ana Lopez · ${formatDay(at)}`);
    expect(formatDay(at)).toMatch(/3/);
    expect(itemHit(long, undefined, undefined, { score: 1 }).detail).toBe('Note');
  });

  it('writes dates as the rest of the app does: without the year in the current year', () => {
    const item = { id: 'i', clientId: 'c', sessionId: 's', kind: 'commitment', text: 'Call Sam', due: '2026-12-18' } as Item;
    const hit = itemHit(item, client, session, { score: 1, now: sameYear });
    expect(hit.detail).toBe(`Commitment · Ana Lopez · ${formatDay(at, sameYear)} · by ${formatDueShort('2026-12-18', sameYear)}`);
    expect(formatDay(at, sameYear)).not.toMatch(/2026/);
    // Control: another year still names it.
    expect(sessionHit(session, client, { score: 1, now: new Date(2027, 0, 5).getTime() }).detail).toMatch(/2026/);
  });

  it('carries the matched words, and shows a match that lies beyond the first line in its context', () => {
    const text = `${'Some long preamble about the week. '.repeat(8)}Then ask Priya to own the weekly report from January on, and see how it goes.`;
    const item = { id: 'i', clientId: 'c', sessionId: 's', kind: 'note', text, due: '' } as Item;
    const hit = itemHit(item, client, session, { score: 1, terms: ['priya'] });
    expect(hit.matched).toEqual(['priya']);
    expect(hit.title).toMatch(/^….*Priya to own the weekly report/);
    expect(hit.title.length).toBeLessThanOrEqual(140);
    // Control: without a match, or with one near the start, the title opens at the start.
    expect(clip(text)).toMatch(/^Some long preamble/);
    expect(clip(text, ['preamble'])).toMatch(/^Some long preamble/);
    expect(clip('short text', ['text'])).toBe('short text');
  });

  it('names the stage of a question and whose it is', () => {
    expect(questionHit({ id: 'b:goal:01', stage: 'goal', text: 'What do you want?', tags: [], builtin: true }, { score: 1 }).detail).toBe(
      'Question · Goal',
    );
  });
});

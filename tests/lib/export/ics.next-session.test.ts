/** The summary's "Next session": in every text format, and as a calendar event in the .ics. */
import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { calendarEventCount, toIcs } from '@/lib/export/ics';
import { toSessionJson } from '@/lib/export/json';
import { toMarkdown } from '@/lib/export/markdown';
import { buildSummary } from '@/lib/export/summary-model';
import { toPlainText } from '@/lib/export/text';
import { bundle, NOW, session, UTC } from './fixtures';

const doc = (nextSession: string | undefined, clientVersion = false) =>
  buildSummary(bundle({ session: { ...session(), nextSession } }), { clientVersion, zone: UTC });

function events(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}

describe('next session', () => {
  it('is absent from an older record (no field) and from every export', () => {
    const d = doc(undefined);
    expect(d.nextSession).toBe('');
    expect(toMarkdown(d, { now: () => NOW })).not.toContain('Next session');
    expect(events(toIcs(d, { now: () => NOW })).map((e) => e.uid)).not.toContain('s1-next-session@holdspace');
    expect(calendarEventCount(d)).toBe(3);
  });

  it('a planned time becomes a calendar event as long as this session was planned', () => {
    const d = doc('2026-12-04T14:30');
    const evs = events(toIcs(d, { now: () => NOW }));
    const next = evs.find((e) => e.uid === 's1-next-session@holdspace')!;
    expect(next).toBeDefined();
    expect(next.startDate.toString()).toBe('2026-12-04T14:30:00');
    expect(next.duration.toSeconds()).toBe(60 * 60);
    expect(next.summary).toBe('Next session with Jane Doe');
    expect(calendarEventCount(d)).toBe(4);
  });

  it('a date alone is an all-day event; the client version names no client', () => {
    const evs = events(toIcs(doc('2026-12-04', true), { now: () => NOW }));
    const next = evs.find((e) => e.uid === 's1-next-session@holdspace')!;
    expect(next.startDate.isDate).toBe(true);
    expect(next.startDate.toString()).toBe('2026-12-04');
    expect(next.summary).toBe('Our next coaching session');
    expect(next.description).not.toContain('Jane');
  });

  it('reads in the Markdown, the plain text and the JSON', () => {
    const d = doc('2026-12-04T14:30');
    expect(toMarkdown(d)).toContain('## Next session\n\n- 2026-12-04 14:30\n');
    expect(toPlainText(d)).toContain('NEXT SESSION\n2026-12-04 14:30\n');
    expect(JSON.parse(toSessionJson(d)).session.nextSession).toBe('2026-12-04T14:30');
  });
});

import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { escapeIcsText, foldIcsLine, toIcs } from '@/lib/export/ics';
import { buildSummary } from '@/lib/export/summary-model';
import { bundle, HOSTILE, hostileBundle, NOW, UTC } from './fixtures';

const ics = (clientVersion: boolean, b = bundle(), now = NOW) => toIcs(buildSummary(b, { clientVersion, zone: UTC }), { now: () => now });

function events(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}

const octets = (line: string) => new TextEncoder().encode(line).length;

describe('toIcs', () => {
  it('one event per dated commitment, all-day or timed, with stable UIDs', () => {
    const text = ics(false);
    const evs = events(text);
    expect(evs.map((e) => e.uid)).toEqual(['k1@holdspace', 'k2@holdspace', 'k4@holdspace']);

    const [allDay, timed] = evs as [ICAL.Event, ICAL.Event];
    expect(allDay.startDate.isDate).toBe(true);
    expect(allDay.startDate.toString()).toBe('2026-12-01');
    expect(allDay.endDate.toString()).toBe('2026-12-02');
    expect(allDay.summary).toBe('Jane Doe: Talk to Sam about the roadmap');
    expect(allDay.description).toBe("How you'll know: I will email you\nSupport: A script\nFrom the session with Jane Doe on 2026-11-20.");

    expect(timed.startDate.isDate).toBe(false);
    expect(timed.startDate.toString()).toBe('2026-12-03T09:30:00');
    expect(timed.startDate.zone?.tzid).toBe('floating');
    expect(timed.duration.toSeconds()).toBe(30 * 60);

    const vevent = timed.component;
    expect(vevent.getFirstPropertyValue('dtstamp')?.toString()).toBe('2026-11-21T09:30:00Z');
    expect(timed.sequence).toBe(Math.floor((NOW - Date.UTC(2024, 0, 1)) / 1000));
  });

  it('client version leaves out private commitments and the client name', () => {
    const evs = events(ics(true));
    expect(evs.map((e) => e.uid)).toEqual(['k1@holdspace', 'k2@holdspace']);
    expect(evs[0]!.summary).toBe('Commitment: Talk to Sam about the roadmap');
    expect(evs[0]!.description).toContain('From our coaching session on 2026-11-20.');
  });

  it('a later export keeps the UID and raises SEQUENCE, so calendars update instead of duplicating', () => {
    const first = events(ics(false));
    const second = events(ics(false, bundle(), NOW + 3_600_000));
    expect(second.map((e) => e.uid)).toEqual(first.map((e) => e.uid));
    expect(second[0]!.sequence).toBeGreaterThan(first[0]!.sequence);
  });

  it('ends lines in CRLF, folds at 75 octets without splitting UTF-8, and escapes TEXT', () => {
    const hostile = `${HOSTILE.script}; a, b \\ c\n${HOSTILE.rtl} ${HOSTILE.emoji} ${HOSTILE.link} ${'é'.repeat(80)}`;
    const text = ics(false, hostileBundle(hostile));
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
    // No line holds a broken UTF-8 sequence (TextDecoder with fatal would throw on one).
    for (const line of text.split('\r\n')) {
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(new TextEncoder().encode(line))).not.toThrow();
    }
    const [first] = events(text);
    expect(first!.summary).toBe(`${hostile}: ${hostile}`);
    expect(first!.description).toContain(`How you'll know: ${hostile}`);
  });

  it('skips commitments without a valid due date and still makes a valid calendar', () => {
    const b = bundle();
    b.items = b.items.map((i) => ({ ...i, due: i.id === 'k1' ? '2026-02-30' : '' }));
    const text = ics(false, b);
    expect(events(text)).toEqual([]);
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
  });
});

describe('ics helpers', () => {
  it('escapeIcsText escapes backslash, semicolon, comma and newline', () => {
    expect(escapeIcsText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('foldIcsLine folds at 75 octets and unfolds back to the same line', () => {
    const line = `DESCRIPTION:${'🙂'.repeat(40)}${'x'.repeat(100)}`;
    const folded = foldIcsLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(2);
    for (const part of parts) expect(octets(part)).toBeLessThanOrEqual(75);
    expect(parts.slice(1).every((p) => p.startsWith(' '))).toBe(true);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
    expect(foldIcsLine('SHORT:1')).toBe('SHORT:1');
  });
});

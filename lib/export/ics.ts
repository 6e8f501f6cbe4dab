/**
 * The session's commitments with a due date as an RFC 5545 calendar: one VEVENT each — all-day when only
 * a date was set, a 30-minute event at that local (floating) time when a time was set — and, when the
 * summary plans one, the next session (all-day, or timed and as long as this session was planned). VEVENT rather than
 * VTODO because the calendars coaches use (Google, Outlook, Apple) import events but ignore to-dos.
 *
 * Re-importing updates rather than duplicates: UID is `<itemId>@holdspace` and SEQUENCE grows with the
 * export time. Text is escaped (`\ ; ,` and newlines), lines end in CRLF and are folded at 75 octets
 * without splitting a UTF-8 sequence.
 */
import { cleanText } from './clean';
import { parseDue, type DueDate } from '../model/dates';
import type { ExportOptions } from './options';
import type { SummaryDoc, SummaryItem } from './summary-model';

const SEQUENCE_EPOCH = Date.UTC(2024, 0, 1);
const MAX_OCTETS = 75;
const encoder = new TextEncoder();

/** RFC 5545 §3.3.11 TEXT escaping, after the cleaning every export does. */
export function escapeIcsText(text: string): string {
  return cleanText(text).replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\n/g, '\\n');
}

/** RFC 5545 §3.1 folding: at most 75 octets per line, continuation lines start with a space. */
export function foldIcsLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (octets + size > MAX_OCTETS) {
      out.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n');
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function utcStamp(at: number): string {
  const d = new Date(at);
  return `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;
}

const dateValue = (d: { year: number; month: number; day: number }) => `${pad(d.year, 4)}${pad(d.month)}${pad(d.day)}`;

function nextDay(d: DueDate) {
  const next = new Date(Date.UTC(d.year, d.month - 1, d.day + 1));
  return { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() };
}

function when(d: DueDate, minutes = 30): string[] {
  if (!d.time) return [`DTSTART;VALUE=DATE:${dateValue(d)}`, `DTEND;VALUE=DATE:${dateValue(nextDay(d))}`];
  return [`DTSTART:${dateValue(d)}T${pad(d.time.hour)}${pad(d.time.minute)}00`, `DURATION:PT${minutes}M`];
}

/** The planned next session, when the summary holds a valid one. */
export function nextSessionDate(doc: SummaryDoc): DueDate | null {
  return parseDue(doc.nextSession);
}

/** How many events the calendar file holds: dated commitments, and the next session if planned. */
export function calendarEventCount(doc: SummaryDoc): number {
  return datedCommitments(doc).length + (nextSessionDate(doc) ? 1 : 0);
}

/** The commitments the calendar will hold (those with a valid due date), in order. */
export function datedCommitments(doc: SummaryDoc): { item: SummaryItem; due: DueDate }[] {
  return doc.commitments.flatMap((item) => {
    const due = parseDue(item.due);
    return due ? [{ item, due }] : [];
  });
}

function description(doc: SummaryDoc, item: SummaryItem): string {
  return [
    item.howWillYouKnow.trim() ? `How you'll know: ${item.howWillYouKnow}` : '',
    item.support.trim() ? `Support: ${item.support}` : '',
    doc.clientVersion ? `From our coaching session on ${doc.date}.` : `From the session with ${doc.client.name} on ${doc.date}.`,
  ]
    .filter(Boolean)
    .join('\n');
}

export function toIcs(doc: SummaryDoc, options: ExportOptions = {}): string {
  const now = (options.now ?? Date.now)();
  const sequence = Math.max(0, Math.floor((now - SEQUENCE_EPOCH) / 1000));
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Holdspace//Session commitments//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  for (const { item, due } of datedCommitments(doc)) {
    const title = doc.clientVersion ? `Commitment: ${item.text}` : `${doc.client.name}: ${item.text}`;
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeIcsText(`${item.id}@holdspace`)}`,
      `DTSTAMP:${utcStamp(now)}`,
      `SEQUENCE:${sequence}`,
      ...when(due),
      `SUMMARY:${escapeIcsText(title)}`,
      `DESCRIPTION:${escapeIcsText(description(doc, item))}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  const next = nextSessionDate(doc);
  if (next) {
    // Timed: as long as this session was planned; a date alone: an all-day placeholder.
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeIcsText(`${doc.sessionId}-next-session@holdspace`)}`,
      `DTSTAMP:${utcStamp(now)}`,
      `SEQUENCE:${sequence}`,
      ...when(next, doc.plannedMinutes),
      `SUMMARY:${escapeIcsText(doc.clientVersion ? 'Our next coaching session' : `Next session with ${doc.client.name}`)}`,
      `DESCRIPTION:${escapeIcsText(`Planned at the end of our session on ${doc.date}.`)}`,
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldIcsLine).join('\r\n') + '\r\n';
}

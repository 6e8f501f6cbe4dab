/**
 * Calendar dates for exports. Pure: the time zone comes in as a function (minutes east of UTC at a given
 * instant), so tests are the same on every machine; the default is the machine's local zone.
 */
import type { Millis } from '../model/types';

/** Minutes east of UTC at an instant (UTC+1 → 60). */
export type ZoneOffset = (at: Millis) => number;

export const localZone: ZoneOffset = (at) => -new Date(at).getTimezoneOffset();

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The wall-clock parts of an instant in the given zone. */
export function wallClock(at: Millis, zone: ZoneOffset = localZone) {
  const d = new Date(at + zone(at) * 60_000);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
  };
}

/** `YYYY-MM-DD` of an instant in the given zone. */
export function isoDate(at: Millis, zone: ZoneOffset = localZone): string {
  const w = wallClock(at, zone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

/** `HH:mm` of an instant in the given zone. */
export function isoTime(at: Millis, zone: ZoneOffset = localZone): string {
  const w = wallClock(at, zone);
  return `${pad(w.hour)}:${pad(w.minute)}`;
}

export interface DueDate {
  year: number;
  month: number;
  day: number;
  /** Present when a time was set (local wall-clock time). */
  time: { hour: number; minute: number } | null;
}

const DUE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/;

/**
 * Parses a commitment's due value (`YYYY-MM-DD` or `YYYY-MM-DDTHH:mm`). Returns null for '' and for
 * anything that is not a real calendar date between 1900 and 2200.
 */
export function parseDue(due: string): DueDate | null {
  const m = DUE_PATTERN.exec(due);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return null;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  if (m[4] === undefined) return { year, month, day, time: null };
  const [hour, minute] = [Number(m[4]), Number(m[5])];
  if (hour > 23 || minute > 59) return null;
  return { year, month, day, time: { hour, minute } };
}

/** A due value as people read it: `2026-12-01` or `2026-12-01 09:30`. Unparseable values pass through. */
export function formatDue(due: string): string {
  const d = parseDue(due);
  if (!d) return due;
  const date = `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
  return d.time ? `${date} ${pad(d.time.hour)}:${pad(d.time.minute)}` : date;
}

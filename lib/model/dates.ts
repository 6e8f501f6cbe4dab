/**
 * Dates, once: the due-date pattern and its range check, parsing, "is it overdue", and the formatters —
 * `formatDueIso` for exports (2026-12-01 09:30), `formatDueShort` and `formatDay`/`formatTime` for the UI in
 * the browser's locale. Pure: `now` and, for exports, the time zone come in as arguments. Instants are
 * milliseconds since the epoch.
 */

import { LIMITS } from './limits';

type Millis = number;

/** A due value: `YYYY-MM-DD` (a whole day) or `YYYY-MM-DDTHH:mm` (local wall-clock time). */
const DUE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/;

export interface DueDate {
  year: number;
  month: number;
  day: number;
  /** Present when a time was set (local wall-clock time). */
  time: { hour: number; minute: number } | null;
}

export const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * Parses a due value. Returns null for '' and for anything that is not a real calendar date (and time)
 * between the record's first and last year.
 */
export function parseDue(due: string): DueDate | null {
  const m = DUE_PATTERN.exec(due);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < LIMITS.minYear || year > LIMITS.maxYear || month < 1 || month > 12 || day < 1) return null;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  if (m[4] === undefined) return { year, month, day, time: null };
  const [hour, minute] = [Number(m[4]), Number(m[5])];
  if (hour > 23 || minute > 59) return null;
  return { year, month, day, time: { hour, minute } };
}

/** True for a due value naming a real date (with a time only when `allowTime`). */
export function isDueValue(value: string, allowTime = true): boolean {
  const due = parseDue(value);
  return due !== null && (allowTime || due.time === null);
}

/** The local instant a due value names (midnight for a whole day); NaN when it is not a due value. */
export function dueInstant(due: string): Millis {
  const d = parseDue(due);
  if (!d) return Number.NaN;
  return new Date(d.year, d.month - 1, d.day, d.time?.hour ?? 0, d.time?.minute ?? 0).getTime();
}

/** Overdue: a whole-day due date from the next day on (it is due all day); a timed one from its minute. */
export function isOverdue(due: string, now: Millis): boolean {
  const d = parseDue(due);
  if (!d) return false;
  if (d.time) return dueInstant(due) < now;
  return new Date(d.year, d.month - 1, d.day + 1).getTime() <= now;
}

/** `YYYY-MM-DD` of a due date, without its time. */
export function dueDay(d: DueDate): string {
  return `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
}

/** A due value for exports: `2026-12-01` or `2026-12-01 09:30`. Unparseable values pass through. */
export function formatDueIso(due: string): string {
  const d = parseDue(due);
  if (!d) return due;
  return d.time ? `${dueDay(d)} ${pad(d.time.hour)}:${pad(d.time.minute)}` : dueDay(d);
}

// --- Instants, in a given time zone (exports) ---

/** Minutes east of UTC at an instant (UTC+1 → 60). */
export type ZoneOffset = (at: Millis) => number;

export const localZone: ZoneOffset = (at) => -new Date(at).getTimezoneOffset();

/** The wall-clock parts of an instant in the given zone. */
export function wallClock(at: Millis, zone: ZoneOffset = localZone) {
  const d = new Date(at + zone(at) * 60_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes() };
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

// --- The UI: the browser's locale ---

const DAY = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
const DAY_SHORT = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const TIME = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

/** "12 Dec" in the current year (when `now` is given), else "12 Dec 2026". */
export function formatDay(ms: Millis, now?: Millis): string {
  if (now !== undefined && new Date(ms).getFullYear() === new Date(now).getFullYear()) return DAY_SHORT.format(ms);
  return DAY.format(ms);
}

export function formatTime(ms: Millis): string {
  return TIME.format(ms);
}

/** A due value in words: "12 Dec", "12 Dec, 14:00". Unparseable values pass through. */
export function formatDueShort(due: string, now?: Millis): string {
  const d = parseDue(due);
  if (!d) return due;
  const at = dueInstant(due);
  return d.time ? `${formatDay(at, now)}, ${formatTime(at)}` : formatDay(at, now);
}

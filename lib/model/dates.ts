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

/**
 * The same moment `months` calendar months earlier, in local time; a day the earlier month lacks becomes its
 * last (31 March less one month: 28 or 29 February).
 */
export function monthsBefore(at: Millis, months: number): Millis {
  const d = new Date(at);
  const day = d.getDate();
  d.setDate(1);
  d.setMonth(d.getMonth() - months);
  const last = new Date(d.getFullYear(), d.getMonth() + 1, 0).getDate();
  d.setDate(Math.min(day, last));
  return d.getTime();
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

// --- Due dates as a coach says them ("fri", "next week", "+7", "15/12", "Dec 15") ---

/** Which comes first in an all-number date: the day ("15/12", most of the world) or the month ("12/15", the US). */
export type DayMonthOrder = 'dm' | 'md';

/** The day/month order of a locale (the browser's when none is given), read from how it writes 15 December. */
export function dayMonthOrder(locale?: string): DayMonthOrder {
  const parts = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'numeric' }).formatToParts(new Date(2026, 11, 15));
  const day = parts.findIndex((p) => p.type === 'day');
  const month = parts.findIndex((p) => p.type === 'month');
  return month >= 0 && month < day ? 'md' : 'dm';
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
/** Longer spellings people type, beyond the three letters and the full name. */
const WEEKDAY_ALIASES: Record<string, number> = { tues: 2, weds: 3, thur: 4, thurs: 4 };
const FULL_WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const FULL_MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** 0 (Sunday) … 6, for "fri", "friday", "thurs"; -1 otherwise. */
function weekdayOf(word: string): number {
  if (WEEKDAY_ALIASES[word] !== undefined) return WEEKDAY_ALIASES[word];
  const full = FULL_WEEKDAYS.indexOf(word);
  return full >= 0 ? full : WEEKDAYS.indexOf(word);
}

/** 1 … 12, for "dec", "december", "sept"; 0 otherwise. */
function monthOf(word: string): number {
  const w = word.replace(/\.$/, '');
  if (w === 'sept') return 9;
  const full = FULL_MONTHS.indexOf(w);
  return (full >= 0 ? full : MONTHS.indexOf(w)) + 1;
}

/** A calendar day as a due value, or null when it is not a real day in the record's range. */
function dayValue(year: number, month: number, day: number): string | null {
  const value = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  return parseDue(value) ? value : null;
}

/** The local day `days` after the day of `at` (month and year roll over). */
function addDays(at: Date, days: number): string | null {
  return fromDate(new Date(at.getFullYear(), at.getMonth(), at.getDate() + days));
}

function fromDate(d: Date): string | null {
  return dayValue(d.getFullYear(), d.getMonth() + 1, d.getDate());
}

/** The same day `months` later, on the month's last day when it has fewer days (31 Jan + 1 month → 28/29 Feb). */
function addMonths(at: Date, months: number): string | null {
  const last = new Date(at.getFullYear(), at.getMonth() + months + 1, 0);
  return fromDate(new Date(last.getFullYear(), last.getMonth(), Math.min(at.getDate(), last.getDate())));
}

/**
 * How a day typed without a year ("Dec 1", "1/12") is read: `next`, the next one from today on, today included (a due date);
 * `nearest`, the one closest to today, this year, last or next (an engagement's start, usually just past).
 */
export type Yearless = 'next' | 'nearest';

function occurrence(today: Date, month: number, day: number, yearless: Yearless): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const year = today.getFullYear();
  if (yearless === 'nearest') {
    const days = (y: number) => Math.abs(new Date(y, month - 1, day).getTime() - today.getTime());
    const candidates = [year, year - 1, year + 1].filter((y) => dayValue(y, month, day) !== null);
    const best = candidates.sort((a, b) => days(a) - days(b))[0];
    return best === undefined ? null : dayValue(best, month, day);
  }
  const thisYear = dayValue(year, month, day);
  if (thisYear && new Date(year, month - 1, day) >= today) return thisYear;
  return dayValue(year + 1, month, day);
}

const fullYear = (y: string): number => (y.length <= 2 ? 2000 + Number(y) : Number(y));

/** "14:00", "2pm", "9.30am", "1430" → `HH:mm`; null when it is not a time of day. */
export function parseTimeText(text: string): string | null {
  const m = /^(\d{1,2})(?:[:.h]?(\d{2}))?\s*(am|pm|a|p)?$/i.exec(text.trim());
  if (!m) return null;
  let hour = Number(m[1]);
  const minute = m[2] === undefined ? 0 : Number(m[2]);
  const half = m[3]?.toLowerCase()[0];
  if (minute > 59) return null;
  if (half) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (half === 'p' ? 12 : 0);
  } else if (hour > 23) return null;
  return `${pad(hour)}:${pad(minute)}`;
}

const UNIT_DAYS: Record<string, number> = { d: 1, day: 1, days: 1, w: 7, wk: 7, wks: 7, week: 7, weeks: 7 };
const UNIT_MONTHS = new Set(['m', 'mo', 'month', 'months']);

/** The day part of a typed due date (no time), or null. */
function parseDayText(text: string, today: Date, order: DayMonthOrder, yearless: Yearless): string | null {
  const t = text.replace(/,/g, ' ').replace(/\s+/g, ' ').trim();
  if (t === 'today' || t === 'tod') return addDays(today, 0);
  if (t === 'tomorrow' || t === 'tmr' || t === 'tmrw' || t === 'tom') return addDays(today, 1);
  if (t === 'next week') return addDays(today, 7);
  if (t === 'next month') return addMonths(today, 1);

  // Weekdays: "fri", "this friday" → the next one after today; "next fri" → the one in next week (weeks start on Monday).
  const wd = /^(this |next |on )?([a-z]+)$/.exec(t);
  if (wd && weekdayOf(wd[2]!) >= 0) {
    const target = weekdayOf(wd[2]!);
    const ahead = (target - today.getDay() + 7) % 7 || 7;
    if (wd[1] !== 'next ') return addDays(today, ahead);
    const mondayNext = (1 - today.getDay() + 7) % 7 || 7; // days to next week's Monday
    return addDays(today, mondayNext + ((target + 6) % 7));
  }

  // "+7", "+2w", "in 2 weeks", "in a month", "3 days".
  const rel = /^(?:\+ ?|in )?(\d{1,4}|a|an|one) ?([a-z]+)?$/.exec(t);
  if (rel && (t.startsWith('+') || t.startsWith('in ') || rel[2])) {
    const n = /^\d/.test(rel[1]!) ? Number(rel[1]) : 1;
    const unit = rel[2] ?? 'd';
    if (UNIT_DAYS[unit] !== undefined) return addDays(today, n * UNIT_DAYS[unit]);
    if (UNIT_MONTHS.has(unit)) return addMonths(today, n);
  }

  // ISO: 2026-12-15.
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (iso) return dayValue(Number(iso[1]), Number(iso[2]), Number(iso[3]));

  // All numbers: "15/12", "15.12.2026", "12/15/26", in the locale's order; the other order when only it is a real day.
  const num = /^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2}|\d{4}))?$/.exec(t);
  if (num) {
    const [a, b] = [Number(num[1]), Number(num[2])];
    const readings =
      order === 'dm'
        ? [
            [b, a],
            [a, b],
          ]
        : [
            [a, b],
            [b, a],
          ];
    for (const [month, day] of readings as [number, number][]) {
      if (month > 12) continue;
      const value = num[3] ? dayValue(fullYear(num[3]), month, day) : occurrence(today, month, day, yearless);
      if (value) return value;
    }
    return null;
  }

  // Month names: "Dec 15", "15 Dec", "December 15th 2026", "15th of December".
  const named =
    /^([a-z]+\.?) (\d{1,2})(?:st|nd|rd|th)?(?: (\d{4}))?$/.exec(t) ??
    /^(\d{1,2})(?:st|nd|rd|th)?(?: of)? ([a-z]+\.?)(?: (\d{4}))?$/.exec(t);
  if (named) {
    const [word, dayText] = /^\d/.test(named[1]!) ? [named[2]!, named[1]!] : [named[1]!, named[2]!];
    const month = monthOf(word);
    if (month === 0) return null;
    return named[3] ? dayValue(Number(named[3]), month, Number(dayText)) : occurrence(today, month, Number(dayText), yearless);
  }
  return null;
}

/**
 * A due date as a coach types it → a due value (`YYYY-MM-DD`, or `YYYY-MM-DDTHH:mm` when a time follows:
 * "fri 14:00", "tomorrow at 9am"). '' for an empty text; null when it is not understood or not a real day.
 * Relative to the local day of `now`; "15/12" is read in `order` (the browser locale's by default), and a day
 * without a year as `yearless` says (the next one by default).
 */
export function parseDueText(
  text: string,
  now: Millis,
  order: DayMonthOrder = dayMonthOrder(),
  yearless: Yearless = 'next',
): string | null {
  const t = text.trim().toLowerCase();
  if (t === '') return '';
  const n = new Date(now);
  const today = new Date(n.getFullYear(), n.getMonth(), n.getDate());
  const timed = /^(.*?)(?: at |\s*@\s*| )(\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm|a|p)|\d{1,2}[:.]\d{2})$/.exec(t);
  if (timed) {
    const day = parseDayText(timed[1]!, today, order, yearless);
    const time = parseTimeText(timed[2]!);
    if (day && time) return `${day}T${time}`;
  }
  return parseDayText(t, today, order, yearless);
}

const ECHO_DAY = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short' });
const ECHO_DAY_YEAR = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });

/** A due value as the field's echo says it: "Fri 4 Dec", "Fri 4 Dec 2027", "Fri 4 Dec, 14:00". */
export function formatDueEcho(due: string, now: Millis): string {
  const d = parseDue(due);
  if (!d) return due;
  const at = dueInstant(due);
  const day = (new Date(now).getFullYear() === d.year ? ECHO_DAY : ECHO_DAY_YEAR).format(at).replace(/,(?= \d)/, '');
  return d.time ? `${day}, ${formatTime(at)}` : day;
}

/** Examples of what the due-date field accepts, in the given day/month order. */
export function dueTextExamples(order: DayMonthOrder = dayMonthOrder()): string {
  return `fri, next week, +7, ${order === 'dm' ? '15/12' : '12/15'}, Dec 15`;
}

/**
 * The due value of a typed day and an optional typed time ("fri" + "14:00" → `2026-12-04T14:00`). '' when no
 * day is typed (a time alone is no due date); null when either is not understood. A time typed in the day
 * text ("fri 2pm") counts unless the time has its own field filled.
 */
export function dueFromTyped(
  dayText: string,
  timeText: string,
  now: Millis,
  order: DayMonthOrder = dayMonthOrder(),
  yearless: Yearless = 'next',
): string | null {
  const day = parseDueText(dayText, now, order, yearless);
  if (day === null || day === '' || timeText.trim() === '') return day;
  const time = parseTimeText(timeText);
  return time === null ? null : `${day.slice(0, 10)}T${time}`;
}

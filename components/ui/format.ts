/** Dates as a coach reads them, in the browser's locale. Pure: `now` is passed in where it matters. */

const DAY = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
const DAY_SHORT = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const TIME = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

export function formatDay(ms: number, now?: number): string {
  if (now !== undefined && new Date(ms).getFullYear() === new Date(now).getFullYear()) return DAY_SHORT.format(ms);
  return DAY.format(ms);
}

export function formatTime(ms: number): string {
  return TIME.format(ms);
}

/** Local midnight of a `YYYY-MM-DD` (or the exact local time of `YYYY-MM-DDTHH:mm`); NaN if malformed. */
export function parseDue(due: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/.exec(due);
  if (!m) return Number.NaN;
  const [, y, mo, d, h, mi] = m;
  return new Date(Number(y), Number(mo) - 1, Number(d), Number(h ?? 0), Number(mi ?? 0)).getTime();
}

/** A due date in words: "12 Dec", "12 Dec, 14:00"; '' when none. */
export function formatDue(due: string, now?: number): string {
  const at = parseDue(due);
  if (Number.isNaN(at)) return due;
  return due.includes('T') ? `${formatDay(at, now)}, ${formatTime(at)}` : formatDay(at, now);
}

/**
 * Overdue: a date-only due date is overdue from the next day on (it is due all day); a timed one from
 * its minute.
 */
export function isOverdue(due: string, now: number): boolean {
  const at = parseDue(due);
  if (Number.isNaN(at)) return false;
  if (due.includes('T')) return at < now;
  const endOfDay = new Date(at);
  endOfDay.setDate(endOfDay.getDate() + 1);
  return endOfDay.getTime() <= now;
}

/** "Ana" → "Ana's"; "James" → "James'". */
export const possessive = (name: string) => (/s$/i.test(name) ? `${name}'` : `${name}'s`);

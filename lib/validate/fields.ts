/**
 * Field checks used at the boundary of every write. Each returns the clean value or throws a typed
 * `invalid` HoldspaceError naming the field, with a sentence a coach can read. Input arrives over
 * messaging, so every check also refuses the wrong type.
 */
import { fail, HoldspaceError, ok, type Result } from '../api/result';

export const MAX_NAME_LENGTH = 200;
export const MAX_TEXT_LENGTH = 20_000;
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2200;
export const MIN_MINUTES = 5;
export const MAX_MINUTES = 240;

export function invalid(message: string, field: string): HoldspaceError {
  return new HoldspaceError('invalid', message, field);
}

/** Runs checks that throw and returns their outcome as a Result. */
export function guard<T>(check: () => T): Result<T> {
  try {
    return ok(check());
  } catch (error) {
    if (error instanceof HoldspaceError) return fail(error.code, error.message, error.field);
    throw error;
  }
}

/** Throws the error of a failed Result, else gives its value. */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new HoldspaceError(result.error.code, result.error.message, result.error.field);
}

function string(value: unknown, field: string, label: string): string {
  if (typeof value !== 'string') throw invalid(`${label} must be text.`, field);
  return value;
}

/** A required name: trimmed, not empty, at most 200 characters. */
export function name(value: unknown, field = 'name', label = 'The name'): string {
  const trimmed = string(value, field, label).trim();
  if (!trimmed) throw invalid(`${label} cannot be empty.`, field);
  if (trimmed.length > MAX_NAME_LENGTH) throw invalid(`${label} is too long: at most ${MAX_NAME_LENGTH} characters.`, field);
  return trimmed;
}

/** Free text, kept as typed (autosave must not eat a trailing space); '' when absent. At most 20,000 characters. */
export function text(value: unknown, field: string, label = 'This text'): string {
  if (value === undefined) return '';
  const s = string(value, field, label);
  if (s.length > MAX_TEXT_LENGTH) throw invalid(`${label} is too long: at most 20,000 characters.`, field);
  return s;
}

/** Free text that must say something. */
export function requiredText(value: unknown, field: string, label: string): string {
  const s = text(value ?? '', field, label);
  if (!s.trim()) throw invalid(`${label} cannot be empty.`, field);
  return s;
}

const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/** An email address or ''. Trimmed. */
export function email(value: unknown, field = 'email'): string {
  if (value === undefined) return '';
  const s = string(value, field, 'The email address').trim();
  if (s && (s.length > 254 || !EMAIL.test(s))) throw invalid(`"${s}" doesn't look like an email address.`, field);
  return s;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/;

/** True for `YYYY-MM-DD` or `YYYY-MM-DDTHH:mm` naming a real calendar date and time, years 1900–2200. */
export function isValidDate(value: string, allowTime = true): boolean {
  const m = DATE.exec(value);
  if (!m || (!allowTime && m[4] !== undefined)) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return false;
  if (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59)) return false;
  return true;
}

/** A due date: '' (none), `YYYY-MM-DD` or `YYYY-MM-DDTHH:mm`. */
export function dueDate(value: unknown, field = 'due'): string {
  if (value === undefined) return '';
  const s = string(value, field, 'The date').trim();
  if (s && !isValidDate(s)) throw invalid(`"${s}" is not a date Holdspace can use: write it as 2026-12-01 (or 2026-12-01T09:30), years ${MIN_YEAR}–${MAX_YEAR}.`, field);
  return s;
}

/** A required day, `YYYY-MM-DD`. */
export function day(value: unknown, field: string): string {
  const s = string(value, field, 'The date').trim();
  if (!isValidDate(s, false)) throw invalid(`"${s}" is not a date Holdspace can use: write it as 2026-12-01, years ${MIN_YEAR}–${MAX_YEAR}.`, field);
  return s;
}

export function oneOf<T extends string>(value: unknown, allowed: readonly T[], field: string, label: string): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw invalid(`${label} must be one of: ${allowed.join(', ')}.`, field);
  }
  return value as T;
}

export function bool(value: unknown, field: string, label: string): boolean {
  if (typeof value !== 'boolean') throw invalid(`${label} must be yes or no.`, field);
  return value;
}

/** Planned session length: whole minutes, 5–240. */
export function minutes(value: unknown, field = 'plannedMinutes'): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < MIN_MINUTES || value > MAX_MINUTES) {
    throw invalid(`The planned length must be between ${MIN_MINUTES} and ${MAX_MINUTES} minutes.`, field);
  }
  return value;
}

/** An id or key: non-empty text, at most 200 characters. */
export function id(value: unknown, field: string): string {
  if (typeof value !== 'string' || !value || value.length > MAX_NAME_LENGTH) throw invalid(`A valid ${field} is needed.`, field);
  return value;
}

/** An id argument of a request. */
export function validateId(value: unknown, field: string): Result<string> {
  return guard(() => id(value, field));
}

export function object(value: unknown, field: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid(`The ${field} is missing or malformed.`, field);
  return value as Record<string, unknown>;
}

/** A list of short texts (goals, tags): each trimmed, blanks dropped, each within `max` characters. */
export function textList(value: unknown, field: string, label: string, max = MAX_TEXT_LENGTH): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw invalid(`${label} must be a list.`, field);
  if (value.length > 100) throw invalid(`${label}: at most 100.`, field);
  return value
    .map((entry) => string(entry, field, label).trim())
    .filter((entry) => {
      if (entry.length > max) throw invalid(`${label}: each can be at most ${max.toLocaleString('en')} characters.`, field);
      return entry !== '';
    });
}

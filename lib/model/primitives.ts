/**
 * The field schemas every record is built from, with their limits (lib/model/limits.ts) and the words a
 * coach reads when a value is refused. A message is a predicate ("cannot be empty"); lib/model/check.ts puts
 * the field's name in front of it.
 */
import * as v from 'valibot';
import { count, LIMITS } from './limits';
import { isDueValue } from './dates';

export type Id = string;
/** Milliseconds since the epoch. */
export type Millis = number;

const MIN_DATE = Date.UTC(LIMITS.minYear, 0, 1);
const MAX_DATE = Date.UTC(LIMITS.maxYear + 1, 0, 1);

const tooLong = (max: number) => `is too long: at most ${count(max)} characters`;

/** Half of a surrogate pair on its own: a character broken by a cut-off paste or a damaged file. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
export const BROKEN_CHARACTER = 'holds a broken character (half of an emoji or symbol): type or paste that part again';

/** Text of any kind: a string whose characters are whole. */
const string = v.pipe(
  v.string('must be text'),
  v.check((s: string) => !LONE_SURROGATE.test(s), BROKEN_CHARACTER),
);

export const Bool = v.boolean('must be true or false');

export const Millis = v.pipe(
  v.number('must be a date (milliseconds since 1970)'),
  v.integer('must be a whole number of milliseconds'),
  v.minValue(MIN_DATE, `is a date before ${LIMITS.minYear}`),
  v.maxValue(MAX_DATE, `is a date after ${LIMITS.maxYear}`),
);

/** A whole number, 0 or more. */
export const Count = v.pipe(v.number('must be a number'), v.integer('must be a whole number'), v.minValue(0, 'cannot be negative'));

export const Id = v.pipe(
  v.string('must be text'),
  v.minLength(1, 'cannot be empty'),
  v.maxLength(LIMITS.idLength, tooLong(LIMITS.idLength)),
);

/** Free text, kept as typed (autosave must not eat a trailing space). */
export const Text = v.pipe(string, v.maxLength(LIMITS.textLength, tooLong(LIMITS.textLength)));

/** Free text that must say something; kept as typed. */
export const RequiredText = v.pipe(
  Text,
  v.check((s: string) => s.trim().length > 0, 'cannot be empty'),
);

/** A required name: trimmed, not empty. */
export const Name = v.pipe(string, v.trim(), v.nonEmpty('cannot be empty'), v.maxLength(LIMITS.nameLength, tooLong(LIMITS.nameLength)));

const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/** An e-mail address or '' (none), trimmed. */
export const Email = v.pipe(
  string,
  v.trim(),
  v.check(
    (s: string) => s === '' || (s.length <= LIMITS.emailLength && EMAIL.test(s)),
    "doesn't look like an email address (name@example.com)",
  ),
);

const yearRange = `years ${LIMITS.minYear}–${LIMITS.maxYear}`;

/** A due date: '' (none), `YYYY-MM-DD` or `YYYY-MM-DDTHH:mm`. */
export const Due = v.pipe(
  string,
  v.trim(),
  v.check((s: string) => s === '' || isDueValue(s), `is not a real date: write it as 2026-12-01 (or 2026-12-01T09:30), ${yearRange}`),
);

/** A required day, `YYYY-MM-DD`. */
export const Day = v.pipe(
  v.string('must be a date'),
  v.trim(),
  v.check((s: string) => isDueValue(s, false), `is not a real date: write it as 2026-12-01, ${yearRange}`),
);

const range = ({ min, max }: { min: number; max: number }, unit: string) =>
  v.pipe(
    v.number(`must be a number of ${unit}`),
    v.integer(`must be whole ${unit}`),
    v.minValue(min, `must be between ${min} and ${max} ${unit}`),
    v.maxValue(max, `must be between ${min} and ${max} ${unit}`),
  );

/** A session's planned length. */
export const SessionMinutes = range(LIMITS.sessionMinutes, 'minutes');
export const WarningMinutes = range(LIMITS.warningMinutes, 'minutes');

export const Percent = v.pipe(
  v.number('must be a number'),
  v.minValue(LIMITS.phasePercent.min, 'cannot be negative'),
  v.maxValue(LIMITS.phasePercent.max, `cannot be over ${LIMITS.phasePercent.max}`),
);

/** A position in a list: any finite number. */
export const Order = v.pipe(v.number('must be a number'), v.finite('must be a number'));

/** A short list of texts (goals, tags): each trimmed, blanks dropped, each within `max` characters. */
export function textList(max: number) {
  return v.pipe(
    v.array(v.pipe(string, v.trim(), v.maxLength(max, `has an entry that ${tooLong(max)}`)), 'must be a list'),
    v.maxLength(LIMITS.listEntries, `has more than ${LIMITS.listEntries} entries`),
    v.transform((list: string[]) => list.filter((entry) => entry !== '')),
  );
}

/** A list that grows inside one record (reviews, asked questions, check-ins). */
export function recordList<T extends v.GenericSchema>(item: T) {
  return v.pipe(v.array(item, 'must be a list'), v.maxLength(LIMITS.recordEntries, `has more than ${count(LIMITS.recordEntries)} entries`));
}

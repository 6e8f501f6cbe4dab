/** Whatever is typed but not yet added, kept in the store so a reload or a crash loses nothing. */
import * as v from 'valibot';
import { LIMITS } from './limits';
import { Id, Millis } from './primitives';

/** A few fields of half-typed text; its stored form stays under LIMITS.draftChars characters of JSON. */
export const DraftValueSchema = v.pipe(
  v.record(v.string(), v.unknown(), 'must be an object'),
  v.check((value) => jsonLength(value) >= 0, 'holds something that is not plain text'),
  v.check((value) => jsonLength(value) <= LIMITS.draftChars, 'is too long to keep'),
);

function jsonLength(value: unknown): number {
  try {
    return JSON.stringify(value).length;
  } catch {
    return -1;
  }
}

/** Keyed by purpose, e.g. `capture:<sessionId>`. */
export const DraftSchema = v.object({ key: Id, value: DraftValueSchema, updatedAt: Millis });
export type Draft = v.InferOutput<typeof DraftSchema>;

/** The same draft, whatever the order of its fields (a compare-and-set compares what was seen with what is stored). */
export function sameDraftValue(a: Record<string, unknown> | null, b: Record<string, unknown> | null): boolean {
  if (a === null || b === null) return a === b;
  const canonical = (value: Record<string, unknown>) =>
    JSON.stringify(Object.entries(value).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)));
  return canonical(a) === canonical(b);
}

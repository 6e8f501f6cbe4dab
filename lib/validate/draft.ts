/** Validation of drafts and of date ranges asked for by queries. */
import type { Result } from '../api/result';
import { day, guard, id, invalid, object } from './fields';

/** A draft holds a few fields of half-typed text; its stored form stays under this many characters. */
export const MAX_DRAFT_CHARS = 100_000;

export function validateDraft(key: unknown, value: unknown): Result<{ key: string; value: Record<string, unknown> | null }> {
  return guard(() => {
    const k = id(key, 'key');
    if (value === null) return { key: k, value: null };
    const v = object(value, 'value');
    let size: number;
    try {
      size = JSON.stringify(v).length;
    } catch {
      throw invalid('The draft cannot be saved: it holds something that is not plain text.', 'value');
    }
    if (size > MAX_DRAFT_CHARS) throw invalid('The draft is too long to keep.', 'value');
    return { key: k, value: v };
  });
}

/** An inclusive day range, `from` not after `to`. */
export function validateDayRange(from: unknown, to: unknown): Result<{ from: string; to: string }> {
  return guard(() => {
    const range = { from: day(from, 'from'), to: day(to, 'to') };
    if (range.from > range.to) throw invalid('The start of the range comes after its end.', 'from');
    return range;
  });
}

import { expect } from 'vitest';
import type { Result } from '@/lib/api/result';

/** Asserts an `invalid` failure on `field` whose sentence matches `message`. */
export function expectInvalid(result: Result<unknown>, field: string, message?: RegExp): void {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error.code).toBe('invalid');
  expect(result.error.field).toBe(field);
  expect(result.error.message).toMatch(/[.!?]$/);
  if (message) expect(result.error.message).toMatch(message);
}

export function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

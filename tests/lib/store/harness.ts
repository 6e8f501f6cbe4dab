/** A store over a fresh fake-indexeddb database, with a controllable clock and predictable ids. */
import { expect } from 'vitest';
import type { ApiError, Result } from '@/lib/api/result';
import { createDbConnection } from '@/lib/store/db';
import { createStore, type StoreDeps } from '@/lib/store/store';

let counter = 0;
export const T0 = Date.UTC(2026, 10, 21, 9, 0);

export function testStore(overrides: Partial<StoreDeps> = {}) {
  const connection = createDbConnection(`store-test-${++counter}-${Math.random().toString(36).slice(2)}`);
  let t = T0;
  let n = 0;
  const clock = {
    now: () => t,
    advance: (ms: number) => {
      t += ms;
    },
  };
  const api = createStore({ db: connection.get, now: clock.now, newId: () => `id${++n}`, ...overrides });
  return { api, connection, clock };
}

/** The value of a successful call; fails the test with the error otherwise. */
export async function val<T>(call: Promise<Result<T>>): Promise<T> {
  const result = await call;
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** The error of a failed call; fails the test if it succeeded. */
export async function err(call: Promise<Result<unknown>>, code?: ApiError['code'], field?: string): Promise<ApiError> {
  const result = await call;
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error('expected a failure');
  if (code) expect(result.error.code).toBe(code);
  if (field) expect(result.error.field).toBe(field);
  return result.error;
}

type Api = ReturnType<typeof testStore>['api'];

export async function clientAndSession(api: Api, name = 'Ana Lopez', input: { keepNoNotes?: boolean; goals?: string[] } = {}) {
  const client = await val(api.createClient({ input: { name, ...input } }));
  const session = await val(api.startSession({ clientId: client.id }));
  return { client, session };
}

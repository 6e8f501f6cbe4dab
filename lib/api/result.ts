/** Typed outcomes that cross the messaging boundary. Errors are data, so every view can show them. */

export type ErrorCode =
  | 'invalid' // bad input: see `field`
  | 'not-found'
  | 'conflict' // e.g. a client with that name exists, a session is already active
  | 'storage' // IndexedDB refused the write (quota, aborted transaction)
  | 'unavailable' // the background worker could not be reached
  | 'locked' // the lock is on and Holdspace is locked: only unlocking answers
  | 'internal';

export interface ApiError {
  code: ErrorCode;
  /** A sentence a coach can read. */
  message: string;
  /** The input field at fault, for `invalid`. */
  field?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, field?: string): Result<never> => ({
  ok: false,
  error: field === undefined ? { code, message } : { code, message, field },
});

/** Thrown inside the store to abort a transaction with a typed error; turned back into a Result at the boundary. */
export class HoldspaceError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'HoldspaceError';
  }
  toApiError(): ApiError {
    return this.field === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, field: this.field };
  }
}

/** The value of a Result, or its failure thrown as a HoldspaceError (inside the store, to abort a transaction). */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new HoldspaceError(result.error.code, result.error.message, result.error.field);
}

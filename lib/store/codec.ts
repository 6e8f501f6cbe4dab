/**
 * The store's codec: what a record looks like on disk with the lock on. Every field a coach typed goes into
 * ONE encrypted field, `sealed` (AES-GCM, lib/crypto/codec.ts, the whole record as JSON, bound to its store
 * and key); beside it stay clear only the fields IndexedDB's key paths and indexes read — ids, timestamps,
 * statuses, kinds, due dates, order and the derived index keys — listed below (and in the README's Privacy
 * section). With the lock off a record is stored exactly as before.
 */
import { decryptJson, encryptJson } from '../crypto/codec';
import type { StoreName } from './db';

/** The fields left clear per store: the key path and the fields each index reads. Nothing else. */
export const CLEAR_FIELDS = {
  clients: ['id'],
  sessions: ['id', 'clientId', 'startedAt', 'status'],
  items: ['id', 'sessionId', 'order', 'kind', 'clientId', 'open', 'dueKey', 'openDueKey', 'reviewedIn'],
  questions: ['id'],
  questionPrefs: ['questionId'],
  drafts: ['key'],
} as const satisfies Record<Exclude<StoreName, 'meta' | 'searchIndex' | 'dueSummary'>, readonly string[]>;
// Not sealed: `meta` (the lock's own record), `searchIndex` (sealed whole, lib/store/search-store.ts) and
// `dueSummary` (only ids and due dates, the same as `byClientOpenDue`'s clear keys: lib/store/due-summary.ts).

export type SealedStoreName = keyof typeof CLEAR_FIELDS;

/** Each store's key path (the first clear field). */
const keyOf = (store: SealedStoreName, value: Record<string, unknown>): string => String(value[CLEAR_FIELDS[store][0]]);

/** What reads decrypt with and writes encrypt with. Both null with the lock off. */
export interface Codec {
  read: CryptoKey | null;
  write: CryptoKey | null;
}

export const PLAIN: Codec = { read: null, write: null };

export type SealedRecord = Record<string, unknown> & { sealed: Uint8Array };

export function isSealed(value: unknown): value is SealedRecord {
  return typeof value === 'object' && value !== null && (value as { sealed?: unknown }).sealed instanceof Uint8Array;
}

export const isSealedStore = (store: string): store is SealedStoreName => Object.hasOwn(CLEAR_FIELDS, store);

/** Additional data of a record's encryption: a sealed blob opens only in the record it was made for. */
const aad = (store: SealedStoreName, key: string) => `${store}\u0000${key}`;

export async function encodeRecord(key: CryptoKey, store: SealedStoreName, value: Record<string, unknown>): Promise<SealedRecord> {
  const out: Record<string, unknown> = {};
  for (const field of CLEAR_FIELDS[store]) if (value[field] !== undefined) out[field] = value[field];
  out.sealed = await encryptJson(key, value, aad(store, keyOf(store, value)));
  return out as SealedRecord;
}

export function decodeRecord<T>(key: CryptoKey, store: SealedStoreName, stored: SealedRecord): Promise<T> {
  return decryptJson<T>(key, stored.sealed, aad(store, keyOf(store, stored)));
}

/**
 * AES-GCM (256-bit, WebCrypto) for single records: a fresh random 96-bit IV per seal, and additional data
 * that binds a ciphertext to where it belongs (the store and the record's key), so a sealed blob moved to
 * another record fails to open. Layout of a sealed value: [version 1][IV 12 bytes][ciphertext + 16-byte tag].
 */
import { fromUtf8, own, randomBytes, utf8 } from './bytes';

export const SEALED_VERSION = 1;
const IV_BYTES = 12;

/** Thrown when a sealed value does not open: damaged, tampered with, moved, or sealed with another key. */
export class UnsealError extends Error {
  constructor(message = 'This data could not be decrypted: it was changed or belongs to another key.') {
    super(message);
    this.name = 'UnsealError';
  }
}

/** The data key ready for AES-GCM; not extractable, so it can never be read back out of the CryptoKey. */
export function importDataKey(raw: Uint8Array): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', own(raw), { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
}

export async function encryptBytes(key: CryptoKey, plain: Uint8Array, aad: string): Promise<Uint8Array<ArrayBuffer>> {
  const iv = randomBytes(IV_BYTES);
  const ct = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: utf8(aad) }, key, own(plain)));
  const out = new Uint8Array(1 + IV_BYTES + ct.length);
  out[0] = SEALED_VERSION;
  out.set(iv, 1);
  out.set(ct, 1 + IV_BYTES);
  return out;
}

export async function decryptBytes(key: CryptoKey, sealed: Uint8Array, aad: string): Promise<Uint8Array<ArrayBuffer>> {
  if (sealed.length < 1 + IV_BYTES + 16 || sealed[0] !== SEALED_VERSION)
    throw new UnsealError('This data is not in a format Holdspace can decrypt.');
  try {
    const iv = own(sealed.subarray(1, 1 + IV_BYTES));
    const ct = own(sealed.subarray(1 + IV_BYTES));
    return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: utf8(aad) }, key, ct));
  } catch {
    throw new UnsealError();
  }
}

/** A JSON value encrypted. */
export async function encryptJson(key: CryptoKey, value: unknown, aad: string): Promise<Uint8Array<ArrayBuffer>> {
  return encryptBytes(key, utf8(JSON.stringify(value)), aad);
}

export async function decryptJson<T>(key: CryptoKey, sealed: Uint8Array, aad: string): Promise<T> {
  return JSON.parse(fromUtf8(await decryptBytes(key, sealed, aad))) as T;
}

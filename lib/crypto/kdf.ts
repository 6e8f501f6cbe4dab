/**
 * The passphrase side of the lock: a key-encryption key derived from the passphrase with PBKDF2-SHA256
 * (WebCrypto), which wraps (AES-KW, RFC 3394) the random 256-bit data key that encrypts the record.
 * Changing the passphrase re-wraps the data key; the record itself is never re-encrypted.
 *
 * Why PBKDF2 and not Argon2id: Argon2id would need a WebAssembly library (extra code in the worker and a
 * `wasm-unsafe-eval` exception in the extension's CSP, which today allows no eval of any kind) and a new
 * dependency; PBKDF2-SHA256 is in every browser's WebCrypto, at OWASP's recommended 600,000 iterations
 * (about 0.6 s here), and a wrong passphrase is detected by AES-KW's integrity check, not by a stored hash.
 */
import { KDF } from '../model/limits';
import { own, randomBytes, utf8 } from './bytes';

export interface KdfParams {
  name: 'PBKDF2';
  hash: 'SHA-256';
  iterations: number;
  salt: Uint8Array;
}

/** Thrown when a passphrase does not open what it is asked to open. */
export class WrongPassphraseError extends Error {
  constructor() {
    super('That passphrase is not the right one.');
    this.name = 'WrongPassphraseError';
  }
}

/** Fresh parameters for a new passphrase: a random salt, the iteration count from lib/model/limits.ts. */
export function newKdfParams(iterations: number = KDF.iterations): KdfParams {
  return { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: randomBytes(KDF.saltBytes) };
}

/** Parameters read from storage or a file are checked before use (a huge count would hang the worker). */
export function checkKdfParams(params: KdfParams): void {
  if (params.name !== 'PBKDF2' || params.hash !== 'SHA-256') throw new TypeError(`Unknown key derivation "${params.name}".`);
  if (!Number.isInteger(params.iterations) || params.iterations < 1 || params.iterations > KDF.maxIterations)
    throw new TypeError(`Key derivation with ${params.iterations} iterations is not accepted.`);
  if (params.salt.length < KDF.saltBytes) throw new TypeError('The key derivation salt is too short.');
}

/** The AES-KW key derived from a passphrase (non-extractable; it only wraps and unwraps). */
export async function deriveWrappingKey(passphrase: string, params: KdfParams): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey('raw', utf8(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: params.hash, salt: own(params.salt), iterations: params.iterations },
    base,
    { name: 'AES-KW', length: 256 },
    false,
    ['wrapKey', 'unwrapKey'],
  );
}

/** A new random 256-bit data key, as raw bytes. */
export function newDataKey(): Uint8Array<ArrayBuffer> {
  return randomBytes(32);
}

/** The raw data key wrapped by the key-encryption key (40 bytes). */
export async function wrapDataKey(raw: Uint8Array, kek: CryptoKey): Promise<Uint8Array<ArrayBuffer>> {
  const key = await crypto.subtle.importKey('raw', own(raw), { name: 'AES-GCM' }, true, ['encrypt', 'decrypt']);
  return new Uint8Array(await crypto.subtle.wrapKey('raw', key, kek, 'AES-KW'));
}

/** The raw data key, or WrongPassphraseError when the key-encryption key is not the one that wrapped it. */
export async function unwrapDataKey(wrapped: Uint8Array, kek: CryptoKey): Promise<Uint8Array<ArrayBuffer>> {
  let key: CryptoKey;
  try {
    key = await crypto.subtle.unwrapKey('raw', own(wrapped), kek, 'AES-KW', { name: 'AES-GCM' }, true, ['encrypt', 'decrypt']);
  } catch {
    throw new WrongPassphraseError();
  }
  return new Uint8Array(await crypto.subtle.exportKey('raw', key));
}

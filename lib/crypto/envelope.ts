/**
 * The encrypted-backup envelope: the bytes of whatever the exporter produced, encrypted with AES-GCM under a
 * random data key that is wrapped (AES-KW) by a key derived from the passphrase (PBKDF2-SHA256). With the lock
 * on, an export is sealed with the lock's own data key and wrapping, so the coach is not asked at export time;
 * the file opens with the passphrase in force when it was made.
 *
 * Format, version 1 — one JSON object, UTF-8:
 *
 *   {
 *     "format": "holdspace-encrypted",
 *     "version": 1,
 *     "kdf": { "name": "PBKDF2", "hash": "SHA-256", "iterations": 600000, "salt": "<base64, 16 bytes>" },
 *     "wrappedKey": "<base64: the 256-bit data key wrapped with AES-KW (RFC 3394) by the derived key, 40 bytes>",
 *     "cipher": { "name": "AES-GCM", "iv": "<base64, 12 bytes>" },
 *     "ciphertext": "<base64: the backup's bytes encrypted, with the 16-byte tag at the end>"
 *   }
 *
 * The additional data of the AES-GCM encryption is the text `holdspace-encrypted v1`. A wrong passphrase
 * fails AES-KW's integrity check; a changed ciphertext fails AES-GCM's tag. Nothing is read until both pass.
 */
import { FORMATS } from '../model/limits';
import { fromBase64, fromUtf8, own, randomBytes, toBase64, utf8 } from './bytes';
import { checkKdfParams, deriveWrappingKey, newDataKey, newKdfParams, unwrapDataKey, wrapDataKey, type KdfParams } from './kdf';
import { UnsealError } from './codec';

export const ENVELOPE_VERSION = 1;
const AAD = `${FORMATS.encrypted} v${ENVELOPE_VERSION}`;

/** What seals an envelope: the passphrase's KDF parameters, the data key it wraps, and that key. */
export interface EnvelopeKey {
  kdf: KdfParams;
  wrappedKey: Uint8Array;
  dataKey: CryptoKey;
}

/** A file that is an envelope but cannot be read as one (damaged, or a newer version). */
export class EnvelopeFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EnvelopeFormatError';
  }
}

/** A fresh envelope key from a passphrase (a new salt and data key): for files sealed outside the lock. */
export async function envelopeKeyFromPassphrase(passphrase: string, iterations?: number): Promise<EnvelopeKey> {
  const kdf = newKdfParams(iterations);
  const raw = newDataKey();
  const wrappedKey = await wrapDataKey(raw, await deriveWrappingKey(passphrase, kdf));
  const dataKey = await crypto.subtle.importKey('raw', raw, { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
  return { kdf, wrappedKey, dataKey };
}

/** The envelope (UTF-8 JSON) around `plain`. */
export async function sealBytes(plain: Uint8Array, key: EnvelopeKey): Promise<Uint8Array<ArrayBuffer>> {
  const iv = randomBytes(12);
  const ct = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: utf8(AAD) }, key.dataKey, own(plain)));
  const envelope = {
    format: FORMATS.encrypted,
    version: ENVELOPE_VERSION,
    kdf: { name: key.kdf.name, hash: key.kdf.hash, iterations: key.kdf.iterations, salt: toBase64(key.kdf.salt) },
    wrappedKey: toBase64(key.wrappedKey),
    cipher: { name: 'AES-GCM', iv: toBase64(iv) },
    ciphertext: toBase64(ct),
  };
  return utf8(JSON.stringify(envelope));
}

/** Whether these bytes are an envelope (cheap: looks at the start only). */
export function isEnvelope(bytes: Uint8Array): boolean {
  const head = new TextDecoder().decode(bytes.subarray(0, 64));
  return new RegExp(`^\\s*\\{\\s*"format"\\s*:\\s*"${FORMATS.encrypted}"`).test(head);
}

interface ParsedEnvelope {
  kdf: KdfParams;
  wrappedKey: Uint8Array;
  iv: Uint8Array<ArrayBuffer>;
  ciphertext: Uint8Array<ArrayBuffer>;
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** The envelope's fields, checked; EnvelopeFormatError with a readable reason otherwise. */
export function readEnvelope(bytes: Uint8Array): ParsedEnvelope {
  let raw: unknown;
  try {
    raw = JSON.parse(fromUtf8(bytes));
  } catch {
    throw new EnvelopeFormatError('This encrypted backup is damaged: it is not readable text.');
  }
  if (!isObject(raw) || raw.format !== FORMATS.encrypted) throw new EnvelopeFormatError('This is not an encrypted Holdspace backup.');
  if (raw.version !== ENVELOPE_VERSION)
    throw new EnvelopeFormatError(
      `This encrypted backup has version ${String(raw.version)}, which this Holdspace cannot read. Update Holdspace and try again.`,
    );
  const { kdf, cipher } = raw;
  try {
    if (!isObject(kdf) || !isObject(cipher) || cipher.name !== 'AES-GCM') throw new TypeError('fields');
    const params: KdfParams = {
      name: kdf.name as 'PBKDF2',
      hash: kdf.hash as 'SHA-256',
      iterations: kdf.iterations as number,
      salt: fromBase64(String(kdf.salt)),
    };
    checkKdfParams(params);
    const iv = fromBase64(String(cipher.iv));
    const wrappedKey = fromBase64(String(raw.wrappedKey));
    const ciphertext = fromBase64(String(raw.ciphertext));
    if (iv.length !== 12 || wrappedKey.length !== 40) throw new TypeError('lengths');
    return { kdf: params, wrappedKey, iv, ciphertext };
  } catch {
    throw new EnvelopeFormatError('This encrypted backup is damaged: its key or encryption fields are not valid.');
  }
}

/**
 * The bytes inside an envelope. Throws WrongPassphraseError for a wrong passphrase, UnsealError when the
 * ciphertext was changed, EnvelopeFormatError when the file is not a readable envelope.
 */
export async function openBytes(bytes: Uint8Array, passphrase: string): Promise<Uint8Array<ArrayBuffer>> {
  const envelope = readEnvelope(bytes);
  const raw = await unwrapDataKey(envelope.wrappedKey, await deriveWrappingKey(passphrase, envelope.kdf));
  const key = await crypto.subtle.importKey('raw', raw, { name: 'AES-GCM' }, false, ['decrypt']);
  try {
    return new Uint8Array(
      await crypto.subtle.decrypt({ name: 'AES-GCM', iv: envelope.iv, additionalData: utf8(AAD) }, key, envelope.ciphertext),
    );
  } catch {
    throw new UnsealError('This encrypted backup is damaged: its contents were changed after it was made.');
  }
}

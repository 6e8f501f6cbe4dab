/** The lock's record in the `meta` store: how to derive the passphrase's key, the wrapped data key, and state. */

export type LockState =
  /** Every record is encrypted. */
  | 'on'
  /** Turning on: records are being encrypted in place; reads take both forms, writes encrypt. */
  | 'turning-on'
  /** Turning off: records are being decrypted in place; reads take both forms, writes are clear. */
  | 'turning-off';

export interface LockMeta {
  id: 'lock';
  kdf: { name: 'PBKDF2'; hash: 'SHA-256'; iterations: number; salt: Uint8Array };
  /** The 256-bit data key, wrapped (AES-KW) by the key derived from the passphrase. */
  wrappedKey: Uint8Array;
  state: LockState;
  /** When the lock was turned on or the passphrase last changed. */
  at: number;
}

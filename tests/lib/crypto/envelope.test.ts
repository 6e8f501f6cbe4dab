import { describe, expect, it } from 'vitest';
import { fromBase64, fromUtf8, toBase64, utf8 } from '@/lib/crypto/bytes';
import { UnsealError } from '@/lib/crypto/codec';
import { envelopeKeyFromPassphrase, EnvelopeFormatError, isEnvelope, openBytes, readEnvelope, sealBytes } from '@/lib/crypto/envelope';
import { WrongPassphraseError } from '@/lib/crypto/kdf';

const FAST = 1_000;
const backup = utf8('{"format":"holdspace-backup","clients":[{"name":"Bea Confidential"}]}');

describe('encrypted backup envelope', () => {
  it('round-trips the bytes with the passphrase; the file names its KDF, salt, IV and version', async () => {
    const sealed = await sealBytes(backup, await envelopeKeyFromPassphrase('river stone', FAST));
    expect(isEnvelope(sealed)).toBe(true);
    expect(isEnvelope(backup)).toBe(false); // control: a plain backup is not an envelope
    const text = fromUtf8(sealed);
    expect(text).not.toContain('Confidential');
    const json = JSON.parse(text);
    expect(json).toMatchObject({
      format: 'holdspace-encrypted',
      version: 1,
      kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: FAST },
      cipher: { name: 'AES-GCM' },
    });
    expect(fromBase64(json.kdf.salt)).toHaveLength(16);
    expect(fromBase64(json.cipher.iv)).toHaveLength(12);
    expect(fromUtf8(await openBytes(sealed, 'river stone'))).toBe(fromUtf8(backup));
  });

  it('refuses a wrong passphrase', async () => {
    const sealed = await sealBytes(backup, await envelopeKeyFromPassphrase('river stone', FAST));
    await expect(openBytes(sealed, 'river stones')).rejects.toBeInstanceOf(WrongPassphraseError);
  });

  it('refuses a tampered ciphertext', async () => {
    const sealed = await sealBytes(backup, await envelopeKeyFromPassphrase('river stone', FAST));
    const json = JSON.parse(fromUtf8(sealed));
    const ct = fromBase64(json.ciphertext);
    ct[3]! ^= 0x40;
    json.ciphertext = toBase64(ct);
    await expect(openBytes(utf8(JSON.stringify(json)), 'river stone')).rejects.toBeInstanceOf(UnsealError);
  });

  it('refuses damaged files and newer versions with a reason', async () => {
    const sealed = await sealBytes(backup, await envelopeKeyFromPassphrase('river stone', FAST));
    const json = JSON.parse(fromUtf8(sealed));
    expect(() => readEnvelope(utf8(JSON.stringify({ ...json, version: 2 })))).toThrow(/version 2.*Update Holdspace/);
    expect(() => readEnvelope(utf8(JSON.stringify({ ...json, wrappedKey: 'AAAA' })))).toThrow(EnvelopeFormatError);
    expect(() => readEnvelope(utf8(JSON.stringify({ ...json, kdf: { ...json.kdf, iterations: 1e12 } })))).toThrow(EnvelopeFormatError);
    expect(() => readEnvelope(utf8('not json'))).toThrow(/damaged/);
    expect(() => readEnvelope(sealed)).not.toThrow(); // control
  });
});

import { describe, expect, it } from 'vitest';
import { fromBase64, fromUtf8, toBase64, utf8 } from '@/lib/crypto/bytes';
import { decryptBytes, decryptJson, encryptBytes, encryptJson, importDataKey, UnsealError } from '@/lib/crypto/codec';
import { newDataKey } from '@/lib/crypto/kdf';

describe('record codec (AES-GCM)', () => {
  it('round-trips a record and never shows its words in the sealed bytes', async () => {
    const key = await importDataKey(newDataKey());
    const record = { id: 'c1', name: 'Ann Secretphrase', notes: 'ünïcode ✓' };
    const sealed = await encryptJson(key, record, 'clients\u0000c1');
    expect(fromUtf8Loose(sealed)).not.toContain('Secretphrase');
    expect(await decryptJson(key, sealed, 'clients\u0000c1')).toEqual(record);
  });

  it('uses a fresh IV every time: the same record seals to different bytes', async () => {
    const key = await importDataKey(newDataKey());
    const a = await encryptBytes(key, utf8('same'), 'x');
    const b = await encryptBytes(key, utf8('same'), 'x');
    expect(toBase64(a.subarray(1, 13))).not.toBe(toBase64(b.subarray(1, 13)));
  });

  it('refuses a tampered ciphertext, a wrong key and a blob moved to another record', async () => {
    const key = await importDataKey(newDataKey());
    const sealed = await encryptBytes(key, utf8('notes'), 'items\u0000i1');
    expect(fromUtf8(await decryptBytes(key, sealed, 'items\u0000i1'))).toBe('notes'); // control
    const tampered = sealed.slice();
    tampered[tampered.length - 20]! ^= 1;
    await expect(decryptBytes(key, tampered, 'items\u0000i1')).rejects.toBeInstanceOf(UnsealError);
    await expect(decryptBytes(await importDataKey(newDataKey()), sealed, 'items\u0000i1')).rejects.toBeInstanceOf(UnsealError);
    await expect(decryptBytes(key, sealed, 'items\u0000i2')).rejects.toBeInstanceOf(UnsealError);
    await expect(decryptBytes(key, sealed.subarray(0, 10), 'items\u0000i1')).rejects.toBeInstanceOf(UnsealError);
  });
});

describe('bytes', () => {
  it('base64 round-trips and refuses what is not base64', () => {
    const bytes = new Uint8Array([0, 1, 254, 255, 128]);
    expect([...fromBase64(toBase64(bytes))]).toEqual([...bytes]);
    expect(() => fromBase64('not base64!')).toThrow(TypeError);
  });
});

function fromUtf8Loose(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
}

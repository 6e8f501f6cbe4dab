import { describe, expect, it } from 'vitest';
import { crc32, crcHex } from '@/lib/backup/crc32';

/** The textbook bit-at-a-time CRC-32, the reference the table-driven one must agree with. */
function reference(bytes: Uint8Array, previous = 0): number {
  let c = ~previous >>> 0;
  for (const byte of bytes) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? (0xedb88320 ^ (c >>> 1)) >>> 0 : c >>> 1;
  }
  return ~c >>> 0;
}

/** Deterministic bytes (a small LCG), so a failure can be replayed. */
function bytesOf(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let s = seed;
  for (let i = 0; i < length; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    out[i] = s >>> 24;
  }
  return out;
}

describe('crc32', () => {
  it('gives the standard check value', () => {
    expect(crcHex(crc32(new TextEncoder().encode('123456789')))).toBe('cbf43926');
    expect(crc32(new Uint8Array(0))).toBe(0);
  });

  it('agrees with the bit-at-a-time CRC at every length around the 8-byte steps, and at unaligned offsets', () => {
    const data = bytesOf(300, 7);
    for (let length = 0; length <= 40; length++) {
      for (const offset of [0, 1, 3, 5]) {
        const part = data.subarray(offset, offset + length);
        expect(crc32(part)).toBe(reference(part));
      }
    }
    expect(crc32(data)).toBe(reference(data));
  });

  it('continues over pieces exactly as over the whole', () => {
    const data = bytesOf(100_003, 11);
    const whole = crc32(data);
    let crc = 0;
    for (const [from, to] of [
      [0, 1],
      [1, 9],
      [9, 4_097],
      [4_097, 100_003],
    ] as const)
      crc = crc32(data.subarray(from, to), crc);
    expect(crc).toBe(whole);
    expect(whole).toBe(reference(data));
  });

  it('changes when one bit changes (the control: the same bytes give the same CRC)', () => {
    const data = bytesOf(1_000, 3);
    const copy = data.slice();
    expect(crc32(copy)).toBe(crc32(data));
    copy[517] = copy[517]! ^ 0x10;
    expect(crc32(copy)).not.toBe(crc32(data));
  });
});

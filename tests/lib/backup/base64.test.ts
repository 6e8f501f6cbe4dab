import { describe, expect, it } from 'vitest';
import { fromBase64, fromBase64Sliced, toBase64, toBase64Sliced } from '@/lib/backup/base64';

const bytesOf = (length: number) => Uint8Array.from({ length }, (_, i) => (i * 131 + 7) & 0xff);

describe('backup base64', () => {
  // Lengths around the fallback's slice (0x8000) and base64's 3-byte groups.
  const lengths = [0, 1, 2, 3, 4, 0x7fff, 0x8000, 0x8001, 3 * 0x8000 + 2];

  it('the fallback writes what Node writes, and reads it back', () => {
    for (const length of lengths) {
      const bytes = bytesOf(length);
      const text = toBase64Sliced(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64'));
      expect([...fromBase64Sliced(text)]).toEqual([...bytes]);
    }
  });

  it('the platform path (native where the runtime has it) agrees with the fallback, on a subarray too', () => {
    for (const length of lengths) {
      const bytes = bytesOf(length);
      expect(toBase64(bytes)).toBe(toBase64Sliced(bytes));
      expect([...fromBase64(toBase64(bytes))]).toEqual([...bytes]);
    }
    const whole = bytesOf(100);
    expect(toBase64(whole.subarray(10, 20))).toBe(Buffer.from(whole.subarray(10, 20)).toString('base64'));
  });

  it('refuses text that is not base64 (the control: valid text of the same length reads)', () => {
    expect(() => fromBase64('ab$d')).toThrow();
    expect(() => fromBase64Sliced('ab$d')).toThrow();
    expect([...fromBase64('abcd')]).toHaveLength(3);
  });
});

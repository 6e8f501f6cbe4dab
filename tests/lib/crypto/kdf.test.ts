import { describe, expect, it } from 'vitest';
import { toBase64 } from '@/lib/crypto/bytes';
import { deriveWrappingKey, newDataKey, newKdfParams, unwrapDataKey, wrapDataKey, WrongPassphraseError } from '@/lib/crypto/kdf';
import { KDF } from '@/lib/model/limits';

const FAST = 1_000;

describe('passphrase key wrapping (PBKDF2 + AES-KW)', () => {
  it('unwraps the data key with the right passphrase and refuses a wrong one', async () => {
    const params = newKdfParams(FAST);
    const raw = newDataKey();
    const wrapped = await wrapDataKey(raw, await deriveWrappingKey('correct horse', params));
    expect(wrapped.length).toBe(40);
    expect(toBase64(await unwrapDataKey(wrapped, await deriveWrappingKey('correct horse', params)))).toBe(toBase64(raw));
    await expect(unwrapDataKey(wrapped, await deriveWrappingKey('correct hors', params))).rejects.toBeInstanceOf(WrongPassphraseError);
    // Same passphrase, another salt: another key.
    await expect(unwrapDataKey(wrapped, await deriveWrappingKey('correct horse', newKdfParams(FAST)))).rejects.toBeInstanceOf(
      WrongPassphraseError,
    );
  });

  it('new parameters use at least 600,000 iterations and a 16-byte random salt', () => {
    const a = newKdfParams();
    expect(a.iterations).toBeGreaterThanOrEqual(600_000);
    expect(a.iterations).toBe(KDF.iterations);
    expect(a.salt.length).toBe(16);
    expect(toBase64(a.salt)).not.toBe(toBase64(newKdfParams().salt));
  });

  it('derives the real 600,000-iteration key (timed)', async () => {
    const t = performance.now();
    const params = newKdfParams();
    const wrapped = await wrapDataKey(newDataKey(), await deriveWrappingKey('pass', params));
    await expect(unwrapDataKey(wrapped, await deriveWrappingKey('pass', params))).resolves.toHaveLength(32);
    expect(performance.now() - t).toBeGreaterThan(50); // a slow KDF really ran
  });
});

import { describe, expect, it } from 'vitest';
import { browserSettings } from '@/lib/platform/browser-settings';
import { DEFAULT_PLACEMENT } from '@/lib/settings/settings';

describe('settings in browser storage', () => {
  it('runs concurrent read-modify-write changes one after another, so neither undoes the other', async () => {
    const host = 'meet.google.com';
    // The overlay saves a move while the app saves a collapse, both started before either finished.
    await Promise.all([
      browserSettings.update((s) => ({
        overlay: { ...s.overlay, [host]: { ...(s.overlay[host] ?? DEFAULT_PLACEMENT), right: 80, top: 88 } },
      })),
      browserSettings.update((s) => ({
        overlay: { ...s.overlay, [host]: { ...(s.overlay[host] ?? DEFAULT_PLACEMENT), collapsed: true } },
      })),
      browserSettings.update({ defaultLengthMinutes: 50 }),
    ]);
    const stored = await browserSettings.get();
    expect(stored.overlay[host]).toEqual({ right: 80, top: 88, collapsed: true });
    expect(stored.defaultLengthMinutes).toBe(50);
  });

  it('keeps going after a failed write, and validates what it stores', async () => {
    await expect(
      browserSettings.update(() => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    await browserSettings.update({ warningMinutes: -4 });
    expect((await browserSettings.get()).warningMinutes).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { settingsStore } from '@/lib/platform/settings-storage';
import { DEFAULT_PLACEMENT } from '@/lib/settings/settings';

describe('settings storage', () => {
  it('runs concurrent read-modify-write changes one after another, so neither undoes the other', async () => {
    const host = 'meet.google.com';
    // The overlay saves a move while the app saves a collapse, both started before either finished.
    await Promise.all([
      settingsStore.update((s) => ({ overlay: { ...s.overlay, [host]: { ...(s.overlay[host] ?? DEFAULT_PLACEMENT), right: 80, top: 88 } } })),
      settingsStore.update((s) => ({ overlay: { ...s.overlay, [host]: { ...(s.overlay[host] ?? DEFAULT_PLACEMENT), collapsed: true } } })),
      settingsStore.update({ defaultLengthMinutes: 50 }),
    ]);
    const stored = await settingsStore.get();
    expect(stored.overlay[host]).toEqual({ right: 80, top: 88, collapsed: true });
    expect(stored.defaultLengthMinutes).toBe(50);
  });

  it('keeps going after a failed write, and validates what it stores', async () => {
    await expect(settingsStore.update(() => { throw new Error('boom'); })).rejects.toThrow('boom');
    await settingsStore.update({ warningMinutes: -4 });
    expect((await settingsStore.get()).warningMinutes).toBe(0);
  });
});

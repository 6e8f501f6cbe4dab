import { describe, expect, it } from 'vitest';
import { backupSettingsFrom, sessionDefaultsFrom } from '@/lib/platform/settings-for-store';
import { applySettingsPatch, DEFAULT_SETTINGS, type Settings } from '@/lib/settings/settings';
import type { SettingsPort } from '@/lib/view/ports';

function memorySettings(initial: Partial<Settings> = {}): SettingsPort & { value(): Settings } {
  let value: Settings = { ...DEFAULT_SETTINGS, ...initial };
  return {
    get: async () => value,
    update: async (patch) => {
      value = applySettingsPatch(value, patch);
    },
    watch: () => () => {},
    value: () => value,
  };
}

describe('settings for the background store', () => {
  it("gives new sessions the coach's default length, phases and warning", async () => {
    const settings = memorySettings({ defaultLengthMinutes: 45, warningMinutes: 7 });
    expect(await sessionDefaultsFrom(settings)()).toEqual({ plannedMinutes: 45, phases: DEFAULT_SETTINGS.phases, warningMinutes: 7 });
  });

  it('validates settings restored from a backup field by field', async () => {
    const settings = memorySettings();
    await backupSettingsFrom(settings).set({ defaultLengthMinutes: 50, theme: '<script>', warningMinutes: -3, overlay: 'nope' });
    expect(settings.value()).toMatchObject({ defaultLengthMinutes: 50, theme: 'system', warningMinutes: 0, overlay: {} });
  });
});

/** The coach's settings in browser storage (WXT storage over chrome.storage.local, which works inside the call-page iframe too). */
import { storage } from '#imports';
import { applySettingsPatch, DEFAULT_SETTINGS, normalizeSettings, SETTINGS_VERSION, type Settings } from '../settings/settings';
import type { SettingsPort } from '../view/ports';

const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: SETTINGS_VERSION,
  // Named migrations go here as the settings shape changes: 2: migrateSettingsV1toV2, …
  migrations: {},
});

// Writes from this page run one after another, each reading what the previous one stored.
let queue: Promise<void> = Promise.resolve();

export const browserSettings: SettingsPort = {
  get: async () => normalizeSettings(await settingsItem.getValue()),
  update(patch) {
    const write = queue.then(async () => {
      const current = normalizeSettings(await settingsItem.getValue());
      await settingsItem.setValue(applySettingsPatch(current, patch));
    });
    queue = write.catch(() => {});
    return write;
  },
  watch: (cb) => settingsItem.watch((value) => cb(normalizeSettings(value))),
};

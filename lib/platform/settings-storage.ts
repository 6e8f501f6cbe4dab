/** Settings adapter: WXT storage (chrome.storage.local, which works inside the call-page iframe too). */
import { storage } from '#imports';
import { DEFAULT_SETTINGS, normalizeSettings, SETTINGS_VERSION, type Settings } from '../settings/settings';

const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: SETTINGS_VERSION,
  // Named migrations go here as the settings shape changes: 2: migrateSettingsV1toV2, …
  migrations: {},
});

export interface SettingsStore {
  get(): Promise<Settings>;
  update(patch: Partial<Settings>): Promise<void>;
  watch(cb: (settings: Settings) => void): () => void;
}

export const settingsStore: SettingsStore = {
  get: async () => normalizeSettings(await settingsItem.getValue()),
  async update(patch) {
    const current = normalizeSettings(await settingsItem.getValue());
    await settingsItem.setValue(normalizeSettings({ ...current, ...patch }));
  },
  watch: (cb) => settingsItem.watch((value) => cb(normalizeSettings(value))),
};

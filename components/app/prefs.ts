/**
 * The coach's settings as every component sees them (shortcut hints, theme, timer defaults), provided by
 * PrefsProvider. Without a provider, components see the defaults.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { DEFAULT_SETTINGS, type Settings, type SettingsPatch } from '@/lib/settings/settings';

export interface Prefs {
  settings: Settings;
  /** False until the stored settings arrived (defaults are shown meanwhile). */
  loaded: boolean;
  update(patch: SettingsPatch): Promise<void>;
}

export const PrefsContext = createContext<Prefs>({ settings: DEFAULT_SETTINGS, loaded: false, update: async () => {} });

export function usePrefs(): Prefs {
  return useContext(PrefsContext);
}

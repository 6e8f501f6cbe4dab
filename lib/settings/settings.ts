/** The coach's settings: their shape and defaults are in lib/model/settings.ts; here, how changes apply. */
import { DEFAULT_PLACEMENT } from '../frame/protocol';
import { readSettings, type OverlayPlacement, type Settings } from '../model/settings';

export { DEFAULT_PLACEMENT };

export { DEFAULT_SETTINGS, readSettings as normalizeSettings, type OverlayPlacement, type Settings, type Theme } from '../model/settings';

export const SETTINGS_VERSION = 1;

/**
 * A change to the settings: the fields to set, or a function of the settings as stored at the moment of
 * writing (for read-modify-write changes such as one host's overlay place, so two writers never undo
 * each other).
 */
export type SettingsPatch = Partial<Settings> | ((current: Settings) => Partial<Settings>);

/** Changes one host's overlay placement, merged into the placement as stored when the write happens. */
export function placementPatch(host: string, change: Partial<OverlayPlacement>): SettingsPatch {
  return (current) => ({ overlay: { ...current.overlay, [host]: { ...(current.overlay[host] ?? DEFAULT_PLACEMENT), ...change } } });
}

export function applySettingsPatch(current: Settings, patch: SettingsPatch): Settings {
  return readSettings({ ...current, ...(typeof patch === 'function' ? patch(current) : patch) });
}

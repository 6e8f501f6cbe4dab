/** What the background store needs from the coach's settings: defaults for a new session, and backup access. */
import { normalizeSettings, type Settings } from '../settings/settings';
import type { BackupSettings } from '../store/backup-api';
import type { SettingsPort } from '../view/ports';

export function sessionDefaultsFrom(settings: SettingsPort) {
  return async () => {
    const s = await settings.get();
    return { plannedMinutes: s.defaultLengthMinutes, phases: s.phases, warningMinutes: s.warningMinutes };
  };
}

/** Backups carry settings as plain data; on restore they are validated field by field before being stored. */
export function backupSettingsFrom(settings: SettingsPort): BackupSettings {
  return {
    get: async () => (await settings.get()) as unknown as Record<string, unknown>,
    set: async (value: Record<string, unknown>) => settings.update(normalizeSettings(value) as Partial<Settings>),
  };
}

/** The idle lock's settings: minutes of no activity, and whether it may lock while a timer runs. */
export function lockIdleFrom(settings: SettingsPort) {
  return async () => {
    const s = await settings.get();
    return { minutes: s.lockAfterMinutes, duringTimer: s.lockDuringTimer };
  };
}

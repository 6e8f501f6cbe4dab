/** Automatic backups as a view reaches them: the status record in storage, the permission, the worker. */
import { browser } from 'wxt/browser';
import { AUTO_BACKUP_CHANNEL, AUTO_BACKUP_STATUS_KEY, readAutoBackupStatus, type AutoBackupRequest } from '../backup-auto/policy';
import type { AutoBackupPort, SettingsPort } from '../view/ports';

const DOWNLOADS = { permissions: ['downloads'] } as { permissions: ['downloads'] };

export function browserAutoBackup(settings: SettingsPort): AutoBackupPort {
  return {
    status: async () => readAutoBackupStatus((await browser.storage.local.get(AUTO_BACKUP_STATUS_KEY))[AUTO_BACKUP_STATUS_KEY]),
    watch(cb) {
      const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
        if (area === 'local' && changes[AUTO_BACKUP_STATUS_KEY]) cb(readAutoBackupStatus(changes[AUTO_BACKUP_STATUS_KEY].newValue));
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
    async turnOn() {
      // First, in the coach's click: the browser asks only during a user gesture.
      const granted = await browser.permissions.request(DOWNLOADS).catch(() => false);
      if (!granted) {
        return {
          ok: false,
          message:
            'Automatic backups stay off: they need the browser’s permission to save files to your Downloads folder. Turn them on again and choose Allow.',
        };
      }
      await settings.update({ autoBackup: true });
      const request: AutoBackupRequest = { channel: AUTO_BACKUP_CHANNEL, reason: 'turned-on' };
      void browser.runtime.sendMessage(request).catch(() => {});
      return { ok: true };
    },
    async turnOff() {
      await settings.update({ autoBackup: false });
      // Earlier backup files stay where they are; the permission is given back.
      await browser.permissions.remove(DOWNLOADS).catch(() => false);
    },
  };
}

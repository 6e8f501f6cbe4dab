import { backupWarning } from '@/lib/backup-auto/policy';
import { useEnv } from '../app/env';
import { useAutoBackupStatus } from './useAutoBackup';
import { useSettings } from './useSettings';

/**
 * The quiet line both views show while automatic backups are on and the last one failed or is more than a
 * week old. Not an alert: it is news for after the call, not an interruption during it.
 */
export function AutoBackupWarning() {
  const { now } = useEnv();
  const { settings } = useSettings();
  const status = useAutoBackupStatus();
  const warning = status && backupWarning(settings.autoBackup, status, now());
  if (!warning) return null;
  return (
    <p class="small auto-backup-warning" role="status">
      {warning} See Settings, Automatic backups.
    </p>
  );
}

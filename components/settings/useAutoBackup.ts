import { useEffect, useState } from 'preact/hooks';
import { readAutoBackupStatus, type AutoBackupStatus } from '@/lib/backup-auto/policy';
import { useEnv } from '../app/env';

/** The automatic backups' record, kept live; null while loading or where the view has no such port. */
export function useAutoBackupStatus(): AutoBackupStatus | null {
  const { autoBackup } = useEnv();
  const [status, setStatus] = useState<AutoBackupStatus | null>(null);
  useEffect(() => {
    if (!autoBackup) return;
    let live = true;
    autoBackup.status().then(
      (s) => live && setStatus(s),
      () => live && setStatus(readAutoBackupStatus(null)),
    );
    const stop = autoBackup.watch(setStatus);
    return () => {
      live = false;
      stop();
    };
  }, [autoBackup]);
  return status;
}

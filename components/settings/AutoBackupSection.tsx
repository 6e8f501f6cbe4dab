import { useState } from 'preact/hooks';
import { backupWarning, type AutoBackupStatus } from '@/lib/backup-auto/policy';
import { formatDay, formatTime } from '@/lib/model/dates';
import { SAFEKEEPING } from '@/lib/model/limits';
import type { Settings } from '@/lib/settings/settings';
import { useEnv } from '../app/env';
import { NumberSetting } from './NumberSetting';
import { Outcome } from './Outcome';
import { SettingsSection } from './SettingsSection';
import { useAutoBackupStatus } from './useAutoBackup';

/** "Last backup: 2 Dec, 14:05, /home/sam/Downloads/Holdspace/holdspace-auto-backup-….json" */
export function lastBackupLine(status: AutoBackupStatus | null, now: number): string {
  if (!status?.last) return 'Last backup: none yet.';
  return `Last backup: ${formatDay(status.last.at, now)}, ${formatTime(status.last.at)}, ${status.last.path}`;
}

/** Automatic backups to Downloads/Holdspace: off until the coach turns them on. */
export function AutoBackupSection(props: { settings: Settings; onSave(patch: Partial<Settings>): void }) {
  const { autoBackup, now } = useEnv();
  const status = useAutoBackupStatus();
  const [error, setError] = useState('');
  const [message, setMessage] = useState('');
  if (!autoBackup) return null;
  const on = props.settings.autoBackup;
  const warning = backupWarning(on, status ?? { last: null, failure: null, files: [] }, now());

  const toggle = async (next: boolean) => {
    setError('');
    setMessage('');
    if (!next) {
      await autoBackup.turnOff();
      setMessage('Automatic backups are off. The files already in Downloads/Holdspace stay there.');
      return;
    }
    const result = await autoBackup.turnOn();
    if (!result.ok) setError(result.message);
    else setMessage('Automatic backups are on. The first one is being written now.');
  };

  return (
    <SettingsSection title="Automatic backups">
      <p class="small muted">
        A full backup in your Downloads folder, under {SAFEKEEPING.backupFolder}, after every session you end and once a day — outside the
        browser, so it survives an uninstall or a broken profile. Older ones beyond the number kept are removed.
      </p>
      <label class="choice">
        <input type="checkbox" checked={on} onChange={(e) => void toggle(e.currentTarget.checked)} />
        Back up automatically
      </label>
      {on && (
        <NumberSetting
          label="Backups kept"
          value={props.settings.autoBackupKeep}
          min={SAFEKEEPING.backupsKeptRange.min}
          max={SAFEKEEPING.backupsKeptRange.max}
          unit="backups"
          onSave={(autoBackupKeep) => props.onSave({ autoBackupKeep })}
        />
      )}
      {on && <p class="small">{lastBackupLine(status, now())}</p>}
      {warning && <p class="small settings__warning">{warning}</p>}
      <Outcome error={error} message={message} />
    </SettingsSection>
  );
}

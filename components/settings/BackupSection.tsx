import { useState } from 'preact/hooks';
import { backupFilename } from '@/lib/export/filenames';
import { receiveBackup } from '@/lib/backup/transfer';
import { useEnv } from '../app/env';
import { Button } from '../ui/Button';
import { ImportBackup } from './ImportBackup';
import { Outcome } from './Outcome';
import { SettingsSection } from './SettingsSection';

/** Backup of the whole record to one file, and restoring from one. */
export function BackupSection() {
  const { api, io, now } = useEnv();
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');

  const exportBackup = async () => {
    setError('');
    setMessage('');
    setMessage('Making the backup…');
    const made = await api.exportBackup({});
    const result = await receiveBackup(api, made);
    if (!result.ok) {
      setMessage('');
      setError(`The backup could not be made: ${result.error.message}`);
      return;
    }
    const name = backupFilename(now(), { encrypted: made.ok && made.value.encrypted });
    io.download(name, result.value.type, result.value);
    setMessage(`Backup saved as ${name}. Keep it somewhere safe: it holds your coaching notes.`);
  };

  return (
    <SettingsSection title="Backup and restore">
      <p class="small muted">One file with every client, session, captured item, your own questions and settings.</p>
      <div class="actions">
        <Button variant="primary" onClick={() => void exportBackup()}>
          Export backup
        </Button>
      </div>
      <ImportBackup
        onOutcome={(outcome) => {
          setError(outcome.error ?? '');
          setMessage(outcome.message ?? '');
        }}
      />
      <Outcome error={error} message={message} />
    </SettingsSection>
  );
}

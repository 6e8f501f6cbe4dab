import { useId, useState } from 'preact/hooks';
import type { BackupCounts, BackupPreview, ImportMode } from '@/lib/api/contract';
import { BACKUP_MAX_BYTES } from '@/lib/backup/format';
import { MAX_SIZE_WORDS, refusal } from '@/lib/backup/messages';
import { decodeBackup } from '@/lib/backup/parse';
import { useEnv } from '../app/env';
import { Button } from '../ui/Button';
import { ConfirmDialog } from '../ui/ConfirmDialog';

type Step =
  | { kind: 'idle' }
  | { kind: 'reading' }
  | { kind: 'passphrase'; text: string; fileName: string; error: string }
  | { kind: 'preview'; text: string; fileName: string; preview: BackupPreview; passphrase?: string }
  | { kind: 'confirm-replace'; text: string; fileName: string; preview: BackupPreview; passphrase?: string }
  | { kind: 'importing' };

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function describeCounts(c: BackupCounts): string {
  return `${plural(c.clients, 'client')}, ${plural(c.sessions, 'session')}, ${plural(c.items, 'captured item')} (${plural(c.reviews, 'review')}) and ${plural(c.questions, 'own question')}`;
}

/**
 * Import: read the file (refusing one over 50 MB before reading it), let the store check all of it and
 * show what it holds, then merge or replace. Any refusal is shown as an alert and changes nothing.
 */
export function ImportBackup(props: { onOutcome(outcome: { error?: string; message?: string }): void }) {
  const { api } = useEnv();
  const inputId = useId();
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const refuse = (error: string) => {
    setStep({ kind: 'idle' });
    props.onOutcome({ error });
  };

  const choose = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    props.onOutcome({});
    if (file.size > BACKUP_MAX_BYTES) return refuse(refusal(`the file is larger than ${MAX_SIZE_WORDS}.`));
    setStep({ kind: 'reading' });
    let bytes: ArrayBuffer;
    try {
      bytes = await file.arrayBuffer();
    } catch {
      return refuse(refusal('the file could not be read.'));
    }
    const decoded = decodeBackup(bytes);
    if (!decoded.ok) return refuse(decoded.error.message);
    const text = decoded.value;
    const preview = await api.previewBackup({ text });
    // An encrypted backup (made with the lock on): ask for its passphrase first.
    if (!preview.ok && preview.error.field === 'passphrase') return setStep({ kind: 'passphrase', text, fileName: file.name, error: '' });
    if (!preview.ok) return refuse(preview.error.message);
    setStep({ kind: 'preview', text, fileName: file.name, preview: preview.value });
  };

  const open = async (text: string, fileName: string, passphrase: string) => {
    const preview = await api.previewBackup({ text, passphrase });
    if (!preview.ok && preview.error.field === 'passphrase')
      return setStep({ kind: 'passphrase', text, fileName, error: preview.error.message });
    if (!preview.ok) return refuse(preview.error.message);
    setStep({ kind: 'preview', text, fileName, preview: preview.value, passphrase });
  };

  const run = async (text: string, mode: ImportMode, passphrase?: string) => {
    setStep({ kind: 'importing' });
    const result = await api.importBackup({ text, mode, passphrase });
    if (!result.ok) return refuse(result.error.message);
    setStep({ kind: 'idle' });
    props.onOutcome({ message: `${mode === 'merge' ? 'Merged' : 'Restored'}: ${describeCounts(result.value)} written.` });
  };

  const shown = step.kind === 'preview' || step.kind === 'confirm-replace' ? step : null;
  return (
    <div class="stack">
      <div class="field">
        <label class="field__label" for={inputId}>
          Import backup
        </label>
        <input
          id={inputId}
          class="settings__file"
          type="file"
          accept=".json,application/json"
          onChange={(e) => void choose(e.currentTarget)}
        />
        <p class="small muted">The whole file is checked before anything changes.</p>
      </div>
      {step.kind === 'reading' && <p class="small muted">Checking the file…</p>}
      {step.kind === 'importing' && <p class="small muted">Importing…</p>}
      {step.kind === 'passphrase' && (
        <BackupPassphrase step={step} onOpen={(p) => void open(step.text, step.fileName, p)} onCancel={() => setStep({ kind: 'idle' })} />
      )}
      {shown && (
        <div class="settings__preview" role="group" aria-label="Backup preview">
          <p>
            <strong>{shown.fileName}</strong> holds {describeCounts(shown.preview.counts)}.
          </p>
          <p class="small">
            {shown.preview.conflicts === 0
              ? 'None of it is here yet.'
              : `${plural(shown.preview.conflicts, 'record is', 'records are')} already here: merging keeps whichever version was changed last.`}
          </p>
          {shown.preview.scope === 'client' && <p class="small">This file holds one client's record: it can be merged into yours.</p>}
          <div class="actions">
            <Button variant="primary" onClick={() => void run(shown.text, 'merge', shown.passphrase)}>
              Merge
            </Button>
            {shown.preview.scope !== 'client' && (
              <Button variant="danger" onClick={() => setStep({ ...shown, kind: 'confirm-replace' })}>
                Replace everything
              </Button>
            )}
            <Button variant="ghost" onClick={() => setStep({ kind: 'idle' })}>
              Cancel import
            </Button>
          </div>
        </div>
      )}
      {step.kind === 'confirm-replace' && (
        <ConfirmDialog
          title="Replace everything?"
          danger
          confirmLabel="Yes, replace everything"
          onCancel={() => setStep({ ...step, kind: 'preview' })}
          onConfirm={() => void run(step.text, 'replace', step.passphrase)}
        >
          Every client, session and captured item stored now is deleted and replaced by the contents of {step.fileName}. This cannot be
          undone.
        </ConfirmDialog>
      )}
    </div>
  );
}

/** An encrypted backup's passphrase; a wrong one is announced and nothing changes. */
function BackupPassphrase(props: { step: { fileName: string; error: string }; onOpen(passphrase: string): void; onCancel(): void }) {
  const id = useId();
  const [passphrase, setPassphrase] = useState('');
  return (
    <form
      class="settings__preview"
      aria-label="Encrypted backup"
      onSubmit={(e) => {
        e.preventDefault();
        props.onOpen(passphrase);
      }}
    >
      <p class="small">
        <strong>{props.step.fileName}</strong> is encrypted. Type the passphrase it was made with.
      </p>
      <label class="field__label" for={id}>
        Backup passphrase
      </label>
      <input
        id={id}
        class="input"
        type="password"
        autocomplete="off"
        value={passphrase}
        onInput={(e) => setPassphrase(e.currentTarget.value)}
      />
      {props.step.error && (
        <p class="settings__alert" role="alert">
          {props.step.error}
        </p>
      )}
      <div class="actions">
        <Button type="submit" variant="primary">
          Open backup
        </Button>
        <Button variant="ghost" onClick={props.onCancel}>
          Cancel import
        </Button>
      </div>
    </form>
  );
}

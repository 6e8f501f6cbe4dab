import { useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { BackupCounts, BackupPreview, ImportMode } from '@/lib/api/contract';
import { BACKUP_MAX_BYTES } from '@/lib/backup/format';
import { refusal, TOO_LARGE } from '@/lib/backup/messages';
import { cancelUpload, importUpload, previewUpload, type Upload } from '@/lib/backup/transfer';
import { useEnv } from '../app/env';
import { Button } from '../ui/Button';
import { ConfirmDialog } from '../ui/ConfirmDialog';

type Step =
  | { kind: 'idle' }
  | { kind: 'reading' }
  | { kind: 'passphrase'; file: Blob; fileName: string; error: string }
  | { kind: 'preview'; upload: Upload; fileName: string; preview: BackupPreview }
  | { kind: 'confirm-replace'; upload: Upload; fileName: string; preview: BackupPreview }
  | { kind: 'importing' };

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function describeCounts(c: BackupCounts): string {
  return `${plural(c.clients, 'client')}, ${plural(c.sessions, 'session')}, ${plural(c.items, 'captured item')} (${plural(c.reviews, 'review')}) and ${plural(c.questions, 'own question')}`;
}

/**
 * Import: send the file to the worker page by page (refusing one over the size cap before reading it), let
 * the worker check all of it — off this page's thread, so the page never freezes — and show what it holds,
 * then merge or replace. Any refusal is shown as an alert and changes nothing.
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
    if (file.size > BACKUP_MAX_BYTES) return refuse(TOO_LARGE);
    setStep({ kind: 'reading' });
    await open(file, file.name);
  };

  /** Sends and checks the file; an encrypted backup (made with the lock on) first asks for its passphrase. */
  const open = async (file: Blob, fileName: string, passphrase?: string) => {
    let checked: Awaited<ReturnType<typeof previewUpload>>;
    try {
      checked = await previewUpload(api, file, passphrase);
    } catch {
      return refuse(refusal('the file could not be read.'));
    }
    if (!checked.ok && checked.error.field === 'passphrase')
      return setStep({ kind: 'passphrase', file, fileName, error: passphrase === undefined ? '' : checked.error.message });
    if (!checked.ok) return refuse(checked.error.message);
    setStep({ kind: 'preview', upload: checked.value.upload, fileName, preview: checked.value.preview });
  };

  // When the preview's buttons go (cancelled, or importing from them or from the confirmation), focus goes back
  // to "Import backup", after the dialog's own return of focus (to a button that goes in the same commit).
  const fileInput = useRef<HTMLInputElement>(null);
  const refocus = useRef(false);
  useLayoutEffect(() => {
    if (!refocus.current || step.kind === 'preview' || step.kind === 'confirm-replace') return;
    refocus.current = false;
    fileInput.current?.focus();
  }, [step.kind]);

  const cancel = (upload: Upload) => {
    cancelUpload(api, upload);
    refocus.current = true;
    setStep({ kind: 'idle' });
  };

  const run = async (upload: Upload, mode: ImportMode) => {
    refocus.current = true;
    setStep({ kind: 'importing' });
    const result = await importUpload(api, upload, mode);
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
          ref={fileInput}
          id={inputId}
          class="settings__file"
          type="file"
          accept=".gz,.json,application/gzip,application/json"
          onChange={(e) => void choose(e.currentTarget)}
        />
        <p class="small muted">The whole file is checked before anything changes.</p>
      </div>
      {step.kind === 'reading' && <p class="small muted">Checking the file…</p>}
      {step.kind === 'importing' && <p class="small muted">Importing…</p>}
      {step.kind === 'passphrase' && (
        <BackupPassphrase step={step} onOpen={(p) => void open(step.file, step.fileName, p)} onCancel={() => setStep({ kind: 'idle' })} />
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
            <Button variant="primary" onClick={() => void run(shown.upload, 'merge')}>
              Merge
            </Button>
            {shown.preview.scope !== 'client' && (
              <Button variant="danger" onClick={() => setStep({ ...shown, kind: 'confirm-replace' })}>
                Replace everything
              </Button>
            )}
            <Button variant="ghost" onClick={() => cancel(shown.upload)}>
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
          onConfirm={() => void run(step.upload, 'replace')}
        >
          Every client, session and captured item stored now is deleted and replaced by the contents of {step.fileName}. This cannot be
          undone.
        </ConfirmDialog>
      )}
    </div>
  );
}

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

import { useState } from 'preact/hooks';
import type { ApiError } from '@/lib/api/result';
import type { Client } from '@/lib/model/types';
import { LIMITS } from '@/lib/model/limits';
import { useEnv } from '../app/env';
import { Button, IconButton } from '../ui/Button';
import { Dialog } from '../ui/Dialog';
import { ErrorNote } from '../ui/ErrorNote';
import { Field } from '../ui/Field';

/**
 * The client's details — name, e-mail (where e-mail drafts go), private notes — edited in a small dialog.
 * Saved with "Save details"; a refusal says what to fix and keeps what was typed.
 */
export function ClientDetailsDialog(props: { client: Client; onClose(): void; onSaved?: (client: Client) => void }) {
  const { api } = useEnv();
  const [name, setName] = useState(props.client.name);
  const [email, setEmail] = useState(props.client.email);
  const [notes, setNotes] = useState(props.client.notes);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const save = async (e?: Event) => {
    e?.preventDefault();
    if (busy) return;
    setBusy(true);
    const result = await api.updateClient({ id: props.client.id, patch: { name, email, notes } });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    props.onSaved?.(result.value);
    props.onClose();
  };

  return (
    <Dialog title="Client details" onClose={props.onClose}>
      <form class="stack" onSubmit={(e) => void save(e)}>
        <Field label="Name">
          {({ id }) => (
            <input
              id={id}
              class="input"
              data-autofocus
              required
              maxLength={LIMITS.nameLength}
              value={name}
              aria-invalid={error?.field?.endsWith('name') || undefined}
              onInput={(e) => setName(e.currentTarget.value)}
            />
          )}
        </Field>
        <Field label="E-mail" prompt="Where e-mail drafts of the summary go.">
          {({ id, describedBy }) => (
            <input
              id={id}
              type="email"
              class="input"
              autocomplete="off"
              maxLength={LIMITS.emailLength}
              value={email}
              aria-describedby={describedBy}
              aria-invalid={error?.field?.endsWith('email') || undefined}
              onInput={(e) => setEmail(e.currentTarget.value)}
            />
          )}
        </Field>
        <Field label="Notes" prompt="Coach-private: never in an export.">
          {({ id, describedBy }) => (
            <textarea
              id={id}
              class="input"
              rows={3}
              value={notes}
              aria-describedby={describedBy}
              onInput={(e) => setNotes(e.currentTarget.value)}
            />
          )}
        </Field>
        {error && <ErrorNote what="The details were not saved." error={error} kept />}
        <div class="dialog__actions">
          <Button type="button" variant="ghost" onClick={props.onClose}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" aria-busy={busy}>
            Save details
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

/** The entry point: a small button "Edit client details" that opens the dialog. */
export function EditClientButton(props: { client: Client; iconOnly?: boolean; onSaved?: (client: Client) => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      {props.iconOnly ? (
        <IconButton small variant="ghost" icon="pencil" label="Edit client details" onClick={() => setOpen(true)} />
      ) : (
        <Button small variant="ghost" icon="pencil" onClick={() => setOpen(true)}>
          Edit client details
        </Button>
      )}
      {open && <ClientDetailsDialog client={props.client} onClose={() => setOpen(false)} onSaved={props.onSaved} />}
    </>
  );
}

import { useId, useState } from 'preact/hooks';
import type { Client } from '@/lib/model/types';
import { clientExportFilename } from '@/lib/export/filenames';
import { receiveBackup } from '@/lib/backup/transfer';
import { useEnv } from '../app/env';
import { useLiveQuery } from '../hooks/useLiveQuery';
import { Button } from '../ui/Button';
import { Dialog } from '../ui/Dialog';
import { Outcome } from './Outcome';
import { SettingsSection } from './SettingsSection';
import { UserText } from '@/components/ui/UserText';

const sameName = (typed: string, name: string) => typed.trim().toLocaleLowerCase() === name.trim().toLocaleLowerCase();

/** One client's data: everything recorded with them, as a file (for a client who asks) or deleted for good. */
export function ClientDataSection() {
  const { api, io, now } = useEnv();
  const selectId = useId();
  const clients = useLiveQuery(() => api.listClients({ includeArchived: true }), [], ['clients']);
  const [chosenId, setChosenId] = useState('');
  const [deleting, setDeleting] = useState<Client | null>(null);
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  const list = clients.data ?? [];
  const chosen = list.find((c) => c.id === chosenId) ?? null;

  const exportClient = async (client: Client) => {
    setError('');
    setMessage('');
    const made = await api.exportClient({ clientId: client.id });
    const result = await receiveBackup(api, made);
    if (!result.ok) return setError(`${client.name}'s data could not be exported: ${result.error.message}`);
    const name = clientExportFilename(client.name, now(), { encrypted: made.ok && made.value.encrypted });
    io.download(name, result.value.type, result.value);
    setMessage(`${client.name}'s data saved as ${name}.`);
  };

  const deleteClient = async (client: Client) => {
    setDeleting(null);
    setError('');
    setMessage('');
    const result = await api.deleteClient({ id: client.id });
    if (!result.ok) return setError(`${client.name} was not deleted: ${result.error.message}`);
    const r = result.value;
    setChosenId('');
    setMessage(
      `Deleted ${r.clientName}: ${r.sessions} session${r.sessions === 1 ? '' : 's'} and ${r.items} captured item${r.items === 1 ? '' : 's'}.`,
    );
  };

  return (
    <SettingsSection title="A client's data">
      <p class="small muted">For a client who asks for their data, or asks you to delete it.</p>
      <div class="field">
        <label class="field__label" for={selectId}>
          Choose a client
        </label>
        <select id={selectId} class="select" value={chosenId} onChange={(e) => setChosenId(e.currentTarget.value)}>
          <option value="">{clients.loading ? 'Loading clients…' : list.length ? 'Choose…' : 'No clients yet'}</option>
          {list.map((c) => (
            <option key={c.id} value={c.id}>
              <UserText text={c.name} />
              {c.archived ? ' (archived)' : ''}
            </option>
          ))}
        </select>
      </div>
      <div class="actions">
        <Button disabled={!chosen} onClick={() => chosen && void exportClient(chosen)}>
          Export client data
        </Button>
        <Button variant="danger" disabled={!chosen} onClick={() => chosen && setDeleting(chosen)}>
          Delete client
        </Button>
      </div>
      <Outcome error={error} message={message} />
      {deleting && (
        <DeleteClientDialog client={deleting} onCancel={() => setDeleting(null)} onConfirm={() => void deleteClient(deleting)} />
      )}
    </SettingsSection>
  );
}

/** Asks once, by having the coach type the client's name: deleting cannot be undone. */
function DeleteClientDialog(props: { client: Client; onCancel(): void; onConfirm(): void }) {
  const inputId = useId();
  const [typed, setTyped] = useState('');
  const matches = sameName(typed, props.client.name);
  return (
    <Dialog title={`Delete ${props.client.name}?`} onClose={props.onCancel}>
      <form
        class="stack"
        onSubmit={(e) => {
          e.preventDefault();
          if (matches) props.onConfirm();
        }}
      >
        <p class="dialog__body">
          This deletes {props.client.name} and every session, commitment, note and reflection recorded with them. It cannot be undone.
          Export their data first if they asked for it.
        </p>
        <div class="field">
          <label class="field__label" for={inputId}>
            Type the client's name to confirm
          </label>
          <input
            id={inputId}
            class="input"
            autoComplete="off"
            value={typed}
            onInput={(e) => setTyped(e.currentTarget.value)}
            data-autofocus
          />
        </div>
        <div class="dialog__actions">
          <Button variant="ghost" onClick={props.onCancel}>
            Cancel
          </Button>
          <Button type="submit" variant="danger" aria-disabled={!matches}>
            Delete permanently
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

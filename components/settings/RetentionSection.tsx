import { useId, useState } from 'preact/hooks';
import type { RetentionCandidate, RetentionPreview } from '@/lib/api/contract';
import { formatDay } from '@/lib/model/dates';
import { DEFAULTS } from '@/lib/model/limits';
import type { Settings } from '@/lib/settings/settings';
import { useEnv } from '../app/env';
import { Button } from '../ui/Button';
import { Dialog } from '../ui/Dialog';
import { UserText } from '../ui/UserText';
import { Outcome } from './Outcome';
import { SettingsSection } from './SettingsSection';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The months offered, with a stored value that is not among them (set elsewhere) kept as a choice. */
function monthChoices(current: number): number[] {
  const choices: number[] = [...DEFAULTS.retentionChoices];
  if (current > 0 && !choices.includes(current)) choices.push(current);
  return choices.sort((a, b) => a - b);
}

/** "Last session 3 Jan 2024 · 4 sessions", or "No session; added 3 Jan 2024". */
export function seenLine(c: RetentionCandidate, now: number): string {
  if (c.lastSession === null) return `No session; added ${formatDay(c.createdAt, now)}`;
  return `Last session ${formatDay(c.lastSession, now)} · ${plural(c.sessions, 'session')}`;
}

/**
 * Settings → Retention: how long a client may go unseen (off by default), and, when the coach asks, the
 * list of clients that would go, each deleted only once the coach confirms that list. Nothing runs by itself.
 */
export function RetentionSection(props: { settings: Settings; onSave(patch: Partial<Settings>): void }) {
  const { api, now } = useEnv();
  const selectId = useId();
  const months = props.settings.retentionMonths;
  const [preview, setPreview] = useState<RetentionPreview | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [message, setMessage] = useState('');

  const show = async () => {
    setError('');
    setMessage('');
    setBusy(true);
    const result = await api.retentionPreview({ months });
    setBusy(false);
    if (!result.ok) return setError(`The clients could not be listed: ${result.error.message}`);
    if (result.value.clients.length === 0)
      return setMessage(`Every client was seen in the last ${plural(months, 'month')}. Nothing to delete.`);
    setPreview(result.value);
  };

  const apply = async (shown: RetentionPreview, clientIds: string[]) => {
    setPreview(null);
    setBusy(true);
    const result = await api.applyRetention({ months: shown.months, clientIds });
    setBusy(false);
    if (!result.ok) return setError(`Nothing was deleted: ${result.error.message}`);
    const { deleted, kept } = result.value;
    const names = deleted.map((d) => `${d.clientName} (${plural(d.sessions, 'session')}, ${plural(d.items, 'captured item')})`);
    setMessage(
      [
        deleted.length ? `Deleted ${plural(deleted.length, 'client')}: ${names.join(', ')}.` : 'No client was deleted.',
        kept ? `${plural(kept, 'client')} kept: seen since, in a session now, or already gone.` : '',
      ]
        .filter(Boolean)
        .join(' '),
    );
  };

  return (
    <SettingsSection title="Retention">
      <p class="small muted">
        Delete the records of clients you have not seen for a while. A client counts as seen at their last session’s start, or when you
        added them if they have had none; archived clients count the same, and a client in a session is always kept. Nothing is deleted by
        itself: you see the list and confirm it first.
      </p>
      <div class="field">
        <label class="field__label" for={selectId}>
          Delete clients not seen for
        </label>
        <select
          id={selectId}
          class="select settings__months"
          value={String(months)}
          onChange={(e) => {
            setPreview(null);
            setMessage('');
            props.onSave({ retentionMonths: Number(e.currentTarget.value) });
          }}
        >
          <option value="0">Off (keep every client)</option>
          {monthChoices(months).map((m) => (
            <option key={m} value={String(m)}>
              {plural(m, 'month')}
            </option>
          ))}
        </select>
      </div>
      {months > 0 && (
        <div class="actions">
          <Button onClick={() => void show()} disabled={busy} aria-busy={busy}>
            Show clients to delete
          </Button>
        </div>
      )}
      <Outcome error={error} message={message} />
      {preview && (
        <RetentionDialog preview={preview} now={now()} onCancel={() => setPreview(null)} onConfirm={(ids) => void apply(preview, ids)} />
      )}
    </SettingsSection>
  );
}

/** The clients that would go, each ticked; only the ticked ones are deleted, once the coach confirms. */
function RetentionDialog(props: { preview: RetentionPreview; now: number; onCancel(): void; onConfirm(ids: string[]): void }) {
  const { clients, months } = props.preview;
  const listId = useId();
  const [ticked, setTicked] = useState<Set<string>>(() => new Set(clients.map((c) => c.clientId)));
  const chosen = clients.filter((c) => ticked.has(c.clientId)).map((c) => c.clientId);
  const toggle = (id: string, on: boolean) =>
    setTicked((t) => {
      const next = new Set(t);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  return (
    <Dialog title={`Clients not seen for ${plural(months, 'month')}`} onClose={props.onCancel} class="retention-dialog">
      <p class="dialog__body">
        Deleting removes each ticked client and every session, commitment, note and reflection recorded with them. It cannot be undone.
        Untick a client to keep them; export their data first (A client’s data) if they asked for it.
      </p>
      <ul class="retention__list" id={listId} aria-label="Clients to delete">
        {clients.map((c, i) => (
          <li key={c.clientId}>
            <label class="choice retention__client">
              <input
                type="checkbox"
                data-autofocus={i === 0 ? true : undefined}
                checked={ticked.has(c.clientId)}
                onChange={(e) => toggle(c.clientId, e.currentTarget.checked)}
              />
              <span>
                <strong>
                  <UserText text={c.name} />
                </strong>
                {c.archived ? ' (archived)' : ''}
                <span class="small muted retention__seen"> — {seenLine(c, props.now)}</span>
              </span>
            </label>
          </li>
        ))}
      </ul>
      <div class="dialog__actions">
        <Button variant="ghost" onClick={props.onCancel}>
          Cancel
        </Button>
        <Button
          variant="danger"
          aria-disabled={chosen.length === 0}
          aria-controls={listId}
          onClick={() => chosen.length > 0 && props.onConfirm(chosen)}
        >
          {chosen.length === 0 ? 'Delete no client' : `Delete ${plural(chosen.length, 'client')}`}
        </Button>
      </div>
    </Dialog>
  );
}

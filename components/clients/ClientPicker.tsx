import { useEffect, useRef, useState } from 'preact/hooks';
import type { ApiError } from '@/lib/api/result';
import type { Client, Session } from '@/lib/model/types';
import { useEnv } from '../app/env';
import { usePrefs } from '../app/prefs';
import { useLiveQuery } from '../hooks/useLiveQuery';
import { Button } from '../ui/Button';
import { ErrorNote } from '../ui/ErrorNote';
import { Field } from '../ui/Field';
import { ClientCombobox, type ClientChoice } from './ClientCombobox';
import { SummaryView } from '../summary/SummaryView';
import { EditClientButton } from './ClientDetailsDialog';
import { ClientPreview } from './ClientPreview';
import { exactClient } from './match';

/**
 * Before a session: choose the client (or create them by typing a new name) and start. With no clients
 * yet, it says so and explains that typing a name creates one.
 */
export function ClientPicker(props: { onStarted(session: Session): void }) {
  const env = useEnv();
  const { settings } = usePrefs();
  const clients = useLiveQuery(() => env.api.listClients({}), [], ['clients']);
  const recent = useLiveQuery(() => env.api.recentClients({ limit: 5 }), [], ['clients', 'session']);
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<ClientChoice | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ what: string; error: ApiError | string } | null>(null);
  const startButton = useRef<HTMLButtonElement>(null);
  const [summaryFor, setSummaryFor] = useState<string | null>(null);
  /** Back from a reopened summary: work continues at "Start session" with the same client chosen. */
  const backFromSummary = useRef(false);
  useEffect(() => {
    if (summaryFor || !backFromSummary.current) return;
    backFromSummary.current = false;
    startButton.current?.focus();
  }, [summaryFor]);
  const all = clients.data ?? [];
  const none = !clients.loading && !clients.error && all.length === 0;

  const choose = (choice: ClientChoice) => {
    setChosen(choice);
    setError(null);
    setQuery(choice.kind === 'client' ? choice.client.name : choice.name);
    startButton.current?.focus();
  };

  const resolve = (): ClientChoice | null => {
    const name = query.trim();
    if (chosen && (chosen.kind === 'client' ? chosen.client.name : chosen.name) === name) return chosen;
    if (!name) return null;
    const exact = exactClient(all, name);
    return exact ? { kind: 'client', client: exact } : { kind: 'create', name };
  };

  const start = async () => {
    if (busy) return;
    const choice = resolve();
    if (!choice) {
      setError({ what: 'No client chosen.', error: 'Type a name, or pick one from the list.' });
      return;
    }
    setBusy(true);
    setError(null);
    let client: Client;
    if (choice.kind === 'create') {
      const created = await env.api.createClient({ input: { name: choice.name } });
      if (!created.ok) {
        setBusy(false);
        setError({ what: `Could not create ${choice.name}.`, error: created.error });
        return;
      }
      client = created.value;
      setChosen({ kind: 'client', client });
    } else client = choice.client;
    const started = await env.api.startSession({ clientId: client.id, plannedMinutes: settings.defaultLengthMinutes });
    setBusy(false);
    if (!started.ok) {
      setError({ what: 'The session did not start.', error: started.error });
      return;
    }
    props.onStarted(started.value);
  };

  const previewClient = chosen?.kind === 'client' && chosen.client.name === query.trim() ? chosen.client : null;
  const creating = resolve()?.kind === 'create';

  // A past session's summary, reopened from the client's history, takes the picker's place until closed.
  if (summaryFor) {
    const back = () => {
      backFromSummary.current = true;
      setSummaryFor(null);
    };
    return <SummaryView sessionId={summaryFor} onClose={back} closeLabel="Back to the client" />;
  }

  return (
    <section class="picker" aria-labelledby="picker-title">
      {none ? (
        <div class="empty">
          <h2 id="picker-title" class="empty__title">
            No client yet
          </h2>
          <p class="muted">Type your client's name to create them. Everything stays on this computer.</p>
        </div>
      ) : (
        <h2 id="picker-title" class="section-title">
          Who are you coaching?
        </h2>
      )}
      <Field label="Client" prompt={none ? undefined : 'Start typing: recent clients come first.'}>
        {({ id, describedBy }) => (
          <ClientCombobox
            inputId={id}
            describedBy={describedBy}
            clients={all}
            recent={recent.data ?? []}
            query={query}
            onQuery={(q) => {
              setQuery(q);
              setError(null);
            }}
            onChoose={choose}
            autoFocus={env.layout === 'panel'}
          />
        )}
      </Field>
      {clients.error && <ErrorNote what="Clients could not be loaded." error={clients.error} onRetry={clients.reload} />}
      {previewClient && (
        <>
          <ClientPreview client={previewClient} onOpenSummary={setSummaryFor} />
          <EditClientButton
            client={previewClient}
            onSaved={(client) => {
              setChosen({ kind: 'client', client });
              setQuery(client.name);
            }}
          />
        </>
      )}
      {creating && !previewClient && query.trim() && (
        <p class="preview preview--first">
          <strong>New client: {query.trim()}.</strong> <span class="muted">This will be your first session together.</span>
        </p>
      )}
      {error && (
        <ErrorNote what={error.what} error={error.error} onRetry={typeof error.error === 'string' ? undefined : () => void start()} />
      )}
      <div class="actions">
        <Button buttonRef={startButton} variant="primary" icon="play" onClick={() => void start()} aria-busy={busy}>
          Start session
        </Button>
      </div>
    </section>
  );
}

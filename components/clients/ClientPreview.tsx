import type { SessionSummaryRow } from '@/lib/api/contract';
import type { Client } from '@/lib/model/types';
import { Button } from '../ui/Button';
import { useEnv } from '../app/env';
import { useLiveQuery } from '../hooks/useLiveQuery';
import { formatDay } from '@/lib/model/dates';
import { PrepareCard } from '../engagement/PrepareCard';

/**
 * What the coach should know before starting: the Prepare card (a first session's contract needs, or the
 * engagement so far, the last session, what is up for review, patterns and an opening question), then the
 * client's earlier sessions, each summary reopening from here.
 */
export function ClientPreview(props: { client: Client; onOpenSummary?: (sessionId: string) => void }) {
  const env = useEnv();
  const id = props.client.id;
  const history = useLiveQuery(() => env.api.clientHistory({ clientId: id }), [id], ['session', 'contract']);
  return (
    <div class="stack">
      <PrepareCard client={props.client} />
      {props.onOpenSummary && history.data && <PastSessions rows={history.data} now={env.now()} onOpen={props.onOpenSummary} />}
    </div>
  );
}

/** The client's history, newest first: each past session's summary reopens from here (edit, export, send). */
function PastSessions(props: { rows: SessionSummaryRow[]; now: number; onOpen(sessionId: string): void }) {
  const past = props.rows.filter((r) => r.session.status === 'ended');
  if (past.length === 0) return null;
  return (
    <details class="preview__history">
      <summary>Earlier sessions and their summaries</summary>
      <ul class="plain-list preview__sessions">
        {past.map((r) => (
          <li key={r.session.id}>
            <Button
              small
              variant="ghost"
              class="row-button"
              aria-label={`Open summary: ${formatDay(r.session.startedAt, props.now)}, ${r.session.contract.topic || 'no topic'}`}
              onClick={() => props.onOpen(r.session.id)}
            >
              <span>{formatDay(r.session.startedAt, props.now)}</span>
              <span class="row-button__main">{r.session.contract.topic || 'No topic'}</span>
            </Button>
          </li>
        ))}
      </ul>
    </details>
  );
}

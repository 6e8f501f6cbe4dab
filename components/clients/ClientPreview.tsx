import type { SessionSummaryRow } from '@/lib/api/contract';
import type { Client } from '@/lib/model/types';
import { Button } from '../ui/Button';
import { useEnv } from '../app/env';
import { useLiveQuery } from '../hooks/useLiveQuery';
import { formatDay, isOverdue } from '@/lib/model/dates';
import { showBidiControls } from '@/lib/text/bidi';

/**
 * What the coach should know before starting: a first session, or how many sessions came before and what
 * is still open (overdue marked).
 */
export function ClientPreview(props: { client: Client; onOpenSummary?: (sessionId: string) => void }) {
  const env = useEnv();
  const id = props.client.id;
  const history = useLiveQuery(() => env.api.clientHistory({ clientId: id }), [id], ['session', 'contract']);
  const open = useLiveQuery(() => env.api.openCommitments({ clientId: id }), [id], ['items', 'reviews']);
  if (history.loading || open.loading)
    return (
      <p class="preview muted" aria-busy="true">
        Looking up {showBidiControls(props.client.name)}…
      </p>
    );

  const sessions = history.data ?? [];
  const commitments = open.data ?? [];
  const now = env.now();
  const overdue = commitments.filter((c) => c.item.due && isOverdue(c.item.due, now)).length;

  if (sessions.length === 0) {
    return (
      <div class="preview preview--first">
        <strong>First session with {showBidiControls(props.client.name)}.</strong>
        <span class="muted"> Start with the contract and the agreements: confidentiality, recording consent.</span>
      </div>
    );
  }
  const last = sessions[0]!.session;
  return (
    <div class="preview">
      <span>
        {sessions.length === 1 ? '1 earlier session' : `${sessions.length} earlier sessions`}, last on {formatDay(last.startedAt, now)}.
      </span>{' '}
      {commitments.length > 0 ? (
        <span>
          {commitments.length === 1 ? '1 open commitment' : `${commitments.length} open commitments`} to review first
          {overdue > 0 && <span class="badge badge--warn">{overdue} overdue</span>}
        </span>
      ) : (
        <span class="muted">No open commitments.</span>
      )}
      {props.onOpenSummary && <PastSessions rows={sessions} now={now} onOpen={props.onOpenSummary} />}
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

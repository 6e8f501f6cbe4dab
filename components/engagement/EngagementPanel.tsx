import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { EngagementView } from '@/lib/api/contract';
import { keyIs } from '@/lib/keymap/match';
import { useEnv } from '../app/env';
import { focusWork } from '../app/focusWork';
import { useLiveQuery } from '../hooks/useLiveQuery';
import { SessionDetail } from '../search/DetailViews';
import { Button } from '../ui/Button';
import { ErrorNote } from '../ui/ErrorNote';
import { AgreementForm } from './AgreementForm';
import { EngagementGoals } from './EngagementGoals';
import { FollowThroughChart } from './FollowThroughChart';
import { EngagementReportButtons } from './EngagementReportButtons';
import { SessionTimeline } from './SessionTimeline';
import './engagement.css';

/**
 * A client's engagement in one region: the agreement, the goals, follow-through over time and every session,
 * each opening read-only (with the way to its summary). Focus lands on the first part of the plan still
 * missing when it opens, and back on the session's row when a session closes.
 */
export function EngagementPanel(props: { clientId: string }) {
  const env = useEnv();
  const region = useRef<HTMLElement>(null);
  const view = useLiveQuery(
    () => env.api.engagement({ clientId: props.clientId }),
    [props.clientId],
    ['clients', 'session', 'contract', 'items', 'reviews'],
  );
  const [openSession, setOpenSession] = useState<string | null>(null);
  const backTo = useRef<string | null>(null);
  const focused = useRef(false);

  useEffect(() => {
    if (focused.current || !view.data || !region.current) return;
    focused.current = true;
    focusWork(region.current);
  });
  useLayoutEffect(() => {
    const id = backTo.current;
    if (openSession || !id) return;
    backTo.current = null;
    region.current?.querySelector<HTMLElement>(`[data-session="${id}"]`)?.focus();
  }, [openSession]);

  const close = () => {
    backTo.current = openSession;
    setOpenSession(null);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (!openSession || !keyIs('view.back', e)) return;
    e.preventDefault();
    e.stopPropagation();
    close();
  };

  const name = view.data?.client.name;
  return (
    <section ref={region} class="engagement" aria-labelledby="engagement-title" onKeyDown={onKeyDown} tabIndex={-1}>
      <div class="section-head">
        <h2 class="section-title" id="engagement-title">
          Engagement
        </h2>
        {name && (
          <span class="engagement__who">
            <bdi>{name}</bdi>
          </span>
        )}
      </div>
      {view.error && !view.data ? (
        <ErrorNote what="The engagement could not be opened." error={view.error} onRetry={view.reload} />
      ) : !view.data ? (
        <p class="muted" aria-busy="true">
          Opening the engagement…
        </p>
      ) : openSession ? (
        <div class="detail">
          <div class="detail__bar">
            <Button variant="ghost" small icon="back" onClick={close}>
              Back to the engagement
            </Button>
            <span class="muted small">Read-only</span>
          </div>
          <SessionDetail id={openSession} />
        </div>
      ) : (
        <EngagementBody view={view.data} now={env.now()} onOpen={setOpenSession} />
      )}
    </section>
  );
}

function EngagementBody(props: { view: EngagementView; now: number; onOpen(sessionId: string): void }) {
  const { view, now } = props;
  const held = view.sessions.filter((s) => s.session.status === 'ended').length;
  const planned = view.engagement.sessionsPlanned;
  const made = view.sessions.reduce((n, r) => n + r.made, 0);
  return (
    <div class="stack">
      <p class="small muted">
        {held === 0 ? 'No sessions held yet' : `${held} ${held === 1 ? 'session' : 'sessions'} held`}
        {planned ? ` of ${planned} planned` : ''}.
      </p>
      <AgreementForm clientId={view.client.id} engagement={view.engagement} />
      <EngagementGoals clientId={view.client.id} goals={view.goals} sessions={view.sessions.map((r) => r.session)} now={now} />
      <div class="engagement__follow">
        <h3 class="sub-title">Follow-through over time</h3>
        {made === 0 ? (
          <p class="muted small">
            {view.sessions.length === 0
              ? 'No sessions yet: the chart fills in as the client makes commitments.'
              : 'No commitments made yet: the chart fills in as the client makes them.'}
          </p>
        ) : (
          <FollowThroughChart view={view} now={now} />
        )}
      </div>
      <SessionTimeline rows={view.sessions} now={now} onOpen={props.onOpen} />
      <div class="engagement__report">
        <h3 class="sub-title">Report for the client or sponsor</h3>
        <EngagementReportButtons clientId={view.client.id} clientName={view.client.name} />
      </div>
    </div>
  );
}

import { showBidiControls } from '@/lib/text/bidi';
import type { PrepareView } from '@/lib/api/contract';
import './engagement.css';
import { goalMeasure, goalStatus } from '@/lib/model/client';
import { formatDay, formatDueShort, isOverdue } from '@/lib/model/dates';
import type { Client } from '@/lib/model/types';
import { useEnv } from '../app/env';
import { useLiveQuery } from '../hooks/useLiveQuery';
import { ErrorNote } from '../ui/ErrorNote';

/**
 * Five minutes before a follow-up, one glance: the engagement's goals and how far along it is, the last
 * session, the commitments that will come up for review, patterns, and a question to open with.
 */
export function PrepareCard(props: { client: Client }) {
  const env = useEnv();
  const id = props.client.id;
  const prep = useLiveQuery(
    () => env.api.prepare({ clientId: id }),
    [id],
    ['clients', 'session', 'contract', 'reflection', 'items', 'reviews'],
  );
  return (
    <section class="prepare" role="region" aria-label="Prepare">
      <h2 class="sub-title">Prepare</h2>
      {prep.error ? (
        <ErrorNote what="Could not prepare this client." error={prep.error} onRetry={prep.reload} />
      ) : !prep.data ? (
        <p class="muted" aria-busy="true">
          Looking up {showBidiControls(props.client.name)}…
        </p>
      ) : (
        <PrepareBody prep={prep.data} now={env.now()} />
      )}
    </section>
  );
}

function PrepareBody(props: { prep: PrepareView; now: number }) {
  const { prep, now } = props;
  const goals = prep.client.goals.filter((g) => goalStatus(g) === 'active');
  if (prep.sessionsHeld === 0) {
    return (
      <div class="stack">
        <p>
          <strong>First session with {showBidiControls(prep.client.name)}.</strong> Agree confidentiality and recording first; ask what they
          want from coaching overall, then from today.
        </p>
        {prep.opening && <Opening text={prep.opening.text} />}
      </div>
    );
  }
  const planned = prep.engagement.sessionsPlanned;
  const last = prep.last;
  return (
    <div class="stack">
      <p class="small">
        Session {prep.sessionsHeld + 1}
        {planned ? ` of ${planned}` : ''}
        {prep.weeksIn !== null && ` · week ${prep.weeksIn + 1} of the engagement`}
      </p>
      {goals.length > 0 && (
        <div>
          <h3 class="sub-title">Goals</h3>
          <ul class="plain-list">
            {goals.map((g) => (
              <li key={g.id}>
                <bdi>{g.text}</bdi>
                {goalMeasure(g) && (
                  <span class="muted">
                    {' '}
                    — how we will know: <bdi>{goalMeasure(g)}</bdi>
                  </span>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      {last && (
        <div>
          <h3 class="sub-title">Last time, {formatDay(last.session.startedAt, now)}</h3>
          {last.session.contract.topic && (
            <p>
              <bdi>{last.session.contract.topic}</bdi>
              {last.session.contract.desiredOutcome && (
                <span class="muted">
                  {' '}
                  — wanted: <bdi>{last.session.contract.desiredOutcome}</bdi>
                </span>
              )}
            </p>
          )}
          {last.session.reflection && (
            <p class="muted">
              Your reflection: <bdi>{last.session.reflection}</bdi>
            </p>
          )}
          {last.inquiries.map((q) => (
            <p key={q}>
              Took away: <bdi>{q}</bdi>
            </p>
          ))}
        </div>
      )}
      <div>
        <h3 class="sub-title">Up for review</h3>
        {prep.open.length === 0 ? (
          <p class="muted">No open commitments.</p>
        ) : (
          <ul class="plain-list">
            {prep.open.map((c) => (
              <li key={c.item.id}>
                <bdi>{c.item.text}</bdi>
                {c.item.due && (
                  <span class={isOverdue(c.item.due, now) ? 'badge badge--warn' : 'muted'}>
                    {' '}
                    {isOverdue(c.item.due, now) ? 'overdue, ' : ''}by {formatDueShort(c.item.due, now)}
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
      {(prep.recent.reviewed > 0 || prep.repeatedBeliefs.length > 0) && (
        <div>
          <h3 class="sub-title">Patterns</h3>
          {prep.recent.reviewed > 0 && (
            <p>
              Follow-through lately: {prep.recent.done} of the last {prep.recent.reviewed} done.
            </p>
          )}
          {prep.repeatedBeliefs.map((b) => (
            <p key={b.text}>
              Heard in {b.sessions} sessions: <bdi>{b.text}</bdi>
            </p>
          ))}
        </div>
      )}
      {prep.opening && <Opening text={prep.opening.text} />}
    </div>
  );
}

function Opening(props: { text: string }) {
  return (
    <p class="prepare__opening">
      <span class="muted">Open with: </span>
      {props.text}
    </p>
  );
}

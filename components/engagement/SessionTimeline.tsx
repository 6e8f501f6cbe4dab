import type { EngagementView } from '@/lib/api/contract';
import { formatDay } from '@/lib/model/dates';
import { Button } from '../ui/Button';

type Row = EngagementView['sessions'][number];

const made = (r: Row): string => {
  if (r.made === 0) return 'no commitments';
  const kept = r.outcomes.done;
  return `${r.made} ${r.made === 1 ? 'commitment' : 'commitments'} made, ${kept} kept`;
};

/** Every session of the engagement, newest first: date, topic, desired outcome, commitments made and kept. */
export function SessionTimeline(props: { rows: Row[]; now: number; onOpen(sessionId: string): void }) {
  const rows = [...props.rows].reverse();
  return (
    <div class="timeline">
      <h3 class="sub-title" id="timeline-title">
        Sessions, newest first
      </h3>
      {rows.length === 0 ? (
        <p class="muted small">No sessions yet. Each session you hold with this client appears here.</p>
      ) : (
        <ol class="plain-list timeline__list" aria-labelledby="timeline-title">
          {rows.map((r) => {
            const c = r.session.contract;
            const day = formatDay(r.session.startedAt, props.now);
            return (
              <li key={r.session.id} class="timeline__item">
                <Button
                  variant="ghost"
                  class="row-button timeline__row"
                  data-session={r.session.id}
                  aria-describedby={`meta-${r.session.id}`}
                  onClick={() => props.onOpen(r.session.id)}
                >
                  <span class="visually-hidden">Open session: </span>
                  <span class="timeline__day">{day}</span>
                  <span class="visually-hidden">, </span>
                  <span class="row-button__main">
                    <bdi>{c.topic || 'No topic'}</bdi>
                  </span>
                </Button>
                <p class="timeline__meta muted small" id={`meta-${r.session.id}`}>
                  {r.session.status === 'active' && 'Running now · '}
                  {c.desiredOutcome ? <bdi>{c.desiredOutcome}</bdi> : 'No desired outcome'}
                  {r.goalText && (
                    <>
                      {' · goal: '}
                      <bdi>{r.goalText}</bdi>
                    </>
                  )}
                  {' · '}
                  {made(r)}
                </p>
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}

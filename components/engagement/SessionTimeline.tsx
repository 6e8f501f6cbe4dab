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
              <li key={r.session.id}>
                <Button
                  variant="ghost"
                  class="row-button timeline__row"
                  data-session={r.session.id}
                  aria-label={`Open session: ${day}, ${c.topic || 'no topic'}`}
                  onClick={() => props.onOpen(r.session.id)}
                >
                  <span class="timeline__day">{day}</span>
                  <span class="row-button__main">
                    <bdi>{c.topic || 'No topic'}</bdi>
                    {r.session.status === 'active' && <span class="chip">now</span>}
                  </span>
                  <span class="timeline__meta muted small">
                    {c.desiredOutcome ? <bdi>{c.desiredOutcome}</bdi> : 'No desired outcome'}
                    {r.goalText && (
                      <>
                        {' · goal: '}
                        <bdi>{r.goalText}</bdi>
                      </>
                    )}
                    {' · '}
                    {made(r)}
                  </span>
                </Button>
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}

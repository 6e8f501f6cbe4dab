import type { EngagementView } from '@/lib/api/contract';
import './engagement.css';
import { formatDay, isoDate } from '@/lib/model/dates';
import { REVIEW_STATUS_LABELS, type CommitmentStatus } from '@/lib/model/types';
import { OUTCOMES } from '@/lib/engagement/follow-through';

type Row = EngagementView['sessions'][number];

const label = (k: CommitmentStatus) => (k === 'open' ? 'Still open' : REVIEW_STATUS_LABELS[k]);

/** The figures in words, for the chart's accessible name. */
export function followThroughWords(rows: Row[], totals: EngagementView['totals']): string {
  const made = rows.reduce((n, r) => n + r.made, 0);
  const parts = OUTCOMES.filter((k) => totals[k] > 0).map((k) => `${totals[k]} ${label(k).toLowerCase()}`);
  return `Follow-through: ${made} commitment${made === 1 ? '' : 's'} made over ${rows.length} session${rows.length === 1 ? '' : 's'}${parts.length ? `: ${parts.join(', ')}` : ''}.`;
}

/**
 * Commitments made in each session and how each turned out: one stacked bar per session, oldest on the left,
 * drawn in SVG (a few rectangles need no chart library). The same figures are in the table below it.
 */
export function FollowThroughChart(props: { view: EngagementView; now: number }) {
  const rows = props.view.sessions;
  const max = Math.max(1, ...rows.map((r) => r.made));
  const width = Math.max(rows.length, 1) * 10;
  return (
    <figure class="follow-through">
      <svg
        role="img"
        aria-label={followThroughWords(rows, props.view.totals)}
        viewBox={`0 0 ${width} 100`}
        preserveAspectRatio="none"
        class="follow-through__chart"
      >
        {rows.map((r, i) => {
          let y = 100;
          return OUTCOMES.map((k) => {
            const h = (r.outcomes[k] / max) * 96;
            y -= h;
            return h > 0 ? <rect key={`${r.session.id}-${k}`} class={`ft ft--${k}`} x={i * 10 + 1.5} y={y} width={7} height={h} /> : null;
          });
        })}
      </svg>
      <ul class="follow-through__legend" aria-hidden="true">
        {OUTCOMES.map((k) => (
          <li key={k}>
            <span class={`ft-swatch ft--${k}`} /> {label(k)}
          </li>
        ))}
      </ul>
      <details class="follow-through__details">
        <summary>Show the figures</summary>
        <table aria-label={`Follow-through by session, ${rows.length} session${rows.length === 1 ? '' : 's'}`}>
          <thead>
            <tr>
              <th scope="col">Session</th>
              <th scope="col">Made</th>
              {OUTCOMES.map((k) => (
                <th scope="col" key={k}>
                  {label(k)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.session.id}>
                <th scope="row">
                  <time dateTime={isoDate(r.session.startedAt)}>{formatDay(r.session.startedAt, props.now)}</time>
                </th>
                <td>{r.made}</td>
                {OUTCOMES.map((k) => (
                  <td key={k}>{r.outcomes[k]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

import type { Ref } from 'preact';
import type { SessionBundle } from '@/lib/api/contract';
import { ITEM_KINDS, ITEM_KIND_LABELS, REVIEW_STATUS_LABELS } from '@/lib/model/types';
import { formatDay, formatTime } from '@/lib/model/dates';
import { Button } from '../ui/Button';
import { DetailHeading } from './DetailHeading';
import { ItemBody, Meta } from './ItemBody';
import { UserText } from '@/components/ui/UserText';

const PLURAL: Record<string, string> = {
  Commitment: 'Commitments',
  Note: 'Notes',
  Insight: 'Insights',
  Belief: 'Beliefs',
  Inquiry: 'Inquiries',
};

/**
 * A session as it was recorded, read-only: contract, what was reviewed, captured and asked; "Open summary"
 * reopens it in the summary, where it can be edited and exported.
 */
export function SessionRecord(props: {
  bundle: SessionBundle;
  now: number;
  onOpenSummary?: () => void;
  summaryButtonRef?: Ref<HTMLButtonElement>;
}) {
  const { session, client, items, reviewed, asked } = props.bundle;
  const c = session.contract;
  const minutes = session.endedAt ? Math.round((session.endedAt - session.startedAt) / 60_000) : null;
  return (
    <div class="stack">
      <DetailHeading>
        <UserText text={client.name} />, {formatDay(session.startedAt, props.now)}
      </DetailHeading>
      <p class="muted small">
        {session.status === 'active'
          ? `Running since ${formatTime(session.startedAt)}`
          : `${minutes} min, ended ${formatTime(session.endedAt!)}`}
      </p>
      {props.onOpenSummary && (
        <div class="actions">
          <Button variant="primary" small buttonRef={props.summaryButtonRef} onClick={props.onOpenSummary}>
            Open summary
          </Button>
          <span class="muted small">Edit the wording, reflection and dates; export or e-mail it.</span>
        </div>
      )}
      <dl class="meta-list">
        <Meta term="Topic" value={c.topic || '—'} />
        <Meta term="Desired outcome" value={c.desiredOutcome || '—'} />
        {c.whyItMatters && <Meta term="Why it matters" value={c.whyItMatters} />}
        {c.successMeasures && <Meta term="Success measures" value={c.successMeasures} />}
      </dl>
      {reviewed.length > 0 && (
        <div>
          <h3 class="sub-title">Prior commitments reviewed</h3>
          <ul class="plain-list">
            {reviewed.map((r) => (
              <li key={r.item.id}>
                <UserText text={r.item.text} /> — <strong>{REVIEW_STATUS_LABELS[r.status]}</strong>
              </li>
            ))}
          </ul>
        </div>
      )}
      {ITEM_KINDS.map((kind) => {
        const ofKind = items.filter((i) => i.kind === kind);
        if (ofKind.length === 0) return null;
        return (
          <div key={kind}>
            <h3 class="sub-title">{PLURAL[ITEM_KIND_LABELS[kind]]}</h3>
            <ul class="plain-list">
              {ofKind.map((i) => (
                <li key={i.id}>
                  <ItemBody item={i} now={props.now} />
                </li>
              ))}
            </ul>
          </div>
        );
      })}
      {items.length === 0 && <p class="muted">Nothing was captured.</p>}
      {asked.length > 0 && (
        <div>
          <h3 class="sub-title">Questions asked</h3>
          <ol class="plain-list">
            {asked.map((a) => (
              <li key={`${a.questionId}:${a.at}`}>{a.text}</li>
            ))}
          </ol>
        </div>
      )}
    </div>
  );
}

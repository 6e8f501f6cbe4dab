import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { ApiError } from '@/lib/api/result';
import type { CheckIn, Contract, Session } from '@/lib/model/types';
import { useEnv } from '../app/env';
import { Button } from '../ui/Button';
import { ErrorNote } from '../ui/ErrorNote';
import { formatTime } from '@/lib/model/dates';
import { keyIs } from '@/lib/keymap/match';
import type { EngagementGoal } from '@/lib/model/client';

const FOCUS_LABEL: Record<Contract['focus'], string> = {
  '': '',
  'in-session': 'In-session work',
  'out-of-session': 'Out-of-session work',
  both: 'In- and out-of-session work',
};

/**
 * The contract at a glance, to check back against mid-session. "Contract check-in" asks the question with the
 * agreed topic and desired outcome in view — still on track, or has it shifted? — and records the answer.
 */
export function ContractCard(props: { session: Session; goals?: EngagementGoal[]; onSaved(session: Session): void; onEdit(): void }) {
  const env = useEnv();
  const { contract } = props.session;
  const ids = useId();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState(false);
  const [shiftedTo, setShiftedTo] = useState('');
  const [lastAnswer, setLastAnswer] = useState<{ onTrack: boolean; shiftedTo: string } | null>(null);
  const onTrackRef = useRef<HTMLButtonElement>(null);
  const checkInRef = useRef<HTMLButtonElement>(null);
  /** Back to "Contract check-in" once the question closes (answered or cancelled). */
  const returnFocus = useRef(false);
  useEffect(() => {
    if (asking) onTrackRef.current?.focus();
    else if (returnFocus.current) checkInRef.current?.focus();
    returnFocus.current = false;
  }, [asking]);

  const record = async (answer: { onTrack: boolean; shiftedTo: string }) => {
    if (busy) return;
    setBusy(true);
    setLastAnswer(answer);
    const result = await env.api.contractCheckIn({ sessionId: props.session.id, ...answer });
    setBusy(false);
    if (result.ok) {
      setError(null);
      setAsking(false);
      setShiftedTo('');
      returnFocus.current = true;
      props.onSaved(result.value);
    } else setError(result.error);
  };
  const close = () => {
    returnFocus.current = true;
    setAsking(false);
  };
  const checkIns = contract.checkIns;
  const last = checkIns[checkIns.length - 1];
  const agreed = [
    contract.agreements.confidentiality && 'Confidentiality',
    contract.agreements.recordingConsent && 'Recording',
    contract.agreements.permissionToOffer && 'Offering ideas',
  ].filter(Boolean);

  return (
    <article class="contract-card" aria-labelledby="contract-card-title">
      <h2 class="section-title" id="contract-card-title">
        {contract.topic || 'Contract'}
      </h2>
      <dl class="contract-card__list">
        <Row term="Desired outcome" value={contract.desiredOutcome} />
        <Row term="Why it matters" value={contract.whyItMatters} />
        <Row term="Success measures" value={contract.successMeasures} />
        {contract.goalId && <Row term="Engagement goal" value={props.goals?.find((g) => g.id === contract.goalId)?.text ?? ''} />}
        <Row term="Focus" value={FOCUS_LABEL[contract.focus]} />
        <Row term="Agreed" value={agreed.length ? agreed.join(' · ') : ''} />
      </dl>
      {asking && (
        <div
          class="check-in"
          role="group"
          aria-labelledby={`${ids}-ask`}
          aria-describedby={`${ids}-agreed`}
          onKeyDown={(e) => {
            if (keyIs('checkIn.cancel', e)) {
              e.preventDefault();
              e.stopPropagation();
              close();
            }
          }}
        >
          <p class="field__prompt" id={`${ids}-agreed`}>
            Agreed: {contract.topic || 'no topic yet'}
            {contract.desiredOutcome && ` — ${contract.desiredOutcome}`}
          </p>
          <p class="field__label" id={`${ids}-ask`}>
            Still on track, or has it shifted?
          </p>
          <div class="check-in__answer">
            <Button
              variant="primary"
              small
              buttonRef={onTrackRef}
              onClick={() => void record({ onTrack: true, shiftedTo: '' })}
              aria-busy={busy}
            >
              Still on track
            </Button>
            <input
              class="input"
              type="text"
              aria-label="Shifted to"
              placeholder="Shifted to… (then Enter)"
              value={shiftedTo}
              onInput={(e) => setShiftedTo(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (keyIs('checkIn.shift', e) && shiftedTo.trim()) {
                  e.preventDefault();
                  void record({ onTrack: false, shiftedTo });
                }
              }}
            />
            <Button small disabled={!shiftedTo.trim()} onClick={() => void record({ onTrack: false, shiftedTo })}>
              Record the shift
            </Button>
            <Button variant="ghost" small onClick={close}>
              Cancel
            </Button>
          </div>
        </div>
      )}
      <div class="actions">
        {!asking && (
          <Button variant="primary" small icon="check" onClick={() => setAsking(true)} buttonRef={checkInRef} data-focus-target>
            Contract check-in
          </Button>
        )}
        <Button variant="ghost" small onClick={props.onEdit}>
          Edit contract
        </Button>
        <span class="muted small" aria-live="polite">
          {last !== undefined
            ? `Checked in ${checkIns.length === 1 ? 'once' : `${checkIns.length} times`}, last at ${formatTime(last.at)}: ${answerText(last)}`
            : 'Not checked in yet'}
        </span>
      </div>
      {checkIns.length > 1 && (
        <ol class="check-in__log" aria-label="Check-ins">
          {checkIns.map((c) => (
            <li key={c.at}>
              <span class="muted">{formatTime(c.at)}</span> {answerText(c)}
            </li>
          ))}
        </ol>
      )}
      {error && <ErrorNote what="The check-in was not recorded." error={error} onRetry={() => lastAnswer && void record(lastAnswer)} />}
    </article>
  );
}

/** A check-in's answer in words. */
export function answerText(c: CheckIn): string {
  return c.onTrack ? 'on track' : `shifted to ${c.shiftedTo}`;
}

function Row(props: { term: string; value: string }) {
  return (
    <div class="contract-card__row">
      <dt>{props.term}</dt>
      <dd class={props.value ? '' : 'muted'}>{props.value || 'Not set'}</dd>
    </div>
  );
}

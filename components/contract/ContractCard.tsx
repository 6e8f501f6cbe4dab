import { useState } from 'preact/hooks';
import type { ApiError } from '@/lib/api/result';
import type { Contract, Session } from '@/lib/model/types';
import { useEnv } from '../app/env';
import { Button } from '../ui/Button';
import { ErrorNote } from '../ui/ErrorNote';
import { formatTime } from '@/lib/model/dates';

const FOCUS_LABEL: Record<Contract['focus'], string> = {
  '': '',
  'in-session': 'In-session work',
  'out-of-session': 'Out-of-session work',
  both: 'In- and out-of-session work',
};

/** The contract at a glance, to check back against mid-session; "Contract check-in" records the moment. */
export function ContractCard(props: { session: Session; onSaved(session: Session): void; onEdit(): void }) {
  const env = useEnv();
  const { contract } = props.session;
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const checkIn = async () => {
    if (busy) return;
    setBusy(true);
    const result = await env.api.contractCheckIn({ sessionId: props.session.id });
    setBusy(false);
    if (result.ok) {
      setError(null);
      props.onSaved(result.value);
    } else setError(result.error);
  };
  const last = contract.checkIns[contract.checkIns.length - 1];
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
        <Row term="Focus" value={FOCUS_LABEL[contract.focus]} />
        <Row term="Agreed" value={agreed.length ? agreed.join(' · ') : ''} />
      </dl>
      <div class="actions">
        <Button variant="primary" small icon="check" onClick={() => void checkIn()} aria-busy={busy}>
          Contract check-in
        </Button>
        <Button variant="ghost" small onClick={props.onEdit}>
          Edit contract
        </Button>
        <span class="muted small" aria-live="polite">
          {last !== undefined
            ? `Checked in ${contract.checkIns.length === 1 ? 'once' : `${contract.checkIns.length} times`}, last at ${formatTime(last)}`
            : 'Not checked in yet'}
        </span>
      </div>
      {error && <ErrorNote what="The check-in was not recorded." error={error} onRetry={() => void checkIn()} />}
    </article>
  );
}

function Row(props: { term: string; value: string }) {
  return (
    <div class="contract-card__row">
      <dt>{props.term}</dt>
      <dd class={props.value ? '' : 'muted'}>{props.value || 'Not set'}</dd>
    </div>
  );
}

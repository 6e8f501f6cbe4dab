import type { CommitmentView } from '@/lib/api/contract';
import { ariaKeys } from '@/lib/keymap/keymap';
import type { Id } from '@/lib/model/types';
import type { LiveQuery } from '../hooks/useLiveQuery';
import { Button } from '../ui/Button';
import { ErrorNote } from '../ui/ErrorNote';
import { Kbd } from '../ui/Kbd';
import { possessive } from '../ui/format';
import { CommitmentReview } from './CommitmentReview';

/**
 * The accountability conversation that opens a follow-up session: what the client committed to, and
 * how it went. A region named "Prior commitments".
 */
export function PriorCommitments(props: {
  sessionId: Id;
  clientName: string;
  commitments: LiveQuery<CommitmentView[]>;
  /** Offered once all are reviewed. */ onDone?: () => void;
}) {
  const { data, loading, error, reload } = props.commitments;
  const list = data ?? [];
  const reviewed = list.filter((c) => c.lastReview?.sessionId === props.sessionId).length;
  return (
    <section class="prior" aria-labelledby="prior-title">
      <div class="section-head">
        <h2 class="section-title" id="prior-title">
          Prior commitments
        </h2>
        {list.length > 0 && (
          <span class="muted small">
            {reviewed} of {list.length} reviewed
          </span>
        )}
      </div>
      {loading && !data && (
        <p class="muted" aria-busy="true">
          Loading commitments…
        </p>
      )}
      {error && <ErrorNote what="Commitments could not be loaded." error={error} onRetry={reload} />}
      {list.length > 0 && (
        <>
          <p class="prompt">Ask how each went before contracting: what happened, what did you learn?</p>
          <ul class="commitment-list" aria-label={`${possessive(props.clientName)} commitments`}>
            {list.map((c) => (
              <CommitmentReview key={c.item.id} commitment={c} sessionId={props.sessionId} />
            ))}
          </ul>
          {props.onDone && reviewed === list.length && (
            <div class="actions">
              <span class="muted small">All reviewed.</span>
              <Button variant="primary" small onClick={props.onDone} aria-keyshortcuts={ariaKeys('tab.contract')} data-focus-target>
                On to the contract
                <Kbd shortcut="tab.contract" />
              </Button>
            </div>
          )}
        </>
      )}
      {!loading && !error && list.length === 0 && <p class="muted">Nothing open from earlier sessions.</p>}
    </section>
  );
}

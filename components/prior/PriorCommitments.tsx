import { useEffect, useRef, useState } from 'preact/hooks';
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
  /** Reviewed here a moment ago, before the store's answer comes back. */
  const [justReviewed, setJustReviewed] = useState<ReadonlySet<string>>(new Set());
  const isReviewed = (c: CommitmentView) => c.lastReview?.sessionId === props.sessionId || justReviewed.has(c.item.id);
  const reviewed = list.filter(isReviewed).length;
  const allReviewed = reviewed === list.length;
  const listRef = useRef<HTMLUListElement>(null);
  const doneRef = useRef<HTMLButtonElement>(null);
  /** The last review moved on: "On to the contract" takes focus as soon as it shows. */
  const [focusDone, setFocusDone] = useState(false);
  useEffect(() => {
    if (focusDone && doneRef.current) {
      setFocusDone(false);
      doneRef.current.focus();
      doneRef.current.scrollIntoView?.({ block: 'nearest' });
    }
  }, [focusDone, allReviewed]);

  const onReviewed = (id: string) => setJustReviewed((prev) => (prev.has(id) ? prev : new Set([...prev, id])));
  /** The next commitment after `fromId` (wrapping round) still to review takes focus; else the way on. */
  const moveOn = (fromId: string): boolean => {
    const at = list.findIndex((c) => c.item.id === fromId);
    for (let k = 1; k < list.length; k++) {
      const next = list[(at + k) % list.length]!;
      if (next.item.id === fromId || isReviewed(next)) continue;
      const card = listRef.current?.querySelector<HTMLElement>(`[data-review-card="${CSS.escape(next.item.id)}"]`);
      if (!card) continue;
      card.focus();
      card.scrollIntoView?.({ block: 'nearest' });
      return true;
    }
    if (!props.onDone) return false;
    setFocusDone(true);
    return true;
  };
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
          <ul class="commitment-list" aria-label={`${possessive(props.clientName)} commitments`} ref={listRef}>
            {list.map((c) => (
              <CommitmentReview key={c.item.id} commitment={c} sessionId={props.sessionId} onReviewed={onReviewed} onMoveOn={moveOn} />
            ))}
          </ul>
          {props.onDone && allReviewed && (
            <div class="actions">
              <span class="muted small">All reviewed.</span>
              <Button
                variant="primary"
                small
                onClick={props.onDone}
                aria-keyshortcuts={ariaKeys('tab.contract')}
                buttonRef={doneRef}
                data-focus-target
              >
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

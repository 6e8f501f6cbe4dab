import { useEffect, useId, useState } from 'preact/hooks';
import type { CommitmentView } from '@/lib/api/contract';
import { REVIEW_STATUS_LABELS, REVIEW_STATUSES, type ReviewStatus } from '@/lib/model/types';
import { useEnv } from '../app/env';
import { useAutosave } from '../hooks/useAutosave';
import { ErrorNote } from '../ui/ErrorNote';
import { formatDay, formatDueShort, isOverdue } from '@/lib/model/dates';
import { SavedTick } from '../ui/SavedTick';

/** One earlier commitment: what, by when (overdue marked), how the coach would know, and its review. */
export function CommitmentReview(props: { commitment: CommitmentView; sessionId: string }) {
  const env = useEnv();
  const { item, lastReview, madeAt } = props.commitment;
  const here = lastReview?.sessionId === props.sessionId ? lastReview : null;
  const earlier = here ? null : lastReview;
  const [status, setStatus] = useState<ReviewStatus | ''>(here?.status ?? '');
  const [note, setNote] = useState(here?.note ?? '');
  const ids = useId();
  const now = env.now();
  const overdue = item.due !== '' && isOverdue(item.due, now) && !here;

  const autosave = useAutosave((v: { status: ReviewStatus; note: string }) =>
    env.api.reviewCommitment({ itemId: item.id, sessionId: props.sessionId, status: v.status, ...(v.note.trim() ? { note: v.note } : {}) }),
  );

  useEffect(() => {
    if (here && autosave.status !== 'pending' && autosave.status !== 'saving' && autosave.status !== 'error') {
      setStatus(here.status);
      if (document.activeElement?.id !== `${ids}-note`) setNote(here.note);
    }
  }, [here?.status, here?.note, here?.at]);

  const onStatus = (value: string) => {
    const next = value as ReviewStatus | '';
    setStatus(next);
    if (!next) return;
    autosave.schedule({ status: next, note });
    void autosave.flush();
  };
  const onNote = (value: string) => {
    setNote(value);
    if (status) autosave.schedule({ status, note: value });
  };

  return (
    <li
      class={`commitment ${overdue ? 'commitment--overdue' : ''} ${here || status ? 'commitment--reviewed' : ''}`}
      aria-labelledby={`${ids}-what`}
      data-focus-target={here || status ? undefined : ''}
    >
      <p class="commitment__what" id={`${ids}-what`}>
        {item.text}
      </p>
      <p class="commitment__meta">
        {item.due ? (
          <span class={overdue ? 'due due--overdue' : 'due'}>
            Due {formatDueShort(item.due, now)}
            {overdue && <span class="badge badge--warn">Overdue</span>}
          </span>
        ) : (
          <span class="muted">No due date</span>
        )}
        <span class="muted"> · made {formatDay(madeAt, now)}</span>
      </p>
      {item.howWillYouKnow && (
        <p class="commitment__know">
          <span class="muted">How will you know:</span> {item.howWillYouKnow}
        </p>
      )}
      {earlier && (
        <p class="commitment__earlier muted">
          Last review: {REVIEW_STATUS_LABELS[earlier.status]}
          {earlier.note && ` — ${earlier.note}`}
        </p>
      )}
      <div class="commitment__review">
        <select
          aria-label="Status"
          aria-describedby={`${ids}-what`}
          class="select"
          value={status}
          onChange={(e) => onStatus(e.currentTarget.value)}
        >
          <option value="">Not reviewed yet</option>
          {REVIEW_STATUSES.map((s) => (
            <option key={s} value={s}>
              {REVIEW_STATUS_LABELS[s]}
            </option>
          ))}
        </select>
        <input
          id={`${ids}-note`}
          class="input"
          type="text"
          aria-label="Review note"
          aria-describedby={`${ids}-what`}
          placeholder={status ? 'Note (optional)' : 'Note (saved with a status)'}
          value={note}
          onInput={(e) => onNote(e.currentTarget.value)}
          onBlur={() => void autosave.flush()}
        />
        <SavedTick status={autosave.status} />
      </div>
      {autosave.error && <ErrorNote what="The review was not saved." error={autosave.error} kept onRetry={() => void autosave.flush()} />}
    </li>
  );
}

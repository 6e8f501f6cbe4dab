import { useEffect, useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { CommitmentView } from '@/lib/api/contract';
import { ariaKeys, type KeyId } from '@/lib/keymap/keymap';
import { keyIs, matchKey, whichKey } from '@/lib/keymap/match';
import { isBetweenSessions, REVIEW_STATUS_LABELS, REVIEW_STATUSES, type Review, type ReviewStatus } from '@/lib/model/types';
import { useEnv } from '../app/env';
import { useAutosave } from '../hooks/useAutosave';
import { ErrorNote } from '../ui/ErrorNote';
import { formatDay, formatDueShort, isOverdue } from '@/lib/model/dates';
import { Kbd } from '../ui/Kbd';
import { SavedTick } from '../ui/SavedTick';
import { NewDateField } from './NewDateField';

/** The one key for each status (lib/keymap/keymap.ts, scope `review`). */
export const STATUS_KEYS: Record<ReviewStatus, KeyId> = {
  done: 'review.done',
  partly: 'review.partly',
  'not-done': 'review.not-done',
  dropped: 'review.dropped',
  'carried-forward': 'review.carried-forward',
};

interface Draft {
  status: ReviewStatus;
  note: string;
  due: string;
}

/** A review's new date as the field takes it ('' for none). */
const dayOf = (due: string | undefined) => due ?? '';

/**
 * One earlier commitment: what, by when (overdue marked), how the coach would know, the support, the reviews
 * of earlier sessions, and this session's review. A status is one key (`d`, `p`, `n`, `x`, `f`) anywhere in
 * the card but its fields; focus then moves to the note (to the new date first when carried forward), and
 * Enter or Tab there moves on to the next commitment still to review (`onMoveOn`).
 */
export function CommitmentReview(props: {
  commitment: CommitmentView;
  /** The session reviewing it; null: between sessions (the "Due this week" list). */
  sessionId: string | null;
  /** Between sessions: when the client's latest session began; a review between sessions since then is this stretch's. */
  since?: number | null;
  /** A status was chosen here (before the store answers). */
  onReviewed?: (itemId: string) => void;
  /** Enter or Tab from the note: focus the next commitment to review; false when there is none to go to. */
  onMoveOn?: (itemId: string) => boolean;
}) {
  const env = useEnv();
  const { item, lastReview, madeAt } = props.commitment;
  const here = reviewedHere(lastReview, props.sessionId, props.since ?? null);
  // Compared by what it is, not by identity: `lastReview` and `item.reviews` arrive as separate copies.
  const history = (item.reviews ?? []).filter((r) => !here || r.sessionId !== here.sessionId || r.at !== here.at);
  const [status, setStatus] = useState<ReviewStatus | ''>(here?.status ?? '');
  const [note, setNote] = useState(here?.note ?? '');
  const [due, setDue] = useState(dayOf(here?.due));
  const ids = useId();
  const noteRef = useRef<HTMLInputElement>(null);
  const dateRef = useRef<HTMLInputElement>(null);
  const groupRef = useRef<HTMLDivElement>(null);
  /** Carried forward was just chosen: the new date takes focus once it has rendered. */
  const dateWanted = useRef(false);
  const now = env.now();
  const overdue = item.due !== '' && isOverdue(item.due, now) && !here;

  const autosave = useAutosave((v: Draft) =>
    env.api.reviewCommitment({
      itemId: item.id,
      ...(props.sessionId === null ? {} : { sessionId: props.sessionId }),
      status: v.status,
      ...(v.note.trim() ? { note: v.note } : {}),
      ...(v.status === 'carried-forward' && v.due ? { due: v.due } : {}),
    }),
  );

  useEffect(() => {
    if (here && autosave.status !== 'pending' && autosave.status !== 'saving' && autosave.status !== 'error') {
      setStatus(here.status);
      if (document.activeElement !== noteRef.current) setNote(here.note);
      if (document.activeElement !== dateRef.current) setDue(dayOf(here.due));
    }
  }, [here?.status, here?.note, here?.at, here?.due]);

  // As soon as the render that shows the field is in the DOM (before another key can arrive), and only then:
  // an earlier render's effect can run first, before the date field exists, and must leave the wish alone.
  useLayoutEffect(() => {
    const target = dateRef.current;
    if (!dateWanted.current || !target) return;
    dateWanted.current = false;
    target.focus();
    target.scrollIntoView?.({ block: 'nearest' });
  });

  const choose = (next: ReviewStatus) => {
    setStatus(next);
    // The note is always there: focus it now. The new date shows only once carried forward has rendered.
    dateWanted.current = next === 'carried-forward';
    if (next !== 'carried-forward') {
      noteRef.current?.focus();
      noteRef.current?.scrollIntoView?.({ block: 'nearest' });
    }
    autosave.schedule({ status: next, note, due });
    void autosave.flush();
    props.onReviewed?.(item.id);
  };
  const onNote = (value: string) => {
    setNote(value);
    if (status) autosave.schedule({ status, note: value, due });
  };
  /** Saved once typing pauses (or on Enter, or leaving the field), not at each day it passes ("+1" on the way to "+14"). */
  const onDue = (value: string) => {
    setDue(value);
    if (status) autosave.schedule({ status, note, due: value });
  };

  /** The status keys, wherever focus is in the card except its fields (the matcher leaves typing alone). */
  const onCardKey = (e: KeyboardEvent) => {
    const key = matchKey('review', e);
    const next = REVIEW_STATUSES.find((s) => STATUS_KEYS[s] === key);
    if (!next) return;
    e.preventDefault();
    choose(next);
  };
  /** Arrow keys move between the status buttons (one Tab stop for the group). */
  const onGroupKey = (e: KeyboardEvent) => {
    const which = whichKey('review.move', e);
    if (which < 0) return;
    const step = which % 2 === 1 ? 1 : -1;
    const buttons = [...(groupRef.current?.querySelectorAll('button') ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    e.preventDefault();
    buttons[(at + step + buttons.length) % buttons.length]?.focus();
  };
  const onNoteKey = (e: KeyboardEvent) => {
    const tab = e.key === 'Tab';
    if (!status || e.shiftKey || e.altKey || e.ctrlKey || e.metaKey || !(tab || keyIs('review.next', e))) return;
    void autosave.flush();
    if (props.onMoveOn?.(item.id)) e.preventDefault();
  };
  const onDateKey = (e: KeyboardEvent) => {
    if (!keyIs('review.next', e)) return;
    e.preventDefault();
    void autosave.flush();
    noteRef.current?.focus();
  };
  const tabStop = status || REVIEW_STATUSES[0];

  return (
    <li
      class={`commitment ${overdue ? 'commitment--overdue' : ''} ${here || status ? 'commitment--reviewed' : ''}`}
      aria-labelledby={`${ids}-what`}
      data-focus-target={here || status ? undefined : ''}
      tabIndex={-1}
      data-review-card={item.id}
      data-reviewed={here || status ? 'yes' : 'no'}
      onKeyDown={onCardKey}
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
      {item.support && (
        <p class="commitment__know">
          <span class="muted">Support:</span> {item.support}
        </p>
      )}
      {history.length > 0 && (
        <ol class="commitment__history" aria-label="Earlier reviews">
          {history.map((r) => (
            <li key={`${r.sessionId}-${r.at}`}>
              <HistoryEntry review={r} now={now} />
            </li>
          ))}
        </ol>
      )}
      <div class="commitment__review">
        <div class="status-keys" role="group" aria-label="Status" aria-describedby={`${ids}-what`} ref={groupRef} onKeyDown={onGroupKey}>
          {REVIEW_STATUSES.map((s) => (
            <button
              key={s}
              type="button"
              class={`btn btn--small ${status === s ? 'btn--primary' : 'btn--secondary'} status-key`}
              aria-pressed={status === s}
              aria-keyshortcuts={ariaKeys(STATUS_KEYS[s])}
              tabIndex={s === tabStop ? 0 : -1}
              onClick={() => choose(s)}
            >
              {REVIEW_STATUS_LABELS[s]}
              <Kbd shortcut={STATUS_KEYS[s]} />
            </button>
          ))}
        </div>
        {status === 'carried-forward' && (
          <NewDateField
            value={due}
            onChange={onDue}
            inputRef={dateRef}
            onKeyDown={onDateKey}
            hint={
              due
                ? 'The commitment is due then.'
                : item.due
                  ? `Still due ${formatDueShort(item.due, now)} until you set one.`
                  : 'It has no date yet.'
            }
          />
        )}
        <input
          ref={noteRef}
          class="input"
          type="text"
          aria-label="Review note"
          aria-describedby={`${ids}-what`}
          placeholder={status ? 'Note (optional), then Enter' : 'Note (saved with a status)'}
          value={note}
          onInput={(e) => onNote(e.currentTarget.value)}
          onKeyDown={onNoteKey}
          onBlur={() => void autosave.flush()}
        />
        <SavedTick status={autosave.status} />
      </div>
      {autosave.error && <ErrorNote what="The review was not saved." error={autosave.error} kept onRetry={() => void autosave.flush()} />}
    </li>
  );
}

/**
 * The review this card edits: the one recorded in this session, or between sessions the one recorded since
 * the client's latest session began (the store replaces that one too: lib/store/commitment-repo.ts).
 */
export function reviewedHere(last: Review | null, sessionId: string | null, since: number | null): Review | null {
  if (!last) return null;
  if (sessionId !== null) return last.sessionId === sessionId ? last : null;
  return isBetweenSessions(last) && last.at >= (since ?? 0) ? last : null;
}

/** One earlier review: when (and whether between sessions), the status, a new date when carried forward, the note. */
function HistoryEntry(props: { review: Review; now: number }) {
  const r = props.review;
  return (
    <>
      <span class="muted">
        {formatDay(r.at, props.now)}
        {isBetweenSessions(r) ? ' (between sessions)' : ''}
      </span>{' '}
      {REVIEW_STATUS_LABELS[r.status]}
      {r.due && <span class="muted"> · new date {formatDueShort(r.due, props.now)}</span>}
      {r.note && <span> — {r.note}</span>}
    </>
  );
}

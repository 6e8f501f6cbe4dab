import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { CommitmentView, DueThisWeek as DueData } from '@/lib/api/contract';
import { formatDay } from '@/lib/model/dates';
import { LIMITS } from '@/lib/model/limits';
import { useEnv } from '../app/env';
import { useLiveQuery } from '../hooks/useLiveQuery';
import { CommitmentReview } from '../prior/CommitmentReview';
import { Button } from '../ui/Button';
import { ErrorNote } from '../ui/ErrorNote';
import { possessive } from '../ui/format';
import { mergeKept, type DueGroup } from './mergeKept';
import './due.css';

/**
 * The coach's between-session accountability list, behind a button "Due this week": every open commitment
 * overdue or due in the next seven days, grouped by client, each reviewed right here with the same one-key
 * control as at a session's start (`d` `p` `n` `x` `f`, then a note) but recorded between sessions; and the
 * clients not seen for longer than their agreed cadence.
 */
export function DueThisWeekButton() {
  const [open, setOpen] = useState(false);
  const regionId = useId();
  return (
    <div class="due">
      <Button small icon="calendar" aria-expanded={open} aria-controls={open ? regionId : undefined} onClick={() => setOpen((o) => !o)}>
        Due this week
      </Button>
      {open && <DueThisWeekList id={regionId} />}
    </div>
  );
}

export function DueThisWeekList(props: { id?: string }) {
  const env = useEnv();
  /** Cards asked for: a long list grows a page at a time, as the coach reaches its end. */
  const [budget, setBudget] = useState<number>(LIMITS.dueCardsPerPage);
  const due = useLiveQuery(() => env.api.dueThisWeek({ cards: budget }), [budget], ['items', 'reviews', 'session', 'clients']);
  const titleId = useId();
  const listRef = useRef<HTMLElement>(null);
  /** Reviewed here: kept on screen even after the store's answer no longer lists them. */
  const [kept, setKept] = useState<ReadonlyMap<string, { group: DueGroup; view: CommitmentView }>>(new Map());
  const groups = mergeKept(due.data?.groups ?? [], kept);
  const lapsed = due.data?.lapsed ?? [];
  const now = env.now();
  const hidden = due.data?.unlisted.clients ?? 0;
  /** The card whose successor should take focus once the next page has rendered. */
  const continueFrom = useRef<string | null>(null);

  // Focus lands where work continues: the first commitment, once the list has loaded.
  const focused = useRef(false);
  useEffect(() => {
    if (focused.current || !due.data) return;
    focused.current = true;
    const first = listRef.current?.querySelector<HTMLElement>('[data-review-card]') ?? listRef.current?.querySelector<HTMLElement>('h2');
    first?.focus();
    first?.scrollIntoView?.({ block: 'nearest' });
  }, [due.data]);

  const onReviewed = (group: DueGroup) => (id: string) => {
    const view = group.commitments.find((c) => c.item.id === id);
    if (view && !kept.has(id)) setKept((prev) => new Map(prev).set(id, { group, view }));
  };
  /** The next card after `fromId` not yet reviewed here, in any client's group, if it is rendered. */
  const nextCard = (fromId: string): HTMLElement | undefined => {
    const cards = [...(listRef.current?.querySelectorAll<HTMLElement>('[data-review-card]') ?? [])];
    const at = cards.findIndex((c) => c.dataset.reviewCard === fromId);
    return cards.slice(at + 1).find((c) => c.dataset.reviewed !== 'yes');
  };
  const focusCard = (card: HTMLElement) => {
    card.focus();
    card.scrollIntoView?.({ block: 'nearest' });
  };
  /** Enter or Tab from a note: the next commitment not yet reviewed here takes focus (the next page renders first if needed). */
  const moveOn = (fromId: string): boolean => {
    const next = nextCard(fromId);
    if (next) {
      focusCard(next);
      return true;
    }
    if (hidden === 0) return false;
    showMore(fromId);
    return true;
  };
  /** Asks for the next page; once it has rendered, the card after `fromId` (the first new one) takes focus. */
  const showMore = (fromId: string | null) => {
    continueFrom.current = fromId;
    setBudget((b) => b + LIMITS.dueCardsPerPage);
  };
  /** "Show n more clients": the button goes with the last page, so focus moves on to the first new card. */
  const lastCardId = () =>
    [...(listRef.current?.querySelectorAll<HTMLElement>('[data-review-card]') ?? [])].at(-1)?.dataset.reviewCard ?? null;
  // Once the next page has come and rendered, the card after the one left takes focus.
  useEffect(() => {
    if (continueFrom.current === null || due.loading) return;
    const next = nextCard(continueFrom.current);
    continueFrom.current = null;
    if (next) focusCard(next);
  }, [due.data, due.loading]);

  return (
    <section class="due-list" id={props.id} aria-labelledby={titleId} ref={listRef}>
      <div class="section-head">
        <h2 class="section-title" id={titleId} tabIndex={-1}>
          Due this week
        </h2>
        {due.data && <span class="muted small">{countLine(due.data)}</span>}
      </div>
      {due.loading && !due.data && (
        <p class="muted" aria-busy="true">
          Loading what is due…
        </p>
      )}
      {due.error && <ErrorNote what="What is due could not be loaded." error={due.error} onRetry={due.reload} />}
      {due.data && groups.length === 0 && <p class="muted">Nothing due: no open commitment is overdue or due in the next seven days.</p>}
      {groups.length > 0 && (
        <p class="prompt">Record how each went as you hear from the client: a status key, then a note. No session needed.</p>
      )}
      {groups.map((group) => (
        <ClientGroup key={group.client.id} group={group} onReviewed={onReviewed(group)} onMoveOn={moveOn} />
      ))}
      {hidden > 0 && (
        <Button small onClick={() => showMore(lastCardId())}>
          {`Show ${hidden === 1 ? '1 more client' : `${hidden} more clients`}`}
        </Button>
      )}
      {lapsed.length > 0 && (
        <section class="due-group" aria-labelledby={`${titleId}-lapsed`}>
          <h3 class="due-group__title" id={`${titleId}-lapsed`}>
            Not seen for longer than agreed
          </h3>
          <ul class="due-lapsed">
            {lapsed.map((l) => (
              <li key={l.client.id}>
                <strong>{l.client.name}</strong>{' '}
                <span class="muted">
                  last session {formatDay(l.lastSeen, now)}; every {l.cadenceWeeks === 1 ? 'week' : `${l.cadenceWeeks} weeks`} agreed
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}

function countLine(data: DueData): string {
  const n = data.groups.reduce((sum, g) => sum + g.commitments.length, 0) + data.unlisted.commitments;
  const clients = data.groups.length + data.unlisted.clients;
  if (n === 0) return '';
  return `${n} commitment${n === 1 ? '' : 's'}, ${clients} client${clients === 1 ? '' : 's'}`;
}

function ClientGroup(props: { group: DueGroup; onReviewed(id: string): void; onMoveOn(id: string): boolean }) {
  const { client, commitments, lastSeen, more } = props.group;
  const id = useId();
  return (
    <section class="due-group" aria-labelledby={id}>
      <h3 class="due-group__title" id={id}>
        {client.name}
      </h3>
      <ul class="commitment-list" aria-label={`${possessive(client.name)} commitments due`}>
        {commitments.map((c) => (
          <CommitmentReview
            key={c.item.id}
            commitment={c}
            sessionId={null}
            since={lastSeen}
            onReviewed={props.onReviewed}
            onMoveOn={props.onMoveOn}
          />
        ))}
      </ul>
      {more > 0 && (
        <p class="muted small">
          {more === 1 ? '1 older overdue commitment is' : `${more} older overdue commitments are`} not listed: they stay open for the next
          session’s review.
        </p>
      )}
    </section>
  );
}

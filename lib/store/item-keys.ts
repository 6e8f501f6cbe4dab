/** Derived fields of a stored item, recomputed on every write so the indexes always agree with the record. */
import { isOpenStatus, type CommitmentStatus, type Item, type Review } from '../model/types';

/**
 * An item as stored, with derived fields that exist only to feed indexes: `dueKey` is set only on a
 * commitment with a due date (so only those enter `byDue`); `openDueKey` only on such a commitment while it
 * is open (so `byClientOpenDue` holds exactly what "Due this week" can list); `reviewedIn` lists the sessions
 * that reviewed it (reviews between sessions name none).
 */
export type StoredItem = Item & { dueKey?: string; openDueKey?: string; reviewedIn?: string[] };

/** A commitment's current status: its latest review, or open when never reviewed. */
export function commitmentStatus(item: Pick<Item, 'reviews'>): CommitmentStatus {
  const last = lastReview(item);
  return last ? last.status : 'open';
}

export function lastReview(item: Pick<Item, 'reviews'>): Review | null {
  const reviews = item.reviews ?? [];
  return reviews.length ? reviews[reviews.length - 1]! : null;
}

/**
 * 1 while a commitment is on the table: never reviewed, or last reviewed as partly done, not done or carried
 * forward; 0 once done or dropped, and for every other kind.
 */
export function isOpen(item: Pick<Item, 'kind' | 'reviews'>): 0 | 1 {
  if (item.kind !== 'commitment') return 0;
  return isOpenStatus(commitmentStatus(item)) ? 1 : 0;
}

/**
 * The item ready to store: `open` derived, `dueKey` present only on a commitment with a due date,
 * `openDueKey` only while that commitment is open, `reviewedIn` only when a session reviewed it.
 */
export function deriveItemKeys(item: Item | StoredItem): StoredItem {
  const { dueKey: _due, openDueKey: _openDue, reviewedIn: _reviewed, ...rest } = item as StoredItem;
  const reviews = rest.reviews ?? [];
  const stored: StoredItem = { ...rest, reviews, open: isOpen({ kind: rest.kind, reviews }) };
  if (rest.kind === 'commitment' && rest.due) stored.dueKey = rest.due;
  if (stored.dueKey !== undefined && stored.open === 1) stored.openDueKey = stored.dueKey;
  // Reviews recorded between sessions have no session: they enter no session's index entry.
  const sessions = [...new Set(reviews.flatMap((r) => (r.sessionId === undefined ? [] : [r.sessionId])))];
  if (sessions.length) stored.reviewedIn = sessions;
  return stored;
}

/** The item as the API returns it, without storage-only fields. */
export function fromStored(stored: StoredItem): Item {
  const { dueKey: _due, openDueKey: _openDue, reviewedIn: _reviewed, ...item } = stored;
  return item;
}

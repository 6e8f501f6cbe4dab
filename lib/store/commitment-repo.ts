/** Commitments across sessions: the accountability review, what is open, what is due. */
import { dueRange, keysOf, openOf } from './db';
import type { CommitmentView } from '../api/contract';
import { isBetweenSessions, type Id, type Item, type Review, type ReviewStatus } from '../model/types';
import { byMadeAt, commitmentViews, sessionStarts, viewsWith } from './commitment-view';
import { readThenOpen } from './clear-read';
import { changesDue, refreshDueSummary } from './due-summary';
import { deriveItemKeys } from './item-keys';
import { requireSession } from './session-repo';
import { notFound, read, write, type ReadTx, type RepoContext, invalid, assertRoom } from './tx';

/**
 * The client's commitments still on the table (never reviewed, partly done, not done or carried forward)
 * made in sessions other than the running one. With `withReviewedInRunning`, also those already reviewed in
 * the running session (a done one stays in the review list), read in the same transaction so a review never
 * makes a commitment drop out of the list for a moment.
 */
export async function openCommitments(ctx: RepoContext, clientId: Id, withReviewedInRunning = false): Promise<CommitmentView[]> {
  // Which commitments, and their sessions' starts, are decided on clear fields; only those listed are opened,
  // after the transaction (with the lock on, the lookup a coach makes at every follow-up: lib/store/clear-read.ts).
  const { value } = await readThenOpen(ctx, ['items', 'sessions'], async (tx, open) => {
    const [active, stored] = await Promise.all([
      tx.objectStore('sessions').index('byStatus').getKey('active'),
      tx.objectStore('items').index('byClientOpen').getAll(openOf(clientId)),
    ]);
    const earlier = stored.filter((item) => item.sessionId !== active);
    if (withReviewedInRunning && active !== undefined) {
      const ids = new Set(earlier.map((i) => i.id));
      const reviewed = await tx.objectStore('items').index('byReviewSession').getAll(active);
      earlier.push(...reviewed.filter((i) => i.clientId === clientId && i.sessionId !== active && !ids.has(i.id)));
    }
    // Opened while their sessions are read: not awaited here, so the transaction's requests never wait for it.
    const items = open('items', earlier);
    items.catch(() => undefined); // its rejection (locked meanwhile) is answered below, after the transaction
    // Sessions read as stored are not decrypted: one read each, all at once, beats walking the client's index.
    return { items, starts: await sessionStarts(tx, earlier, [], Infinity) };
  });
  return viewsWith(await value.items, value.starts).sort(byMadeAt);
}

/**
 * Reviews in the order of the sessions that recorded them, so the latest session's review is the status; a
 * review recorded between sessions sits at the moment it was recorded.
 */
async function inSessionOrder(tx: ReadTx, reviews: Review[]): Promise<Review[]> {
  const starts = await Promise.all(
    reviews.map(async (r) => (r.sessionId === undefined ? r.at : ((await tx.objectStore('sessions').get(r.sessionId))?.startedAt ?? r.at))),
  );
  return reviews
    .map((review, i) => ({ review, start: starts[i]! }))
    .sort((a, b) => a.start - b.start)
    .map((e) => e.review);
}

/**
 * Which earlier review a new one replaces: in a session, that session's review (a second review in the
 * same session replaces the first); between sessions, a review recorded between sessions since the client's
 * latest session began (the coach corrects a status or adds to the note until the next session), so the
 * history keeps one entry per stretch between sessions.
 */
async function replacedReview(tx: ReadTx, item: Item, sessionId: Id | undefined): Promise<number> {
  if (sessionId !== undefined) return item.reviews.findIndex((r) => r.sessionId === sessionId);
  const latest = await tx.objectStore('sessions').index('byClientStart').openCursor(keysOf(item.clientId), 'prev');
  const since = latest?.value.startedAt ?? 0;
  return item.reviews.findIndex((r) => isBetweenSessions(r) && r.at >= since);
}

/**
 * Records a review in `sessionId`, or between sessions when `sessionId` is absent (from "Due this week");
 * see `replacedReview` for when it replaces an earlier one. Carried forward may bring a new date (`due`),
 * which becomes the commitment's due date and is kept in the review.
 */
export function reviewCommitment(
  ctx: RepoContext,
  itemId: Id,
  sessionId: Id | undefined,
  status: ReviewStatus,
  note: string,
  due?: string,
): Promise<CommitmentView> {
  const now = ctx.now();
  const newDue = due ? due : undefined;
  if (newDue !== undefined && status !== 'carried-forward')
    return Promise.reject(invalid('A new date goes with carried forward: choose carried forward, or leave the date empty.', 'due'));
  return write(ctx, ['items', 'sessions', 'dueSummary'], async (tx) => {
    const item = await tx.objectStore('items').get(itemId);
    if (!item) throw notFound('That commitment');
    if (item.kind !== 'commitment') throw invalid('Only a commitment can be reviewed.', 'itemId');
    if (sessionId !== undefined) {
      const session = await requireSession(tx, sessionId);
      if (session.clientId !== item.clientId) throw invalid('A commitment is reviewed in a session with the same client.', 'sessionId');
      if (session.id === item.sessionId)
        throw invalid('A commitment is reviewed in a later session than the one it was made in.', 'sessionId');
    }
    const review: Review = {
      ...(sessionId === undefined ? {} : { sessionId }),
      status,
      note,
      at: now,
      ...(newDue === undefined ? {} : { due: newDue }),
    };
    const at = await replacedReview(tx, item, sessionId);
    if (at < 0) assertRoom(item.reviews, 'This commitment', 'itemId');
    const reviews = await inSessionOrder(tx, at >= 0 ? item.reviews.map((r, i) => (i === at ? review : r)) : [...item.reviews, review]);
    const next = deriveItemKeys({ ...item, ...(newDue === undefined ? {} : { due: newDue }), reviews, updatedAt: now });
    await tx.objectStore('items').put(next);
    if (changesDue(item, next)) await refreshDueSummary(tx, next.clientId);
    const [view] = await commitmentViews(tx, [next]);
    return view!;
  });
}

/** Commitments due from `from` to `to` (days, inclusive; a due time on `to` counts), any client, soonest first. */
export function dueBetween(ctx: RepoContext, from: string, to: string): Promise<CommitmentView[]> {
  return read(ctx, ['items', 'sessions'], async (tx) => {
    const due = await tx.objectStore('items').index('byDue').getAll(dueRange(from, to));
    return commitmentViews(tx, due);
  });
}

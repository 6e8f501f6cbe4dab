/** A session with everything recorded in it: what the in-call view and the summary show. */
import { keysOf } from './db';
import type { SessionBundle } from '../api/contract';
import type { Id, Question, Session } from '../model/types';
import { builtinQuestion } from '../deck/deck';
import { requireClient } from './client-repo';
import { byMadeAt, commitmentViews } from './commitment-view';
import { fromStored } from './item-keys';
import type { ReadTx } from './tx';

async function questionOf(tx: ReadTx, id: Id): Promise<Question | undefined> {
  return builtinQuestion(id) ?? (await tx.objectStore('questions').get(id));
}

/** Needs a transaction over sessions, clients, items and questions. */
export async function buildBundle(tx: ReadTx, session: Session): Promise<SessionBundle> {
  const items = tx.objectStore('items');
  const [client, captured, reviewedStored, asked] = await Promise.all([
    requireClient(tx, session.clientId),
    items.index('bySessionOrder').getAll(keysOf(session.id)),
    items.index('byReviewSession').getAll(session.id),
    Promise.all(
      session.asked.map(async (a) => {
        const q = await questionOf(tx, a.questionId);
        return { questionId: a.questionId, at: a.at, text: q?.text ?? '', stage: q?.stage ?? null };
      }),
    ),
  ]);
  const views = await commitmentViews(
    tx,
    reviewedStored.filter((i) => i.sessionId !== session.id),
  );
  // As of this session: the status recorded here, even if a later session reviewed it again.
  const reviewed = views
    .map((view) => {
      const here = view.item.reviews.find((r) => r.sessionId === session.id) ?? view.lastReview;
      return here ? { ...view, status: here.status, lastReview: here } : view;
    })
    .sort(byMadeAt);
  return { session, client, items: captured.map(fromStored), reviewed, asked };
}

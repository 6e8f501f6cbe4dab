/**
 * Seeds a large, realistic record for the benchmark: through the API (the code path views use) or, much
 * faster, directly in one transaction per client. Both are deterministic: the same options give the same text.
 * Every session's commitments are reviewed in the next session; those still open after it (partly done, not
 * done, carried forward: about two in five) come up again at the session after and are then done or dropped,
 * as the review list brings them up. So a client ends with a realistic handful of open commitments; the very
 * last session stays active.
 */
import type { HoldspaceApi } from '@/lib/api/contract';
import type { Result } from '@/lib/api/result';
import { isOpenStatus, type Client, type Item, type ReviewStatus, type Session } from '@/lib/model/types';
import type { HoldspaceDatabase } from '@/lib/store/db';
import { deriveItemKeys } from '@/lib/store/item-keys';
import { emptyContract } from '@/lib/store/session-repo';
import { newTimer } from '@/lib/timer/timer';
import { clientName, prng, sessionText, type Rand } from './seed-text';

export interface SeedOptions {
  clients: number;
  sessionsPerClient: number;
  commitmentsPerSession: number;
  notesPerSession: number;
  /** The latest session's start; earlier sessions go back a week each. */
  now: number;
}

export type SeedProgress = (done: number, total: number) => void;

const WEEK = 7 * 86_400_000;

function firstReview(rand: Rand): ReviewStatus {
  const r = rand();
  return r < 0.55 ? 'done' : r < 0.65 ? 'partly' : r < 0.75 ? 'not-done' : r < 0.8 ? 'dropped' : 'carried-forward';
}

/** Still on the table after a review: it comes up again at the next session (lib/model isOpenStatus). */
const stillOpen = (status: ReviewStatus) => isOpenStatus(status);

const startOf = (o: SeedOptions, c: number, k: number) => o.now - (o.sessionsPerClient - 1 - k) * WEEK - (o.clients - 1 - c) * 60_000;
const dayOf = (at: number) => new Date(at + WEEK).toISOString().slice(0, 10);
const get = async <T>(call: Promise<Result<T>>): Promise<T> => {
  const r = await call;
  if (!r.ok) throw new Error(`seed: ${r.error.message}`);
  return r.value;
};

/** Through the API, as a view would write. Returns how many commitments were made. */
export async function seedRecord(api: HoldspaceApi, o: SeedOptions, onProgress?: SeedProgress): Promise<number> {
  const total = o.clients * o.sessionsPerClient;
  let made = 0;
  for (let c = 0; c < o.clients; c++) {
    const rand = prng(c + 1);
    const client = await get(api.createClient({ input: { name: clientName(c) } }));
    let pending: { id: string; second: boolean }[] = [];
    for (let k = 0; k < o.sessionsPerClient; k++) {
      const text = sessionText(rand, o.commitmentsPerSession, o.notesPerSession);
      const session = await get(api.startSession({ clientId: client.id }));
      await get(api.updateContract({ sessionId: session.id, patch: { topic: text.topic, desiredOutcome: text.desiredOutcome } }));
      const next: typeof pending = [];
      for (const p of pending) {
        const status = p.second ? (rand() < 0.7 ? 'done' : 'dropped') : firstReview(rand);
        await get(api.reviewCommitment({ itemId: p.id, sessionId: session.id, status }));
        if (stillOpen(status)) next.push({ id: p.id, second: true });
      }
      for (const t of text.commitments) {
        const item = await get(
          api.addItem({
            sessionId: session.id,
            input: { kind: 'commitment', text: t.text, howWillYouKnow: t.howWillYouKnow, due: dayOf(startOf(o, c, k)) },
          }),
        );
        next.push({ id: item.id, second: false });
        made++;
      }
      for (const note of text.notes) await get(api.addItem({ sessionId: session.id, input: { kind: 'note', text: note } }));
      const last = c === o.clients - 1 && k === o.sessionsPerClient - 1;
      if (!last) await get(api.endSession({ sessionId: session.id }));
      pending = next;
      onProgress?.(c * o.sessionsPerClient + k + 1, total);
    }
  }
  return made;
}

function clientRecords(o: SeedOptions, c: number): { client: Client; sessions: Session[]; items: Item[] } {
  const rand = prng(c + 1);
  const id = `seed-c${c}`;
  const client: Client = {
    id,
    name: clientName(c),
    email: '',
    goals: [],
    notes: '',
    keepNoNotes: false,
    createdAt: startOf(o, c, 0),
    updatedAt: startOf(o, c, 0),
    archived: false,
  };
  const sessions: Session[] = [];
  const items: Item[] = [];
  let pending: { item: Item; second: boolean }[] = [];
  for (let k = 0; k < o.sessionsPerClient; k++) {
    const at = startOf(o, c, k);
    const sid = `seed-s${c}-${k}`;
    const text = sessionText(rand, o.commitmentsPerSession, o.notesPerSession);
    const last = c === o.clients - 1 && k === o.sessionsPerClient - 1;
    sessions.push({
      id: sid,
      clientId: id,
      status: last ? 'active' : 'ended',
      startedAt: at,
      endedAt: last ? null : at + 3_600_000,
      contract: { ...emptyContract(), topic: text.topic, desiredOutcome: text.desiredOutcome },
      timer: newTimer(60),
      asked: [],
      reflection: '',
      createdAt: at,
      updatedAt: at,
    });
    const next: typeof pending = [];
    for (const p of pending) {
      const status: ReviewStatus = p.second ? (rand() < 0.7 ? 'done' : 'dropped') : firstReview(rand);
      p.item.reviews.push({ sessionId: sid, status, note: '', at: at + 60_000 });
      if (stillOpen(status)) next.push({ item: p.item, second: true });
    }
    let order = 0;
    const base = { sessionId: sid, clientId: id, createdAt: at, updatedAt: at, support: '', reviews: [], open: 0 as const };
    for (const t of text.commitments) {
      const item: Item = {
        ...base,
        id: `seed-i${c}-${k}-${order}`,
        kind: 'commitment',
        text: t.text,
        shareable: true,
        order: order++,
        due: dayOf(at),
        howWillYouKnow: t.howWillYouKnow,
        reviews: [],
      };
      items.push(item);
      next.push({ item, second: false });
    }
    for (const note of text.notes)
      items.push({
        ...base,
        id: `seed-i${c}-${k}-${order}`,
        kind: 'note',
        text: note,
        shareable: false,
        order: order++,
        due: '',
        howWillYouKnow: '',
        reviews: [],
      });
    pending = next;
  }
  return { client, sessions, items };
}

/** Straight into IndexedDB, one transaction per client. Returns how many commitments were made. */
export async function seedDirect(db: HoldspaceDatabase, o: SeedOptions, onProgress?: SeedProgress): Promise<number> {
  let made = 0;
  // Written past the repos: the summary of open due commitments is no longer complete (the next read rebuilds it).
  await db.clear('dueSummary');
  for (let c = 0; c < o.clients; c++) {
    const { client, sessions, items } = clientRecords(o, c);
    const tx = db.transaction(['clients', 'sessions', 'items'], 'readwrite');
    const quiet = (p: Promise<unknown>) => void p.catch(() => undefined); // a failure surfaces through tx.done
    quiet(tx.objectStore('clients').put(client));
    for (const s of sessions) quiet(tx.objectStore('sessions').put(s));
    for (const i of items) quiet(tx.objectStore('items').put(deriveItemKeys(i)));
    await tx.done;
    made += items.filter((i) => i.kind === 'commitment').length;
    onProgress?.((c + 1) * o.sessionsPerClient, o.clients * o.sessionsPerClient);
  }
  return made;
}

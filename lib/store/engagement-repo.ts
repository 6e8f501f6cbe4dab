/** The engagement around the sessions: its agreement and goals, the prepare card, follow-through, what is due. */
import type { DueThisWeek, EngagementView, PrepareView } from '../api/contract';
import { engagementOf, goalStatus, type Engagement, type GoalPatch } from '../model/client';
import { dueInstant, isoDate } from '../model/dates';
import { LIMITS } from '../model/limits';
import type { Client, Id } from '../model/types';
import {
  followThroughBySession,
  isLapsed,
  recentFollowThrough,
  repeatedBeliefs,
  totalOutcomes,
  weeksBetween,
} from '../engagement/follow-through';
import { openingQuestion } from '../engagement/opening';
import { itemsOf, keysOf, walkKeyCursor } from './db';
import { dueFromIndex, readDueSummaries, rebuildDueSummaries, type DueSummary } from './due-summary';
import { requireClient } from './client-repo';
import { byMadeAt, commitmentViews } from './commitment-view';
import { fromStored } from './item-keys';
import { invalid, notFound, read, write, type ReadTx, type RepoContext } from './tx';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Reads, changes and stores one client in one transaction. */
function mutateClient(ctx: RepoContext, id: Id, change: (client: Client) => Client): Promise<Client> {
  const now = ctx.now();
  return write(ctx, ['clients'], async (tx) => {
    const next = { ...change(await requireClient(tx, id)), updatedAt: now };
    await tx.objectStore('clients').put(next);
    return next;
  });
}

export function updateEngagement(ctx: RepoContext, clientId: Id, patch: Partial<Engagement>): Promise<Client> {
  return mutateClient(ctx, clientId, (c) => ({ ...c, engagement: { ...engagementOf(c), ...patch } }));
}

export function addGoal(ctx: RepoContext, clientId: Id, goal: { text: string; measure: string }): Promise<Client> {
  const id = ctx.newId();
  return mutateClient(ctx, clientId, (c) => {
    if (c.goals.length >= LIMITS.listEntries) throw invalid(`A client can have at most ${LIMITS.listEntries} goals.`, 'goal');
    return { ...c, goals: [...c.goals, { id, text: goal.text, measure: goal.measure, status: 'active' }] };
  });
}

export function updateGoal(ctx: RepoContext, clientId: Id, goalId: Id, patch: GoalPatch): Promise<Client> {
  return mutateClient(ctx, clientId, (c) => {
    if (!c.goals.some((g) => g.id === goalId)) throw notFound('That goal');
    return { ...c, goals: c.goals.map((g) => (g.id === goalId ? { ...g, ...patch } : g)) };
  });
}

/** A client's sessions (oldest first) and everything captured with them. */
async function clientRecord(tx: ReadTx, clientId: Id) {
  const [client, sessions, stored] = await Promise.all([
    requireClient(tx, clientId),
    tx.objectStore('sessions').index('byClientStart').getAll(keysOf(clientId)),
    tx.objectStore('items').index('byClientOpen').getAll(itemsOf(clientId)),
  ]);
  // In id order, as the records are stored (the index yields them by open state first).
  stored.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { client, sessions, stored, items: stored.map(fromStored) };
}

/** When the engagement began: its agreed start, else its first session. */
function beganAt(engagement: Engagement, firstSessionAt: number | undefined): number | null {
  if (engagement.startedOn) return dueInstant(engagement.startedOn);
  return firstSessionAt ?? null;
}

export function prepare(ctx: RepoContext, clientId: Id): Promise<PrepareView> {
  const now = ctx.now();
  return read(ctx, ['clients', 'sessions', 'items'], async (tx) => {
    const { client, sessions, stored, items } = await clientRecord(tx, clientId);
    const held = sessions.filter((s) => s.status === 'ended');
    const lastSession = held.at(-1) ?? null;
    const inquiries = lastSession ? items.filter((i) => i.sessionId === lastSession.id && i.kind === 'inquiry').map((i) => i.text) : [];
    const active = sessions.find((s) => s.status === 'active')?.id;
    const openStored = stored.filter((i) => i.open === 1 && i.sessionId !== active);
    const open = (await commitmentViews(tx, openStored, sessions)).sort(byMadeAt);
    const recent = recentFollowThrough(items);
    const engagement = engagementOf(client);
    const began = beganAt(engagement, sessions[0]?.startedAt);
    return {
      client,
      engagement,
      sessionsHeld: held.length,
      weeksIn: began === null ? null : weeksBetween(began, now),
      last: lastSession ? { session: lastSession, inquiries } : null,
      open,
      repeatedBeliefs: repeatedBeliefs(items),
      recent,
      opening: openingQuestion({ sessionsHeld: held.length, inquiryTakenAway: inquiries.length > 0, openCommitments: open.length, recent }),
    };
  });
}

export function engagementView(ctx: RepoContext, clientId: Id): Promise<EngagementView> {
  return read(ctx, ['clients', 'sessions', 'items'], async (tx) => {
    const { client, sessions, stored, items } = await clientRecord(tx, clientId);
    const goalText = new Map(client.goals.map((g) => [g.id, g.text]));
    const rows = followThroughBySession(sessions, items).map((row) => ({
      ...row,
      goalText: row.session.contract.goalId ? (goalText.get(row.session.contract.goalId) ?? null) : null,
    }));
    return {
      client,
      engagement: engagementOf(client),
      sessions: rows,
      totals: totalOutcomes(rows),
      goals: client.goals
        .map((goal) => ({ goal, sessionIds: sessions.filter((s) => s.contract.goalId === goal.id).map((s) => s.id) }))
        .sort((a, b) => Number(goalStatus(a.goal) !== 'active') - Number(goalStatus(b.goal) !== 'active')),
      commitments: (
        await commitmentViews(
          tx,
          stored.filter((i) => i.kind === 'commitment'),
          sessions,
        )
      ).sort(byMadeAt),
      insights: items.filter((i) => i.kind === 'insight').sort((a, b) => a.createdAt - b.createdAt),
    };
  });
}

/**
 * Every client's open commitments with a due date, from the summary kept beside `byClientOpenDue`
 * (lib/store/due-summary.ts: about 200 small records instead of the index's ~2,800 entries); from the index
 * itself while the summary is not complete (`rebuild` is then true, and the caller has it rebuilt).
 */
async function openDueByClient(tx: ReadTx): Promise<{ byClient: Map<Id, DueSummary>; rebuild: boolean }> {
  const summary = await readDueSummaries(tx);
  return summary ? { byClient: summary, rebuild: false } : { byClient: await dueFromIndex(tx), rebuild: true };
}

/** When each of these clients' latest session began (null: none yet), from `byClientStart`'s keys. */
async function lastSeenOf(tx: ReadTx, clientIds: Iterable<Id>): Promise<Map<Id, number | null>> {
  const sessions = tx.objectStore('sessions').index('byClientStart');
  return new Map(
    await Promise.all(
      [...new Set(clientIds)].map(async (id) => {
        const latest = await sessions.openKeyCursor(keysOf(id), 'prev');
        return [id, latest ? (latest.key as [Id, number])[1] : null] as const;
      }),
    ),
  );
}

/**
 * When these sessions of a client began, and the client's latest start (null: no session yet), from
 * `byClientStart`'s keys walked from the latest back only until all are found: the commitments still open are
 * mostly from the latest sessions, so a few keys instead of every session's.
 */
async function startsOf(tx: ReadTx, clientId: Id, sessionIds: Iterable<Id>): Promise<{ starts: Map<Id, number>; lastSeen: number | null }> {
  const missing = new Set(sessionIds);
  const starts = new Map<Id, number>();
  let lastSeen: number | null = null;
  await walkKeyCursor(await tx.objectStore('sessions').index('byClientStart').openKeyCursor(keysOf(clientId), 'prev'), (key, id) => {
    const at = (key as [Id, number])[1];
    lastSeen ??= at;
    if (missing.delete(id as Id)) starts.set(id as Id, at);
    return missing.size > 0;
  });
  return { starts, lastSeen };
}

/**
 * Open commitments overdue or due in the next seven days, by client, the client with the oldest one first.
 * To count and order, only ids and due dates are read (the summary of `byClientOpenDue`, one small record per
 * client: lib/store/due-summary.ts); records are read for the first clients whose listed commitments fill
 * about `cards`, and the rest are counted in `unlisted` (the view asks for more). A latest session's start is
 * read only where it is shown or decides something: for the clients listed, and for clients with an agreed
 * cadence (only they can be lapsed).
 */
export async function dueThisWeek(ctx: RepoContext, cards: number = LIMITS.dueCardsPerPage): Promise<DueThisWeek> {
  const now = ctx.now();
  const last = `${isoDate(now + 7 * DAY_MS)}\uffff`;
  const { answer, rebuild } = await read(ctx, ['clients', 'sessions', 'items', 'dueSummary'], async (tx) => {
    const items = tx.objectStore('items');
    const [clients, inRunningSession, open] = await Promise.all([
      tx
        .objectStore('clients')
        .getAll()
        .then((all) => all.filter((c) => !c.archived)),
      // Commitments being made in the running session are not yet "due": they come up at the next one.
      tx
        .objectStore('sessions')
        .index('byStatus')
        .getKey('active')
        .then(async (activeId) => new Set(activeId ? await items.index('bySessionOrder').getAllKeys(keysOf(activeId)) : [])),
      openDueByClient(tx),
    ]);
    const withDue = clients
      .flatMap((client) => {
        const found = open.byClient.get(client.id);
        if (!found) return [];
        // Earliest due first: those due after the week end the list.
        const kept = found.ids.flatMap((id, k) => (found.dues[k]! > last || inRunningSession.has(id) ? [] : [k]));
        if (kept.length === 0) return [];
        return [{ client, due: kept.map((k) => found.ids[k]!), firstDue: found.dues[kept[0]!]! }];
      })
      .sort((a, b) => (a.firstDue < b.firstDue ? -1 : a.firstDue > b.firstDue ? 1 : 0));
    const page: typeof withDue = [];
    let room = cards;
    for (const entry of withDue) {
      if (page.length > 0 && room <= 0) break;
      page.push(entry);
      room -= Math.min(entry.due.length, LIMITS.dueListPerClient);
    }
    const listedIds = new Set(page.map((p) => p.client.id));
    const withCadence = clients.filter((c) => engagementOf(c).cadenceWeeks);
    // The page's records and every start needed, in one go.
    const [seen, groups] = await Promise.all([
      lastSeenOf(
        tx,
        withCadence.filter((c) => !listedIds.has(c.id)).map((c) => c.id),
      ),
      Promise.all(
        page.map(async ({ client, due }) => {
          // Years of unreviewed commitments would bury this week's: the latest due are listed, the rest counted.
          const listedIds = due.slice(-LIMITS.dueListPerClient);
          const listed = (await Promise.all(listedIds.map((id) => items.get(id)))).filter((i) => i !== undefined);
          const { starts, lastSeen } = await startsOf(
            tx,
            client.id,
            listed.map((i) => i.sessionId),
          );
          const known = [...starts].map(([id, startedAt]) => ({ id, startedAt }));
          const commitments = (await commitmentViews(tx, listed, known)).sort(
            (a, b) => dueInstant(a.item.due) - dueInstant(b.item.due) || byMadeAt(a, b),
          );
          return { client, commitments, more: due.length - listedIds.length, lastSeen };
        }),
      ),
    ]);
    for (const g of groups) seen.set(g.client.id, g.lastSeen);
    const rest = withDue.slice(page.length);
    const answer: DueThisWeek = {
      groups,
      unlisted: { clients: rest.length, commitments: rest.reduce((n, c) => n + Math.min(c.due.length, LIMITS.dueListPerClient), 0) },
      lapsed: withCadence
        .map((client) => ({ client, lastSeen: seen.get(client.id) ?? null, cadenceWeeks: engagementOf(client).cadenceWeeks! }))
        .filter((c): c is typeof c & { lastSeen: number } => isLapsed(c.cadenceWeeks, c.lastSeen, now))
        .sort((a, b) => a.lastSeen - b.lastSeen),
    };
    return { answer, rebuild: open.rebuild };
  });
  // Not complete (never built since the upgrade, or a rebuild that did not finish): rebuilt once this is answered.
  if (rebuild) void write(ctx, ['items', 'dueSummary'], rebuildDueSummaries).catch(() => undefined);
  return answer;
}

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
import { itemsOf, keysOf, openDueRange } from './db';
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
 * Open commitments overdue or due in the next seven days, by client, the client with the oldest one first.
 * Only keys are read to count and order (`byClientOpenDue`); records are read for the first clients whose
 * listed commitments fill about `cards`, and the rest are counted in `unlisted` (the view asks for more).
 */
export function dueThisWeek(ctx: RepoContext, cards: number = LIMITS.dueCardsPerPage): Promise<DueThisWeek> {
  const now = ctx.now();
  const until = isoDate(now + 7 * DAY_MS);
  return read(ctx, ['clients', 'sessions', 'items'], async (tx) => {
    const items = tx.objectStore('items');
    const [clients, activeId] = await Promise.all([
      tx
        .objectStore('clients')
        .getAll()
        .then((all) => all.filter((c) => !c.archived)),
      tx.objectStore('sessions').index('byStatus').getKey('active'),
    ]);
    // Commitments being made in the running session are not yet "due": they come up at the next one.
    const inRunningSession = new Set(activeId ? await items.index('bySessionOrder').getAllKeys(keysOf(activeId)) : []);
    const perClient = await Promise.all(
      clients.map(async (client) => {
        const range = openDueRange(client.id, until);
        // Keys only (ids in due order, the earliest due, the latest session's start): nothing is decrypted.
        const [dueKeys, earliest, latest] = await Promise.all([
          items.index('byClientOpenDue').getAllKeys(range),
          items.index('byClientOpenDue').openKeyCursor(range),
          tx.objectStore('sessions').index('byClientStart').openKeyCursor(keysOf(client.id), 'prev'),
        ]);
        const due = inRunningSession.size ? dueKeys.filter((id) => !inRunningSession.has(id)) : dueKeys;
        const firstDue = earliest ? (earliest.key as [string, string])[1] : '';
        return { client, due, firstDue, lastSeen: latest ? (latest.key as [string, number])[1] : null };
      }),
    );
    const withDue = perClient
      .filter((c) => c.due.length > 0)
      .sort((a, b) => (a.firstDue < b.firstDue ? -1 : a.firstDue > b.firstDue ? 1 : 0));
    const groups: DueThisWeek['groups'] = [];
    let room = cards;
    for (const { client, due, lastSeen } of withDue) {
      if (groups.length > 0 && room <= 0) break;
      // Years of unreviewed commitments would bury this week's: the latest due are listed, the rest counted.
      const listedIds = due.slice(-LIMITS.dueListPerClient);
      const listed = (await Promise.all(listedIds.map((id) => items.get(id)))).filter((i) => i !== undefined);
      const commitments = (await commitmentViews(tx, listed)).sort(
        (a, b) => dueInstant(a.item.due) - dueInstant(b.item.due) || byMadeAt(a, b),
      );
      groups.push({ client, commitments, lastSeen, more: due.length - listedIds.length });
      room -= listedIds.length;
    }
    const rest = withDue.slice(groups.length);
    return {
      groups,
      unlisted: { clients: rest.length, commitments: rest.reduce((n, c) => n + Math.min(c.due.length, LIMITS.dueListPerClient), 0) },
      lapsed: perClient
        .filter((c) => isLapsed(engagementOf(c.client).cadenceWeeks, c.lastSeen, now))
        .map((c) => ({ client: c.client, lastSeen: c.lastSeen!, cadenceWeeks: engagementOf(c.client).cadenceWeeks! }))
        .sort((a, b) => a.lastSeen - b.lastSeen),
    };
  });
}

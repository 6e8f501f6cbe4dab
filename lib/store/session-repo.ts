/** Sessions: start, the contract, the timer, asked questions, the reflection, end; history and bundles. */
import { commitmentsOf, keysOf } from './db';
import type { ContractBase, ContractPatch, SessionBundle, SessionSummaryRow, TimerAction } from '../api/contract';
import { CARRIED_AGREEMENTS } from '../model/session';
import type { CheckIn, Contract, Id, PhasePlan, Session } from '../model/types';
import { newTimer, pauseTimer, resetTimer, resumeTimer, setLength, startTimer } from '../timer/timer';
import { buildBundle } from './bundle';
import { requireClient } from './client-repo';
import { conflict, notFound, read, write, type ReadTx, type RepoContext, type WriteTx, invalid, assertRoom } from './tx';

export interface SessionDefaults {
  plannedMinutes: number;
  phases: PhasePlan;
  warningMinutes: number;
}

export function emptyContract(): Contract {
  return {
    topic: '',
    desiredOutcome: '',
    whyItMatters: '',
    successMeasures: '',
    focus: '',
    agreements: { confidentiality: false, recordingConsent: false, permissionToOffer: false },
    notes: '',
    goalId: null,
    checkIns: [],
  };
}

export async function requireSession(tx: ReadTx, id: Id): Promise<Session> {
  const session = await tx.objectStore('sessions').get(id);
  if (!session) throw notFound('That session');
  return session;
}

async function findActive(tx: ReadTx): Promise<Session | undefined> {
  return tx.objectStore('sessions').index('byStatus').get('active');
}

/** Whether a session's timer is running now (started, not paused): the idle lock waits for it. */
export function timerRunning(ctx: RepoContext): Promise<boolean> {
  return read(ctx, ['sessions'], async (tx) => {
    const timer = (await findActive(tx))?.timer;
    return !!timer && timer.startedAt !== null && timer.pausedAt === null;
  });
}

export function activeSession(ctx: RepoContext): Promise<SessionBundle | null> {
  return read(ctx, ['sessions', 'clients', 'items', 'questions'], async (tx) => {
    const session = await findActive(tx);
    return session ? buildBundle(tx, session) : null;
  });
}

export function getSessionBundle(ctx: RepoContext, id: Id): Promise<SessionBundle> {
  return read(ctx, ['sessions', 'clients', 'items', 'questions'], async (tx) => buildBundle(tx, await requireSession(tx, id)));
}

export function startSession(ctx: RepoContext, clientId: Id, defaults: SessionDefaults): Promise<Session> {
  const now = ctx.now();
  const id = ctx.newId();
  return write(ctx, ['sessions', 'clients'], async (tx) => {
    const client = await requireClient(tx, clientId);
    if (client.archived) throw conflict(`${client.name} is archived. Restore them before starting a session.`, 'clientId');
    const running = await findActive(tx);
    if (running) {
      const with_ =
        running.clientId === clientId ? client.name : ((await tx.objectStore('clients').get(running.clientId))?.name ?? 'another client');
      throw conflict(`A session with ${with_} is still running. End it before starting another.`);
    }
    const previous = await tx.objectStore('sessions').index('byClientStart').openCursor(keysOf(clientId), 'prev');
    const session: Session = {
      id,
      clientId,
      status: 'active',
      startedAt: now,
      endedAt: null,
      contract: carryAgreements(emptyContract(), previous?.value),
      timer: newTimer(defaults.plannedMinutes, defaults.phases, defaults.warningMinutes),
      asked: [],
      reflection: '',
      createdAt: now,
      updatedAt: now,
    };
    await tx.objectStore('sessions').add(session);
    return session;
  });
}

/**
 * Confidentiality and recording consent, once agreed with a client, carry over from their latest session into
 * the next contract with the date they were first agreed (the coach can still untick them).
 */
export function carryAgreements(contract: Contract, previous: Session | undefined): Contract {
  if (!previous) return contract;
  const agreements = { ...contract.agreements };
  const agreedAt: NonNullable<Contract['agreedAt']> = {};
  for (const key of CARRIED_AGREEMENTS) {
    if (!previous.contract.agreements[key]) continue;
    agreements[key] = true;
    agreedAt[key] = previous.contract.agreedAt?.[key] ?? previous.startedAt;
  }
  return Object.keys(agreedAt).length ? { ...contract, agreements, agreedAt } : contract;
}

/** Read-modify-write of one session in one transaction: concurrent edits of different fields both survive. */
export function mutateSession(
  ctx: RepoContext,
  id: Id,
  change: (session: Session, now: number, tx: WriteTx) => Session | Promise<Session>,
  stores: ('clients' | 'sessions')[] = ['sessions'],
): Promise<Session> {
  const now = ctx.now();
  return write(ctx, stores, async (tx) => {
    const current = await requireSession(tx, id);
    const next = await change(current, now, tx);
    if (next === current) return current;
    const saved = { ...next, updatedAt: now };
    await tx.objectStore('sessions').put(saved);
    return saved;
  });
}

/**
 * Writes the fields in `patch`. With `base`, a compare-and-set: each field named there must still hold that
 * text, or nothing is written and the write is refused as a `conflict` naming the field.
 */
export function updateContract(ctx: RepoContext, id: Id, patch: ContractPatch, base?: ContractBase): Promise<Session> {
  return mutateSession(
    ctx,
    id,
    async (session, now, tx) => {
      for (const field of Object.keys(base ?? {}) as (keyof ContractBase)[])
        if (base?.[field] !== undefined && session.contract[field] !== base[field])
          throw conflict('Another view changed this field since this one last saw it, so nothing was saved over it.', field);
      if (patch.goalId) {
        const client = await requireClient(tx, session.clientId);
        if (!client.goals.some((g) => g.id === patch.goalId))
          throw invalid('That coaching goal is not one of this client’s goals.', 'goalId');
      }
      const { agreements, ...fields } = patch;
      const contract: Contract = { ...session.contract, ...fields, agreements: { ...session.contract.agreements, ...agreements } };
      const agreedAt = { ...session.contract.agreedAt };
      for (const key of CARRIED_AGREEMENTS) {
        if (agreements?.[key] === true && !session.contract.agreements[key]) agreedAt[key] = now;
        if (agreements?.[key] === false) delete agreedAt[key];
      }
      if (Object.keys(agreedAt).length) contract.agreedAt = agreedAt;
      else delete contract.agreedAt;
      return { ...session, contract };
    },
    ['sessions', 'clients'],
  );
}

/** Records a check-in with the contract: on track, or shifted to `shiftedTo` (kept as typed, only when shifted). */
export function contractCheckIn(ctx: RepoContext, id: Id, onTrack = true, shiftedTo = ''): Promise<Session> {
  return mutateSession(ctx, id, (s, now) => {
    assertRoom(s.contract.checkIns, 'The contract', 'sessionId');
    const checkIn: CheckIn = { at: now, onTrack, shiftedTo: onTrack ? '' : shiftedTo };
    return { ...s, contract: { ...s.contract, checkIns: [...s.contract.checkIns, checkIn] } };
  });
}

export function applyTimer(ctx: RepoContext, id: Id, action: TimerAction): Promise<Session> {
  return mutateSession(ctx, id, (s, now) => {
    if (s.status === 'ended' && action.type !== 'set-length') throw conflict('This session has ended: its timer is stopped.');
    const timer =
      action.type === 'start'
        ? startTimer(s.timer, now)
        : action.type === 'pause'
          ? pauseTimer(s.timer, now)
          : action.type === 'resume'
            ? resumeTimer(s.timer, now)
            : action.type === 'set-length'
              ? setLength(s.timer, action.minutes)
              : resetTimer(s.timer);
    return timer === s.timer ? s : { ...s, timer };
  });
}

export function markAsked(ctx: RepoContext, id: Id, questionId: Id, asked: boolean): Promise<Session> {
  return mutateSession(ctx, id, (s, now) => {
    const has = s.asked.some((a) => a.questionId === questionId);
    if (asked === has) return s;
    if (asked) assertRoom(s.asked, 'This session', 'questionId');
    const list = asked ? [...s.asked, { questionId, at: now }] : s.asked.filter((a) => a.questionId !== questionId);
    return { ...s, asked: list };
  });
}

/** Writes the reflection. With `base`, a compare-and-set as in `updateContract`: refused as a `conflict` when it no longer holds `base`. */
export function setReflection(ctx: RepoContext, id: Id, text: string, base?: string): Promise<Session> {
  return mutateSession(ctx, id, (s) => {
    if (base !== undefined && s.reflection !== base)
      throw conflict('Another view changed the reflection since this one last saw it, so nothing was saved over it.', 'text');
    return { ...s, reflection: text };
  });
}

/** Ends the session and stops its timer where it stands. Ending an ended session changes nothing. */
export function endSession(ctx: RepoContext, id: Id): Promise<Session> {
  return mutateSession(ctx, id, (s, now) =>
    s.status === 'ended' ? s : { ...s, status: 'ended', endedAt: now, timer: pauseTimer(s.timer, now) },
  );
}

/** A client's sessions, newest first, with how many items and commitments each holds (counted by index, not read). */
export function clientHistory(ctx: RepoContext, clientId: Id): Promise<SessionSummaryRow[]> {
  return read(ctx, ['clients', 'sessions', 'items'], async (tx) => {
    await requireClient(tx, clientId);
    const sessions = await tx.objectStore('sessions').index('byClientStart').getAll(keysOf(clientId));
    const items = tx.objectStore('items');
    const rows = await Promise.all(
      sessions.map(async (session) => {
        const [itemCount, open, closed] = await Promise.all([
          items.index('bySessionOrder').count(keysOf(session.id)),
          items.index('byClientOpen').count(commitmentsOf(clientId, 1, session.id)),
          items.index('byClientOpen').count(commitmentsOf(clientId, 0, session.id)),
        ]);
        return { session, itemCount, commitmentCount: open + closed };
      }),
    );
    return rows.reverse();
  });
}

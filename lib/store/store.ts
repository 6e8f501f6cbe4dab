/**
 * The HoldspaceApi over IndexedDB: one handler per method declared in lib/api/contract.ts (which checks
 * every input before a handler runs), one short transaction per edit in the repos, errors as values, and
 * the search index kept in step after each committed write.
 */
import { isReadMethod, LOCK_FREE_METHODS, type ApiHandlers, type ApiMethod, type HoldspaceApi } from '../api/contract';
import { implementApi } from '../api/implement';
import { HoldspaceError, fail, ok, type Result } from '../api/result';
import { defined } from '../model/check';
import { DEFAULTS, SAFEKEEPING } from '../model/limits';
import type { Client, Session } from '../model/types';
import { createSearchIndex, type SearchIndex } from '../search/search-index';
import { clientDoc, itemDoc, questionDoc, refOf, sessionDoc } from '../search/documents';
import type { HoldspaceDatabase } from './db';
import * as clients from './client-repo';
import * as sessions from './session-repo';
import * as items from './item-repo';
import * as commitments from './commitment-repo';
import * as questions from './question-repo';
import * as drafts from './draft-repo';
import * as engagement from './engagement-repo';
import * as retention from './retention-repo';
import { loadSearchDocs, resolveHits } from './search-repo';
import { searchIndexStore } from './search-store';
import { createBackupApi, type BackupSettings } from './backup-api';
import { storageHealth, type StorageAccess } from './health';
import type { RepoContext } from './tx';
import { createLock, type LockOptions, type LockService } from './lock';
import { whenQuiet } from './quiet';

export interface StoreDeps {
  db: () => Promise<HoldspaceDatabase>;
  now: () => number;
  newId: () => string;
  storage?: StorageAccess;
  /** Defaults for a new session (from the coach's settings); read before the transaction. */
  sessionDefaults?: () => Promise<sessions.SessionDefaults>;
  /** The small settings, to include in backups and restore from them. */
  settings?: BackupSettings;
  /** The lock's ports (lib/store/lock.ts); without them the lock stays off and the record is never encrypted. */
  lock?: Omit<LockOptions, 'db' | 'now' | 'timerRunning'>;
}

export type HoldspaceStore = HoldspaceApi & {
  /** Finishes turning the lock on or off when the browser closed midway (the key is at hand). */
  resumeLock(): Promise<void>;
  /** Rebuilds the search index from the store. */
  rebuildSearch(): Promise<void>;
  /** Builds the search index ahead of the first search, unless it is built already. */
  warmSearch(): Promise<void>;
  /**
   * Builds the search index ahead of the first search once the store is quiet (a view opened): no API call
   * under way for `SAFEKEEPING.searchWarmQuietMs`, so the view's first reads are answered first. A search
   * that comes sooner loads the index itself, at once.
   */
  warmSearchWhenQuiet(): void;
  /** Saves the search index now if it changed (it is saved by itself after a quiet spell). */
  saveSearchIndex(): Promise<void>;
};

const FALLBACK_DEFAULTS: sessions.SessionDefaults = {
  plannedMinutes: DEFAULTS.sessionMinutes,
  phases: { ...DEFAULTS.phases },
  warningMinutes: DEFAULTS.warningMinutes,
};

function toResult(error: unknown): Result<never> {
  if (error instanceof HoldspaceError) return fail(error.code, error.message, error.field);
  const name = error instanceof Error ? error.name : '';
  if (name === 'QuotaExceededError')
    return fail('storage', 'Your browser refused to save: its storage for Holdspace is full. Nothing was changed.');
  if (name === 'DataError') return fail('invalid', 'Part of this request is malformed, so nothing was changed.');
  if (error instanceof DOMException) return fail('storage', `The browser could not save this change (${error.name}). Nothing was changed.`);
  return fail('internal', `Something went wrong in Holdspace: ${error instanceof Error ? error.message : String(error)}`);
}

/** A connection that was closing (a newer version, a stopped worker) is reopened once and the work retried. */
async function run<T>(work: () => Promise<T>): Promise<Result<T>> {
  try {
    try {
      return ok(await work());
    } catch (error) {
      if (!(error instanceof DOMException && error.name === 'InvalidStateError')) throw error;
      return ok(await work());
    }
  } catch (error) {
    return toResult(error);
  }
}

/**
 * Runs a write that changes what search finds, then tells the search index what it wrote. Before it runs,
 * the index's stored copy is marked stale (once per save), so a worker stopped mid-way never trusts it.
 */
async function indexed<T>(index: SearchIndex, work: () => Promise<T>, after: (value: T) => void): Promise<T> {
  await index.beforeWrite();
  try {
    const value = await work();
    after(value);
    return value;
  } finally {
    index.afterWrite();
  }
}

/** A store without a lock service answers the lock's methods as "off" (tests, and before wiring). */
const NO_LOCK = (now: () => number, db: StoreDeps['db']) =>
  createLock({ db, now, keys: { get: async () => null, set: async () => undefined } });

/**
 * While locked, every method but the lock's own answers `locked` before it runs; the idle lock is checked
 * first; a write counts as the coach's activity.
 */
function gated(handlers: ApiHandlers, lock: LockService, onLocked: () => void): ApiHandlers {
  const free = new Set<string>(LOCK_FREE_METHODS);
  const out: Record<string, (args: never) => Promise<unknown>> = {};
  for (const [name, handler] of Object.entries(handlers) as [ApiMethod, (args: never) => Promise<unknown>][]) {
    if (free.has(name)) {
      out[name] = handler;
      continue;
    }
    const writes = !isReadMethod(name);
    out[name] = async (args) => {
      if (await lock.lockIfIdle(true)) onLocked();
      await lock.codec();
      const value = await handler(args);
      if (writes) await lock.touch();
      return value;
    };
  }
  return out as ApiHandlers;
}

export function createStore(deps: StoreDeps): HoldspaceStore {
  const ctx: RepoContext = { db: deps.db, now: deps.now, newId: deps.newId };
  const lock = deps.lock && createLock({ ...deps.lock, db: deps.db, now: deps.now, timerRunning: () => sessions.timerRunning(ctx) });
  if (lock) {
    ctx.codec = lock.codec;
    ctx.codecEpoch = lock.codecEpoch;
  }
  const index = createSearchIndex(() => loadSearchDocs(ctx), searchIndexStore(ctx));
  const session = (s: Session) => index.upsert(sessionDoc(s));
  const client = (c: Client) => index.upsert(clientDoc(c));
  let fallbackLock: LockService | undefined;
  const lockService = () => lock ?? (fallbackLock ??= NO_LOCK(deps.now, deps.db));
  const backup = createBackupApi(ctx, deps.settings, () => lockService().envelopeKey());
  const idx = <T>(work: () => Promise<T>, after: (value: T) => void) => indexed(index, work, after);

  const handlers: ApiHandlers = {
    listClients: ({ includeArchived }) => clients.listClients(ctx, includeArchived === true),
    recentClients: ({ limit }) => clients.recentClients(ctx, limit),
    getClient: ({ id }) => clients.getClient(ctx, id),
    createClient: ({ input }) => idx(() => clients.createClient(ctx, input), client),
    updateClient: ({ id, patch }) => idx(() => clients.updateClient(ctx, id, defined(patch)), client),
    updateEngagement: ({ clientId, patch }) => idx(() => engagement.updateEngagement(ctx, clientId, defined(patch)), client),
    addGoal: ({ clientId, goal }) => idx(() => engagement.addGoal(ctx, clientId, goal), client),
    updateGoal: ({ clientId, goalId, patch }) => idx(() => engagement.updateGoal(ctx, clientId, goalId, defined(patch)), client),
    prepare: ({ clientId }) => engagement.prepare(ctx, clientId),
    engagement: ({ clientId }) => engagement.engagementView(ctx, clientId),
    dueThisWeek: ({ cards }) => engagement.dueThisWeek(ctx, cards),
    deleteClient: ({ id }) =>
      idx(
        () => clients.deleteClient(ctx, id),
        () => index.drop(),
      ),

    retentionPreview: ({ months }) => retention.retentionPreview(ctx, months),
    applyRetention: ({ months, clientIds }) =>
      idx(
        () => retention.applyRetention(ctx, months, clientIds),
        (r) => r.deleted.length > 0 && index.drop(),
      ),

    activeSession: () => sessions.activeSession(ctx),
    startSession: async ({ clientId, plannedMinutes }) => {
      const defaults = (await deps.sessionDefaults?.().catch(() => undefined)) ?? FALLBACK_DEFAULTS;
      const plan = plannedMinutes === undefined ? defaults : { ...defaults, plannedMinutes };
      return idx(() => sessions.startSession(ctx, clientId, plan), session);
    },
    updateContract: ({ sessionId, patch, base }) =>
      idx(() => sessions.updateContract(ctx, sessionId, defined(patch), base && defined(base)), session),
    contractCheckIn: ({ sessionId, onTrack, shiftedTo }) => sessions.contractCheckIn(ctx, sessionId, onTrack, shiftedTo),
    timer: ({ sessionId, action }) => sessions.applyTimer(ctx, sessionId, action),
    markAsked: ({ sessionId, questionId, asked }) => sessions.markAsked(ctx, sessionId, questionId, asked),
    setReflection: ({ sessionId, text, base }) => idx(() => sessions.setReflection(ctx, sessionId, text, base), session),
    setNextSession: ({ sessionId, when }) => sessions.mutateSession(ctx, sessionId, (s) => ({ ...s, nextSession: when })),
    endSession: ({ sessionId }) => sessions.endSession(ctx, sessionId),
    getSessionBundle: ({ sessionId }) => sessions.getSessionBundle(ctx, sessionId),
    clientHistory: ({ clientId }) => sessions.clientHistory(ctx, clientId),

    addItem: ({ sessionId, input }) =>
      idx(
        () => items.addItem(ctx, sessionId, input),
        (i) => index.upsert(itemDoc(i)),
      ),
    updateItem: ({ id, patch }) =>
      idx(
        () => items.updateItem(ctx, id, defined(patch)),
        (i) => index.upsert(itemDoc(i)),
      ),
    deleteItem: ({ id }) =>
      idx(
        () => items.deleteItem(ctx, id),
        (i) => index.remove(refOf('item', i.id)),
      ),
    restoreItem: ({ item }) =>
      idx(
        () => items.restoreItem(ctx, item),
        (i) => index.upsert(itemDoc(i)),
      ),

    openCommitments: ({ clientId, withReviewedInRunning }) => commitments.openCommitments(ctx, clientId, withReviewedInRunning === true),
    reviewCommitment: ({ itemId, sessionId, status, note, due }) =>
      idx(
        () => commitments.reviewCommitment(ctx, itemId, sessionId, status, note, due),
        (c) => index.upsert(itemDoc(c.item)),
      ),
    dueBetween: ({ from, to }) => commitments.dueBetween(ctx, from, to),

    listQuestions: () => questions.listQuestions(ctx),
    addQuestion: (input) =>
      idx(
        () => questions.addQuestion(ctx, input),
        (q) => index.upsert(questionDoc(q)),
      ),
    updateQuestion: ({ id, ...patch }) =>
      idx(
        () => questions.updateQuestion(ctx, id, defined(patch)),
        (q) => index.upsert(questionDoc(q)),
      ),
    deleteQuestion: ({ id }) =>
      idx(
        () => questions.deleteQuestion(ctx, id),
        (q) => index.remove(refOf('question', q.id)),
      ),
    setQuestionPref: ({ questionId, ...marks }) => questions.setQuestionPref(ctx, questionId, defined(marks)),

    search: async ({ query, limit }) => resolveHits(ctx, await index.search(query, limit)),
    getDraft: ({ key }) => drafts.getDraft(ctx, key),
    setDraft: ({ key, value, base }) => drafts.setDraft(ctx, key, value, base),

    exportBackup: () => backup.exportBackup(),
    exportClient: ({ clientId }) => backup.exportClient(clientId),
    backupPage: ({ transfer, page }) => backup.backupPage(transfer, page),
    uploadBackupPage: ({ transfer, page, data }) => backup.uploadBackupPage(transfer, page, data),
    previewBackup: ({ transfer, passphrase }) => backup.previewBackup(transfer, passphrase),
    importBackup: ({ transfer, mode, passphrase }) =>
      idx(
        () => backup.importBackup(transfer, mode, passphrase),
        () => index.drop(),
      ),
    endBackupTransfer: ({ transfer }) => backup.endBackupTransfer(transfer),

    storageHealth: () => storageHealth(deps.storage),

    lockStatus: () => lockService().status(),
    unlock: async ({ passphrase }) => {
      await lockService().unlock(passphrase);
      return lockService().status();
    },
    lockNow: async () => {
      await lockService().lockNow();
      index.drop();
      return lockService().status();
    },
    lockIfIdle: async () => {
      if (await lockService().lockIfIdle()) index.drop();
      return lockService().status();
    },
    touch: async () => {
      await lockService().touch();
      return null;
    },
    turnOnLock: async ({ passphrase, repeat }) => {
      await lockService().turnOn(passphrase, repeat);
      return lockService().status();
    },
    changePassphrase: async ({ current, passphrase, repeat }) => {
      await lockService().changePassphrase(current, passphrase, repeat);
      return null;
    },
    turnOffLock: async ({ passphrase }) => {
      await lockService().turnOff(passphrase);
      return lockService().status();
    },
  };

  const quiet = whenQuiet(SAFEKEEPING.searchWarmQuietMs);
  return {
    ...implementApi(lock ? gated(handlers, lock, () => index.drop()) : handlers, (work) => {
      index.nudge();
      return quiet.during(() => run(work));
    }),
    resumeLock: () => lockService().resume(),
    rebuildSearch: () => index.rebuild(),
    warmSearch: () => index.warm(),
    warmSearchWhenQuiet: () => quiet.after(() => void index.warm().catch(() => undefined)),
    saveSearchIndex: () => index.save(),
  };
}

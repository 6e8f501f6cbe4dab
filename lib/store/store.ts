/**
 * The HoldspaceApi over IndexedDB: validation at the boundary, one short transaction per edit in the repos,
 * errors as values, and the search index kept in step after each committed write.
 */
import type { HoldspaceApi } from '../api/contract';
import type { Session } from '../model/types';
import { HoldspaceError, fail, ok, type Result } from '../api/result';
import { DEFAULT_PHASES } from '../timer/timer';
import { unwrap, validateId } from '../validate/fields';
import { validateClientInput, validateClientPatch } from '../validate/client';
import { validateDayRange, validateDraft } from '../validate/draft';
import { validateItem, validateItemInput, validateItemPatch, validateReview } from '../validate/item';
import { validateQuestionInput, validateQuestionPatch, validateQuestionPref } from '../validate/question';
import { validateContractPatch, validatePlannedMinutes, validateQuestionId, validateReflection, validateTimerAction } from '../validate/session';
import { createSearchIndex } from '../search/search-index';
import { clientDoc, itemDoc, questionDoc, refOf, sessionDoc } from '../search/documents';
import type { HoldspaceDatabase } from './db';
import * as clients from './client-repo';
import * as sessions from './session-repo';
import * as items from './item-repo';
import * as commitments from './commitment-repo';
import * as questions from './question-repo';
import * as drafts from './draft-repo';
import { loadSearchDocs, resolveHits } from './search-repo';
import { createBackupApi, type SettingsAccess } from './backup-api';
import { storageHealth, type StorageAccess } from './health';
import type { RepoContext } from './tx';

export interface StoreDeps {
  db: () => Promise<HoldspaceDatabase>;
  now: () => number;
  newId: () => string;
  storage?: StorageAccess;
  /** Defaults for a new session (from the coach's settings); read before the transaction. */
  sessionDefaults?: () => Promise<sessions.SessionDefaults>;
  /** The small settings, to include in backups and restore from them. */
  settings?: SettingsAccess;
}

export type HoldspaceStore = HoldspaceApi & {
  /** Rebuilds the search index from the store. */
  rebuildSearch(): Promise<void>;
  /** Builds the search index ahead of the first search (when a view opens), unless it is built already. */
  warmSearch(): Promise<void>;
};

const FALLBACK_DEFAULTS: sessions.SessionDefaults = { plannedMinutes: 60, phases: DEFAULT_PHASES, warningMinutes: 5 };

/** An id argument, checked before any transaction. */
const need = (value: unknown, field: string): string => unwrap(validateId(value, field));

function toResult(error: unknown): Result<never> {
  if (error instanceof HoldspaceError) return fail(error.code, error.message, error.field);
  const name = error instanceof Error ? error.name : '';
  if (name === 'QuotaExceededError') return fail('storage', 'Your browser refused to save: its storage for Holdspace is full. Nothing was changed.');
  if (name === 'DataError') return fail('invalid', 'Part of this request is malformed, so nothing was changed.');
  if (error instanceof DOMException) return fail('storage', `The browser could not save this change (${error.name}). Nothing was changed.`);
  return fail('internal', `Something went wrong in Holdspace: ${error instanceof Error ? error.message : String(error)}`);
}

/** A connection that was closing (a newer version, a stopped worker) is reopened once and the work retried. */
async function run<T>(work: () => Promise<T>, after?: (value: T) => void): Promise<Result<T>> {
  try {
    let value: T;
    try {
      value = await work();
    } catch (error) {
      if (!(error instanceof DOMException && error.name === 'InvalidStateError')) throw error;
      value = await work();
    }
    after?.(value);
    return ok(value);
  } catch (error) {
    return toResult(error);
  }
}

export function createStore(deps: StoreDeps): HoldspaceStore {
  const ctx: RepoContext = { db: deps.db, now: deps.now, newId: deps.newId };
  const index = createSearchIndex(() => loadSearchDocs(ctx));
  const session = (s: Session) => index.upsert(sessionDoc(s));
  const backup = createBackupApi(ctx, deps.settings, () => index.drop());

  return {
    listClients: ({ includeArchived }) => run(() => clients.listClients(ctx, includeArchived === true)),
    recentClients: ({ limit }) => run(() => clients.recentClients(ctx, typeof limit === 'number' && limit > 0 ? limit : 8)),
    getClient: ({ id }) => run(() => clients.getClient(ctx, need(id, 'id'))),
    createClient: ({ input }) => run(() => clients.createClient(ctx, unwrap(validateClientInput(input))), (c) => index.upsert(clientDoc(c))),
    updateClient: ({ id, patch }) => run(() => clients.updateClient(ctx, need(id, 'id'), unwrap(validateClientPatch(patch))), (c) => index.upsert(clientDoc(c))),
    deleteClient: ({ id }) => run(() => clients.deleteClient(ctx, need(id, 'id')), () => index.drop()),

    activeSession: () => run(() => sessions.activeSession(ctx)),
    startSession: ({ clientId, plannedMinutes }) =>
      run(async () => {
        const minutes = unwrap(validatePlannedMinutes(plannedMinutes));
        const defaults = (await deps.sessionDefaults?.().catch(() => undefined)) ?? FALLBACK_DEFAULTS;
        return sessions.startSession(ctx, need(clientId, 'clientId'), minutes === undefined ? defaults : { ...defaults, plannedMinutes: minutes });
      }, session),
    updateContract: ({ sessionId, patch }) => run(() => sessions.updateContract(ctx, need(sessionId, 'sessionId'), unwrap(validateContractPatch(patch))), session),
    contractCheckIn: ({ sessionId }) => run(() => sessions.contractCheckIn(ctx, need(sessionId, 'sessionId'))),
    timer: ({ sessionId, action }) => run(() => sessions.applyTimer(ctx, need(sessionId, 'sessionId'), unwrap(validateTimerAction(action)))),
    markAsked: ({ sessionId, questionId, asked }) =>
      run(() => sessions.markAsked(ctx, need(sessionId, 'sessionId'), unwrap(validateQuestionId(questionId)), asked !== false)),
    setReflection: ({ sessionId, text }) => run(() => sessions.setReflection(ctx, need(sessionId, 'sessionId'), unwrap(validateReflection(text))), session),
    endSession: ({ sessionId }) => run(() => sessions.endSession(ctx, need(sessionId, 'sessionId'))),
    getSessionBundle: ({ sessionId }) => run(() => sessions.getSessionBundle(ctx, need(sessionId, 'sessionId'))),
    clientHistory: ({ clientId }) => run(() => sessions.clientHistory(ctx, need(clientId, 'clientId'))),

    addItem: ({ sessionId, input }) => run(() => items.addItem(ctx, need(sessionId, 'sessionId'), unwrap(validateItemInput(input))), (i) => index.upsert(itemDoc(i))),
    updateItem: ({ id, patch }) => run(() => items.updateItem(ctx, need(id, 'id'), unwrap(validateItemPatch(patch))), (i) => index.upsert(itemDoc(i))),
    deleteItem: ({ id }) => run(() => items.deleteItem(ctx, need(id, 'id')), (i) => index.remove(refOf('item', i.id))),
    restoreItem: ({ item }) => run(() => items.restoreItem(ctx, unwrap(validateItem(item))), (i) => index.upsert(itemDoc(i))),

    openCommitments: ({ clientId }) => run(() => commitments.openCommitments(ctx, need(clientId, 'clientId'))),
    reviewCommitment: ({ itemId, sessionId, status, note }) =>
      run(() => {
        const review = unwrap(validateReview({ status, note }));
        return commitments.reviewCommitment(ctx, need(itemId, 'itemId'), need(sessionId, 'sessionId'), review.status, review.note);
      }),
    dueBetween: ({ from, to }) =>
      run(() => {
        const range = unwrap(validateDayRange(from, to));
        return commitments.dueBetween(ctx, range.from, range.to);
      }),

    listQuestions: () => run(() => questions.listQuestions(ctx)),
    addQuestion: (args) => run(() => questions.addQuestion(ctx, unwrap(validateQuestionInput(args))), (q) => index.upsert(questionDoc(q))),
    updateQuestion: ({ id, ...patch }) =>
      run(() => questions.updateQuestion(ctx, need(id, 'id'), unwrap(validateQuestionPatch(patch))), (q) => index.upsert(questionDoc(q))),
    deleteQuestion: ({ id }) => run(() => questions.deleteQuestion(ctx, need(id, 'id')), (q) => index.remove(refOf('question', q.id))),
    setQuestionPref: ({ questionId, ...marks }) => run(() => questions.setQuestionPref(ctx, need(questionId, 'questionId'), unwrap(validateQuestionPref(marks)))),

    search: ({ query, limit }) =>
      run(async () => {
        if (typeof query !== 'string') return [];
        const max = typeof limit === 'number' && limit > 0 ? Math.min(limit, 100) : 20;
        return resolveHits(ctx, await index.search(query.slice(0, 200), max));
      }),
    getDraft: ({ key }) => run(() => drafts.getDraft(ctx, unwrap(validateDraft(key, null)).key)),
    setDraft: ({ key, value }) =>
      run(() => {
        const draft = unwrap(validateDraft(key, value));
        return drafts.setDraft(ctx, draft.key, draft.value);
      }),

    exportBackup: () => run(() => backup.exportBackup()),
    exportClient: ({ clientId }) => run(() => backup.exportClient(need(clientId, 'clientId'))),
    previewBackup: ({ text }) => run(() => backup.previewBackup(text)),
    importBackup: ({ text, mode }) => run(() => backup.importBackup(text, mode)),

    storageHealth: () => run(() => storageHealth(deps.storage)),
    rebuildSearch: () => index.rebuild(),
    warmSearch: () => index.warm(),
  };
}

/**
 * The one typed API every view uses to reach the coaching record: one declaration per method — its name,
 * its input schema (checked before the store runs it), and the change topics it emits when it writes. The
 * views' client (lib/api/client.ts), the worker's dispatcher (lib/api/dispatcher.ts) and the store's
 * implementation (lib/store/store.ts, one handler per method) are all derived from the table below.
 * Every method resolves to a Result: errors are values, never thrown across the boundary.
 *
 * A new method: one entry here, one handler in lib/store/store.ts.
 */
import * as v from 'valibot';
import type { FieldLabels } from '../model/check';
import {
  ClientInputSchema,
  ClientPatchSchema,
  EngagementPatchSchema,
  GoalInputSchema,
  GoalPatchSchema,
  type Client,
  type Engagement,
  type EngagementGoal,
} from '../model/client';
import { DraftValueSchema, type Draft } from '../model/draft';
import {
  ItemInputSchema,
  ItemPatchSchema,
  RestoredItemSchema,
  ReviewInputSchema,
  type CommitmentStatus,
  type Item,
  type Review,
} from '../model/item';
import { count, DEFAULTS, LIMITS } from '../model/limits';
import { Count, Day, Due, Id, SessionMinutes, Text, type Millis } from '../model/primitives';
import {
  QuestionInputSchema,
  QuestionMarksSchema,
  QuestionPatchSchema,
  type DeckQuestion,
  type Question,
  type Stage,
} from '../model/question';
import { ContractBaseSchema, ContractPatchSchema, TimerActionSchema, type Session } from '../model/session';
import type { Result } from './result';

// --- What the API returns besides records ---

/** A commitment with its derived status, as the prior-commitments review shows it. */
export interface CommitmentView {
  item: Item;
  status: CommitmentStatus;
  lastReview: Review | null;
  /** Started-at of the session it was made in. */
  madeAt: Millis;
}

export interface SessionBundle {
  session: Session;
  client: Client;
  /** Items captured in this session, in order. */
  items: Item[];
  /** Commitments from earlier sessions that were reviewed in this session. */
  reviewed: CommitmentView[];
  /** The questions asked in this session, resolved to their text (deleted ones keep their id only). */
  asked: { questionId: Id; at: Millis; text: string; stage: Stage | null }[];
}

export interface SessionSummaryRow {
  session: Session;
  itemCount: number;
  commitmentCount: number;
}

export type SearchHitKind = 'client' | 'session' | 'item' | 'question';

export interface SearchHit {
  kind: SearchHitKind;
  id: Id;
  /** What to show as the result's main line. */
  title: string;
  /** Context: client name, date, kind of item. */
  detail: string;
  clientId: Id | null;
  sessionId: Id | null;
  score: number;
  /** The indexed words (lower case) that matched the query, for highlighting in the title and detail. */
  matched: string[];
}

export interface StorageHealth {
  persisted: boolean;
  usageBytes: number | null;
  quotaBytes: number | null;
}

export interface BackupCounts {
  clients: number;
  sessions: number;
  items: number;
  reviews: number;
  questions: number;
}

/**
 * A backup file moving between a view and the worker, a page (LIMITS.backupPageBytes, base64) per message:
 * no runtime message ever carries the whole record. The worker keeps the file under `transfer` a while.
 */
export interface BackupTransfer {
  transfer: Id;
  /** The file's size so far (export: the whole file). */
  bytes: number;
  /** How many pages the file has (so far). */
  pages: number;
  /** The file is the encrypted envelope (the lock is on), not plain gzip: it is named and typed so. */
  encrypted: boolean;
}

export interface BackupPreview {
  formatVersion: number;
  counts: BackupCounts;
  /** Records in the file whose id already exists in the store. */
  conflicts: number;
  /** A whole-record backup, or one client's export (which can be merged, not used to replace everything). */
  scope?: 'all' | 'client';
}

/** What a coach wants to know five minutes before a follow-up session (the "Prepare" card). */
export interface PrepareView {
  client: Client;
  engagement: Engagement;
  /** Sessions held so far; the next is number `sessionsHeld + 1`, of `engagement.sessionsPlanned` when set. */
  sessionsHeld: number;
  /** Whole weeks since the engagement began (its start date, else the first session); null before it began. */
  weeksIn: number | null;
  /** The last session, and the inquiries the client took away from it. */
  last: { session: Session; inquiries: string[] } | null;
  /** Commitments still open, oldest first: the ones that will come up for review. */
  open: CommitmentView[];
  /** Beliefs heard in more than one session. */
  repeatedBeliefs: { text: string; sessions: number }[];
  /** Of the most recently reviewed commitments (up to five), how many were done. */
  recent: { done: number; reviewed: number };
  /** A question from the deck to open with. */
  opening: Question | null;
}

/** An engagement over time: every session with the commitments made in it and how they turned out. */
export interface EngagementView {
  client: Client;
  engagement: Engagement;
  /** Oldest first. */
  sessions: { session: Session; made: number; outcomes: Record<CommitmentStatus, number>; goalText: string | null }[];
  totals: Record<CommitmentStatus, number>;
  /** Each goal with the sessions whose contract linked to it. */
  goals: { goal: EngagementGoal; sessionIds: Id[] }[];
  /** The commitments (with their outcome) and insights of every session, for the engagement report. */
  commitments: CommitmentView[];
  insights: Item[];
}

/** The coach's between-session accountability list. */
export interface DueThisWeek {
  /** Open commitments overdue or due within seven days, soonest first, grouped by client (the latest due `LIMITS.dueListPerClient` each). */
  groups: {
    client: Client;
    commitments: CommitmentView[];
    /** When the client's latest session began (null: none yet): a review recorded between sessions since then is this stretch's. */
    lastSeen: Millis | null;
    /** Open commitments overdue before the ones listed, left out past `LIMITS.dueListPerClient` (they stay open for the next session's review). */
    more: number;
  }[];
  /** Clients not seen for longer than their cadence. */
  lapsed: { client: Client; lastSeen: Millis; cadenceWeeks: number }[];
  /** Clients with commitments due beyond the `cards` asked for (not read yet), and how many of theirs would be listed. */
  unlisted: { clients: number; commitments: number };
}

/** The lock (issue 12), as a view needs to know it. */
export interface LockStatus {
  /** The lock is turned on. */
  on: boolean;
  /** Locked: every view shows only the passphrase prompt; every other call answers `locked`. */
  locked: boolean;
  /** Records are being encrypted or decrypted in place (turning the lock on or off). */
  rewriting: boolean;
  /** When the idle lock will lock (ms since the epoch), or null: off, locked, a running timer, or never. */
  lockAt: number | null;
}

/** The methods that answer while locked (every other one answers `locked`). */
export const LOCK_FREE_METHODS = ['lockStatus', 'unlock', 'lockNow', 'lockIfIdle'] as const;

export const IMPORT_MODES = ['merge', 'replace'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

export interface DeleteReport {
  clientName: string;
  sessions: number;
  items: number;
}

/** A client retention would delete, as the coach sees them before anything goes. */
export interface RetentionCandidate {
  clientId: Id;
  name: string;
  archived: boolean;
  createdAt: Millis;
  /** When the client's latest session began; null: no session (then `createdAt` counts). */
  lastSession: Millis | null;
  /** When the client was last seen: `lastSession`, else `createdAt`. */
  lastSeen: Millis;
  sessions: number;
}

export interface RetentionPreview {
  months: number;
  /** Clients last seen before this moment qualify. */
  cutoff: Millis;
  /** Longest unseen first. */
  clients: RetentionCandidate[];
}

export interface RetentionReport {
  deleted: DeleteReport[];
  /** Clients the coach was shown that were kept: seen since, running a session, or gone already. */
  kept: number;
}

// --- Change events ---

/**
 * What a write changed, so each open view refetches only what it shows: a session's start or end
 * (`session`), its contract, timer, asked questions or reflection; captured items; commitment reviews;
 * clients; questions; one draft (`draft:<key>`); or everything (`all`: a restore, a delete, a reconnect).
 */
export type ChangeTopic =
  | 'clients'
  | 'session'
  | 'contract'
  | 'timer'
  | 'asked'
  | 'reflection'
  | 'items'
  | 'reviews'
  | 'questions'
  | `draft:${string}`
  | 'lock'
  | 'all';

/** Every topic of a session's own record (not its items). */
export const SESSION_TOPICS = ['session', 'contract', 'timer', 'asked', 'reflection'] as const satisfies readonly ChangeTopic[];

export interface ChangeEvent {
  topics: ChangeTopic[];
  /** The view that made the write (absent for a reconnect). */
  view?: string;
  /** Set by the view's own connection: this is the echo of its own write, so it may skip what it already shows. */
  own?: boolean;
}

// --- The methods ---

interface MethodSpec<S extends v.GenericSchema, Out> {
  input: S;
  /** The topics a successful call emits; absent for reads. */
  changes?: readonly ChangeTopic[] | ((args: v.InferOutput<S>) => ChangeTopic[]);
  /** Names of fields in refusals, where they differ from lib/model/check.ts's FIELD_LABELS. */
  labels?: FieldLabels;
  /** Type only: what the method resolves to. */
  readonly output?: Out;
}

const method =
  <Out>() =>
  <S extends v.GenericSchema>(spec: Omit<MethodSpec<S, Out>, 'output'>): MethodSpec<S, Out> =>
    spec;

const args = v.object;
const passphrase = v.pipe(
  v.string('must be text'),
  v.maxLength(LIMITS.passphrase.max, `can have at most ${LIMITS.passphrase.max} characters`),
);
const retentionMonths = v.pipe(
  v.number('must be a number of months'),
  v.integer('must be whole months'),
  v.minValue(LIMITS.retentionMonths.min, `must be ${LIMITS.retentionMonths.min} to ${LIMITS.retentionMonths.max} months`),
  v.maxValue(LIMITS.retentionMonths.max, `must be ${LIMITS.retentionMonths.min} to ${LIMITS.retentionMonths.max} months`),
);
/** Base64 length of one page of a backup file. */
const BACKUP_PAGE_BASE64 = Math.ceil(LIMITS.backupPageBytes / 3) * 4;
const none = v.object({});
const captured = { text: 'What was captured' };

export const API = {
  // Clients
  listClients: method<Client[]>()({ input: args({ includeArchived: v.optional(v.boolean()) }) }),
  /** Most recently seen first. */
  recentClients: method<Client[]>()({
    input: args({
      limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(LIMITS.listEntries)), DEFAULTS.recentClients),
    }),
  }),
  getClient: method<Client>()({ input: args({ id: Id }) }),
  createClient: method<Client>()({ input: args({ input: ClientInputSchema }), changes: ['clients'] }),
  updateClient: method<Client>()({ input: args({ id: Id, patch: ClientPatchSchema }), changes: ['clients'] }),
  /** The engagement agreement: sessions planned, cadence, dates, sponsor, terms (only the fields given change). */
  updateEngagement: method<Client>()({ input: args({ clientId: Id, patch: EngagementPatchSchema }), changes: ['clients'] }),
  addGoal: method<Client>()({ input: args({ clientId: Id, goal: GoalInputSchema }), changes: ['clients'], labels: { text: 'The goal' } }),
  updateGoal: method<Client>()({
    input: args({ clientId: Id, goalId: Id, patch: GoalPatchSchema }),
    changes: ['clients'],
    labels: { text: 'The goal' },
  }),
  /** Everything the "Prepare" card shows for a client. */
  prepare: method<PrepareView>()({ input: args({ clientId: Id }) }),
  engagement: method<EngagementView>()({ input: args({ clientId: Id }) }),
  /** Across clients: open commitments overdue or due in the next seven days, and clients not seen for longer than their cadence. */
  dueThisWeek: method<DueThisWeek>()({
    input: args({
      cards: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(LIMITS.listEntries)), LIMITS.dueCardsPerPage),
    }),
  }),
  /** Deletes the client and everything recorded with them; reports what was deleted. */
  deleteClient: method<DeleteReport>()({ input: args({ id: Id }), changes: ['all'] }),
  /** Retention: the clients not seen for `months` (last session's start, else creation), none deleted. */
  retentionPreview: method<RetentionPreview>()({ input: args({ months: retentionMonths }), labels: { months: 'The months' } }),
  /** Deletes those of `clientIds` (the ones the coach was shown) that still qualify for `months`. */
  applyRetention: method<RetentionReport>()({
    input: args({
      months: retentionMonths,
      clientIds: v.pipe(
        v.array(Id, 'must be a list'),
        v.maxLength(LIMITS.backupRecords.clients, `has more than ${count(LIMITS.backupRecords.clients)} entries`),
      ),
    }),
    changes: ['all'],
    labels: { months: 'The months', clientIds: 'The clients' },
  }),

  // Sessions
  /** The running session, if any (there is at most one). */
  activeSession: method<SessionBundle | null>()({ input: none }),
  startSession: method<Session>()({ input: args({ clientId: Id, plannedMinutes: v.optional(SessionMinutes) }), changes: ['session'] }),
  /** With `base` (a field's text as this view last saw it): refused as a `conflict` when another view changed it since. */
  updateContract: method<Session>()({
    input: args({ sessionId: Id, patch: ContractPatchSchema, base: v.optional(ContractBaseSchema) }),
    changes: ['contract'],
  }),
  /** Records a check-in with the contract and its answer: still on track, or shifted to what. */
  contractCheckIn: method<Session>()({
    input: v.pipe(
      args({ sessionId: Id, onTrack: v.optional(v.boolean('must be true or false'), true), shiftedTo: v.optional(Text, '') }),
      v.forward(
        v.partialCheck(
          [['onTrack'], ['shiftedTo']],
          (r) => r.onTrack || r.shiftedTo.trim().length > 0,
          'cannot be empty: say what the contract has shifted to, or record it as still on track',
        ),
        ['shiftedTo'],
      ),
    ),
    changes: ['contract'],
    labels: { shiftedTo: 'What it shifted to' },
  }),
  timer: method<Session>()({ input: args({ sessionId: Id, action: TimerActionSchema }), changes: ['timer'] }),
  markAsked: method<Session>()({
    input: args({ sessionId: Id, questionId: Id, asked: v.optional(v.boolean(), true) }),
    changes: ['asked'],
  }),
  /** With `base` (the reflection as this view last saw it): refused as a `conflict` when another view changed it since. */
  setReflection: method<Session>()({
    input: args({ sessionId: Id, text: Text, base: v.optional(Text) }),
    changes: ['reflection'],
    labels: { text: 'The reflection' },
  }),
  /** The next session planned on the summary: a date (`YYYY-MM-DD`, or with `THH:mm`), '' for none. */
  setNextSession: method<Session>()({
    input: args({ sessionId: Id, when: Due }),
    changes: ['reflection'],
    labels: { when: 'The next session' },
  }),
  endSession: method<Session>()({ input: args({ sessionId: Id }), changes: ['session'] }),
  getSessionBundle: method<SessionBundle>()({ input: args({ sessionId: Id }) }),
  /** A client's sessions, newest first. */
  clientHistory: method<SessionSummaryRow[]>()({ input: args({ clientId: Id }) }),

  // Captured items
  addItem: method<Item>()({ input: args({ sessionId: Id, input: ItemInputSchema }), changes: ['items'], labels: captured }),
  updateItem: method<Item>()({ input: args({ id: Id, patch: ItemPatchSchema }), changes: ['items'], labels: captured }),
  deleteItem: method<Item>()({ input: args({ id: Id }), changes: ['items'] }),
  /** Restores an item removed by deleteItem (undo). */
  restoreItem: method<Item>()({ input: args({ item: RestoredItemSchema }), changes: ['items'], labels: captured }),

  // Commitments
  /** A client's commitments still on the table from earlier sessions (not done or dropped), with their reviews. */
  openCommitments: method<CommitmentView[]>()({
    input: args({ clientId: Id, withReviewedInRunning: v.optional(v.boolean('must be true or false')) }),
  }),
  /** In a session; without `sessionId`, between sessions (from "Due this week"). */
  reviewCommitment: method<CommitmentView>()({
    input: args({ itemId: Id, sessionId: v.optional(Id), ...ReviewInputSchema.entries }),
    changes: ['reviews'],
  }),
  /** Commitments due within [from, to] (`YYYY-MM-DD`, inclusive), any client. */
  dueBetween: method<CommitmentView[]>()({
    input: v.pipe(
      args({ from: Day, to: Day }),
      v.forward(
        v.partialCheck([['from'], ['to']], (r) => r.from <= r.to, 'comes after the end of the range'),
        ['from'],
      ),
    ),
  }),

  // Question deck
  listQuestions: method<DeckQuestion[]>()({ input: none }),
  addQuestion: method<Question>()({ input: QuestionInputSchema, changes: ['questions'], labels: { text: 'The question' } }),
  updateQuestion: method<Question>()({
    input: args({ id: Id, ...QuestionPatchSchema.entries }),
    changes: ['questions'],
    labels: { text: 'The question' },
  }),
  deleteQuestion: method<Question>()({ input: args({ id: Id }), changes: ['questions'] }),
  setQuestionPref: method<DeckQuestion>()({ input: args({ questionId: Id, ...QuestionMarksSchema.entries }), changes: ['questions'] }),

  // Search and drafts
  search: method<SearchHit[]>()({
    input: args({
      query: v.pipe(
        v.string('must be text'),
        v.transform((q: string) => q.slice(0, LIMITS.searchQueryLength)),
      ),
      limit: v.optional(
        v.pipe(
          v.number(),
          v.integer(),
          v.minValue(1),
          v.transform((n: number) => Math.min(n, LIMITS.searchResults)),
        ),
        DEFAULTS.searchResults,
      ),
    }),
  }),
  getDraft: method<Draft | null>()({ input: args({ key: Id }) }),
  /**
   * Saves (or, with value null, clears) a draft. With `base` (the draft as this view last saw it stored, null
   * for none): refused as a `conflict` when another view changed it since.
   */
  setDraft: method<null>()({
    input: args({ key: Id, value: v.nullable(DraftValueSchema), base: v.optional(v.nullable(DraftValueSchema)) }),
    changes: ({ key }) => [`draft:${key}`],
  }),

  // Backup
  /** Makes the whole-record backup file (format 2) in the worker; read it with `backupPage`. */
  exportBackup: method<BackupTransfer>()({ input: none }),
  /** One client's record as a backup file; read it with `backupPage`. */
  exportClient: method<BackupTransfer>()({ input: args({ clientId: Id }) }),
  /** A page of a file the worker made, as base64. */
  backupPage: method<string>()({ input: args({ transfer: Id, page: Count }), labels: { page: 'The page' } }),
  /** A file to import, sent page by page in order (base64); the first page opens the transfer. */
  uploadBackupPage: method<BackupTransfer>()({
    input: args({
      transfer: v.optional(Id),
      page: Count,
      data: v.pipe(v.string('must be text'), v.maxLength(BACKUP_PAGE_BASE64, 'is longer than one page')),
    }),
    labels: { data: 'The backup file', page: 'The page' },
  }),
  /** Reads and checks the whole uploaded file, and says what it holds. */
  /** An encrypted backup (lib/crypto/envelope.ts) needs `passphrase`; a plain one ignores it. */
  previewBackup: method<BackupPreview>()({
    input: args({ transfer: Id, passphrase: v.optional(passphrase) }),
    labels: { transfer: 'The backup file', passphrase: 'The backup’s passphrase' },
  }),
  importBackup: method<BackupCounts>()({
    input: args({ transfer: Id, mode: v.picklist(IMPORT_MODES, 'must be merge or replace'), passphrase: v.optional(passphrase) }),
    changes: ['all'],
    labels: { transfer: 'The backup file', passphrase: 'The backup’s passphrase' },
  }),
  /** Forgets a transfer (an import cancelled, an export saved). */
  endBackupTransfer: method<null>()({ input: args({ transfer: Id }) }),

  // The lock
  lockStatus: method<LockStatus>()({ input: none }),
  /** Refused as `invalid` (field `passphrase`) for a wrong passphrase. */
  unlock: method<LockStatus>()({ input: args({ passphrase }), changes: ['lock'], labels: { passphrase: 'The passphrase' } }),
  lockNow: method<LockStatus>()({ input: none, changes: ['lock'] }),
  /** Locks when the coach's idle time has passed (a view asks at `lockAt`); answers the status either way. */
  lockIfIdle: method<LockStatus>()({ input: none }),
  /** The coach is active in a view: the idle time starts again. */
  touch: method<null>()({ input: none }),
  turnOnLock: method<LockStatus>()({
    input: args({ passphrase, repeat: passphrase }),
    changes: ['lock'],
    labels: { passphrase: 'The new passphrase', repeat: 'The repeated passphrase' },
  }),
  /** Re-wraps the data key: the record is not re-encrypted. */
  changePassphrase: method<null>()({
    input: args({ current: passphrase, passphrase, repeat: passphrase }),
    labels: { current: 'The current passphrase', passphrase: 'The new passphrase', repeat: 'The repeated passphrase' },
  }),
  turnOffLock: method<LockStatus>()({ input: args({ passphrase }), changes: ['lock'], labels: { passphrase: 'The passphrase' } }),

  // Health
  storageHealth: method<StorageHealth>()({ input: none }),
} as const;

export type ApiMethod = keyof typeof API;
type Spec<M extends ApiMethod> = (typeof API)[M];
/** What a caller passes (optional fields may be left out). */
export type ApiArgs<M extends ApiMethod> = v.InferInput<Spec<M>['input']>;
/** What the store's handler receives: checked, trimmed, defaults filled in. */
export type CleanArgs<M extends ApiMethod> = v.InferOutput<Spec<M>['input']>;
export type ApiValue<M extends ApiMethod> = Spec<M> extends { readonly output?: infer Out } ? Exclude<Out, undefined> : never;

/** Everything a view may ask. Arguments are one object each, so the wire format stays stable. */
export type HoldspaceApi = { [M in ApiMethod]: (args: ApiArgs<M>) => Promise<Result<ApiValue<M>>> };
/** The store's side: one handler per method, given checked arguments; a thrown HoldspaceError becomes a failure. */
export type ApiHandlers = { [M in ApiMethod]: (args: CleanArgs<M>) => Promise<ApiValue<M>> };

export const API_METHODS = Object.keys(API) as ApiMethod[];

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && Object.hasOwn(API, name);
}

/** A method declared without changes: it writes nothing a view would see, so asking it twice is harmless. */
export function isReadMethod(method: ApiMethod): boolean {
  return API[method].changes === undefined;
}

/** The topics a successful call emits (none for a read). */
export function changesOf<M extends ApiMethod>(method: M, args: CleanArgs<M>): ChangeTopic[] {
  const changes = API[method].changes as MethodSpec<v.GenericSchema, unknown>['changes'];
  if (!changes) return [];
  return typeof changes === 'function' ? changes(args) : [...changes];
}

export type {
  Contract,
  ContractBase,
  ContractPatch,
  ReviewStatus,
  TimerAction,
  ClientInput,
  ClientPatch,
  ItemInput,
  ItemPatch,
} from '../model/types';

/**
 * The one typed API every view uses to reach the coaching record. The background worker implements it
 * over IndexedDB (lib/store); views call it through messaging (lib/api/client.ts); component tests use an
 * in-memory fake. Every method resolves to a Result: errors are values, never thrown across the boundary.
 */
import type {
  Agreements,
  Client,
  CommitmentStatus,
  Contract,
  DeckQuestion,
  Draft,
  Focus,
  Id,
  Item,
  ItemKind,
  Millis,
  Question,
  Review,
  ReviewStatus,
  Session,
  Stage,
} from '../model/types';
import type { Result } from './result';

export interface ClientInput {
  name: string;
  email?: string;
  goals?: string[];
  notes?: string;
  keepNoNotes?: boolean;
}

export interface ClientPatch {
  name?: string;
  email?: string;
  /** Replaces the goals; existing goal ids are kept when the text matches. */
  goals?: string[];
  notes?: string;
  keepNoNotes?: boolean;
  archived?: boolean;
}

/** A partial contract. Only the fields present are written (last write wins per field). */
export type ContractPatch = Partial<Omit<Contract, 'agreements' | 'checkIns'>> & {
  agreements?: Partial<Agreements>;
  focus?: Focus;
};

export interface ItemInput {
  kind: ItemKind;
  text: string;
  shareable?: boolean;
  due?: string;
  howWillYouKnow?: string;
  support?: string;
}

export type ItemPatch = Partial<Pick<Item, 'kind' | 'text' | 'shareable' | 'due' | 'howWillYouKnow' | 'support' | 'order'>>;

export type TimerAction =
  | { type: 'start' }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'set-length'; minutes: number }
  | { type: 'reset' };

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
}

export interface StorageHealth {
  persisted: boolean;
  usageBytes: number | null;
  quotaBytes: number | null;
}

export interface BackupPreview {
  formatVersion: number;
  counts: BackupCounts;
  /** Records in the file whose id already exists in the store. */
  conflicts: number;
  /** A whole-record backup, or one client's export (which can be merged, not used to replace everything). */
  scope?: 'all' | 'client';
}

export interface BackupCounts {
  clients: number;
  sessions: number;
  items: number;
  reviews: number;
  questions: number;
}

export type ImportMode = 'merge' | 'replace';

export interface DeleteReport {
  clientName: string;
  sessions: number;
  items: number;
}

/** Everything a view may ask. Arguments are one object each, so the wire format stays stable. */
export interface HoldspaceApi {
  // Clients
  listClients(args: { includeArchived?: boolean }): Promise<Result<Client[]>>;
  /** Most recently seen first. */
  recentClients(args: { limit?: number }): Promise<Result<Client[]>>;
  getClient(args: { id: Id }): Promise<Result<Client>>;
  createClient(args: { input: ClientInput }): Promise<Result<Client>>;
  updateClient(args: { id: Id; patch: ClientPatch }): Promise<Result<Client>>;
  /** Deletes the client and everything recorded with them; reports what was deleted. */
  deleteClient(args: { id: Id }): Promise<Result<DeleteReport>>;

  // Sessions
  /** The running session, if any (there is at most one). */
  activeSession(args: Record<string, never>): Promise<Result<SessionBundle | null>>;
  startSession(args: { clientId: Id; plannedMinutes?: number }): Promise<Result<Session>>;
  updateContract(args: { sessionId: Id; patch: ContractPatch }): Promise<Result<Session>>;
  contractCheckIn(args: { sessionId: Id }): Promise<Result<Session>>;
  timer(args: { sessionId: Id; action: TimerAction }): Promise<Result<Session>>;
  markAsked(args: { sessionId: Id; questionId: Id; asked: boolean }): Promise<Result<Session>>;
  setReflection(args: { sessionId: Id; text: string }): Promise<Result<Session>>;
  endSession(args: { sessionId: Id }): Promise<Result<Session>>;
  getSessionBundle(args: { sessionId: Id }): Promise<Result<SessionBundle>>;
  /** A client's sessions, newest first. */
  clientHistory(args: { clientId: Id }): Promise<Result<SessionSummaryRow[]>>;

  // Captured items
  addItem(args: { sessionId: Id; input: ItemInput }): Promise<Result<Item>>;
  updateItem(args: { id: Id; patch: ItemPatch }): Promise<Result<Item>>;
  deleteItem(args: { id: Id }): Promise<Result<Item>>;
  /** Restores an item removed by deleteItem (undo). */
  restoreItem(args: { item: Item }): Promise<Result<Item>>;

  // Commitments
  /** A client's open (and carried-forward) commitments from earlier sessions, with their last review. */
  openCommitments(args: { clientId: Id }): Promise<Result<CommitmentView[]>>;
  reviewCommitment(args: { itemId: Id; sessionId: Id; status: ReviewStatus; note?: string }): Promise<Result<CommitmentView>>;
  /** Commitments due within [from, to] (`YYYY-MM-DD`, inclusive), any client. */
  dueBetween(args: { from: string; to: string }): Promise<Result<CommitmentView[]>>;

  // Question deck
  listQuestions(args: Record<string, never>): Promise<Result<DeckQuestion[]>>;
  addQuestion(args: { stage: Stage; text: string; tags?: string[] }): Promise<Result<Question>>;
  updateQuestion(args: { id: Id; stage?: Stage; text?: string; tags?: string[] }): Promise<Result<Question>>;
  deleteQuestion(args: { id: Id }): Promise<Result<Question>>;
  setQuestionPref(args: { questionId: Id; favourite?: boolean; hidden?: boolean }): Promise<Result<DeckQuestion>>;

  // Search and drafts
  search(args: { query: string; limit?: number }): Promise<Result<SearchHit[]>>;
  getDraft(args: { key: string }): Promise<Result<Draft | null>>;
  /** Saves (or, with value null, clears) a draft. */
  setDraft(args: { key: string; value: Record<string, unknown> | null }): Promise<Result<null>>;

  // Backup
  exportBackup(args: Record<string, never>): Promise<Result<string>>;
  exportClient(args: { clientId: Id }): Promise<Result<string>>;
  previewBackup(args: { text: string }): Promise<Result<BackupPreview>>;
  importBackup(args: { text: string; mode: ImportMode }): Promise<Result<BackupCounts>>;

  // Health
  storageHealth(args: Record<string, never>): Promise<Result<StorageHealth>>;
}

export type ApiMethod = keyof HoldspaceApi;
export type ApiArgs<M extends ApiMethod> = Parameters<HoldspaceApi[M]>[0];
export type ApiValue<M extends ApiMethod> = Awaited<ReturnType<HoldspaceApi[M]>> extends Result<infer T> ? T : never;

/** What changed, pushed to every open view after a write so it can refresh what it shows. */
export type ChangeTopic = 'clients' | 'sessions' | 'items' | 'questions' | 'drafts' | 'all';
export interface ChangeEvent {
  topics: ChangeTopic[];
  /** The session the change concerns, if one. */
  sessionId?: Id;
  /** Which view made the write (so it can skip its own echo); absent for background-originated writes. */
  origin?: string;
  at: Millis;
}

export type { Contract, ReviewStatus };

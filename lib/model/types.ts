/**
 * The coaching record. Plain data only: everything here is stored in IndexedDB, sent over extension
 * messaging (structured clone) and exported, so no classes, no functions, no Dates (epoch ms instead).
 */

export type Id = string;
/** Milliseconds since the epoch. */
export type Millis = number;

export interface Client {
  id: Id;
  /** Display name: required, trimmed, unique among active clients (case-insensitive). */
  name: string;
  email: string;
  /** The engagement's overall coaching goals: what the client hired a coach for. */
  goals: EngagementGoal[];
  notes: string;
  /** The client declined note taking: only the contract and commitments are captured. */
  keepNoNotes: boolean;
  createdAt: Millis;
  updatedAt: Millis;
  archived: boolean;
}

export interface EngagementGoal {
  id: Id;
  text: string;
}

export type Focus = '' | 'in-session' | 'out-of-session' | 'both';

export interface Agreements {
  confidentiality: boolean;
  recordingConsent: boolean;
  /** Permission to offer ideas (the coach's boundary: no advice without permission). */
  permissionToOffer: boolean;
}

export interface Contract {
  topic: string;
  desiredOutcome: string;
  whyItMatters: string;
  successMeasures: string;
  focus: Focus;
  agreements: Agreements;
  notes: string;
  /** The engagement goal this session's contract links to, if any. */
  goalId: Id | null;
  /** When the coach checked back in with the contract mid-session. */
  checkIns: Millis[];
}

/** Field names of the contract that hold free text. */
export type ContractTextField = 'topic' | 'desiredOutcome' | 'whyItMatters' | 'successMeasures' | 'notes';

export interface PhasePlan {
  /** Percent of the planned length for each phase; they add up to 100. */
  contracting: number;
  exploring: number;
  actions: number;
  closing: number;
}
export type PhaseName = keyof PhasePlan;

/**
 * The timer is stored as timestamps, never as a ticking counter, so it is exact after a reload,
 * a sleeping laptop or a stopped worker. Pure functions in lib/timer derive everything from `now`.
 */
export interface TimerState {
  plannedMinutes: number;
  startedAt: Millis | null;
  pausedAt: Millis | null;
  /** Total paused time of pauses that have ended. */
  pausedTotalMs: number;
  phases: PhasePlan;
  /** Minutes before the planned end at which the wrap-up warning shows. */
  warningMinutes: number;
}

export interface AskedQuestion {
  questionId: Id;
  at: Millis;
}

export type SessionStatus = 'active' | 'ended';

export interface Session {
  id: Id;
  clientId: Id;
  status: SessionStatus;
  /** When the session record was opened (the coach pressed "Start session"). */
  startedAt: Millis;
  endedAt: Millis | null;
  contract: Contract;
  timer: TimerState;
  asked: AskedQuestion[];
  /** The coach's closing reflection, written on the summary. */
  reflection: string;
  createdAt: Millis;
  updatedAt: Millis;
}

export type ItemKind = 'commitment' | 'note' | 'insight' | 'belief' | 'inquiry';
export const ITEM_KINDS: readonly ItemKind[] = ['commitment', 'note', 'insight', 'belief', 'inquiry'];

export type ReviewStatus = 'done' | 'partly' | 'not-done' | 'dropped' | 'carried-forward';
export const REVIEW_STATUSES: readonly ReviewStatus[] = ['done', 'partly', 'not-done', 'dropped', 'carried-forward'];
/** A commitment's current status: its latest review, or open when never reviewed. */
export type CommitmentStatus = 'open' | ReviewStatus;

export interface Review {
  /** The session in which the review was recorded. */
  sessionId: Id;
  status: ReviewStatus;
  note: string;
  at: Millis;
}

export interface Item {
  id: Id;
  sessionId: Id;
  clientId: Id;
  kind: ItemKind;
  /** The words captured. For a commitment: what the client will do. */
  text: string;
  /** Shareable with the client, or coach-private. */
  shareable: boolean;
  order: number;
  createdAt: Millis;
  updatedAt: Millis;
  // Commitment only (empty for other kinds):
  /** `YYYY-MM-DD` or `YYYY-MM-DDTHH:mm` (local time), or '' when none. */
  due: string;
  /** How the coach will know (the accountability). */
  howWillYouKnow: string;
  support: string;
  reviews: Review[];
  /** Derived and stored for indexing: 1 while the commitment is open or carried forward, else 0. */
  open: 0 | 1;
}

export type Stage = 'contracting' | 'goal' | 'reality' | 'options' | 'beliefs' | 'will' | 'closing';
export const STAGES: readonly Stage[] = ['contracting', 'goal', 'reality', 'options', 'beliefs', 'will', 'closing'];
export const STAGE_LABELS: Record<Stage, string> = {
  contracting: 'Contracting',
  goal: 'Goal',
  reality: 'Reality',
  options: 'Options & perspectives',
  beliefs: 'Beliefs & awareness',
  will: 'Will & commitment',
  closing: 'Closing',
};

export interface Question {
  id: Id;
  stage: Stage;
  text: string;
  tags: string[];
  /** Built-in questions ship in code (ids `b:…`); the coach's own are stored (ids `c:…`). */
  builtin: boolean;
}

/** The coach's marks on a question (built-in or own). */
export interface QuestionPref {
  questionId: Id;
  favourite: boolean;
  hidden: boolean;
  updatedAt: Millis;
}

/** A question as the deck shows it: the question with the coach's marks merged in. */
export interface DeckQuestion extends Question {
  favourite: boolean;
  hidden: boolean;
}

/** Whatever is typed but not yet added. Keyed by view purpose, e.g. `capture:<sessionId>`. */
export interface Draft {
  key: string;
  value: Record<string, unknown>;
  updatedAt: Millis;
}

export const ITEM_KIND_LABELS: Record<ItemKind, string> = {
  commitment: 'Commitment',
  note: 'Note',
  insight: 'Insight',
  belief: 'Belief',
  inquiry: 'Inquiry',
};

export const REVIEW_STATUS_LABELS: Record<CommitmentStatus, string> = {
  open: 'Open',
  done: 'Done',
  partly: 'Partly done',
  'not-done': 'Not done',
  dropped: 'Dropped',
  'carried-forward': 'Carried forward',
};

/** Shareable by default: commitments, insights and inquiries. Notes and beliefs stay coach-private. */
export const DEFAULT_SHAREABLE: Record<ItemKind, boolean> = {
  commitment: true,
  note: false,
  insight: true,
  belief: false,
  inquiry: true,
};

/**
 * The coaching record's types, derived from its schemas (one file per record in lib/model). Plain data
 * only: everything is stored in IndexedDB, sent over extension messaging (structured clone) and exported,
 * so no classes, no functions, no Dates (epoch ms instead).
 */
export type { Id, Millis } from './primitives';
export type { Client, ClientInput, ClientPatch, EngagementGoal } from './client';
export type {
  Agreements,
  AskedQuestion,
  CheckIn,
  Contract,
  ContractBase,
  ContractPatch,
  ContractTextField,
  Focus,
  PhaseName,
  PhasePlan,
  Session,
  SessionStatus,
  TimerAction,
  TimerState,
} from './session';
export type { CleanItemInput, CommitmentStatus, Item, ItemInput, ItemKind, ItemPatch, Review, ReviewStatus } from './item';
export {
  CLOSING_STATUSES,
  DEFAULT_SHAREABLE,
  isBetweenSessions,
  isOpenStatus,
  ITEM_KIND_LABELS,
  ITEM_KINDS,
  REVIEW_STATUS_LABELS,
  REVIEW_STATUSES,
} from './item';
export type { DeckQuestion, Question, QuestionPref, Stage } from './question';
export { STAGE_LABELS, STAGES } from './question';
export type { Draft } from './draft';

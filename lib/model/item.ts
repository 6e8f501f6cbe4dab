/** Captured items: commitments (with their reviews), notes, insights, beliefs, inquiries. */
import * as v from 'valibot';
import { Bool, Due, Id, Millis, Order, recordList, RequiredText, Text } from './primitives';

export const ITEM_KINDS = ['commitment', 'note', 'insight', 'belief', 'inquiry'] as const;
export const REVIEW_STATUSES = ['done', 'partly', 'not-done', 'dropped', 'carried-forward'] as const;
/** The statuses that take a commitment off the table; every other status keeps it open for the next review. */
export const CLOSING_STATUSES = ['done', 'dropped'] as const;

const Kind = v.picklist(ITEM_KINDS, 'is not a kind Holdspace knows (commitment, note, insight, belief, inquiry)');
const ReviewStatus = v.picklist(REVIEW_STATUSES, 'is not a review status Holdspace knows');

export const ReviewSchema = v.object({
  /**
   * The session in which the review was recorded; absent for a review recorded between sessions (from "Due
   * this week"). Optional, so every older record and backup reads unchanged.
   */
  sessionId: v.optional(Id),
  status: ReviewStatus,
  note: Text,
  at: Millis,
  /** Carried forward: the new date agreed (the commitment's `due` then holds it too). */
  due: v.optional(Due),
});

const itemEntries = {
  id: Id,
  sessionId: Id,
  clientId: Id,
  kind: Kind,
  /** The words captured. For a commitment: what the client will do. */
  text: RequiredText,
  /** Shareable with the client, or coach-private. */
  shareable: Bool,
  order: Order,
  createdAt: Millis,
  updatedAt: Millis,
  // Commitment only (empty for other kinds):
  /** `YYYY-MM-DD` or `YYYY-MM-DDTHH:mm` (local time), or '' when none. */
  due: Due,
  /** How the coach will know (the accountability). */
  howWillYouKnow: Text,
  support: Text,
  reviews: recordList(ReviewSchema),
  /** Derived and stored for indexing: 1 until the commitment is done or dropped (see `isOpenStatus`), else 0. */
  open: v.picklist([0, 1] as const, 'must be 0 or 1'),
};

export const ItemSchema = v.object(itemEntries);

/** A whole item coming back (undo of a delete): derived fields are recomputed on write. */
export const RestoredItemSchema = v.object({
  ...itemEntries,
  order: v.optional(Order, 0),
  reviews: v.optional(itemEntries.reviews, []),
  open: v.optional(itemEntries.open, 0),
});

/** A new item. Commitment-only fields are dropped for the other kinds. */
export const ItemInputSchema = v.pipe(
  v.object({
    kind: Kind,
    text: RequiredText,
    shareable: v.optional(Bool),
    due: v.optional(Due, ''),
    howWillYouKnow: v.optional(Text, ''),
    support: v.optional(Text, ''),
  }),
  v.transform((i) => (i.kind === 'commitment' ? i : { ...i, due: '', howWillYouKnow: '', support: '' })),
);

export const ItemPatchSchema = v.partial(
  v.object({ kind: Kind, text: RequiredText, shareable: Bool, due: Due, howWillYouKnow: Text, support: Text, order: Order }),
);

export const ReviewInputSchema = v.object({
  status: ReviewStatus,
  note: v.optional(Text, ''),
  /** With carried forward only: the new date (`''` or absent keeps the old one). */
  due: v.optional(Due),
});

export type ItemKind = (typeof ITEM_KINDS)[number];
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];
/** A commitment's current status: its latest review, or open when never reviewed. */
export type CommitmentStatus = 'open' | ReviewStatus;
/** Whether a commitment with this status is still on the table: never reviewed, or not yet done or dropped. */
export function isOpenStatus(status: CommitmentStatus): boolean {
  return !(CLOSING_STATUSES as readonly string[]).includes(status);
}
export type Review = v.InferOutput<typeof ReviewSchema>;
/** A review recorded between sessions (no session), e.g. from the "Due this week" list. */
export const isBetweenSessions = (review: Pick<Review, 'sessionId'>): boolean => review.sessionId === undefined;
export type Item = v.InferOutput<typeof ItemSchema>;
export type ItemInput = v.InferInput<typeof ItemInputSchema>;
export type CleanItemInput = v.InferOutput<typeof ItemInputSchema>;
export type ItemPatch = v.InferOutput<typeof ItemPatchSchema>;

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

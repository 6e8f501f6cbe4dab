/** Validation of captured items, commitments and their reviews. */
import type { ItemPatch } from '../api/contract';
import type { Result } from '../api/result';
import { ITEM_KINDS, REVIEW_STATUSES, type Item, type ItemKind, type Review, type ReviewStatus } from '../model/types';
import { bool, dueDate, guard, id, invalid, object, oneOf, requiredText, text } from './fields';

export interface CleanItemInput {
  kind: ItemKind;
  text: string;
  shareable: boolean | undefined;
  due: string;
  howWillYouKnow: string;
  support: string;
}

const kind = (value: unknown) => oneOf(value, ITEM_KINDS, 'kind', 'The kind');
const itemText = (value: unknown) => requiredText(value, 'text', 'What was captured');
const how = (value: unknown) => text(value, 'howWillYouKnow', '"How will you know"');
const support = (value: unknown) => text(value, 'support', 'The support needed');

/** Commitment-only fields are dropped for the other kinds. */
export function validateItemInput(input: unknown): Result<CleanItemInput> {
  return guard(() => {
    const i = object(input, 'input');
    const k = kind(i.kind);
    const commitment = k === 'commitment';
    return {
      kind: k,
      text: itemText(i.text),
      shareable: i.shareable === undefined ? undefined : bool(i.shareable, 'shareable', 'Shareable'),
      due: commitment ? dueDate(i.due) : '',
      howWillYouKnow: commitment ? how(i.howWillYouKnow) : '',
      support: commitment ? support(i.support) : '',
    };
  });
}

export function validateItemPatch(patch: unknown): Result<ItemPatch> {
  return guard(() => {
    const p = object(patch, 'patch');
    const clean: ItemPatch = {};
    if (p.kind !== undefined) clean.kind = kind(p.kind);
    if (p.text !== undefined) clean.text = itemText(p.text);
    if (p.shareable !== undefined) clean.shareable = bool(p.shareable, 'shareable', 'Shareable');
    if (p.due !== undefined) clean.due = dueDate(p.due);
    if (p.howWillYouKnow !== undefined) clean.howWillYouKnow = how(p.howWillYouKnow);
    if (p.support !== undefined) clean.support = support(p.support);
    if (p.order !== undefined) {
      if (typeof p.order !== 'number' || !Number.isFinite(p.order)) throw invalid('The position must be a number.', 'order');
      clean.order = p.order;
    }
    return clean;
  });
}

function millis(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw invalid(`The ${field} time is malformed.`, field);
  return value;
}

function review(value: unknown): Review {
  const r = object(value, 'reviews');
  return {
    sessionId: id(r.sessionId, 'reviews'),
    status: oneOf(r.status, REVIEW_STATUSES, 'reviews', 'A review status'),
    note: text(r.note, 'reviews', 'A review note'),
    at: millis(r.at, 'reviews'),
  };
}

/** A whole item coming back (undo of a delete): every field is checked; derived fields are recomputed on write. */
export function validateItem(value: unknown): Result<Item> {
  return guard(() => {
    const i = object(value, 'item');
    if (i.reviews !== undefined && !Array.isArray(i.reviews)) throw invalid('The reviews are malformed.', 'reviews');
    return {
      id: id(i.id, 'id'),
      sessionId: id(i.sessionId, 'sessionId'),
      clientId: id(i.clientId, 'clientId'),
      kind: kind(i.kind),
      text: itemText(i.text),
      shareable: bool(i.shareable, 'shareable', 'Shareable'),
      order: typeof i.order === 'number' && Number.isFinite(i.order) ? i.order : 0,
      createdAt: millis(i.createdAt, 'createdAt'),
      updatedAt: millis(i.updatedAt, 'updatedAt'),
      due: dueDate(i.due),
      howWillYouKnow: how(i.howWillYouKnow),
      support: support(i.support),
      reviews: ((i.reviews as unknown[] | undefined) ?? []).map(review),
      open: 0,
    };
  });
}

export function validateReview(args: { status: unknown; note?: unknown }): Result<{ status: ReviewStatus; note: string }> {
  return guard(() => ({
    status: oneOf(args.status, REVIEW_STATUSES, 'status', 'The status'),
    note: text(args.note, 'note', 'The note'),
  }));
}

/** What the capture field holds before it is added: its shape, how it is restored, and what it adds. */
import type { ItemInput } from '@/lib/api/contract';
import { dueFromTyped, type DayMonthOrder } from '@/lib/model/dates';
import { ITEM_KINDS, type ItemKind } from '@/lib/model/types';

export interface CaptureDraft {
  text: string;
  kind: ItemKind;
  /** The due date as typed: "fri", "+7", "15/12", 2026-12-15, or ''. */
  dueText: string;
  /** The time as typed behind the time toggle ("14:00", "2pm"), or ''. */
  dueTime: string;
  howWillYouKnow: string;
  support: string;
}

export const captureDraftKey = (sessionId: string) => `capture:${sessionId}`;

export const emptyDraft = (kind: ItemKind): CaptureDraft => ({ text: '', kind, dueText: '', dueTime: '', howWillYouKnow: '', support: '' });

/** Nothing typed: the stored draft can be cleared. */
export function isBlank(draft: CaptureDraft): boolean {
  return [draft.text, draft.dueText, draft.dueTime, draft.howWillYouKnow, draft.support].every((v) => v === '');
}

/**
 * A stored draft back into shape; anything malformed falls back to empty, so a bad record never breaks
 * capture. Drafts saved before the typed due date kept a `dueDate` (`YYYY-MM-DD`), which the field reads too.
 */
export function readDraft(value: Record<string, unknown> | null | undefined, fallbackKind: ItemKind): CaptureDraft | null {
  if (!value) return null;
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  const kind = ITEM_KINDS.includes(value.kind as ItemKind) ? (value.kind as ItemKind) : fallbackKind;
  return {
    text: str(value.text),
    kind,
    dueText: str(value.dueText) || str(value.dueDate),
    dueTime: str(value.dueTime),
    howWillYouKnow: str(value.howWillYouKnow),
    support: str(value.support),
  };
}

/**
 * What an add sends. The typed due date is read relative to `now`; a due date it does not understand never
 * blocks the add and is not lost: the words go with the commitment ("Call Sam (by when: soonish)").
 */
export function toItemInput(draft: CaptureDraft, now: number, order?: DayMonthOrder): ItemInput {
  const text = draft.text.trim();
  if (draft.kind !== 'commitment') return { kind: draft.kind, text };
  const due = dueFromTyped(draft.dueText, draft.dueTime, now, order);
  const typed = [draft.dueText.trim(), draft.dueTime.trim()].filter(Boolean).join(' ');
  return {
    kind: 'commitment',
    text: due === null && text !== '' ? `${text} (by when: ${typed})` : text,
    due: due ?? '',
    howWillYouKnow: draft.howWillYouKnow.trim(),
    support: draft.support.trim(),
  };
}

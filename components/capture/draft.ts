/** What the capture field holds before it is added: its shape, how it is restored, and what it adds. */
import type { ItemInput } from '@/lib/api/contract';
import { ITEM_KINDS, type ItemKind } from '@/lib/model/types';

export interface CaptureDraft {
  text: string;
  kind: ItemKind;
  /** `YYYY-MM-DD` or ''. */
  dueDate: string;
  /** `HH:mm` or ''. */
  dueTime: string;
  howWillYouKnow: string;
  support: string;
}

export const captureDraftKey = (sessionId: string) => `capture:${sessionId}`;

export const emptyDraft = (kind: ItemKind): CaptureDraft => ({ text: '', kind, dueDate: '', dueTime: '', howWillYouKnow: '', support: '' });

/** Nothing typed: the stored draft can be cleared. */
export function isBlank(draft: CaptureDraft): boolean {
  return [draft.text, draft.dueDate, draft.dueTime, draft.howWillYouKnow, draft.support].every((v) => v === '');
}

/** A stored draft back into shape; anything malformed falls back to empty, so a bad record never breaks capture. */
export function readDraft(value: Record<string, unknown> | null | undefined, fallbackKind: ItemKind): CaptureDraft | null {
  if (!value) return null;
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  const kind = ITEM_KINDS.includes(value.kind as ItemKind) ? (value.kind as ItemKind) : fallbackKind;
  return {
    text: str(value.text),
    kind,
    dueDate: str(value.dueDate),
    dueTime: str(value.dueTime),
    howWillYouKnow: str(value.howWillYouKnow),
    support: str(value.support),
  };
}

/** `2026-11-28` + `09:30` → `2026-11-28T09:30`; a time without a date is dropped. */
export function joinDue(date: string, time: string): string {
  if (date === '') return '';
  return time === '' ? date : `${date}T${time}`;
}

export function splitDue(due: string): { date: string; time: string } {
  const [date = '', time = ''] = due.split('T');
  return { date, time };
}

export function toItemInput(draft: CaptureDraft): ItemInput {
  const text = draft.text.trim();
  if (draft.kind !== 'commitment') return { kind: draft.kind, text };
  return {
    kind: 'commitment',
    text,
    due: joinDue(draft.dueDate, draft.dueTime),
    howWillYouKnow: draft.howWillYouKnow.trim(),
    support: draft.support.trim(),
  };
}

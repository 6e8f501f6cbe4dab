/** Turning a matched record into a readable search result: what it is, whose, and when. */
import type { SearchHit } from '../api/contract';
import { formatDay, formatDueShort } from '../model/dates';
import { ITEM_KIND_LABELS, STAGE_LABELS, type Client, type Item, type Question, type Session } from '../model/types';

const MAX_TITLE = 140;

function clip(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > MAX_TITLE ? `${line.slice(0, MAX_TITLE - 1)}…` : line;
}

const detail = (...parts: (string | undefined)[]) => parts.filter(Boolean).join(' · ');

export function clientHit(c: Client, score: number): SearchHit {
  return {
    kind: 'client',
    id: c.id,
    title: c.name,
    detail: detail('Client', c.archived ? 'archived' : undefined, c.email),
    clientId: c.id,
    sessionId: null,
    score,
  };
}

export function sessionHit(s: Session, client: Client | undefined, score: number): SearchHit {
  return {
    kind: 'session',
    id: s.id,
    title: clip(s.contract.topic) || 'Session',
    detail: detail('Session', client?.name, formatDay(s.startedAt)),
    clientId: s.clientId,
    sessionId: s.id,
    score,
  };
}

export function itemHit(i: Item, client: Client | undefined, session: Session | undefined, score: number): SearchHit {
  return {
    kind: 'item',
    id: i.id,
    title: clip(i.text),
    detail: detail(
      ITEM_KIND_LABELS[i.kind],
      client?.name,
      session ? formatDay(session.startedAt) : undefined,
      i.due ? `by ${formatDueShort(i.due)}` : undefined,
    ),
    clientId: i.clientId,
    sessionId: i.sessionId,
    score,
  };
}

export function questionHit(q: Question, score: number): SearchHit {
  return {
    kind: 'question',
    id: q.id,
    title: q.text,
    detail: detail(q.builtin ? 'Question' : 'Your question', STAGE_LABELS[q.stage]),
    clientId: null,
    sessionId: null,
    score,
  };
}

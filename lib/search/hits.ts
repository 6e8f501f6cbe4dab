/** Turning a matched record into a readable search result: what it is, whose, and when. */
import type { SearchHit } from '../api/contract';
import { formatDay, formatDueShort } from '../model/dates';
import { findRanges } from './highlight';
import { ITEM_KIND_LABELS, STAGE_LABELS, type Client, type Item, type Question, type Session } from '../model/types';

const MAX_TITLE = 140;
/** Words kept before a match that lies beyond the title's length, so the match is shown in its context. */
const LEAD = 40;

/** How a record matched: its rank, the indexed words that matched, and the time now (for dates). */
export interface HitMatch {
  score: number;
  terms?: readonly string[];
  now?: number;
}

/** One line of at most MAX_TITLE characters; when the first match lies beyond that, the part around it. */
export function clip(text: string, terms: readonly string[] = []): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= MAX_TITLE) return line;
  const first = findRanges(line, terms, { wholeWord: true })[0];
  if (!first || first.end <= MAX_TITLE - 1) return `${line.slice(0, MAX_TITLE - 1)}…`;
  const space = line.lastIndexOf(' ', first.start - LEAD);
  const start = space > 0 ? space + 1 : Math.max(0, first.start - LEAD);
  const rest = line.slice(start);
  return rest.length > MAX_TITLE - 2 ? `…${rest.slice(0, MAX_TITLE - 2)}…` : `…${rest}`;
}

const detail = (...parts: (string | undefined)[]) => parts.filter(Boolean).join(' · ');

export function clientHit(c: Client, m: HitMatch): SearchHit {
  return {
    kind: 'client',
    id: c.id,
    title: c.name,
    detail: detail('Client', c.archived ? 'archived' : undefined, c.email),
    clientId: c.id,
    sessionId: null,
    score: m.score,
    matched: [...(m.terms ?? [])],
  };
}

export function sessionHit(s: Session, client: Client | undefined, m: HitMatch): SearchHit {
  return {
    kind: 'session',
    id: s.id,
    title: clip(s.contract.topic, m.terms) || 'Session',
    detail: detail('Session', client?.name, formatDay(s.startedAt, m.now)),
    clientId: s.clientId,
    sessionId: s.id,
    score: m.score,
    matched: [...(m.terms ?? [])],
  };
}

export function itemHit(i: Item, client: Client | undefined, session: Session | undefined, m: HitMatch): SearchHit {
  return {
    kind: 'item',
    id: i.id,
    title: clip(i.text, m.terms),
    detail: detail(
      ITEM_KIND_LABELS[i.kind],
      client?.name,
      session ? formatDay(session.startedAt, m.now) : undefined,
      i.due ? `by ${formatDueShort(i.due, m.now)}` : undefined,
    ),
    clientId: i.clientId,
    sessionId: i.sessionId,
    score: m.score,
    matched: [...(m.terms ?? [])],
  };
}

export function questionHit(q: Question, m: HitMatch): SearchHit {
  return {
    kind: 'question',
    id: q.id,
    title: q.text,
    detail: detail(q.builtin ? 'Question' : 'Your question', STAGE_LABELS[q.stage]),
    clientId: null,
    sessionId: null,
    score: m.score,
    matched: [...(m.terms ?? [])],
  };
}

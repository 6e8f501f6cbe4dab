/**
 * What the search index holds for each record: only the words to match, under a short reference
 * (`k:` client, `s:` session, `i:` item, `q:` question). Titles and details are read back from the store for
 * the few hits shown, so the index stays small at 100,000 commitments.
 */
import type { SearchHitKind } from '../api/contract';
import { goalMeasure } from '../model/client';
import type { Client, Id, Item, Question, Session } from '../model/types';

export interface SearchDoc {
  /** `<prefix>:<record id>` */
  id: string;
  /** Strongest field: a client's name. */
  name?: string;
  /** The main words: an item's text, a session's topic, a question. */
  text?: string;
  /** Everything else worth finding. */
  body?: string;
}

const PREFIX: Record<SearchHitKind, string> = { client: 'k', session: 's', item: 'i', question: 'q' };
const KIND: Record<string, SearchHitKind> = { k: 'client', s: 'session', i: 'item', q: 'question' };

export function refOf(kind: SearchHitKind, id: Id): string {
  return `${PREFIX[kind]}:${id}`;
}

export function parseRef(ref: string): { kind: SearchHitKind; id: Id } | null {
  const at = ref.indexOf(':');
  const kind = KIND[ref.slice(0, at)];
  return kind && at > 0 ? { kind, id: ref.slice(at + 1) } : null;
}

const join = (...parts: string[]) => parts.filter(Boolean).join('\n');

/** A client: their name, and the engagement around the sessions (its goals with their measures, the sponsor). */
export function clientDoc(c: Client): SearchDoc {
  const goals = c.goals.flatMap((g) => [g.text, goalMeasure(g)]);
  return { id: refOf('client', c.id), name: c.name, body: join(c.email, c.notes, ...goals, c.engagement?.sponsor ?? '') };
}

export function sessionDoc(s: Session): SearchDoc {
  const c = s.contract;
  return {
    id: refOf('session', s.id),
    text: c.topic,
    body: join(c.desiredOutcome, c.whyItMatters, c.successMeasures, c.notes, s.reflection),
  };
}

/** An item: its words, and for a commitment the notes of its reviews (in a session or between sessions). */
export function itemDoc(i: Item): SearchDoc {
  return { id: refOf('item', i.id), text: i.text, body: join(i.howWillYouKnow, i.support, ...(i.reviews ?? []).map((r) => r.note)) };
}

export function questionDoc(q: Question): SearchDoc {
  return { id: refOf('question', q.id), text: q.text, body: q.tags.join(' ') };
}

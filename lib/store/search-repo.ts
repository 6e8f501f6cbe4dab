/** The store side of search: every record as a search document, and hits read back into readable results. */
import type { SearchHit } from '../api/contract';
import type { Client, Id, Session } from '../model/types';
import { BUILTIN_QUESTIONS } from '../deck/builtin';
import { builtinQuestion } from '../deck/deck';
import { clientDoc, itemDoc, parseRef, questionDoc, sessionDoc, type SearchDoc } from '../search/documents';
import { clientHit, itemHit, questionHit, sessionHit } from '../search/hits';
import type { RankedRef } from '../search/search-index';
import { fromStored } from './item-keys';
import { keysAfter } from './db';
import { read, type ReadTx, type RepoContext } from './tx';

/** Captured items are read in pages of this many, one short transaction each. */
export const SEARCH_LOAD_PAGE = 2000;

/**
 * Every record as a search document. Items (the bulk of a large record) are read in pages, each in its own
 * short transaction, so the requests a view makes meanwhile are answered between pages instead of waiting
 * for one read of the whole record. Writes landing between pages reach the index through its replay queue.
 */
export async function loadSearchDocs(ctx: RepoContext, pageSize = SEARCH_LOAD_PAGE): Promise<SearchDoc[]> {
  const docs = await read(ctx, ['clients', 'sessions', 'questions'], async (tx) => {
    const [clients, sessions, own] = await Promise.all([
      tx.objectStore('clients').getAll(),
      tx.objectStore('sessions').getAll(),
      tx.objectStore('questions').getAll(),
    ]);
    return [...clients.map(clientDoc), ...sessions.map(sessionDoc), ...BUILTIN_QUESTIONS.map(questionDoc), ...own.map(questionDoc)];
  });
  for (let last: string | undefined; ;) {
    const page = await read(ctx, ['items'], (tx) => tx.objectStore('items').getAll(keysAfter(last), pageSize));
    for (const item of page) docs.push(itemDoc(item));
    if (page.length < pageSize) return docs;
    last = page[page.length - 1]!.id;
  }
}

function cached<T>(load: (id: Id) => Promise<T | undefined>): (id: Id) => Promise<T | undefined> {
  const seen = new Map<Id, Promise<T | undefined>>();
  return (id) => {
    if (!seen.has(id)) seen.set(id, load(id));
    return seen.get(id)!;
  };
}

async function resolveOne(
  tx: ReadTx,
  r: RankedRef,
  client: (id: Id) => Promise<Client | undefined>,
  session: (id: Id) => Promise<Session | undefined>,
  now: number,
): Promise<SearchHit | null> {
  const parsed = parseRef(r.ref);
  if (!parsed) return null;
  const { kind, id } = parsed;
  const m = { score: r.score, terms: r.terms, now };
  if (kind === 'client') {
    const c = await client(id);
    return c ? clientHit(c, m) : null;
  }
  if (kind === 'session') {
    const s = await session(id);
    return s ? sessionHit(s, await client(s.clientId), m) : null;
  }
  if (kind === 'item') {
    const stored = await tx.objectStore('items').get(id);
    if (!stored) return null;
    const [c, s] = await Promise.all([client(stored.clientId), session(stored.sessionId)]);
    return itemHit(fromStored(stored), c, s, m);
  }
  const q = builtinQuestion(id) ?? (await tx.objectStore('questions').get(id));
  return q ? questionHit(q, m) : null;
}

/** Readable hits in rank order; records deleted since they were indexed are left out. */
export function resolveHits(ctx: RepoContext, ranked: RankedRef[]): Promise<SearchHit[]> {
  if (!ranked.length) return Promise.resolve([]);
  return read(ctx, ['clients', 'sessions', 'items', 'questions'], async (tx) => {
    const client = cached((id) => tx.objectStore('clients').get(id));
    const session = cached((id) => tx.objectStore('sessions').get(id));
    const now = ctx.now();
    const hits = await Promise.all(ranked.map((r) => resolveOne(tx, r, client, session, now)));
    return hits.filter((h): h is SearchHit => h !== null);
  });
}

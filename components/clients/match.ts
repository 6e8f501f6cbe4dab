import type { Client } from '@/lib/model/types';
import { byName } from '@/lib/text/collate';

const norm = (s: string) => s.trim().toLocaleLowerCase();

/**
 * Type-ahead over client names: names that start with the query first, then names with a word that
 * does, then any other containing it; alphabetical within each group. An empty query keeps `recent`
 * order (most recent first), then the rest alphabetically.
 */
export function matchClients(clients: Client[], query: string, recent: Client[] = [], limit = 8): Client[] {
  const q = norm(query);
  if (!q) {
    const recentIds = new Set(recent.map((c) => c.id));
    const rest = clients.filter((c) => !recentIds.has(c.id)).sort(byName);
    return [...recent.filter((r) => clients.some((c) => c.id === r.id)), ...rest].slice(0, limit);
  }
  const rank = (c: Client) => {
    const name = norm(c.name);
    if (name.startsWith(q)) return 0;
    if (name.split(/\s+/).some((w) => w.startsWith(q))) return 1;
    return name.includes(q) ? 2 : -1;
  };
  return clients
    .map((c) => ({ c, r: rank(c) }))
    .filter((x) => x.r >= 0)
    .sort((a, b) => a.r - b.r || byName(a.c, b.c))
    .slice(0, limit)
    .map((x) => x.c);
}

export function exactClient(clients: Client[], query: string): Client | undefined {
  const q = norm(query);
  return q ? clients.find((c) => norm(c.name) === q) : undefined;
}

/**
 * Follow-through over an engagement, from the record alone: how each session's commitments turned out, how
 * the client has done lately, which beliefs keep coming back, and where to begin next time. Pure: the store
 * reads the records, these functions count.
 */
import type { Client, CommitmentStatus, Id, Item, Millis, Session } from '../model/types';

export const OUTCOMES: readonly CommitmentStatus[] = ['done', 'partly', 'not-done', 'dropped', 'carried-forward', 'open'];

export type OutcomeCounts = Record<CommitmentStatus, number>;

export const noOutcomes = (): OutcomeCounts => ({ done: 0, partly: 0, 'not-done': 0, dropped: 0, 'carried-forward': 0, open: 0 });

/** A commitment's outcome: its latest review, or open when never reviewed. */
export const outcomeOf = (item: Pick<Item, 'reviews'>): CommitmentStatus => item.reviews.at(-1)?.status ?? 'open';

export interface SessionFollowThrough {
  session: Session;
  /** Commitments made in the session. */
  made: number;
  /** How they turned out, as of now. */
  outcomes: OutcomeCounts;
}

/** Each session (oldest first) with the commitments made in it and how each turned out. */
export function followThroughBySession(sessions: Session[], items: Item[]): SessionFollowThrough[] {
  const bySession = new Map<Id, OutcomeCounts>(sessions.map((s) => [s.id, noOutcomes()]));
  const made = new Map<Id, number>();
  for (const item of items) {
    if (item.kind !== 'commitment') continue;
    const counts = bySession.get(item.sessionId);
    if (!counts) continue;
    counts[outcomeOf(item)]++;
    made.set(item.sessionId, (made.get(item.sessionId) ?? 0) + 1);
  }
  return [...sessions]
    .sort((a, b) => a.startedAt - b.startedAt)
    .map((session) => ({ session, made: made.get(session.id) ?? 0, outcomes: bySession.get(session.id)! }));
}

export function totalOutcomes(rows: SessionFollowThrough[]): OutcomeCounts {
  const total = noOutcomes();
  for (const row of rows) for (const k of OUTCOMES) total[k] += row.outcomes[k];
  return total;
}

/** "3 of the last 5 done": the latest reviews of the most recently reviewed commitments. */
export function recentFollowThrough(items: Item[], window = 5): { done: number; reviewed: number } {
  const reviewed = items
    .filter((i) => i.kind === 'commitment' && i.reviews.length > 0)
    .map((i) => i.reviews.at(-1)!)
    .sort((a, b) => b.at - a.at)
    .slice(0, window);
  return { done: reviewed.filter((r) => r.status === 'done').length, reviewed: reviewed.length };
}

/** The same belief in other words is still the same belief: compare letters and digits only, case-folded. */
const beliefKey = (text: string) =>
  text
    .toLocaleLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Beliefs heard in more than one session, most often heard first; each with its words as last heard. */
export function repeatedBeliefs(items: Item[]): { text: string; sessions: number }[] {
  const heard = new Map<string, { text: string; sessions: Set<Id>; last: Millis }>();
  for (const item of items) {
    if (item.kind !== 'belief') continue;
    const key = beliefKey(item.text);
    if (!key) continue;
    const entry = heard.get(key) ?? { text: item.text.trim(), sessions: new Set<Id>(), last: 0 };
    entry.sessions.add(item.sessionId);
    if (item.createdAt >= entry.last) Object.assign(entry, { text: item.text.trim(), last: item.createdAt });
    heard.set(key, entry);
  }
  return [...heard.values()]
    .filter((e) => e.sessions.size > 1)
    .sort((a, b) => b.sessions.size - a.sessions.size || b.last - a.last)
    .map((e) => ({ text: e.text, sessions: e.sessions.size }));
}

/** Whole weeks from `from` to `now`. */
export const weeksBetween = (from: Millis, now: Millis) => Math.max(0, Math.floor((now - from) / (7 * 24 * 60 * 60 * 1000)));

/** Clients whose last session is longer ago than their cadence (clients without a cadence are never lapsed). */
export function isLapsed(cadenceWeeks: number | null, lastSeen: Millis | null, now: Millis): boolean {
  if (!cadenceWeeks || lastSeen === null) return false;
  return now - lastSeen > cadenceWeeks * 7 * 24 * 60 * 60 * 1000;
}

export type { Client };

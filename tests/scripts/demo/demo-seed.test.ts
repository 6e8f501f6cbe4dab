import { describe, expect, it } from 'vitest';
import { demoHistory } from '@/scripts/demo/demo-seed';
import { parseBackup } from '@/lib/backup/parse';
import { dueInstant, isOverdue } from '@/lib/model/dates';

const NOW = new Date(2026, 11, 1, 23, 30).getTime();
const DAY = 86_400_000;

describe('the npm start demo history', () => {
  it('is a valid one-client backup whose earlier session lies in the past, with one commitment overdue and one due this week', () => {
    let n = 0;
    const { records, clientId } = demoHistory(NOW, () => `demo-${++n}`);
    const parsed = parseBackup(records, NOW);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const file = parsed.value;
    expect(file.scope).toBe('client');
    expect(file.clients.map((c) => c.id)).toEqual([clientId]);
    const [session] = file.sessions;
    expect(session!.status).toBe('ended');
    // Made two weeks ago, not today.
    expect(NOW - session!.startedAt).toBeGreaterThan(13 * DAY);
    expect(session!.endedAt).toBeLessThan(NOW);
    for (const item of file.items) expect(item.createdAt).toBeLessThan(NOW - 13 * DAY);
    const commitments = file.items.filter((i) => i.kind === 'commitment');
    expect(commitments.map((c) => isOverdue(c.due, NOW))).toEqual([true, false]);
    const ahead = dueInstant(commitments[1]!.due) - NOW;
    expect(ahead).toBeGreaterThan(0);
    expect(ahead).toBeLessThan(7 * DAY);
  });
});

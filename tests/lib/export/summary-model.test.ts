import { describe, expect, it } from 'vitest';
import { buildSummary } from '@/lib/export/summary-model';
import { bundle, NOW, session, T0, UTC } from './fixtures';

const ids = (items: { id: string }[]) => items.map((i) => i.id);

describe('buildSummary', () => {
  it('coach version holds every section', () => {
    const doc = buildSummary(bundle(), { clientVersion: false, zone: UTC });
    expect(doc.client).toEqual({ id: 'c1', name: 'Jane Doe', email: 'jane@example.com' });
    expect(doc.date).toBe('2026-11-20');
    expect(doc.time).toBe('10:00');
    expect(doc.durationMinutes).toBe(55); // timer started at +2 min, session ended at +57
    expect(doc.contract.focusLabel).toBe('Out-of-session work');
    expect(doc.contract.agreements).toEqual(['Confidentiality agreed', 'Permission to offer ideas']);
    expect(doc.contract.notes).toBe('Coach only: seemed tired');
    expect(ids(doc.commitments)).toEqual(['k1', 'k2', 'k3', 'k4']);
    expect(ids(doc.insights)).toEqual(['n1']);
    expect(ids(doc.inquiries)).toEqual(['q1']);
    expect(ids(doc.notes)).toEqual(['x1']);
    expect(ids(doc.beliefs)).toEqual(['b1', 'b2']);
    expect(doc.reviewed.map((r) => [r.id, r.statusLabel, r.note])).toEqual([
      ['p1', 'Done', 'Booked, venue confirmed'],
      ['p2', 'Open', ''],
    ]);
    expect(doc.questions.map((q) => [q.text, q.stageLabel])).toEqual([
      ['What do you want from today?', 'Goal'],
      ['What else?', ''],
    ]);
    expect(doc.reflection).toBe('Private reflection: I talked too much.');
  });

  it('client version keeps only shareable items and drops every coach-private part', () => {
    const doc = buildSummary(bundle(), { clientVersion: true, zone: UTC });
    expect(doc.clientVersion).toBe(true);
    expect(ids(doc.commitments)).toEqual(['k1', 'k2', 'k3']);
    expect(doc.notes).toEqual([]);
    expect(doc.beliefs).toEqual([]); // even the one marked shareable
    expect(ids(doc.reviewed)).toEqual(['p1']);
    expect(doc.reviewed[0]!.note).toBe('');
    expect(doc.questions).toEqual([]);
    expect(doc.reflection).toBe('');
    expect(doc.contract.notes).toBe('');
    expect(doc.client.email).toBe('');
    expect(JSON.stringify(doc)).not.toMatch(/Private|Coach|coach note|seemed tired|venue confirmed/i);
  });

  it('shows the status recorded in this session even after a later review', () => {
    const b = bundle();
    const view = b.reviewed[0]!;
    const later = { sessionId: 's2', status: 'dropped' as const, note: 'later', at: T0 + 9e8 };
    view.item = { ...view.item, reviews: [...view.item.reviews, later] };
    const doc = buildSummary({ ...b, reviewed: [{ ...view, status: 'dropped', lastReview: later }] }, { clientVersion: false });
    expect(doc.reviewed[0]!.statusLabel).toBe('Done');
  });

  it('uses wall time when the timer never ran, and now for a running session', () => {
    const notTimed = bundle({ session: session({ timer: { ...session().timer, startedAt: null } }) });
    expect(buildSummary(notTimed, { clientVersion: false }).durationMinutes).toBe(57);
    const running = bundle({ session: session({ endedAt: null, status: 'active' }) });
    expect(buildSummary(running, { clientVersion: false, now: () => T0 + 32 * 60_000 }).durationMinutes).toBe(30);
  });

  it('dates follow the given time zone', () => {
    const doc = buildSummary(bundle({ session: session({ startedAt: Date.UTC(2026, 10, 20, 23, 30) }) }), {
      clientVersion: false,
      zone: () => 120,
      now: () => NOW,
    });
    expect([doc.date, doc.time]).toEqual(['2026-11-21', '01:30']);
  });
});

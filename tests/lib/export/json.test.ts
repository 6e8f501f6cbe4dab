import { describe, expect, it } from 'vitest';
import { SESSION_FORMAT, toSessionJson } from '@/lib/export/json';
import { buildSummary } from '@/lib/export/summary-model';
import { bundle, HOSTILE, hostileBundle, NOW, UTC } from './fixtures';

const json = (clientVersion: boolean, b = bundle()) =>
  JSON.parse(toSessionJson(buildSummary(b, { clientVersion, zone: UTC }), { now: () => NOW }));

describe('toSessionJson', () => {
  it('holds the session with all its items in a versioned schema', () => {
    const file = json(false);
    expect(file).toMatchObject({ format: SESSION_FORMAT, formatVersion: 1, exportedAt: NOW, clientVersion: false });
    expect(file.client).toEqual({ id: 'c1', name: 'Jane Doe', email: 'jane@example.com' });
    expect(file.session).toMatchObject({
      id: 's1',
      date: '2026-11-20',
      durationMinutes: 55,
      reflection: 'Private reflection: I talked too much.',
    });
    expect(file.session.contract.topic).toBe('Leading the new team');
    expect(file.items.map((i: { id: string }) => i.id)).toEqual(['k1', 'k2', 'k3', 'k4', 'n1', 'q1', 'x1', 'b1', 'b2']);
    expect(file.items[0]).toEqual({
      id: 'k1',
      kind: 'commitment',
      text: 'Talk to Sam about the roadmap',
      shareable: true,
      due: '2026-12-01',
      howWillYouKnow: 'I will email you',
      support: 'A script',
      order: 3, // the two prior commitments were made first in the fixture
      createdAt: file.items[0].createdAt,
      updatedAt: file.items[0].updatedAt,
    });
    expect(file.reviewed[0]).toMatchObject({ id: 'p1', status: 'done', note: 'Booked, venue confirmed' });
    expect(file.questionsAsked).toHaveLength(2);
  });

  it('client version holds only shareable items and no coach-private keys', () => {
    const file = json(true);
    expect(file.items.map((i: { id: string }) => i.id)).toEqual(['k1', 'k2', 'k3', 'n1', 'q1']);
    expect(file.client).toEqual({ name: 'Jane Doe' });
    expect('reflection' in file.session).toBe(false);
    expect('notes' in file.session.contract).toBe(false);
    expect('questionsAsked' in file).toBe(false);
    expect('note' in file.reviewed[0]).toBe(false);
  });

  it('keeps hostile text as data, exactly', () => {
    const file = json(false, hostileBundle(HOSTILE.img));
    expect(file.items[0].text).toBe(HOSTILE.img);
    expect(file.client.name).toBe(HOSTILE.img);
  });
});

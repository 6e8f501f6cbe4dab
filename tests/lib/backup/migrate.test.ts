import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrateToCurrent, migrateV0toV1 } from '@/lib/backup/migrate';
import { parseBackup } from '@/lib/backup/parse';
import { BACKUP_FORMAT_VERSION } from '@/lib/backup/format';
import { NOW, records } from './fixtures';

/** A backup as pre-release (v0) builds wrote it: see lib/backup/migrate.ts for the differences. */
function v0File() {
  const r = records();
  return {
    format: 'holdspace-backup',
    formatVersion: 0,
    exportedAt: NOW - 1000,
    counts: { clients: 2, sessions: 3, items: 3, questions: 1 },
    clients: r.clients,
    sessions: r.sessions.map(({ reflection: _r, ...s }) => s),
    items: [
      { ...strip(r.items.find((i) => i.id === 'k1')!), status: 'done', statusAt: NOW - 5000 },
      { ...strip(r.items.find((i) => i.id === 'k3')!), status: 'open' },
      strip(r.items.find((i) => i.id === 'x1')!),
    ],
    questions: [{ id: 'c:q1', stage: 'goal', text: 'What matters most today?', tags: [], builtin: false, favourite: true }],
    settings: null,
  };
}

function strip<T extends { shareable: unknown; reviews: unknown; open: unknown }>(item: T) {
  const { shareable: _s, reviews: _r, open: _o, ...rest } = item;
  return rest;
}

describe('backup migrations', () => {
  it('has a step for every older version', () => {
    for (let v = 0; v < BACKUP_FORMAT_VERSION; v++) expect(typeof MIGRATIONS[v]).toBe('function');
  });

  it('imports a v0 backup: shareable by kind, reviews from status, marks from questions, empty reflections', () => {
    const result = parseBackup(JSON.stringify(v0File()), NOW);
    if (!result.ok) throw new Error(result.error.message);
    const file = result.value;
    expect(file.formatVersion).toBe(2);
    expect(file.scope).toBe('all');
    expect(file.counts).toEqual({ clients: 2, sessions: 3, items: 3, reviews: 1, questions: 1 });
    const [done, open, note] = file.items;
    expect(done).toMatchObject({
      id: 'k1',
      shareable: true,
      open: 0,
      reviews: [{ sessionId: 's1', status: 'done', note: '', at: NOW - 5000 }],
    });
    expect('status' in done! || 'statusAt' in done!).toBe(false);
    expect(open).toMatchObject({ id: 'k3', shareable: true, open: 1, reviews: [] });
    expect(note).toMatchObject({ id: 'x1', kind: 'note', shareable: false, open: 0, reviews: [] });
    expect(file.sessions.every((s) => s.reflection === '')).toBe(true);
    expect(file.questions).toEqual([{ id: 'c:q1', stage: 'goal', text: 'What matters most today?', tags: [], builtin: false }]);
    expect(file.questionPrefs).toEqual([{ questionId: 'c:q1', favourite: true, hidden: false, updatedAt: NOW - 1000 }]);
  });

  it('still refuses a damaged v0 file after migrating it', () => {
    const cut = { ...v0File(), counts: { clients: 2, sessions: 3, items: 9, questions: 1 } };
    const result = parseBackup(JSON.stringify(cut), NOW);
    expect(result.ok || result.error.message).toMatch(/says it holds 9 items but holds 3/);
    const broken = { ...v0File(), items: 'nope', questions: [5] };
    expect(() => migrateV0toV1(broken)).not.toThrow();
    expect(parseBackup(JSON.stringify(broken), NOW).ok).toBe(false);
  });

  it('refuses a version with no migration path', () => {
    const result = migrateToCurrent({}, -3);
    expect(result.ok).toBe(false);
  });
});

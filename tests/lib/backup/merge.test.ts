import { describe, expect, it } from 'vitest';
import { backupPreview, conflictCount, idsOf, mergeRecords } from '@/lib/backup/merge';
import { parseBackup } from '@/lib/backup/parse';
import { serializeBackup } from '@/lib/backup/serialize';
import type { BackupRecords } from '@/lib/backup/format';
import { NOW, records } from './fixtures';

const empty = (): BackupRecords => ({ clients: [], sessions: [], items: [], questions: [], questionPrefs: [], settings: null });

describe('preview', () => {
  it('counts what the file holds and how many of its ids are already stored', () => {
    const parsed = parseBackup(serializeBackup(records(), 'all', NOW), NOW);
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(backupPreview(parsed.value, idsOf(empty()))).toEqual({
      formatVersion: 2,
      counts: { clients: 2, sessions: 3, items: 12, reviews: 1, questions: 1 },
      conflicts: 0,
      scope: 'all',
    });
    const stored = records();
    stored.items = stored.items.slice(0, 4);
    expect(conflictCount(parsed.value, idsOf(stored))).toBe(2 + 3 + 4 + 1);
  });
});

describe('mergeRecords', () => {
  it('adds new records and keeps the newer version of records on both sides', () => {
    const ours = records();
    const theirs = records();
    theirs.items[2] = { ...theirs.items[2]!, text: 'newer wording', updatedAt: theirs.items[2]!.updatedAt + 1 };
    theirs.items[3] = { ...theirs.items[3]!, text: 'older wording', updatedAt: theirs.items[3]!.updatedAt - 1 };
    theirs.items.push({ ...theirs.items[4]!, id: 'new-item' });
    const merged = mergeRecords(ours, theirs);
    expect(merged.items).toHaveLength(ours.items.length + 1);
    expect(merged.items.find((i) => i.id === theirs.items[2]!.id)!.text).toBe('newer wording');
    expect(merged.items.find((i) => i.id === theirs.items[3]!.id)).toBe(ours.items[3]); // ours, the very object
    expect(merged.settings).toBe(ours.settings);
  });

  it('merging a record into itself changes nothing', () => {
    const ours = records();
    const merged = mergeRecords(ours, records());
    expect(merged).toEqual(ours);
    merged.items.forEach((item, n) => expect(item).toBe(ours.items[n]));
  });

  it('renames an incoming active client whose name is taken, and keeps one running session', () => {
    const ours = records();
    const theirs = empty();
    theirs.clients = [{ ...ours.clients[0]!, id: 'other-jane' }];
    theirs.sessions = [{ ...ours.sessions[2]!, id: 'other-run', clientId: 'other-jane' }];
    const merged = mergeRecords(ours, theirs);
    expect(merged.clients.map((c) => c.name)).toEqual(['Jane Doe', 'Sam Lee', 'Jane Doe (imported)']);
    const running = merged.sessions.filter((s) => s.status === 'active');
    expect(running.map((s) => s.id)).toEqual(['s9']);
    expect(merged.sessions.find((s) => s.id === 'other-run')!.endedAt).not.toBeNull();
    // The result is still a valid record.
    expect(parseBackup(serializeBackup(merged, 'all', NOW), NOW).ok).toBe(true);
  });

  it('takes the file settings only when none are stored', () => {
    expect(mergeRecords(empty(), records()).settings).toEqual(records().settings);
  });
});

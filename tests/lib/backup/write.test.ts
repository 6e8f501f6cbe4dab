import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { COLLECTIONS, type BackupRecords } from '@/lib/backup/format';
import { countRecords } from '@/lib/backup/integrity';
import { readBackup } from '@/lib/backup/read';
import { createBackupWriter, writeBackupBytes } from '@/lib/backup/write';
import { NOW, records } from './fixtures';

const text = (bytes: Uint8Array) => gunzipSync(bytes).toString('utf8');

/** Many items, some with words outside ASCII (two- and three-byte UTF-8, an emoji's surrogate pair). */
function large(items: number): BackupRecords {
  const r = records();
  const base = r.items[0]!;
  const words = ['plain', 'café', 'Zürich — next week', 'emoji 🙂 kept', '日本語のメモ'];
  r.items = Array.from({ length: items }, (_, i) => ({
    ...base,
    id: `bulk-${i}`,
    order: 100 + i,
    text: `${words[i % words.length]} ${'x'.repeat(i % 300)}`,
  }));
  return r;
}

describe('the streaming backup writer', () => {
  it('makes the same file whatever order the collections arrive in', async () => {
    const r = records();
    const inOrder = await writeBackupBytes(r, 'all', NOW);
    const w = createBackupWriter('all', NOW);
    // Reversed collections, interleaved: items first, settings last.
    const queue = [...COLLECTIONS].reverse().flatMap((c) => r[c].map((v) => [c, v] as const));
    for (const [c, v] of queue) w.record(c, v as never);
    w.settings(r.settings);
    const shuffled = await w.finish();
    expect(text(shuffled)).toBe(text(inOrder));
    // The control: a different record makes a different file.
    const other = await writeBackupBytes({ ...r, clients: r.clients.slice(0, 1) }, 'all', NOW);
    expect(text(other)).not.toBe(text(inOrder));
  });

  it('counts as it goes: the header holds the counts of the whole record, reviews included', async () => {
    const r = large(50);
    const header = JSON.parse(text(await writeBackupBytes(r, 'all', NOW)).split('\n')[0]!);
    expect(header.counts).toEqual(countRecords(r));
    expect(header.counts.reviews).toBeGreaterThan(0);
  });

  it('reads back a record far larger than one block (lines cross the encoding and compression blocks), non-ASCII text intact', async () => {
    const r = large(12_000); // a few MB of lines: several 1 Mi-character blocks
    const bytes = await writeBackupBytes(r, 'all', NOW);
    expect(text(bytes).length).toBeGreaterThan(3 * 1024 * 1024);
    const read = await readBackup(new Blob([bytes]), NOW);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.items).toEqual(r.items);
    expect(read.value.items[3]!.text).toBe('emoji 🙂 kept xxx');
  }, 60_000); // a few MB through gzip and back: seconds on a loaded machine

  it('writes an empty record (no settings line) that reads back', async () => {
    const empty: BackupRecords = { clients: [], sessions: [], items: [], questions: [], questionPrefs: [], settings: null };
    const bytes = await writeBackupBytes(empty, 'all', NOW);
    const lines = text(bytes).split('\n');
    expect(lines).toHaveLength(3); // header, trailer, and the empty string after the last newline
    const read = await readBackup(new Blob([bytes]), NOW);
    expect(read.ok ? read.value.counts : read.error.message).toEqual(countRecords(empty));
  });

  it('is written once: a record or a second finish after the file is made is refused', async () => {
    const w = createBackupWriter('all', NOW);
    w.record('clients', records().clients[0]!);
    await w.finish();
    expect(() => w.record('clients', records().clients[1]!)).toThrow(/already written/);
    await expect(w.finish()).rejects.toThrow(/already written/);
  });
});

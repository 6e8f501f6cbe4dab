import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { BACKUP_FORMAT_VERSION } from '@/lib/backup/format';
import { crc32, crcHex } from '@/lib/backup/crc32';
import { readBackup } from '@/lib/backup/read';
import { serializeBackup } from '@/lib/backup/serialize';
import { writeBackup } from '@/lib/backup/write';
import { LIMITS } from '@/lib/model/limits';
import { NOW, records } from './fixtures';

const bytesOf = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());
const written = async () => bytesOf(await writeBackup(records(), 'all', NOW));
/** The unpacked lines of a written file. */
const linesOf = async () =>
  gunzipSync(await written())
    .toString('utf8')
    .split('\n')
    .slice(0, -1);

/** Packs lines as Holdspace would, with a correct trailer (so a test can change content and keep it "valid"). */
function pack(lines: string[], trailer?: object): Blob {
  const body = lines.map((l) => `${l}\n`).join('');
  const end = trailer ?? { end: 'holdspace-backup', lines: lines.length - 1, crc32: crcHex(crc32(new TextEncoder().encode(body))) };
  return new Blob([gzipSync(Buffer.from(`${body}${JSON.stringify(end)}\n`))]);
}

async function refused(file: Blob, pattern: RegExp): Promise<string> {
  const result = await readBackup(file, NOW);
  expect(result.ok).toBe(false);
  if (result.ok) return '';
  expect(result.error.code).toBe('invalid');
  expect(result.error.message).toMatch(/^This backup cannot be imported: .+ Nothing was imported\.$/);
  expect(result.error.message).toMatch(pattern);
  return result.error.message;
}

describe('format 2: gzip of one JSON line per record', () => {
  it('round-trips the whole record, settings included', async () => {
    const bytes = await written();
    expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]); // gzip
    const read = await readBackup(new Blob([bytes]), NOW);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const r = records();
    expect(read.value).toMatchObject({ format: 'holdspace-backup', formatVersion: BACKUP_FORMAT_VERSION, exportedAt: NOW, scope: 'all' });
    for (const key of ['clients', 'sessions', 'items', 'questions', 'questionPrefs', 'settings'] as const)
      expect(read.value[key]).toEqual(r[key]);
    expect(read.value.counts.items).toBe(r.items.length);
  });

  it('writes a header, one tagged line per record, and a trailer with the count and CRC-32', async () => {
    const lines = await linesOf();
    const r = records();
    const header = JSON.parse(lines[0]!);
    expect(header).toMatchObject({ format: 'holdspace-backup', formatVersion: 2, counts: { clients: 2, items: r.items.length } });
    const body = lines.slice(1, -1).map((l) => JSON.parse(l) as [string, unknown]);
    expect(body.filter(([tag]) => tag === 'item')).toHaveLength(r.items.length);
    expect(body.filter(([tag]) => tag === 'settings')).toHaveLength(1);
    const trailer = JSON.parse(lines.at(-1)!);
    const covered = new TextEncoder().encode(
      lines
        .slice(0, -1)
        .map((l) => `${l}\n`)
        .join(''),
    );
    expect(trailer).toEqual({ end: 'holdspace-backup', lines: body.length, crc32: crcHex(crc32(covered)) });
  });

  it('is much smaller than the same record as format 1 JSON', async () => {
    const many = records();
    const base = many.items[0]!;
    many.items = Array.from({ length: 2000 }, (_, i) => ({ ...base, id: `bulk-${i}`, order: 100 + i, text: `Commitment number ${i}` }));
    const v2 = (await writeBackup(many, 'all', NOW)).size;
    const v1 = new TextEncoder().encode(serializeBackup(many, 'all', NOW)).length;
    expect(v2 * 5).toBeLessThan(v1);
  });

  it('refuses a file whose contents no longer match its checksum (one character changed)', async () => {
    const lines = await linesOf();
    const trailer = lines.at(-1)!;
    const tampered = lines.slice(0, -1).map((l) => l.replace('Sam Lee', 'Sam Lea'));
    expect(tampered.join('\n')).not.toBe(lines.slice(0, -1).join('\n'));
    await refused(new Blob([gzipSync(Buffer.from(`${[...tampered, trailer].join('\n')}\n`))]), /checksum does not match/);
    // Control: the same lines with their own trailer are read.
    expect((await readBackup(new Blob([gzipSync(Buffer.from(`${lines.join('\n')}\n`))]), NOW)).ok).toBe(true);
  });

  it('refuses truncated gzip, a file without its trailer, and bytes after the end', async () => {
    const bytes = await written();
    await refused(new Blob([bytes.slice(0, Math.floor(bytes.length / 2))]), /not complete, readable gzip|cut short/);
    const lines = await linesOf();
    await refused(new Blob([gzipSync(Buffer.from(`${lines.slice(0, -1).join('\n')}\n`))]), /end is missing: it was cut short/);
    await refused(new Blob([gzipSync(Buffer.from(`${lines.join('\n')}\n["client",{}]\n`))]), /more after its end/);
    await refused(new Blob([new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0])]), /not complete, readable gzip|cut short/);
  });

  it('refuses a record that fails its schema, naming it', async () => {
    const lines = await linesOf();
    const broken = lines
      .slice(0, -1)
      .map((l) => (l.startsWith('["item"') && l.includes('"z1"') ? l.replace('"kind":"note"', '"kind":"rumour"') : l));
    await refused(pack(broken), /in captured item \d+ \(“z1”\), the field “kind”/);
  });

  it('still refuses broken links between records (checked whole, before anything is written)', async () => {
    const lines = (await linesOf()).slice(0, -1).filter((l) => !l.startsWith('["session"'));
    const header = JSON.parse(lines[0]!);
    header.counts.sessions = 0;
    lines[0] = JSON.stringify(header);
    await refused(pack(lines), /belongs to a session that is not in the file/);
  });

  it('refuses absurd shapes by the limits in the schema, saying which', { timeout: 60_000 }, async () => {
    const lines = (await linesOf()).slice(0, -1);
    const orphans = Array.from(
      { length: LIMITS.backupRecords.questionPrefs + 1 },
      (_, i) => `["questionPref",${JSON.stringify({ questionId: `gone-${i}`, favourite: true, hidden: false, updatedAt: NOW })}]`,
    );
    await refused(pack([...lines, ...orphans]), /it holds more than 20,000 question marks, the most one backup may hold/);

    const goals = Array.from({ length: 200_000 }, (_, i) => ({ id: `g${i}`, text: 'Grow' }));
    const greedy = lines.map((l) => (l.includes('"Sam Lee"') ? `["client",${JSON.stringify({ ...JSON.parse(l)[1], goals })}]` : l));
    await refused(pack(greedy), /in client \d+ \(“Sam Lee”\), the field “goals” has more than 100 entries/);
  });

  it('refuses a newer format, and a file too large before reading it', async () => {
    const lines = (await linesOf()).slice(0, -1);
    const header = { ...JSON.parse(lines[0]!), formatVersion: 9 };
    await refused(pack([JSON.stringify(header), ...lines.slice(1)]), /newer version of Holdspace \(format 9\)/);
    const huge = { size: LIMITS.backupBytes + 1, slice: () => new Blob([]), stream: () => new Blob([]).stream() } as unknown as Blob;
    await refused(huge, /larger than 1 GB/);
  });
});

describe('older JSON backups still import', () => {
  it('a format 1 file (one JSON object) is read and migrated', async () => {
    const text = serializeBackup(records(), 'all', NOW);
    expect(JSON.parse(text).formatVersion).toBe(1);
    const read = await readBackup(new Blob([text]), NOW);
    expect(read.ok).toBe(true);
    if (read.ok) {
      expect(read.value.formatVersion).toBe(BACKUP_FORMAT_VERSION);
      expect(read.value.items).toEqual(records().items);
    }
  });

  it('a JSON file claiming format 2 is refused (format 2 files are compressed)', async () => {
    const file = JSON.parse(serializeBackup(records(), 'all', NOW));
    await refused(new Blob([JSON.stringify({ ...file, formatVersion: 2 })]), /not compressed as those files are/);
  });

  it('a JSON file over the one-text limit is refused before it is read', async () => {
    const huge = {
      size: LIMITS.legacyBackupBytes + 1,
      slice: () => new Blob(['{"']),
      arrayBuffer: async () => new ArrayBuffer(LIMITS.legacyBackupBytes + 1),
    } as unknown as Blob;
    await refused(huge, /older, uncompressed backup larger than 256 MB/);
  });
});

import { describe, expect, it } from 'vitest';
import { LIMITS } from '@/lib/model/limits';
import { decodeBackup, isTooLarge, parseBackup, utf8Length } from '@/lib/backup/parse';
import { serializeBackup } from '@/lib/backup/serialize';
import { NOW, records } from './fixtures';

type Json = Record<string, unknown>;
const valid = () => JSON.parse(serializeBackup(records(), 'all', NOW)) as Json;
const list = (file: Json, key: string) => file[key] as Json[];

function refused(input: string | Json, pattern?: RegExp): string {
  const result = parseBackup(typeof input === 'string' ? input : JSON.stringify(input), NOW);
  expect(result.ok).toBe(false);
  if (result.ok) return '';
  expect(result.error.code).toBe('invalid');
  expect(result.error.message).toMatch(/^This backup cannot be imported: .+ Nothing was imported\.$/);
  if (pattern) expect(result.error.message).toMatch(pattern);
  return result.error.message;
}

function edit(fn: (file: Json) => void): Json {
  const file = valid();
  fn(file);
  return file;
}

describe('parseBackup refuses, with a sentence a coach can read', () => {
  it('an older (JSON) file over 256 MB, the most one text can hold, before parsing it', { timeout: 60_000 }, () => {
    refused(' '.repeat(LIMITS.legacyBackupBytes + 1), /older, uncompressed backup larger than 256 MB/);
    // Under the limit in characters, over it in UTF-8 bytes.
    refused(`"${'é'.repeat(LIMITS.legacyBackupBytes / 2)}"`, /larger than 256 MB/);
  });

  it('empty, broken and cut-short files', () => {
    refused('', /empty/);
    refused('{"format": "holdspace-backup", ', /not complete, readable JSON/);
    refused(serializeBackup(records(), 'all', NOW).slice(0, 500), /cut short/);
    refused('[1, 2, 3]', /not a Holdspace backup/);
    refused('null', /not a Holdspace backup/);
  });

  it('a wrong format, a session export, a future or unreadable version', () => {
    refused(
      edit((f) => (f.format = 'something-else')),
      /not a Holdspace backup/,
    );
    refused(
      edit((f) => (f.format = 'holdspace-session')),
      /single session/,
    );
    refused(
      edit((f) => (f.formatVersion = 3)),
      /newer version of Holdspace \(format 3\)/,
    );
    // Format 2 files are gzip (lib/backup/read.ts): as JSON text, one can only be damaged.
    refused(
      edit((f) => (f.formatVersion = 2)),
      /says it is format 2, but is not compressed/,
    );
    refused(
      edit((f) => (f.formatVersion = '1')),
      /version is missing or unreadable/,
    );
    refused(
      edit((f) => (f.formatVersion = -1)),
      /version is missing or unreadable/,
    );
    refused(
      edit((f) => delete f.formatVersion),
      /version is missing/,
    );
  });

  it('missing fields and fields of the wrong type', () => {
    refused(
      edit((f) => delete list(f, 'sessions')[1]!.contract),
      /in session 2 \(“s1”\), the field “contract” is missing\./,
    );
    refused(
      edit((f) => (list(f, 'clients')[0]!.email = 42)),
      /in client 1 \(“Jane Doe”\), the field “email” must be text\./,
    );
    refused(
      edit((f) => (list(f, 'items')[3]!.shareable = 'yes')),
      /captured item 4 \(“k2”\), the field “shareable” must be true or false/,
    );
    refused(
      edit((f) => (f.items = {})),
      /the field “items” must be a list/,
    );
    refused(
      edit((f) => delete f.settings),
      /the field “settings” is missing/,
    );
    refused(
      edit((f) => (f.settings = 'dark')),
      /the field “settings” must be an object or null/,
    );
  });

  it('unknown kinds, stages and statuses', () => {
    refused(
      edit((f) => (list(f, 'items')[2]!.kind = 'task')),
      /the field “kind” is not a kind Holdspace knows/,
    );
    refused(
      edit((f) => (list(f, 'questions')[0]!.stage = 'magic')),
      /the field “stage” is not a stage/,
    );
    refused(
      edit((f) => ((list(f, 'items')[0]!.reviews as Json[])[0]!.status = 'maybe')),
      /“reviews\.0\.status” is not a review status/,
    );
    refused(
      edit((f) => (list(f, 'sessions')[0]!.status = 'paused')),
      /must be "active" or "ended"/,
    );
    refused(
      edit((f) => (list(f, 'questions')[0]!.builtin = true)),
      /only your own questions/,
    );
  });

  it('dates out of range and impossible due dates', () => {
    refused(
      edit((f) => (list(f, 'sessions')[0]!.startedAt = Date.UTC(1899, 11, 31))),
      /“startedAt” is a date before 1900/,
    );
    refused(
      edit((f) => (list(f, 'items')[0]!.createdAt = 8.64e15)),
      /is a date after 2200/,
    );
    refused(
      edit((f) => (list(f, 'items')[0]!.updatedAt = 1.5)),
      /whole number of milliseconds/,
    );
    refused(
      edit((f) => (list(f, 'items')[0]!.updatedAt = 'yesterday')),
      /must be a date/,
    );
    refused(
      edit((f) => (list(f, 'items')[2]!.due = '2026-02-30')),
      /“due” is not a real date/,
    );
    refused(
      edit((f) => (list(f, 'items')[2]!.due = '2301-01-01')),
      /“due” is not a real date/,
    );
    refused(
      edit((f) => (f.exportedAt = NOW + 3 * 86_400_000)),
      /made in the future/,
    );
  });

  it('text over 20,000 characters and names over 200', () => {
    refused(
      edit((f) => (list(f, 'items')[0]!.text = 'x'.repeat(20_001))),
      /“text” is too long: at most 20,000 characters/,
    );
    refused(
      edit((f) => (list(f, 'clients')[0]!.name = 'x'.repeat(201))),
      /“name” is too long: at most 200 characters/,
    );
    refused(
      edit((f) => (list(f, 'clients')[0]!.name = '   ')),
      /“name” cannot be empty/,
    );
  });

  it('duplicate ids, broken links and broken rules across records', () => {
    refused(
      edit((f) => (list(f, 'items')[5]!.id = 'k1')),
      /two captured items share the id “k1”/,
    );
    refused(
      edit((f) => list(f, 'clients').push({ ...list(f, 'clients')[0]!, name: 'Other' })),
      /two clients share the id “c1”/,
    );
    refused(
      edit((f) => (list(f, 'clients')[1]!.name = 'jane doe ')),
      /two active clients are both called “jane doe”/,
    );
    refused(
      edit((f) => (list(f, 'items')[2]!.sessionId = 'nope')),
      /belongs to a session that is not in the file/,
    );
    refused(
      edit((f) => (list(f, 'sessions')[0]!.clientId = 'nope')),
      /belongs to a client that is not in the file/,
    );
    refused(
      edit((f) => (list(f, 'items')[2]!.clientId = 'c2')),
      /names a different client than its session/,
    );
    refused(
      edit((f) => ((list(f, 'items')[0]!.reviews as Json[])[0]!.sessionId = 'gone')),
      /review of commitment “p1” points at a session/,
    );
    refused(
      edit((f) => (list(f, 'sessions')[0]!.status = 'active')),
      /more than one session is marked as still running/,
    );
    refused(
      edit((f) => ((f.counts as Json).items = 99)),
      /says it holds 99 items but holds 12/,
    );
    refused(
      edit((f) => (f.scope = 'client')),
      /exactly one client/,
    );
  });
});

describe('parseBackup accepts', () => {
  it('HTML and script in fields as plain text data, unchanged (the UI renders it as text, never as markup)', () => {
    const hostile = '<script>alert(1)</script><img src=x onerror=alert(1)> [x](javascript:alert(1))';
    const result = parseBackup(JSON.stringify(edit((f) => (list(f, 'clients')[0]!.notes = hostile))), NOW);
    expect(result.ok).toBe(true);
    expect(result.ok && result.value.clients[0]!.notes).toBe(hostile);
  });

  it('drops unknown extra fields instead of carrying them into the store', () => {
    const result = parseBackup(JSON.stringify(edit((f) => (list(f, 'clients')[0]!.isAdmin = true))), NOW);
    expect(result.ok && 'isAdmin' in result.value.clients[0]!).toBe(false);
  });
});

describe('contract check-ins', () => {
  it('reads an older backup whose check-ins are bare times as on-track check-ins, and a new one as it is', () => {
    const old = edit((f) => {
      const contract = list(f, 'sessions')[0]!.contract as Json;
      contract.checkIns = [NOW - 60_000, NOW];
    });
    const read = parseBackup(JSON.stringify(old), NOW);
    if (!read.ok) throw new Error(read.error.message);
    expect(read.value.sessions[0]!.contract.checkIns).toEqual([
      { at: NOW - 60_000, onTrack: true, shiftedTo: '' },
      { at: NOW, onTrack: true, shiftedTo: '' },
    ]);
    const shifted = edit((f) => {
      (list(f, 'sessions')[0]!.contract as Json).checkIns = [{ at: NOW, onTrack: false, shiftedTo: 'Telling the boss' }];
    });
    const again = parseBackup(JSON.stringify(shifted), NOW);
    if (!again.ok) throw new Error(again.error.message);
    expect(again.value.sessions[0]!.contract.checkIns).toEqual([{ at: NOW, onTrack: false, shiftedTo: 'Telling the boss' }]);
    // Neither a time nor a check-in: refused, and said so.
    refused(
      edit((f) => ((list(f, 'sessions')[0]!.contract as Json).checkIns = ['yesterday'])),
      /check-in/,
    );
  });
});

describe('size', () => {
  it('utf8Length counts UTF-8 bytes', () => {
    for (const s of ['', 'abc', 'é', '€', '🙂', 'a🙂é€', '\uD800']) expect(utf8Length(s)).toBe(Buffer.byteLength(s, 'utf8'));
    expect(isTooLarge('x'.repeat(100))).toBe(false);
  });
});

describe('decodeBackup', () => {
  it('reads UTF-8, and refuses bytes that are not UTF-8 instead of replacing them silently', () => {
    expect(decodeBackup(new TextEncoder().encode('{"a":"Zoë 😀"}'))).toEqual({ ok: true, value: '{"a":"Zoë 😀"}' });
    const broken = decodeBackup(new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]));
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.error.message).toMatch(/^This backup cannot be imported: it is not UTF-8 text.* Nothing was imported\.$/);
  });
});

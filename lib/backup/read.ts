/**
 * Reads any backup file and checks all of it before the store is touched (all or nothing stays with the
 * store's one transaction). A format-2 file (gzip, lib/backup/format.ts) is unpacked by the platform's
 * `DecompressionStream` and read line by line: each record is parsed and checked with its schema as it
 * arrives, counted against the limits, and the CRC-32 is carried along; nothing builds one string of the
 * whole file. The work yields to the event loop every few dozen milliseconds, so the worker keeps answering
 * the views while it reads. Older files (formats 0 and 1, one JSON object) go through lib/backup/parse.ts.
 * Never throws: every refusal is an `invalid` error whose message a coach can read.
 */
import * as v from 'valibot';
import { fail, ok, type Result } from '../api/result';
import { FORMATS, LIMITS } from '../model/limits';
import { crc32, crcHex } from './crc32';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, RECORD_TAGS, SETTINGS_TAG, type BackupFile, type Collection } from './format';
import { integrityProblem } from './integrity';
import { issueSentence, refusal, sizeWords, TOO_LARGE, TOO_LARGE_FOR_MACHINE } from './messages';
import { decodeBackup, parseBackup } from './parse';
import { HeaderSchema, RECORD_SCHEMAS, SettingsRecordSchema, tooManySentence } from './schema';

/** The file may say it was written a little in the future (another machine's clock), not more. */
const CLOCK_SKEW_MS = 24 * 60 * 60 * 1000;
/** Work between two yields to the event loop. */
const SLICE_MS = 40;
const NEWLINE = 0x0a;
const NL = new Uint8Array([NEWLINE]);

const TAG_COLLECTION = new Map<string, Collection>(Object.entries(RECORD_TAGS).map(([c, tag]) => [tag, c as Collection]));

class Refusal extends Error {
  constructor(
    readonly sentence: string,
    readonly field?: string,
  ) {
    super(sentence);
  }
}
function refuse(reason: string, field?: string): never {
  throw new Refusal(refusal(reason), field);
}

const isGzip = (head: Uint8Array) => head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;

/** Reads a backup file of any version; resolves to the validated file or a refusal. */
export async function readBackup(file: Blob, now: number): Promise<Result<BackupFile>> {
  if (file.size === 0) return fail('invalid', refusal('the file is empty.'));
  if (file.size > LIMITS.backupBytes) return fail('invalid', TOO_LARGE);
  try {
    const head = new Uint8Array(await file.slice(0, 2).arrayBuffer());
    if (!isGzip(head)) {
      const text = decodeBackup(await file.arrayBuffer());
      return text.ok ? parseBackup(text.value, now) : text;
    }
    return ok(await readLines(file, now));
  } catch (error) {
    if (error instanceof Refusal) return fail('invalid', error.sentence, error.field);
    if (error instanceof RangeError) return fail('invalid', TOO_LARGE_FOR_MACHINE);
    return fail('invalid', refusal('it is not complete, readable gzip (it may have been cut short or damaged).'));
  }
}

interface Collected {
  clients: unknown[];
  sessions: unknown[];
  items: unknown[];
  questions: unknown[];
  questionPrefs: unknown[];
}

async function readLines(file: Blob, now: number): Promise<BackupFile> {
  const reader = file.stream().pipeThrough(new DecompressionStream('gzip')).getReader();
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const records: Collected = { clients: [], sessions: [], items: [], questions: [], questionPrefs: [] };
  let header: v.InferOutput<typeof HeaderSchema> | null = null;
  let settings: Record<string, unknown> | null = null;
  let trailer: Record<string, unknown> | null = null;
  let crc = 0;
  let lines = 0;
  let unpacked = 0;
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let sliceStart = performance.now();

  const text = (bytes: Uint8Array): unknown => {
    let line: string;
    try {
      line = decoder.decode(bytes);
    } catch {
      return refuse('it is not UTF-8 text inside, so it may be damaged. Choose the file Holdspace saved, unchanged.');
    }
    try {
      return JSON.parse(line);
    } catch {
      return refuse(`line ${lines + 2} is not readable JSON (the file may have been edited or damaged).`);
    }
  };

  const onLine = (bytes: Uint8Array) => {
    if (trailer) {
      if (bytes.length === 0) return;
      refuse('there is more after its end; it may have been edited or joined with another file.');
    }
    const value = text(bytes);
    if (!header) {
      header = readHeader(value);
      crc = crc32(NL, crc32(bytes, crc));
      return;
    }
    if (!Array.isArray(value)) {
      if (typeof value === 'object' && value !== null && (value as Record<string, unknown>).end === BACKUP_FORMAT) {
        trailer = value as Record<string, unknown>;
        return;
      }
      refuse(`line ${lines + 2} is not a record (the file may have been edited or damaged).`);
    }
    crc = crc32(NL, crc32(bytes, crc));
    const [tag, record] = value as unknown[];
    lines++;
    if (tag === SETTINGS_TAG) {
      if (settings) refuse('it holds settings twice.');
      const parsed = v.safeParse(SettingsRecordSchema, record);
      if (!parsed.success) refuse('its settings must be an object.');
      settings = parsed.output;
      return;
    }
    const collection = TAG_COLLECTION.get(tag as string);
    if (!collection) return refuse(`line ${lines + 1} holds a kind of record Holdspace does not know (${String(tag).slice(0, 20)}).`);
    const list = records[collection];
    if (list.length >= LIMITS.backupRecords[collection]) refuse(tooManySentence(collection), collection);
    const parsed = v.safeParse(RECORD_SCHEMAS[collection], record, { abortEarly: true });
    if (!parsed.success) {
      const issue = parsed.issues[0];
      const path = [
        { type: 'object', origin: 'value', input: records, key: collection, value: list },
        { type: 'array', origin: 'value', input: list, key: list.length, value: record },
        ...(issue.path ?? []),
      ] as unknown as typeof issue.path;
      throw new Refusal(issueSentence({ ...issue, path }));
    }
    list.push(parsed.output);
  };

  for (;;) {
    const { done, value } = (await reader.read()) as ReadableStreamReadResult<Uint8Array>;
    if (done) break;
    unpacked += value.length;
    if (unpacked > LIMITS.backupUnpackedBytes) refuse(`it unpacks to more than ${sizeWords(LIMITS.backupUnpackedBytes)}.`);
    let start = 0;
    for (let at = value.indexOf(NEWLINE); at >= 0; at = value.indexOf(NEWLINE, start)) {
      let line: Uint8Array = value.subarray(start, at);
      if (pending.length) {
        line = join([...pending, line], pendingBytes + line.length);
        pending = [];
        pendingBytes = 0;
      }
      onLine(line);
      start = at + 1;
    }
    if (start < value.length) {
      pending.push(value.slice(start));
      pendingBytes += value.length - start;
      if (pendingBytes > LIMITS.backupLineBytes) refuse(`one of its lines is longer than ${sizeWords(LIMITS.backupLineBytes)}.`);
    }
    if (performance.now() - sliceStart > SLICE_MS) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      sliceStart = performance.now();
    }
  }
  if (pendingBytes > 0) onLine(join(pending, pendingBytes));
  return finish(header, trailer, { ...records, settings } as never, crc, lines, now);
}

function join(parts: Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function readHeader(value: unknown): v.InferOutput<typeof HeaderSchema> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return refuse('it is not a Holdspace backup file.');
  const raw = value as Record<string, unknown>;
  if (raw.format === FORMATS.session) {
    refuse('this is the export of a single session, not a backup. Use a file made with “Export backup”.', 'format');
  }
  if (raw.format !== BACKUP_FORMAT) refuse('it is not a Holdspace backup file.', 'format');
  if (typeof raw.formatVersion === 'number' && raw.formatVersion > BACKUP_FORMAT_VERSION) {
    refuse(
      `it was made by a newer version of Holdspace (format ${raw.formatVersion}). Update Holdspace, then import it again.`,
      'formatVersion',
    );
  }
  const parsed = v.safeParse(HeaderSchema, raw, { abortEarly: true });
  if (!parsed.success) throw new Refusal(issueSentence(parsed.issues[0]));
  return parsed.output;
}

function finish(
  header: v.InferOutput<typeof HeaderSchema> | null,
  trailer: Record<string, unknown> | null,
  records: Omit<BackupFile, 'format' | 'formatVersion' | 'exportedAt' | 'scope' | 'counts'>,
  crc: number,
  lines: number,
  now: number,
): BackupFile {
  if (!header) return refuse('the file is empty.');
  if (!trailer) return refuse('its end is missing: it was cut short (an interrupted download or copy?). Use a complete copy.');
  if (trailer.lines !== lines)
    refuse(`it says it holds ${String(trailer.lines)} records but holds ${lines}; it may have been cut short or edited.`);
  if (trailer.crc32 !== crcHex(crc))
    refuse('its checksum does not match its contents: it was changed or damaged after Holdspace saved it.');
  const file: BackupFile = { ...header, ...records };
  if (file.exportedAt > now + CLOCK_SKEW_MS) refuse('it says it was made in the future; its dates cannot be trusted.', 'exportedAt');
  const problem = integrityProblem(file);
  if (problem) throw new Refusal(problem);
  return file;
}

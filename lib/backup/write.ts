/**
 * Writes a format-2 backup (lib/backup/format.ts): the header, one JSON line per record, the trailer with
 * the line count and CRC-32, all through the platform's gzip `CompressionStream`. Records are turned into
 * text a batch at a time, so no string ever holds the whole record; the result is a Blob of gzip bytes.
 */
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  COLLECTIONS,
  RECORD_TAGS,
  SETTINGS_TAG,
  type BackupFile,
  type BackupRecords,
} from './format';
import { crc32, crcHex } from './crc32';
import { countRecords } from './integrity';

/** Lines joined into one piece of text before it is encoded and compressed. */
const BATCH_LINES = 2000;

export type BackupHeader = Omit<BackupFile, keyof BackupRecords>;

export function backupHeader(records: BackupRecords, scope: 'all' | 'client', now: number): BackupHeader {
  return { format: BACKUP_FORMAT, formatVersion: BACKUP_FORMAT_VERSION, exportedAt: now, scope, counts: countRecords(records) };
}

/** The file's gzip bytes. `records` are read once, in order; nothing is kept but the compressed output. */
export async function writeBackup(records: BackupRecords, scope: 'all' | 'client', now: number): Promise<Blob> {
  const gzip = new CompressionStream('gzip');
  const output = new Response(gzip.readable).blob();
  const writer = gzip.writable.getWriter();
  const encoder = new TextEncoder();
  let crc = 0;
  let lines = 0;
  let batch: string[] = [];
  const flush = async () => {
    if (!batch.length) return;
    const bytes = encoder.encode(batch.join(''));
    batch = [];
    crc = crc32(bytes, crc);
    await writer.write(bytes);
  };
  const line = async (text: string) => {
    batch.push(text, '\n');
    if (batch.length >= BATCH_LINES * 2) await flush();
  };
  try {
    await line(JSON.stringify(backupHeader(records, scope, now)));
    if (records.settings) {
      await line(JSON.stringify([SETTINGS_TAG, records.settings]));
      lines++;
    }
    for (const collection of COLLECTIONS) {
      const tag = JSON.stringify(RECORD_TAGS[collection]);
      for (const record of records[collection]) {
        await line(`[${tag},${JSON.stringify(record)}]`);
        lines++;
      }
    }
    await flush();
    const trailer = JSON.stringify({ end: BACKUP_FORMAT, lines, crc32: crcHex(crc) });
    await writer.write(encoder.encode(`${trailer}\n`));
    await writer.close();
  } catch (error) {
    await writer.abort(error).catch(() => undefined);
    throw error;
  }
  return output;
}

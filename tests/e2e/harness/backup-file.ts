/**
 * Backup files in browser tests (Chromium and Firefox alike): the whole-record file made through the API as
 * a view makes it (page by page), its unpacked lines, and files packed from edited lines with a matching
 * trailer, so a test can hand Settings a file that is well-formed and hostile only where it means to be.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { crc32, crcHex } from '../../../lib/backup/crc32';

/** A call to the Holdspace API from an extension page, resolving to the method's value. */
export type Call = <T>(method: string, args?: Record<string, unknown>) => Promise<T>;

/** The gzip bytes of "Export backup". */
export async function exportedBackup(call: Call): Promise<Buffer> {
  const made = await call<{ transfer: string; pages: number }>('exportBackup');
  const parts: Buffer[] = [];
  for (let page = 0; page < made.pages; page++)
    parts.push(Buffer.from(await call<string>('backupPage', { transfer: made.transfer, page }), 'base64'));
  await call('endBackupTransfer', { transfer: made.transfer });
  return Buffer.concat(parts);
}

/** The header and record lines of a file (its trailer left off). */
export function backupLines(file: Buffer): string[] {
  return gunzipSync(file).toString('utf8').split('\n').slice(0, -2);
}

/** A format-2 file of these lines, with a trailer that matches them. */
export function packBackup(lines: string[]): Buffer {
  const body = lines.map((l) => `${l}\n`).join('');
  const trailer = { end: 'holdspace-backup', lines: lines.length - 1, crc32: crcHex(crc32(new TextEncoder().encode(body))) };
  return gzipSync(Buffer.from(`${body}${JSON.stringify(trailer)}\n`));
}

/** Everything in the store, as a backup, without the moment of export: equal means unchanged. */
export async function storeSnapshot(call: Call): Promise<Record<string, unknown> & { counts: Record<string, number>; records: string[] }> {
  const [header, ...records] = backupLines(await exportedBackup(call));
  const { exportedAt: _, ...rest } = JSON.parse(header!) as Record<string, unknown> & { counts: Record<string, number> };
  return { ...rest, records };
}

/** The store's backup with one more client: named with a script tag, and sharing the real client's id. */
export async function hostileBackup(call: Call): Promise<Buffer> {
  const [header, ...records] = backupLines(await exportedBackup(call));
  const meta = JSON.parse(header!) as { counts: { clients: number } };
  const client = JSON.parse(records.find((l) => l.startsWith('["client"'))!)[1];
  meta.counts.clients += 1;
  const evil = JSON.stringify(['client', { ...client, name: '<script>window.__hsPwned = 1</script>Jordan' }]);
  return packBackup([JSON.stringify(meta), ...records, evil]);
}

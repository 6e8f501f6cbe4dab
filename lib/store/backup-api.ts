/**
 * The backup methods: lib/backup writes and reads the file (format 2, streamed), backup-repo reads the
 * record out and applies a checked file, and lib/store/transfers.ts holds files while they move to or from
 * a view page by page (no runtime message ever carries the whole record).
 */
import type { BackupCounts, BackupPreview, BackupTransfer, ImportMode } from '../api/contract';
import type { Id } from '../model/types';
import { readBackup } from '../backup/read';
import { createBackupWriter } from '../backup/write';
import { backupPreview } from '../backup/merge';
import { unwrap } from '../api/result';
import { invalid, type RepoContext } from './tx';
import { applyBackup, existingIds, readRecords } from './backup-repo';
import { UnsealError } from '../crypto/codec';
import { EnvelopeFormatError, isEnvelope, openBytes, sealBytes, type EnvelopeKey } from '../crypto/envelope';
import { WrongPassphraseError } from '../crypto/kdf';
import { createTransfers } from './transfers';

/**
 * THE one place an exported backup's bytes are encrypted: with the lock on, whatever the exporter produced
 * is wrapped in the envelope (lib/crypto/envelope.ts) under the lock's key; with it off it passes unchanged.
 */
export async function sealBackupBytes(bytes: Uint8Array<ArrayBuffer>, key: EnvelopeKey | null): Promise<Uint8Array<ArrayBuffer>> {
  return key ? sealBytes(bytes, key) : bytes;
}

/** The backup inside an encrypted file, or the file itself when it is not encrypted; refusals in words. */
export async function openBackupFile(file: Blob, passphrase: string | undefined): Promise<Blob> {
  if (!isEnvelope(new Uint8Array(await file.slice(0, 64).arrayBuffer()))) return file;
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (!passphrase) throw invalid('This backup is encrypted. Type the passphrase it was made with, then try again.', 'passphrase');
  try {
    return new Blob([await openBytes(bytes, passphrase)]);
  } catch (error) {
    if (error instanceof WrongPassphraseError)
      throw invalid('That passphrase does not open this backup. Nothing was changed: check it and try again.', 'passphrase');
    if (error instanceof UnsealError || error instanceof EnvelopeFormatError)
      throw invalid(`${error.message} Nothing was changed.`, 'transfer');
    throw error;
  }
}

/** The small settings (kept outside IndexedDB), read for export and written back on import. */
export interface BackupSettings {
  get(): Promise<Record<string, unknown> | null>;
  set(value: Record<string, unknown>): Promise<void>;
}

export function createBackupApi(
  ctx: RepoContext,
  settings: BackupSettings | undefined,
  envelopeKey: () => Promise<EnvelopeKey | null> = async () => null,
) {
  /** The file as a transfer: sealed in the envelope with the lock on (and marked so, for its name). */
  const held = async (bytes: Uint8Array<ArrayBuffer>) => {
    const key = await envelopeKey();
    return transfers.add(await sealBackupBytes(bytes, key), key !== null);
  };
  const readSettings = async () => (settings ? await settings.get().catch(() => null) : null);
  const transfers = createTransfers(ctx.now, ctx.newId);
  const checked = async (transfer: Id, passphrase?: string) =>
    unwrap(await transfers.check(transfer, async (file) => readBackup(await openBackupFile(file, passphrase), ctx.now())));
  return {
    // Records go into the file as the store reads them (lib/store/backup-repo.ts), none kept in between.
    async exportBackup(): Promise<BackupTransfer> {
      const file = createBackupWriter('all', ctx.now());
      file.settings(await readSettings());
      await readRecords(ctx, file.record);
      return held(await file.finish());
    },
    async exportClient(clientId: Id): Promise<BackupTransfer> {
      const file = createBackupWriter('client', ctx.now());
      await readRecords(ctx, file.record, clientId);
      return held(await file.finish());
    },
    backupPage: (transfer: Id, page: number): Promise<string> => transfers.page(transfer, page),
    uploadBackupPage: async (transfer: Id | undefined, page: number, data: string): Promise<BackupTransfer> =>
      transfers.append(transfer, page, data),
    async previewBackup(transfer: Id, passphrase?: string): Promise<BackupPreview> {
      const file = await checked(transfer, passphrase);
      return backupPreview(file, await existingIds(ctx));
    },
    async importBackup(transfer: Id, mode: ImportMode, passphrase?: string): Promise<BackupCounts> {
      const file = await checked(transfer, passphrase);
      if (mode === 'replace' && file.scope === 'client') {
        throw invalid('This file holds one client’s record. Merge it, or choose a full backup to replace everything.', 'mode');
      }
      const counts = await applyBackup(ctx, file, mode);
      transfers.end(transfer);
      // Settings live outside IndexedDB: written after the transaction has committed.
      const stored = await readSettings();
      if (settings && file.settings && (mode === 'replace' || stored === null)) await settings.set(file.settings).catch(() => undefined);
      return counts;
    },
    endBackupTransfer: async (transfer: Id): Promise<null> => {
      transfers.end(transfer);
      return null;
    },
  };
}

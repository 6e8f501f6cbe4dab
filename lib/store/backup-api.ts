/** The four backup methods: lib/backup parses and serializes, backup-repo reads and applies. */
import type { BackupCounts, BackupPreview, ImportMode } from '../api/contract';
import type { Id } from '../model/types';
import { parseBackup } from '../backup/parse';
import { serializeBackup } from '../backup/serialize';
import { backupPreview } from '../backup/merge';
import { unwrap } from '../api/result';
import { invalid, type RepoContext } from './tx';
import { applyBackup, collectRecords, existingIds } from './backup-repo';
import { fromUtf8, utf8 } from '../crypto/bytes';
import { UnsealError } from '../crypto/codec';
import { EnvelopeFormatError, isEnvelope, openBytes, sealBytes, type EnvelopeKey } from '../crypto/envelope';
import { WrongPassphraseError } from '../crypto/kdf';

/**
 * THE one place an exported backup's bytes are encrypted: with the lock on, whatever the exporter produced
 * is wrapped in the envelope (lib/crypto/envelope.ts) under the lock's key; with it off it passes unchanged.
 */
export async function sealBackupBytes(bytes: Uint8Array, key: EnvelopeKey | null): Promise<Uint8Array> {
  return key ? sealBytes(bytes, key) : bytes;
}

/** The backup inside an encrypted file, or the file itself when it is not encrypted; refusals in words. */
export async function openBackupText(text: string, passphrase: string | undefined): Promise<string> {
  const bytes = utf8(text);
  if (!isEnvelope(bytes)) return text;
  if (!passphrase) throw invalid('This backup is encrypted. Type the passphrase it was made with, then try again.', 'passphrase');
  try {
    return fromUtf8(await openBytes(bytes, passphrase));
  } catch (error) {
    if (error instanceof WrongPassphraseError)
      throw invalid('That passphrase does not open this backup. Nothing was changed: check it and try again.', 'passphrase');
    if (error instanceof UnsealError || error instanceof EnvelopeFormatError)
      throw invalid(`${error.message} Nothing was changed.`, 'text');
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
  onImported: () => void,
  envelopeKey: () => Promise<EnvelopeKey | null> = async () => null,
) {
  const seal = async (text: string) => {
    const key = await envelopeKey();
    return key ? fromUtf8(await sealBackupBytes(utf8(text), key)) : text;
  };
  const readSettings = async () => (settings ? await settings.get().catch(() => null) : null);
  return {
    async exportBackup(): Promise<string> {
      const records = await collectRecords(ctx);
      return seal(serializeBackup({ ...records, settings: await readSettings() }, 'all', ctx.now()));
    },
    async exportClient(clientId: Id): Promise<string> {
      const records = await collectRecords(ctx, clientId);
      return seal(serializeBackup({ ...records, settings: null }, 'client', ctx.now()));
    },
    async previewBackup(text: string, passphrase?: string): Promise<BackupPreview> {
      const file = unwrap(parseBackup(await openBackupText(text, passphrase), ctx.now()));
      return backupPreview(file, await existingIds(ctx));
    },
    async importBackup(text: string, mode: ImportMode, passphrase?: string): Promise<BackupCounts> {
      const file = unwrap(parseBackup(await openBackupText(text, passphrase), ctx.now()));
      if (mode === 'replace' && file.scope === 'client') {
        throw invalid('This file holds one client’s record. Merge it, or choose a full backup to replace everything.', 'mode');
      }
      const counts = await applyBackup(ctx, file, mode);
      onImported();
      // Settings live outside IndexedDB: written after the transaction has committed.
      const stored = await readSettings();
      if (settings && file.settings && (mode === 'replace' || stored === null)) await settings.set(file.settings).catch(() => undefined);
      return counts;
    },
  };
}

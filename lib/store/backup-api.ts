/**
 * The backup methods: lib/backup writes and reads the file (format 2, streamed), backup-repo reads the
 * record out and applies a checked file, and lib/store/transfers.ts holds files while they move to or from
 * a view page by page (no runtime message ever carries the whole record).
 */
import type { BackupCounts, BackupPreview, BackupTransfer, ImportMode } from '../api/contract';
import type { Id } from '../model/types';
import { readBackup } from '../backup/read';
import { writeBackup } from '../backup/write';
import { backupPreview } from '../backup/merge';
import { unwrap } from '../api/result';
import { invalid, type RepoContext } from './tx';
import { applyBackup, collectRecords, existingIds } from './backup-repo';
import { createTransfers } from './transfers';

/** The small settings (kept outside IndexedDB), read for export and written back on import. */
export interface BackupSettings {
  get(): Promise<Record<string, unknown> | null>;
  set(value: Record<string, unknown>): Promise<void>;
}

export function createBackupApi(ctx: RepoContext, settings: BackupSettings | undefined) {
  const readSettings = async () => (settings ? await settings.get().catch(() => null) : null);
  const transfers = createTransfers(ctx.now, ctx.newId);
  const checked = async (transfer: Id) => unwrap(await transfers.check(transfer, (file) => readBackup(file, ctx.now())));
  return {
    async exportBackup(): Promise<BackupTransfer> {
      const records = await collectRecords(ctx);
      return transfers.add(await writeBackup({ ...records, settings: await readSettings() }, 'all', ctx.now()));
    },
    async exportClient(clientId: Id): Promise<BackupTransfer> {
      const records = await collectRecords(ctx, clientId);
      return transfers.add(await writeBackup({ ...records, settings: null }, 'client', ctx.now()));
    },
    backupPage: (transfer: Id, page: number): Promise<string> => transfers.page(transfer, page),
    uploadBackupPage: async (transfer: Id | undefined, page: number, data: string): Promise<BackupTransfer> =>
      transfers.append(transfer, page, data),
    async previewBackup(transfer: Id): Promise<BackupPreview> {
      const file = await checked(transfer);
      return backupPreview(file, await existingIds(ctx));
    },
    async importBackup(transfer: Id, mode: ImportMode): Promise<BackupCounts> {
      const file = await checked(transfer);
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

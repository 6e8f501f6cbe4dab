/** The four backup methods: lib/backup parses and serializes, backup-repo reads and applies. */
import type { BackupCounts, BackupPreview, ImportMode } from '../api/contract';
import type { Id } from '../model/types';
import { parseBackup } from '../backup/parse';
import { serializeBackup } from '../backup/serialize';
import { backupPreview } from '../backup/merge';
import { unwrap } from '../api/result';
import { invalid, type RepoContext } from './tx';
import { applyBackup, collectRecords, existingIds } from './backup-repo';

/** The small settings (kept outside IndexedDB), read for export and written back on import. */
export interface BackupSettings {
  get(): Promise<Record<string, unknown> | null>;
  set(value: Record<string, unknown>): Promise<void>;
}

export function createBackupApi(ctx: RepoContext, settings: BackupSettings | undefined, onImported: () => void) {
  const readSettings = async () => (settings ? await settings.get().catch(() => null) : null);
  return {
    async exportBackup(): Promise<string> {
      const records = await collectRecords(ctx);
      return serializeBackup({ ...records, settings: await readSettings() }, 'all', ctx.now());
    },
    async exportClient(clientId: Id): Promise<string> {
      const records = await collectRecords(ctx, clientId);
      return serializeBackup({ ...records, settings: null }, 'client', ctx.now());
    },
    async previewBackup(text: string): Promise<BackupPreview> {
      const file = unwrap(parseBackup(text, ctx.now()));
      return backupPreview(file, await existingIds(ctx));
    },
    async importBackup(text: string, mode: ImportMode): Promise<BackupCounts> {
      const file = unwrap(parseBackup(text, ctx.now()));
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

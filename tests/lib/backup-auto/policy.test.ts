import { describe, expect, it } from 'vitest';
import {
  afterFailure,
  afterWrite,
  autoBackupName,
  backupDue,
  backupWarning,
  readAutoBackupStatus,
  toPrune,
  type AutoBackupFile,
} from '@/lib/backup-auto/policy';
import { SAFEKEEPING } from '@/lib/model/limits';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2026, 11, 2, 14, 5, 9);
const file = (id: number, at: number): AutoBackupFile => ({ id, at, path: `/home/c/Downloads/Holdspace/b${id}.json` });
const empty = readAutoBackupStatus(undefined);

describe('automatic backup policy', () => {
  it('reads a damaged status leniently', () => {
    expect(empty).toEqual({ last: null, failure: null, files: [] });
    expect(readAutoBackupStatus({ last: 'x', files: [file(1, 5), { id: 'no' }], failure: 3 })).toEqual({
      last: null,
      failure: null,
      files: [],
    });
    expect(readAutoBackupStatus({ last: file(1, 5), files: [file(1, 5)] }).last).toEqual(file(1, 5));
  });

  it('is due after an ended session and when turned on, daily only once a day has passed', () => {
    const recent = afterWrite(empty, file(1, NOW - DAY / 2), []);
    expect(backupDue(recent, 'session-ended', NOW)).toBe(true);
    expect(backupDue(recent, 'turned-on', NOW)).toBe(true);
    expect(backupDue(recent, 'daily', NOW)).toBe(false);
    expect(backupDue(afterWrite(empty, file(1, NOW - DAY), []), 'daily', NOW)).toBe(true);
    expect(backupDue(afterFailure(empty, 'disk full', NOW - 1000), 'daily', NOW)).toBe(false); // no retry loop after a failure
    expect(backupDue(empty, 'daily', NOW)).toBe(true);
  });

  it('prunes all but the newest N, oldest first, and forgets the pruned', () => {
    const files = [file(3, 30), file(1, 10), file(2, 20)];
    expect(toPrune(files, 2)).toEqual([file(1, 10)]);
    expect(toPrune(files, 3)).toEqual([]);
    expect(toPrune(files, SAFEKEEPING.backupsKept)).toEqual([]);
    const status = afterWrite({ ...empty, files: [file(1, 10), file(2, 20)] }, file(3, 30), [file(1, 10)]);
    expect(status.files.map((f) => f.id)).toEqual([2, 3]);
    expect(status.last).toEqual(file(3, 30));
  });

  it('names files so that they sort by time', () => {
    const utc = () => 0;
    expect(autoBackupName(NOW, { zone: utc })).toBe('holdspace-auto-backup-2026-12-02-1405-09-000.jsonl.gz');
    expect(autoBackupName(NOW + 60_000, { zone: utc }) > autoBackupName(NOW, { zone: utc })).toBe(true);
    // Two in the same second still sort in the order written (the browser would otherwise add " (1)",
    // which sorts before the first).
    expect(autoBackupName(NOW + 7, { zone: utc })).toBe('holdspace-auto-backup-2026-12-02-1405-09-007.jsonl.gz');
    expect(autoBackupName(NOW + 999, { zone: utc }) > autoBackupName(NOW + 7, { zone: utc })).toBe(true);
    // With the lock on the file is the encrypted envelope (JSON), and says so.
    expect(autoBackupName(NOW, { zone: utc, encrypted: true })).toBe('holdspace-auto-backup-2026-12-02-1405-09-000.encrypted.json');
  });

  it('warns only while on: after a failure, or when the last backup is over a week old', () => {
    const fresh = afterWrite(empty, file(1, NOW - DAY), []);
    expect(backupWarning(true, fresh, NOW)).toBeNull(); // control
    expect(backupWarning(true, fresh, NOW + SAFEKEEPING.backupStaleMs)).toMatch(/more than a week old/);
    const failed = afterFailure(fresh, 'The browser could not write the file (FILE_NO_SPACE).', NOW);
    expect(backupWarning(true, failed, NOW)).toBe(
      'The last automatic backup failed: The browser could not write the file (FILE_NO_SPACE).',
    );
    expect(backupWarning(false, failed, NOW)).toBeNull();
    expect(backupWarning(true, afterWrite(failed, file(2, NOW + 1), []), NOW + 2)).toBeNull(); // a later success clears it
  });
});

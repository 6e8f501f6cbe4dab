import { describe, expect, it } from 'vitest';
import { backupFilename, clientExportFilename, engagementReportFilename, safeFilePart, summaryFilename } from '@/lib/export/filenames';
import { buildSummary } from '@/lib/export/summary-model';
import { bundle, client, NOW, UTC } from './fixtures';

describe('filenames', () => {
  it.each([
    ['Jane Doe', 'jane-doe'],
    ['Zoë  O’Brien', 'zoë-o-brien'],
    ['محمد علي', 'محمد-علي'],
    ['../../etc/passwd', 'etc-passwd'],
    ['<script>alert(1)</script>', 'script-alert-1-script'],
    ['CON', 'con'],
    ['a\u202Egnp.exe', 'a-gnp-exe'],
    ['🙂🙂', 'client'],
    ['', 'client'],
  ])('safeFilePart(%j) = %j', (input, expected) => {
    expect(safeFilePart(input)).toBe(expected);
  });

  it('cuts long names', () => {
    expect([...safeFilePart('x'.repeat(500))].length).toBe(60);
  });

  it('summary, backup and client export names', () => {
    const coach = buildSummary(bundle(), { clientVersion: false, zone: UTC });
    const shareable = buildSummary(bundle({ client: client({ name: 'Zoë / Team' }) }), { clientVersion: true, zone: UTC });
    expect(summaryFilename(coach, 'md')).toBe('jane-doe-2026-11-20-session.md');
    expect(summaryFilename(coach, 'ics')).toBe('jane-doe-2026-11-20-commitments.ics');
    expect(summaryFilename(shareable, 'txt')).toBe('zoë-team-2026-11-20-session-client.txt');
    expect(backupFilename(NOW, { zone: UTC })).toBe('holdspace-backup-2026-11-21.jsonl.gz');
    expect(clientExportFilename('Jane Doe', NOW, { zone: UTC })).toBe('holdspace-client-jane-doe-2026-11-21.jsonl.gz');
    expect(backupFilename(NOW, { zone: UTC, encrypted: true })).toBe('holdspace-backup-2026-11-21.encrypted.json');
    expect(clientExportFilename('Jane Doe', NOW, { zone: UTC, encrypted: true })).toBe(
      'holdspace-client-jane-doe-2026-11-21.encrypted.json',
    );
    expect(engagementReportFilename('Jane Doe', NOW, false, UTC)).toBe('jane-doe-2026-11-21-engagement.md');
    expect(engagementReportFilename('Zoë/Team', NOW, true, UTC)).toBe('zoë-team-2026-11-21-engagement-client.md');
  });
});

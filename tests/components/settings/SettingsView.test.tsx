// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { ok, fail, type HoldspaceError, type Result } from '@/lib/api/result';
import { BACKUP_MAX_BYTES } from '@/lib/backup/format';
import { readBackup } from '@/lib/backup/read';
import { serializeBackup } from '@/lib/backup/serialize';
import { writeBackupBytes } from '@/lib/backup/write';
import { createTransfers } from '@/lib/store/transfers';
import { backupPreview, idsOf } from '@/lib/backup/merge';
import { countRecords } from '@/lib/backup/integrity';
import { SettingsView } from '@/components/settings/SettingsView';
import { fakeEnv, WithEnv, type FakeEnv } from '../../helpers/fake-env';
import { axeViolations } from '../app/axe';
import { NOW, records } from '../../lib/backup/fixtures';

afterEach(cleanup);

/** The backup methods answer as the store does (files page by page, read by lib/backup/read), never touching data on refusal. */
function settingsEnv() {
  const stored = records();
  let n = 0;
  const transfers = createTransfers(
    () => NOW,
    () => `t${++n}`,
  );
  const answer = async <T,>(work: () => Promise<T> | T): Promise<Result<T>> => {
    try {
      return ok(await work());
    } catch (error) {
      const e = error as HoldspaceError;
      return fail(e.code, e.message);
    }
  };
  const checked = (transfer: string) => transfers.check(transfer, (file) => readBackup(file, NOW));
  return fakeEnv({
    now: () => NOW,
    api: {
      listClients: async () => ok(stored.clients),
      storageHealth: async () => ok({ persisted: true, usageBytes: 5 * 1024 * 1024, quotaBytes: 2 * 1024 ** 3 }),
      exportBackup: async () => ok(transfers.add(await writeBackupBytes(stored, 'all', NOW), false)),
      exportClient: async () =>
        ok(transfers.add(await writeBackupBytes({ ...stored, clients: stored.clients.slice(0, 1) }, 'client', NOW), false)),
      backupPage: ({ transfer, page }) => answer(() => transfers.page(transfer, page)),
      uploadBackupPage: ({ transfer, page, data }) => answer(() => transfers.append(transfer, page, data)),
      endBackupTransfer: async () => ok(null),
      previewBackup: async ({ transfer }) => {
        const parsed = await checked(transfer);
        return parsed.ok ? ok(backupPreview(parsed.value, idsOf(stored))) : parsed;
      },
      importBackup: async ({ transfer }) => {
        const parsed = await checked(transfer);
        return parsed.ok ? ok(countRecords(parsed.value)) : parsed;
      },
      deleteClient: async () => ok({ clientName: 'Jane Doe', sessions: 2, items: 11 }),
    },
  });
}

async function show(env: FakeEnv) {
  render(
    <WithEnv env={env}>
      <main>
        <SettingsView onClose={() => {}} />
      </main>
    </WithEnv>,
  );
  await screen.findByRole('spinbutton', { name: 'Default session length (minutes)' });
  await screen.findByText(/Storage is persistent/);
}

function pick(text: string, name = 'backup.json', size?: number) {
  const file = new File([text], name, { type: 'application/json' });
  if (size !== undefined) Object.defineProperty(file, 'size', { value: size });
  const input = screen.getByLabelText('Import backup') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
  return file;
}

describe('SettingsView', () => {
  it('shows defaults, backup, client data and storage health, with no axe violations', async () => {
    const env = settingsEnv();
    await show(env);
    expect(screen.getByText('Using 5.0 MB of 2.0 GB available.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Export backup' })).toBeTruthy();
    expect(screen.getByLabelText('Import backup')).toBeTruthy();
    expect(await axeViolations(document.body, false)).toEqual([]);
  });

  it('takes focus as it opens (its heading; Tab goes on to "Close settings"), in the same commit', () => {
    render(
      <WithEnv env={settingsEnv()}>
        <main>
          <SettingsView onClose={() => {}} />
        </main>
      </WithEnv>,
    );
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Settings' }));
  });

  it('saves defaults through env.settings, and refuses out-of-range values', async () => {
    const env = settingsEnv();
    await show(env);
    const length = screen.getByRole('spinbutton', { name: 'Default session length (minutes)' });
    fireEvent.change(length, { target: { value: '45' } });
    await waitFor(() => expect(env.settingsValue().defaultLengthMinutes).toBe(45));
    fireEvent.change(length, { target: { value: '900' } });
    expect(screen.getByText('Use a whole number from 5 to 240 minutes.')).toBeTruthy();
    expect(env.settingsValue().defaultLengthMinutes).toBe(45);

    fireEvent.change(screen.getByRole('combobox', { name: 'Theme' }), { target: { value: 'dark' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Soft chime at wrap-up' }));
    await waitFor(() => expect(env.settingsValue()).toMatchObject({ theme: 'dark', soundOnWrapUp: true }));

    fireEvent.change(screen.getByRole('spinbutton', { name: 'Exploring (%)' }), { target: { value: '50' } });
    expect(screen.getByText('Adds up to 90 %: make it 100 % to save the split.')).toBeTruthy();
    expect(env.settingsValue().phases.exploring).toBe(60);
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Actions (%)' }), { target: { value: '30' } });
    await waitFor(() => expect(env.settingsValue().phases).toEqual({ contracting: 10, exploring: 50, actions: 30, closing: 10 }));
  });

  it('exports the backup as a dated file', async () => {
    const env = settingsEnv();
    await show(env);
    fireEvent.click(screen.getByRole('button', { name: 'Export backup' }));
    await waitFor(() => expect(env.io.download).toHaveBeenCalled());
    const [name, mime, content] = vi.mocked(env.io.download).mock.calls[0]!;
    expect([name, mime]).toEqual(['holdspace-backup-2026-11-21.jsonl.gz', 'application/gzip']);
    const file = await readBackup(content as Blob, NOW);
    expect(file.ok && file.value.counts.clients).toBe(2);
  });

  it.each([
    ['broken JSON', '{"format": "holdspace-backup", "formatVersion": 1, "clients": [', /not complete, readable JSON/],
    ['a future version', serializeBackup(records(), 'all', NOW).replace('"formatVersion": 1', '"formatVersion": 7'), /newer version/],
    ['duplicate ids', serializeBackup({ ...records(), items: [...records().items, records().items[0]!] }, 'all', NOW), /share the id/],
  ])('a file with %s is refused in an alert, and nothing is imported', async (_what, text, message) => {
    const env = settingsEnv();
    await show(env);
    pick(text);
    expect((await screen.findByRole('alert')).textContent).toMatch(message);
    expect(env.api.importBackup).not.toHaveBeenCalled();
    expect(screen.queryByRole('button', { name: 'Merge' })).toBeNull();
  });

  it('a file over the size cap (1 GB) is refused before it is read', async () => {
    const env = settingsEnv();
    await show(env);
    const file = pick('{}', 'huge.json', BACKUP_MAX_BYTES + 1);
    const read = vi.spyOn(file, 'text');
    expect((await screen.findByRole('alert')).textContent).toMatch(/larger than 1 GB/);
    expect(read).not.toHaveBeenCalled();
    expect(env.api.previewBackup).not.toHaveBeenCalled();
  });

  it('a good file shows the preview, then merges', async () => {
    const env = settingsEnv();
    await show(env);
    const text = serializeBackup(records(), 'all', NOW);
    pick(text, 'holdspace-backup-2026-11-20.json');
    const preview = await screen.findByRole('group', { name: 'Backup preview' });
    expect(preview.textContent).toContain(
      'holdspace-backup-2026-11-20.json holds 2 clients, 3 sessions, 12 captured items (1 review) and 1 own question.',
    );
    expect(preview.textContent).toContain('18 records are already here');
    expect(env.api.importBackup).not.toHaveBeenCalled();
    const merge = within(preview).getByRole('button', { name: 'Merge' });
    merge.focus();
    fireEvent.click(merge);
    await waitFor(() => expect(env.api.importBackup).toHaveBeenCalledWith(expect.objectContaining({ mode: 'merge' })));
    expect((await screen.findByText(/^Merged: 2 clients/)).textContent).toContain('12 captured items');
    // The preview's buttons are gone: focus is back on "Import backup", never on nothing.
    expect(document.activeElement).toBe(screen.getByLabelText('Import backup'));
  });

  it('"Cancel import" puts focus back on "Import backup"', async () => {
    const env = settingsEnv();
    await show(env);
    pick(serializeBackup(records(), 'all', NOW));
    const cancel = await screen.findByRole('button', { name: 'Cancel import' });
    cancel.focus();
    fireEvent.click(cancel);
    await waitFor(() => expect(screen.queryByRole('group', { name: 'Backup preview' })).toBeNull());
    expect(document.activeElement).toBe(screen.getByLabelText('Import backup'));
    expect(env.api.importBackup).not.toHaveBeenCalled();
  });

  it('replace everything asks once before importing', async () => {
    const env = settingsEnv();
    await show(env);
    const text = serializeBackup(records(), 'all', NOW);
    pick(text);
    const replace = await screen.findByRole('button', { name: 'Replace everything' });
    replace.focus();
    fireEvent.click(replace);
    const dialog = screen.getByRole('dialog', { name: 'Replace everything?' });
    expect(env.api.importBackup).not.toHaveBeenCalled();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Yes, replace everything' }));
    await waitFor(() => expect(env.api.importBackup).toHaveBeenCalledWith(expect.objectContaining({ mode: 'replace' })));
    expect(await screen.findByText(/^Restored: /)).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText('Import backup'));
  });

  it('a one-client file can be merged, not used to replace everything', async () => {
    const env = settingsEnv();
    await show(env);
    const r = records();
    const one = {
      ...r,
      clients: [r.clients[1]!],
      sessions: [r.sessions[2]!],
      items: [r.items.at(-1)!],
      questions: [],
      questionPrefs: [],
      settings: null,
    };
    pick(serializeBackup(one, 'client', NOW));
    const preview = await screen.findByRole('group', { name: 'Backup preview' });
    expect(preview.textContent).toContain("one client's record");
    expect(within(preview).queryByRole('button', { name: 'Replace everything' })).toBeNull();
    expect(within(preview).getByRole('button', { name: 'Merge' })).toBeTruthy();
  });

  it('a refused import shows an alert', async () => {
    const env = settingsEnv();
    env.api.importBackup.mockImplementation(async () => fail('storage', 'The import was rolled back: the disk is full.'));
    await show(env);
    pick(serializeBackup(records(), 'all', NOW));
    fireEvent.click(await screen.findByRole('button', { name: 'Merge' }));
    expect((await screen.findByRole('alert')).textContent).toContain('rolled back');
  });

  it('exports one client, and deletes a client after the name is typed, saying what was deleted', async () => {
    const env = settingsEnv();
    await show(env);
    const select = screen.getByRole('combobox', { name: 'Choose a client' });
    await within(select).findByRole('option', { name: 'Jane Doe' });
    fireEvent.change(select, { target: { value: 'c1' } });

    fireEvent.click(screen.getByRole('button', { name: 'Export client data' }));
    await waitFor(() => expect(env.api.exportClient).toHaveBeenCalledWith({ clientId: 'c1' }));
    await waitFor(() => expect(env.io.download).toHaveBeenCalled());
    expect(vi.mocked(env.io.download).mock.calls[0]![0]).toBe('holdspace-client-jane-doe-2026-11-21.jsonl.gz');

    fireEvent.click(screen.getByRole('button', { name: 'Delete client' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete Jane Doe?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete permanently' }));
    expect(env.api.deleteClient).not.toHaveBeenCalled();
    fireEvent.input(within(dialog).getByRole('textbox', { name: "Type the client's name to confirm" }), { target: { value: 'jane doe' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete permanently' }));
    await waitFor(() => expect(env.api.deleteClient).toHaveBeenCalledWith({ id: 'c1' }));
    expect(await screen.findByText('Deleted Jane Doe: 2 sessions and 11 captured items.')).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { readAutoBackupStatus, type AutoBackupStatus } from '@/lib/backup-auto/policy';
import type { AutoBackupPort } from '@/lib/view/ports';
import { AutoBackupSection } from '@/components/settings/AutoBackupSection';
import { AutoBackupWarning } from '@/components/settings/AutoBackupWarning';
import { useSettings } from '@/components/settings/useSettings';
import { fakeEnv, WithEnv } from '../../helpers/fake-env';

afterEach(cleanup);

const NOW = Date.UTC(2026, 11, 2, 14, 0, 0);
const PATH = '/home/sam/Downloads/Holdspace/holdspace-auto-backup-2026-12-02-1355-00.json';

function envWith(status: AutoBackupStatus, granted: boolean, on = false) {
  const env = fakeEnv({ now: () => NOW, settings: { autoBackup: on } });
  const port: AutoBackupPort = {
    status: async () => status,
    watch: () => () => {},
    turnOn: vi.fn(async () => {
      if (!granted) return { ok: false as const, message: 'Automatic backups stay off: they need the browser’s permission.' };
      await env.settings.update({ autoBackup: true });
      return { ok: true as const };
    }),
    turnOff: vi.fn(async () => env.settings.update({ autoBackup: false })),
  };
  return { env: { ...env, autoBackup: port }, port, fake: env };
}

function Section() {
  const { settings, loaded, update } = useSettings();
  return loaded ? <AutoBackupSection settings={settings} onSave={(patch) => void update(patch)} /> : null;
}

const written = readAutoBackupStatus({
  last: { id: 4, path: PATH, at: NOW - 5 * 60_000 },
  files: [{ id: 4, path: PATH, at: NOW - 5 * 60_000 }],
});

describe('automatic backups in Settings', () => {
  it('a refused permission is said in words and changes nothing', async () => {
    const { env, port, fake } = envWith(readAutoBackupStatus(null), false);
    render(
      <WithEnv env={env}>
        <Section />
      </WithEnv>,
    );
    const box = await screen.findByRole('checkbox', { name: 'Back up automatically' });
    fireEvent.click(box);
    expect((await screen.findByRole('alert')).textContent).toMatch(/stay off: they need the browser’s permission/);
    expect(port.turnOn).toHaveBeenCalledTimes(1);
    expect(fake.settingsValue().autoBackup).toBe(false);
    expect((box as HTMLInputElement).checked).toBe(false);
  });

  it('turned on, shows "Last backup: <when>, <where>" and the number kept', async () => {
    const { env, fake } = envWith(written, true);
    render(
      <WithEnv env={env}>
        <Section />
      </WithEnv>,
    );
    expect(screen.queryByText(/^Last backup:/)).toBeNull(); // control: off, nothing said
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Back up automatically' }));
    await waitFor(() => expect(fake.settingsValue().autoBackup).toBe(true));
    const line = await screen.findByText(/^Last backup:/);
    expect(line.textContent).toMatch(new RegExp(`^Last backup: .+, .+, ${PATH.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`));
    expect((screen.getByLabelText('Backups kept') as HTMLInputElement).value).toBe('10');
  });
});

describe('the quiet warning in both views', () => {
  it('shows when the last backup failed while on, and not when off', async () => {
    const failed = readAutoBackupStatus({
      ...written,
      failure: { at: NOW - 1000, message: 'The browser could not write the file (FILE_NO_SPACE).' },
    });
    const on = envWith(failed, true, true);
    render(
      <WithEnv env={on.env}>
        <AutoBackupWarning />
      </WithEnv>,
    );
    expect((await screen.findByRole('status')).textContent).toMatch(/^The last automatic backup failed: .*FILE_NO_SPACE.*See Settings/);
    cleanup();
    const off = envWith(failed, true, false);
    render(
      <WithEnv env={off.env}>
        <AutoBackupWarning />
      </WithEnv>,
    );
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByRole('status')).toBeNull();
  });
});

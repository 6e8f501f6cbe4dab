// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { ok } from '@/lib/api/result';
import type { RetentionPreview } from '@/lib/api/contract';
import { formatDay } from '@/lib/model/dates';
import { RetentionSection } from '@/components/settings/RetentionSection';
import { useSettings } from '@/components/settings/useSettings';
import { fakeEnv, WithEnv } from '../../helpers/fake-env';
import { axeViolations } from '../app/axe';

afterEach(cleanup);

const NOW = Date.UTC(2026, 11, 2, 14, 0, 0);
const DAY = 24 * 60 * 60 * 1000;
const OLIVE_SEEN = NOW - 800 * DAY;
const NORA_ADDED = NOW - 500 * DAY;

const preview = (months: number): RetentionPreview => ({
  months,
  cutoff: NOW - 365 * DAY,
  clients: [
    {
      clientId: 'olive',
      name: 'Olive Old',
      archived: false,
      createdAt: OLIVE_SEEN - DAY,
      lastSession: OLIVE_SEEN,
      lastSeen: OLIVE_SEEN,
      sessions: 4,
    },
    { clientId: 'nora', name: 'Nora Never', archived: true, createdAt: NORA_ADDED, lastSession: null, lastSeen: NORA_ADDED, sessions: 0 },
  ],
});

function Section() {
  const { settings, loaded, update } = useSettings();
  return loaded ? <RetentionSection settings={settings} onSave={(patch) => void update(patch)} /> : null;
}

function setup(months = 0, clients = preview(12).clients) {
  const env = fakeEnv({
    now: () => NOW,
    settings: { retentionMonths: months },
    api: {
      retentionPreview: async ({ months: m }) => ok({ ...preview(m), clients }),
      applyRetention: async ({ clientIds }) =>
        ok({
          deleted: clientIds.map((id) => ({
            clientName: id === 'olive' ? 'Olive Old' : 'Nora Never',
            sessions: id === 'olive' ? 4 : 0,
            items: 3,
          })),
          kept: 0,
        }),
    },
  });
  render(
    <WithEnv env={env}>
      <main>
        <Section />
      </main>
    </WithEnv>,
  );
  return env;
}

const months = () => screen.findByRole('combobox', { name: 'Delete clients not seen for' }) as Promise<HTMLSelectElement>;
const showButton = () => screen.queryByRole('button', { name: 'Show clients to delete' });

describe('Settings → Retention', () => {
  it('is off by default, offers no deletion then, and saves the months chosen', async () => {
    const env = setup();
    const select = await months();
    expect(select.value).toBe('0');
    expect(select.selectedOptions[0]!.textContent).toBe('Off (keep every client)');
    expect(showButton()).toBeNull();
    fireEvent.change(select, { target: { value: '24' } });
    await waitFor(() => expect(env.settingsValue().retentionMonths).toBe(24));
    expect(showButton()).not.toBeNull(); // control: the button is there once a span is chosen
    expect(env.api.retentionPreview).not.toHaveBeenCalled();
  });

  it('shows the clients that would go (name, last session or when added, sessions) and deletes nothing until confirmed', async () => {
    const env = setup(12);
    await months();
    fireEvent.click(showButton()!);
    const dialog = await screen.findByRole('dialog', { name: 'Clients not seen for 12 months' });
    expect(env.api.retentionPreview).toHaveBeenCalledWith({ months: 12 });
    const list = within(dialog).getByRole('list', { name: 'Clients to delete' });
    const rows = within(list)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(rows).toEqual([
      `Olive Old — Last session ${formatDay(OLIVE_SEEN, NOW)} · 4 sessions`,
      `Nora Never (archived) — No session; added ${formatDay(NORA_ADDED, NOW)}`,
    ]);
    expect((within(dialog).getByRole('checkbox', { name: /Olive Old/ }) as HTMLInputElement).checked).toBe(true);
    // Focus starts in the list (not on the delete button, where Enter would confirm).
    await waitFor(() => expect(document.activeElement).toBe(within(dialog).getByRole('checkbox', { name: /Olive Old/ })));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(env.api.applyRetention).not.toHaveBeenCalled();
  });

  it('deletes only the ticked clients the coach saw, and says who went', async () => {
    const env = setup(12);
    await months();
    fireEvent.click(showButton()!);
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('checkbox', { name: /Nora Never/ }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete 1 client' }));
    await waitFor(() => expect(env.api.applyRetention).toHaveBeenCalledWith({ months: 12, clientIds: ['olive'] }));
    expect((await screen.findByText(/^Deleted 1 client/)).textContent).toBe('Deleted 1 client: Olive Old (4 sessions, 3 captured items).');
  });

  it('with every client unticked, the delete button does nothing', async () => {
    const env = setup(12);
    await months();
    fireEvent.click(showButton()!);
    const dialog = await screen.findByRole('dialog');
    for (const box of within(dialog).getAllByRole('checkbox')) fireEvent.click(box);
    const none = within(dialog).getByRole('button', { name: 'Delete no client' });
    expect(none.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(none);
    expect(env.api.applyRetention).not.toHaveBeenCalled();
    expect(screen.getByRole('dialog')).toBeTruthy();
  });

  it('says so when no client qualifies, without a dialog', async () => {
    setup(6, []);
    await months();
    fireEvent.click(showButton()!);
    expect((await screen.findByText(/Nothing to delete/)).textContent).toBe(
      'Every client was seen in the last 6 months. Nothing to delete.',
    );
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('has no axe violations, with the list open', async () => {
    setup(12);
    await months();
    fireEvent.click(showButton()!);
    await screen.findByRole('dialog');
    expect(await axeViolations(document.body)).toEqual([]);
  });
});

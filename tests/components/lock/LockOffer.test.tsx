// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { ok } from '@/lib/api/result';
import type { LockStatus } from '@/lib/api/contract';
import type { Client } from '@/lib/model/types';
import type { Settings } from '@/lib/settings/settings';
import type { Layout } from '@/lib/view/ports';
import { PrefsProvider } from '@/components/app/PrefsProvider';
import { LockContext } from '@/components/lock/lockContext';
import { LockOffer } from '@/components/lock/LockOffer';
import { fakeEnv, WithEnv, type FakeEnv } from '../../helpers/fake-env';
import { axeViolations } from '../app/axe';

afterEach(cleanup);

const OFF: LockStatus = { on: false, locked: false, rewriting: false, lockAt: null };
const ON: LockStatus = { ...OFF, on: true };
const ANA = { id: 'c1', name: 'Ana' } as Client;

function envFor(o: { layout?: Layout; clients?: Client[]; settings?: Partial<Settings> } = {}) {
  return fakeEnv({
    layout: o.layout ?? 'panel',
    settings: o.settings,
    api: {
      listClients: async () => ok(o.clients ?? []),
      turnOnLock: async () => ok(ON),
    },
  });
}

/** The offer where the app puts it: under the client field of the no-session picker. */
function show(env: FakeEnv, status: LockStatus = OFF) {
  return render(
    <WithEnv env={env}>
      <PrefsProvider>
        <LockContext.Provider value={{ status, lockNow: () => undefined, unlockedNow: false }}>
          <main>
            <div role="tabpanel" aria-label="Client">
              <input role="combobox" aria-label="Client" aria-expanded="false" />
              <LockOffer />
            </div>
          </main>
        </LockContext.Provider>
      </PrefsProvider>
    </WithEnv>,
  );
}

const offer = () => screen.queryByRole('region', { name: 'Protect your notes with a passphrase?' });
/** Waits until the clients were asked for (the offer decides then). */
const settled = async (env: FakeEnv) => waitFor(() => expect(env.api.listClients).toHaveBeenCalled());

describe('the lock offered on first run', () => {
  it('shows once in the side panel on an empty record, without taking focus', async () => {
    const env = envFor();
    show(env);
    const card = await screen.findByRole('region', { name: 'Protect your notes with a passphrase?' });
    expect(within(card).getByRole('button', { name: 'Set a passphrase' })).toBeTruthy();
    expect(within(card).getByRole('button', { name: 'Not now' })).toBeTruthy();
    expect(card.contains(document.activeElement)).toBe(false);
    expect(env.api.listClients).toHaveBeenCalledWith({ includeArchived: true });
  });

  it('"Not now" answers it for good: stored in the settings, gone after a reload, focus back at the client field', async () => {
    const env = envFor();
    const first = show(env);
    fireEvent.click(await screen.findByRole('button', { name: 'Not now' }));
    await waitFor(() => expect(env.settingsValue().lockOffered).toBe(true));
    await waitFor(() => expect(offer()).toBeNull());
    expect(document.activeElement).toBe(screen.getByRole('combobox', { name: 'Client' }));
    first.unmount();
    show(env); // the view opens again with the same stored settings
    await settled(env);
    await new Promise((r) => setTimeout(r, 20));
    expect(offer()).toBeNull();
  });

  it('is not shown in the overlay, with a client, with the lock on, or once answered (each against the shown control)', async () => {
    const cases: [string, FakeEnv, LockStatus][] = [
      ['overlay', envFor({ layout: 'overlay' }), OFF],
      ['a client', envFor({ clients: [ANA] }), OFF],
      ['lock on', envFor(), ON],
      ['answered', envFor({ settings: { lockOffered: true } }), OFF],
    ];
    for (const [, env, status] of cases) {
      const view = show(env, status);
      await new Promise((r) => setTimeout(r, 20));
      expect(offer()).toBeNull();
      view.unmount();
    }
    show(envFor());
    expect(await screen.findByRole('region', { name: 'Protect your notes with a passphrase?' })).toBeTruthy();
  });

  it('turns the lock on right there with the Settings form, and is answered by it', async () => {
    const env = envFor();
    show(env);
    fireEvent.click(await screen.findByRole('button', { name: 'Set a passphrase' }));
    const field = await screen.findByLabelText('New passphrase');
    await waitFor(() => expect(document.activeElement).toBe(field));
    expect(screen.getByText(/A forgotten passphrase cannot be recovered/)).toBeTruthy();
    fireEvent.input(field, { target: { value: 'lantern harbour' } });
    fireEvent.input(screen.getByLabelText('Repeat passphrase'), { target: { value: 'lantern harbour' } });
    fireEvent.click(screen.getByRole('button', { name: 'Turn on lock' }));
    await waitFor(() => expect(env.api.turnOnLock).toHaveBeenCalledWith({ passphrase: 'lantern harbour', repeat: 'lantern harbour' }));
    await waitFor(() => expect(env.settingsValue().lockOffered).toBe(true));
    expect((await screen.findByText(/^The lock is on\. Your notes are encrypted on this computer;/)).textContent).toMatch(/Lock now/);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Done' }))); // not lost with the form
  });

  it('a refused passphrase is said and answers nothing', async () => {
    const env = envFor();
    env.api.turnOnLock.mockImplementation(async () => ({
      ok: false,
      error: { code: 'invalid', message: 'The repeated passphrase does not match the new one.', field: 'repeat' },
    }));
    show(env);
    fireEvent.click(await screen.findByRole('button', { name: 'Set a passphrase' }));
    fireEvent.input(await screen.findByLabelText('New passphrase'), { target: { value: 'lantern harbour' } });
    fireEvent.input(screen.getByLabelText('Repeat passphrase'), { target: { value: 'lantern harbor' } });
    fireEvent.click(screen.getByRole('button', { name: 'Turn on lock' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/does not match/);
    expect(env.settingsValue().lockOffered).toBe(false);
    expect(offer()).not.toBeNull();
  });

  it('has no axe violations, closed and with the form open', async () => {
    show(envFor());
    await screen.findByRole('region', { name: 'Protect your notes with a passphrase?' });
    expect(await axeViolations(document.body)).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Set a passphrase' }));
    await screen.findByLabelText('New passphrase');
    expect(await axeViolations(document.body)).toEqual([]);
  });
});

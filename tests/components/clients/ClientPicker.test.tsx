// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fail, ok } from '@/lib/api/result';
import { ClientPicker } from '@/components/clients/ClientPicker';
import { fakeEnv, type FakeEnv } from '../../helpers/fake-env';
import { axeViolations } from '../app/axe';
import { renderWithEnv } from '../app/render';
import type { PrepareView } from '@/lib/api/contract';
import { DEFAULT_ENGAGEMENT } from '@/lib/model/client';
import type { Client } from '@/lib/model/types';
import { aClient, aCommitment, aSession, NOW } from '../app/fixtures';

afterEach(cleanup);

const ana = aClient({ id: 'c1', name: 'Ana Lima' });
const ben = aClient({ id: 'c2', name: 'Ben Okafor' });

function show(env: FakeEnv, onStarted = vi.fn()) {
  renderWithEnv(env, <ClientPicker onStarted={onStarted} />);
  return onStarted;
}

function prepView(client: Client, over: Partial<PrepareView>): PrepareView {
  return {
    client,
    engagement: DEFAULT_ENGAGEMENT,
    sessionsHeld: 0,
    weeksIn: null,
    last: null,
    open: [],
    repeatedBeliefs: [],
    recent: { done: 0, reviewed: 0 },
    opening: null,
    ...over,
  };
}

const combobox = () => screen.getByRole('combobox', { name: 'Client' });

describe('ClientPicker', () => {
  it('with no clients yet: says so, creates the typed client and starts a session', async () => {
    const session = aSession({ clientId: 'new' });
    const env = fakeEnv({
      settings: { defaultLengthMinutes: 50 },
      api: {
        listClients: async () => ok([]),
        recentClients: async () => ok([]),
        createClient: async ({ input }) => ok(aClient({ id: 'new', name: input.name })),
        startSession: async () => ok(session),
      },
    });
    const onStarted = show(env);
    expect(await screen.findByRole('heading', { name: 'No client yet' })).toBeTruthy();
    fireEvent.input(combobox(), { target: { value: 'Chloé Martin' } });
    expect(screen.getByRole('option', { name: 'Create client “Chloé Martin”' })).toBeTruthy();
    expect(screen.getByText(/This will be your first session together/)).toBeTruthy();
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: 'Start session' })));
    await waitFor(() => expect(onStarted).toHaveBeenCalledWith(session));
    expect(env.api.createClient).toHaveBeenCalledWith({ input: { name: 'Chloé Martin' } });
    expect(env.api.startSession).toHaveBeenCalledWith({ clientId: 'new', plannedMinutes: 50 });
  });

  it('type-ahead over existing clients: arrow keys and Enter choose, then Start session uses that client', async () => {
    const env = fakeEnv({
      api: {
        listClients: async () => ok([ana, ben]),
        recentClients: async () => ok([ben]),
        clientHistory: async () => ok([]),
        prepare: async () => ok(prepView(ben, { sessionsHeld: 0 })),
        startSession: async () => ok(aSession({ clientId: 'c2' })),
      },
    });
    const onStarted = show(env);
    await screen.findByRole('heading', { name: 'Who are you coaching?' });
    expect(screen.queryAllByRole('option')).toEqual([]);
    fireEvent.keyDown(combobox(), { key: 'ArrowDown' });
    const options = screen.getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual(['Ben Okafor', 'Ana Lima']);
    fireEvent.input(combobox(), { target: { value: 'ok' } });
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['Ben Okafor', 'Create client “ok”']);
    expect(combobox().getAttribute('aria-activedescendant')).toBe(screen.getAllByRole('option')[0]!.id);
    fireEvent.keyDown(combobox(), { key: 'ArrowDown' });
    expect(combobox().getAttribute('aria-activedescendant')).toBe(screen.getAllByRole('option')[1]!.id);
    fireEvent.keyDown(combobox(), { key: 'ArrowUp' });
    fireEvent.keyDown(combobox(), { key: 'Enter' });
    expect(combobox()).toHaveProperty('value', 'Ben Okafor');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Start session' }));
    expect(await screen.findByText(/First session with Ben Okafor/)).toBeTruthy();
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: 'Start session' })));
    await waitFor(() => expect(onStarted).toHaveBeenCalled());
    expect(env.api.createClient).not.toHaveBeenCalled();
    expect(env.api.startSession).toHaveBeenCalledWith({ clientId: 'c2', plannedMinutes: 60 });
  });

  it('a returning client: the Prepare card shows the engagement so far and what is up for review (overdue marked), with the history below', async () => {
    const last = aSession({ id: 's0', status: 'ended', startedAt: NOW - 14 * 86_400_000 });
    const env = fakeEnv({
      api: {
        listClients: async () => ok([ana]),
        recentClients: async () => ok([ana]),
        clientHistory: async () => ok([{ session: last, itemCount: 3, commitmentCount: 2 }]),
        prepare: async () =>
          ok(
            prepView(ana, {
              sessionsHeld: 1,
              last: { session: last, inquiries: [] },
              open: [
                aCommitment({ id: 'i1', text: 'Call the bank', due: '2026-11-10' }),
                aCommitment({ id: 'i2', text: 'Walk daily', due: '2026-12-10' }),
              ],
            }),
          ),
      },
    });
    show(env);
    await screen.findByRole('heading', { name: 'Who are you coaching?' });
    // Control: nothing to prepare until a client is chosen.
    expect(screen.queryByRole('region', { name: 'Prepare' })).toBeNull();
    fireEvent.input(combobox(), { target: { value: 'ana' } });
    fireEvent.keyDown(combobox(), { key: 'Enter' });
    const card = await screen.findByRole('region', { name: 'Prepare' });
    await waitFor(() => expect(card.textContent).toContain('Session 2'));
    expect(env.api.prepare).toHaveBeenCalledWith({ clientId: 'c1' });
    expect(within(card).getByText('Call the bank').parentElement!.textContent).toMatch(/overdue, by/);
    expect(within(card).getByText('Walk daily').parentElement!.textContent).not.toMatch(/overdue/);
    expect(screen.getByText('Earlier sessions and their summaries')).toBeTruthy();
  });

  it('a failed create says why and keeps the name', async () => {
    const env = fakeEnv({
      api: {
        listClients: async () => ok([]),
        recentClients: async () => ok([]),
        createClient: async () => fail('storage', 'The disk is full.'),
      },
    });
    show(env);
    fireEvent.input(combobox(), { target: { value: 'Dana' } });
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: 'Start session' })));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not create Dana.');
    expect(alert.textContent).toContain('The disk is full.');
    expect(combobox()).toHaveProperty('value', 'Dana');
    expect(env.api.startSession).not.toHaveBeenCalled();
  });

  it('asks for a name when Start session is pressed with none', async () => {
    const env = fakeEnv({ api: { listClients: async () => ok([ana]), recentClients: async () => ok([]) } });
    show(env);
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: 'Start session' })));
    expect(screen.getByRole('alert').textContent).toContain('No client chosen.');
    expect(env.api.startSession).not.toHaveBeenCalled();
  });

  it('has no axe violations', async () => {
    const env = fakeEnv({ api: { listClients: async () => ok([ana, ben]), recentClients: async () => ok([]) } });
    show(env);
    await screen.findByRole('heading', { name: 'Who are you coaching?' });
    fireEvent.keyDown(combobox(), { key: 'ArrowDown' });
    expect(await axeViolations()).toEqual([]);
  });
});

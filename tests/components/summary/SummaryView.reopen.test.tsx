// @vitest-environment happy-dom
/** A past session's summary reopens — from the client's history in the picker and from search — editable and exportable. */
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SessionBundle } from '@/lib/api/contract';
import { ok } from '@/lib/api/result';
import { ClientPicker } from '@/components/clients/ClientPicker';
import { GlobalSearch } from '@/components/search/GlobalSearch';
import { fakeEnv, type FakeEnv } from '../../helpers/fake-env';
import { aBundle, aClient, anItem, aSession, NOW } from '../app/fixtures';
import { renderWithEnv } from '../app/render';

afterEach(cleanup);

const ana = aClient({ id: 'c1', name: 'Ana Lima', email: 'ana@example.org' });
const pastSession = aSession({
  id: 's0',
  clientId: 'c1',
  status: 'ended',
  startedAt: NOW - 14 * 86_400_000,
  endedAt: NOW - 14 * 86_400_000 + 55 * 60_000,
});

/** A store holding one past session; the summary's writes land in it. */
function storeEnv() {
  let bundle: SessionBundle = aBundle({
    client: ana,
    session: { ...pastSession, contract: { ...pastSession.contract, topic: 'Team conflict' } },
    items: [anItem({ id: 'i1', sessionId: 's0', text: 'Send the proposal to Maria', due: '2026-11-18' })],
  });
  const env: FakeEnv = fakeEnv({
    now: () => NOW,
    api: {
      listClients: async () => ok([ana]),
      recentClients: async () => ok([ana]),
      getClient: async () => ok(ana),
      clientHistory: async () => ok([{ session: bundle.session, itemCount: 1, commitmentCount: 1 }]),
      openCommitments: async () => ok([]),
      search: async () =>
        ok([
          { kind: 'session', id: 's0', title: 'Team conflict', detail: 'Ana Lima', clientId: 'c1', sessionId: 's0', score: 1, matched: [] },
        ]),
      getSessionBundle: async () => ok(bundle),
      setReflection: async ({ text }) => {
        bundle = { ...bundle, session: { ...bundle.session, reflection: text } };
        return ok(bundle.session);
      },
      updateItem: async ({ id, patch }) => {
        bundle = { ...bundle, items: bundle.items.map((i) => (i.id === id ? { ...i, ...patch } : i)) };
        queueMicrotask(() => env.emit({ topics: ['items'] }));
        return ok(bundle.items.find((i) => i.id === id)!);
      },
    },
  });
  return { env, get: () => bundle };
}

async function editAndExport(env: FakeEnv, get: () => SessionBundle) {
  const summary = await screen.findByRole('region', { name: 'Session summary' });
  expect(document.activeElement).toBe(within(summary).getByRole('heading', { name: 'Session summary' }));
  fireEvent.input(within(summary).getByRole('textbox', { name: 'Closing reflection' }), {
    target: { value: 'I rushed the contract.' },
  });
  await waitFor(() =>
    expect(env.api.setReflection).toHaveBeenCalledWith(expect.objectContaining({ sessionId: 's0', text: 'I rushed the contract.' })),
  );
  expect(get().session.reflection).toBe('I rushed the contract.');
  fireEvent.input(within(summary).getByRole('textbox', { name: 'Commitment 1 wording' }), {
    target: { value: 'Send the proposal to Maria by mail' },
  });
  fireEvent.input(within(summary).getByLabelText('Commitment 1 by when'), { target: { value: '2026-11-25' } });
  await waitFor(() => expect(get().items[0]).toMatchObject({ text: 'Send the proposal to Maria by mail', due: '2026-11-25' }));
  fireEvent.click(within(summary).getByRole('button', { name: 'Download Markdown' }));
  const markdown = vi.mocked(env.io.download).mock.calls.at(-1)![2];
  expect(markdown).toContain('Send the proposal to Maria by mail — due 2026-11-25');
  expect(markdown).toContain('I rushed the contract.');
  return summary;
}

describe('reopening a past summary', () => {
  it('from the client history in the picker: edit reflection, wording and date, export, back to the client', async () => {
    const { env, get } = storeEnv();
    renderWithEnv(env, <ClientPicker onStarted={vi.fn()} />);
    await screen.findByRole('heading', { name: 'Who are you coaching?' });
    const combobox = screen.getByRole('combobox', { name: 'Client' });
    fireEvent.input(combobox, { target: { value: 'ana' } });
    fireEvent.keyDown(combobox, { key: 'Enter' });
    fireEvent.click(await screen.findByText('Earlier sessions and their summaries'));
    fireEvent.click(screen.getByRole('button', { name: /^Open summary: .*Team conflict$/ }));
    const summary = await editAndExport(env, get);
    fireEvent.click(within(summary).getByRole('button', { name: 'Back to the client' }));
    expect(await screen.findByRole('heading', { name: 'Who are you coaching?' })).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Session summary' })).toBeNull();
  });

  it('from search: the record offers "Open summary"; closing returns to the record, focus on that button', async () => {
    const { env, get } = storeEnv();
    renderWithEnv(env, <GlobalSearch />);
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search everything' }), { target: { value: 'team' } });
    fireEvent.click(await screen.findByRole('button', { name: /Team conflict/ }));
    const open = await screen.findByRole('button', { name: 'Open summary' });
    // The record alone is read-only (control for what the summary adds), and the bar says it is as recorded.
    expect(screen.queryByRole('textbox', { name: 'Closing reflection' })).toBeNull();
    const bar = () => document.querySelector('.detail__bar')!.textContent;
    expect(bar()).toContain('As recorded');
    fireEvent.click(open);
    const summary = await editAndExport(env, get);
    // The summary is edited here: the bar says so, never "Read-only".
    expect(bar()).toContain('Edits save as you type');
    expect(bar()).not.toMatch(/read-only|as recorded/i);
    await act(async () => void fireEvent.click(within(summary).getByRole('button', { name: 'Back to the session' })));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Open summary' })));
    expect(bar()).toContain('As recorded');
  });
});

// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SearchHit } from '@/lib/api/contract';
import { fail, ok } from '@/lib/api/result';
import { GlobalSearch } from '@/components/search/GlobalSearch';
import { fakeEnv, type FakeEnv } from '../../helpers/fake-env';
import { aBundle, aClient, anItem, aSession, NOW } from '../app/fixtures';
import { axeViolations } from '../app/axe';
import { renderWithEnv } from '../app/render';

beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }));
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const settle = (ms = 0) => act(async () => void (await vi.advanceTimersByTimeAsync(ms)));
const hit = (over: Partial<SearchHit>): SearchHit => ({
  kind: 'client',
  id: 'c1',
  title: 'Ana Lima',
  detail: '3 sessions',
  clientId: 'c1',
  sessionId: null,
  score: 1,
  matched: [],
  ...over,
});
const HITS: SearchHit[] = [
  hit({}),
  hit({ kind: 'session', id: 's0', title: 'Team conflict', detail: 'Ana Lima · 7 Nov', sessionId: 's0' }),
  hit({ kind: 'item', id: 'i1', title: 'Send the proposal to Maria', detail: 'Commitment · Ana Lima', sessionId: 's0' }),
];

const box = () => screen.getByRole('searchbox', { name: 'Search everything' });

async function typed(env: FakeEnv, query: string) {
  renderWithEnv(env, <GlobalSearch />);
  fireEvent.input(box(), { target: { value: query } });
  await settle(80);
}

const pastSession = aSession({ id: 's0', status: 'ended', startedAt: NOW - 14 * 86_400_000, endedAt: NOW - 14 * 86_400_000 + 55 * 60_000 });
const pastBundle = aBundle({
  session: {
    ...pastSession,
    contract: { ...pastSession.contract, topic: 'Team conflict', desiredOutcome: 'A plan for the Monday meeting' },
  },
  items: [anItem({ id: 'i1', text: 'Send the proposal to Maria', due: '2026-11-18', howWillYouKnow: 'Maria replies' })],
});

describe('GlobalSearch', () => {
  it('searches once typing pauses (~80 ms) and lists the results', async () => {
    const env = fakeEnv({ api: { search: async () => ok(HITS) } });
    renderWithEnv(env, <GlobalSearch />);
    fireEvent.input(box(), { target: { value: 'an' } });
    fireEvent.input(box(), { target: { value: 'ana' } });
    await settle(79);
    expect(env.api.search).not.toHaveBeenCalled();
    await settle(1);
    await settle();
    expect(env.api.search).toHaveBeenCalledTimes(1);
    expect(env.api.search).toHaveBeenCalledWith({ query: 'ana', limit: 20 });
    const list = screen.getByRole('list', { name: 'Search results' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(3);
    expect(screen.getByRole('region', { name: 'Search results' })).toBeTruthy();
  });

  it('marks the words that matched, as text: a hostile title stays words, never markup', async () => {
    const hostile = '<img src=x onerror="alert(1)"> Delegate <b>the</b> budget';
    const env = fakeEnv({
      api: {
        search: async () =>
          ok([
            hit({ kind: 'item', id: 'i9', title: hostile, detail: 'Commitment · Ana Lima · by 18 Dec', matched: ['delegate', 'lima'] }),
            hit({ id: 'c2', title: 'Sam Delgado', detail: 'Client', matched: [] }),
          ]),
      },
    });
    await typed(env, 'deleg lima');
    const [first, second] = within(screen.getByRole('list', { name: 'Search results' })).getAllByRole('button');
    const marks = [...first!.querySelectorAll('mark')];
    expect(marks.map((m) => m.textContent)).toEqual(['Delegate', 'Lima']);
    expect(marks.every((m) => m.children.length === 0)).toBe(true);
    expect(first!.querySelector('img, b')).toBeNull();
    expect(first!.textContent).toContain(hostile);
    // The button's name is still its words, read whole.
    expect(screen.getByRole('button', { name: /Delegate <b>the<\/b> budget/ })).toBe(first);
    // Control: a result whose words did not match carries no mark.
    expect(second!.querySelector('mark')).toBeNull();
  });

  it('moves through the results with the arrow keys and back up to the box', async () => {
    await typed(fakeEnv({ api: { search: async () => ok(HITS) } }), 'ana');
    const buttons = within(screen.getByRole('list', { name: 'Search results' })).getAllByRole('button');
    fireEvent.keyDown(box(), { key: 'ArrowDown' });
    expect(document.activeElement).toBe(buttons[0]);
    fireEvent.keyDown(buttons[0]!, { key: 'ArrowDown' });
    fireEvent.keyDown(buttons[1]!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(buttons[2]);
    fireEvent.keyDown(buttons[2]!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(buttons[2]);
    fireEvent.keyDown(buttons[2]!, { key: 'Home' });
    expect(document.activeElement).toBe(buttons[0]);
    fireEvent.keyDown(buttons[0]!, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(box());
  });

  it('Enter opens a client read-only with their history; Escape steps back to the result', async () => {
    const env = fakeEnv({
      api: {
        search: async () => ok(HITS),
        getClient: async () => ok(aClient({ email: 'ana@example.org' })),
        clientHistory: async () => ok([{ session: pastBundle.session, itemCount: 4, commitmentCount: 1 }]),
      },
    });
    await typed(env, 'ana');
    fireEvent.keyDown(box(), { key: 'ArrowDown' });
    const first = document.activeElement as HTMLElement;
    fireEvent.click(first);
    await settle();
    expect(env.api.clientHistory).toHaveBeenCalledWith({ clientId: 'c1' });
    const heading = screen.getByRole('heading', { name: 'Ana Lima' });
    expect(document.activeElement).toBe(heading);
    expect(screen.getByText('Team conflict')).toBeTruthy();
    expect(screen.getByText('4 captured · 1 commitment')).toBeTruthy();
    expect(screen.queryByRole('textbox')).toBeNull();
    fireEvent.keyDown(heading, { key: 'Escape' });
    await settle();
    expect(box()).toHaveProperty('value', 'ana');
    expect(document.activeElement).toBe(within(screen.getByRole('list', { name: 'Search results' })).getAllByRole('button')[0]);
  });

  it('opens a session from a client, then steps back one level at a time', async () => {
    const env = fakeEnv({
      api: {
        search: async () => ok(HITS),
        getClient: async () => ok(aClient()),
        clientHistory: async () => ok([{ session: pastBundle.session, itemCount: 1, commitmentCount: 1 }]),
        getSessionBundle: async () => ok(pastBundle),
      },
    });
    await typed(env, 'ana');
    fireEvent.keyDown(box(), { key: 'Enter' });
    await settle();
    fireEvent.click(screen.getByRole('button', { name: /Team conflict/ }));
    await settle();
    expect(env.api.getSessionBundle).toHaveBeenCalledWith({ sessionId: 's0' });
    expect(screen.getByText('A plan for the Monday meeting')).toBeTruthy();
    expect(screen.getByText('Send the proposal to Maria')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /^Back/ }));
    await settle();
    expect(screen.getByRole('heading', { name: 'Ana Lima' })).toBeTruthy();
  });

  it('opens a captured commitment with its details', async () => {
    const env = fakeEnv({ api: { search: async () => ok(HITS), getSessionBundle: async () => ok(pastBundle) } });
    await typed(env, 'proposal');
    fireEvent.click(screen.getByRole('button', { name: /Send the proposal to Maria/ }));
    await settle();
    expect(screen.getByRole('heading', { name: 'Commitment' })).toBeTruthy();
    expect(screen.getByText('Maria replies')).toBeTruthy();
    expect(screen.getByRole('button', { name: /Open the session with Ana Lima/ })).toBeTruthy();
  });

  it('says plainly when nothing matches', async () => {
    await typed(fakeEnv({ api: { search: async () => ok([]) } }), 'zebra');
    expect(screen.getByText('No matches for “zebra”')).toBeTruthy();
    expect(screen.queryByRole('list', { name: 'Search results' })).toBeNull();
  });

  it('says when search failed and retries', async () => {
    const env = fakeEnv({ api: { search: async () => fail('unavailable', 'Holdspace is restarting.') } });
    await typed(env, 'ana');
    expect(screen.getByRole('alert').textContent).toContain('Search failed.');
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await settle();
    expect(env.api.search).toHaveBeenCalledTimes(2);
  });

  it('Escape in the box clears the query', async () => {
    await typed(fakeEnv({ api: { search: async () => ok(HITS) } }), 'ana');
    fireEvent.keyDown(box(), { key: 'Escape' });
    await settle();
    expect(box()).toHaveProperty('value', '');
  });

  it('takes focus when its focus signal changes', async () => {
    const env = fakeEnv();
    const view = renderWithEnv(env, <GlobalSearch focusSignal={0} />);
    expect(document.activeElement).not.toBe(box());
    view.rerender(<GlobalSearch focusSignal={1} />);
    expect(document.activeElement).toBe(box());
  });

  it('has no axe violations with results', async () => {
    await typed(fakeEnv({ api: { search: async () => ok(HITS) } }), 'ana');
    vi.useRealTimers();
    expect(await axeViolations()).toEqual([]);
  });
});

// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DueThisWeek } from '@/lib/api/contract';
import { ok } from '@/lib/api/result';
import { DueThisWeekButton } from '@/components/due/DueThisWeek';
import { CommitmentReview } from '@/components/prior/CommitmentReview';
import { fakeEnv, type FakeEnv } from '../../helpers/fake-env';
import { aClient, aCommitment, NOW } from '../app/fixtures';
import { axeViolations } from '../app/axe';
import { renderWithEnv } from '../app/render';

beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }));
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const DAY = 86_400_000;
const ana = aClient({ id: 'c1', name: 'Ana Lima' });
const ben = aClient({ id: 'c2', name: 'Ben Okafor' });
const proposal = aCommitment({ id: 'i1', clientId: 'c1', text: 'Send the proposal to Maria', due: '2026-11-18' });
const skip = aCommitment({ id: 'i2', clientId: 'c1', text: 'Book a skip-level with Tom', due: '2026-11-24' });
const gym = aCommitment({ id: 'i3', clientId: 'c2', text: 'Go to the gym twice', due: '2026-11-22' });

function dueData(over: Partial<DueThisWeek> = {}): DueThisWeek {
  return {
    groups: [
      { client: ana, commitments: [proposal, skip], lastSeen: NOW - 14 * DAY, more: 3 },
      { client: ben, commitments: [gym], lastSeen: NOW - 7 * DAY, more: 0 },
    ],
    lapsed: [{ client: ben, lastSeen: NOW - 30 * DAY, cadenceWeeks: 2 }],
    unlisted: { clients: 0, commitments: 0 },
    ...over,
  };
}

async function open(env: FakeEnv) {
  renderWithEnv(env, <DueThisWeekButton />);
  const button = screen.getByRole('button', { name: 'Due this week' });
  expect(button.getAttribute('aria-expanded')).toBe('false');
  expect(screen.queryByRole('region', { name: 'Due this week' })).toBeNull();
  await act(async () => void fireEvent.click(button));
  await act(async () => void (await vi.advanceTimersByTimeAsync(0)));
  expect(button.getAttribute('aria-expanded')).toBe('true');
  return screen.getByRole('region', { name: 'Due this week' });
}

const card = (text: string) => screen.getByText(text).closest('li')!;

describe('Due this week', () => {
  it('opens a region with the commitments grouped by client (name shown), focus on the first, and the clients past their cadence', async () => {
    const env = fakeEnv({ api: { dueThisWeek: async () => ok(dueData()) } });
    const region = await open(env);
    const groups = within(region)
      .getAllByRole('heading', { level: 3 })
      .map((h) => h.textContent);
    expect(groups).toEqual(['Ana Lima', 'Ben Okafor', 'Not seen for longer than agreed']);
    const anas = within(region).getByRole('list', { name: "Ana Lima's commitments due" });
    expect(
      within(anas)
        .getAllByRole('listitem')
        .map((li) => li.querySelector('.commitment__what')?.textContent),
    ).toEqual(['Send the proposal to Maria', 'Book a skip-level with Tom']);
    expect(within(card('Send the proposal to Maria')).getByText('Overdue')).toBeTruthy();
    expect(within(region).getByText('3 commitments, 2 clients')).toBeTruthy();
    expect(region.textContent).toContain('every 2 weeks agreed');
    // Older overdue commitments past the list's length are counted under their client, not hidden.
    expect(
      within(region).getByText('3 older overdue commitments are not listed: they stay open for the next session’s review.'),
    ).toBeTruthy();
    expect(region.textContent?.match(/older overdue/g)).toHaveLength(1);
    expect(document.activeElement).toBe(card('Send the proposal to Maria'));
    vi.useRealTimers();
    expect(await axeViolations()).toEqual([]);
  });

  it('records a status by its key and a note without a session; Enter moves on to the next client’s commitment', async () => {
    const env = fakeEnv({ api: { dueThisWeek: async () => ok(dueData()), reviewCommitment: async () => ok(proposal) } });
    await open(env);
    const first = card('Book a skip-level with Tom');
    first.focus();
    await act(async () => void fireEvent.keyDown(first, { key: 'p' }));
    expect(env.api.reviewCommitment).toHaveBeenCalledWith({ itemId: 'i2', status: 'partly' });
    const note = within(first).getByRole('textbox', { name: 'Review note' });
    expect(document.activeElement).toBe(note);
    fireEvent.input(note, { target: { value: 'Booked for Friday' } });
    await act(async () => void fireEvent.keyDown(note, { key: 'Enter' }));
    expect(env.api.reviewCommitment).toHaveBeenLastCalledWith({ itemId: 'i2', status: 'partly', note: 'Booked for Friday' });
    expect(env.api.reviewCommitment.mock.calls.every(([args]) => !('sessionId' in args))).toBe(true);
    expect(document.activeElement).toBe(card('Go to the gym twice'));
  });

  it('a long list renders a page of clients at a time: "Show n more clients", and Enter from the last card goes on', async () => {
    const clients = Array.from({ length: 12 }, (_, c) => aClient({ id: `c${c}`, name: `Client ${c}` }));
    const groups = clients.map((client, c) => ({
      client,
      commitments: Array.from({ length: 10 }, (_, k) =>
        aCommitment({ id: `i${c}-${k}`, clientId: client.id, text: `Promise ${c}.${k}`, due: '2026-11-20' }),
      ),
      lastSeen: NOW - 7 * DAY,
      more: 0,
    }));
    // As the store answers: the leading clients whose cards fill `cards`, the rest counted.
    const answer = (cards = 40) => {
      let n = 0;
      let room = cards;
      while (n < groups.length && (n === 0 || room > 0)) room -= groups[n++]!.commitments.length;
      return { groups: groups.slice(0, n), lapsed: [], unlisted: { clients: groups.length - n, commitments: (groups.length - n) * 10 } };
    };
    const env = fakeEnv({
      api: { dueThisWeek: async ({ cards }) => ok(answer(cards)), reviewCommitment: async () => ok(groups[7]!.commitments[9]!) },
    });
    const region = await open(env);
    const shown = () => within(region).getAllByRole('heading', { level: 3 }).length;
    expect(shown()).toBe(4);
    expect(within(region).getByText('120 commitments, 12 clients')).toBeTruthy();
    await act(async () => void fireEvent.click(within(region).getByRole('button', { name: 'Show 8 more clients' })));
    await act(async () => void (await vi.advanceTimersByTimeAsync(0)));
    expect(env.api.dueThisWeek).toHaveBeenLastCalledWith({ cards: 80 });
    expect(shown()).toBe(8);
    // By keyboard: the last rendered card's note, Enter → the next page renders and its first card takes focus.
    const last = card('Promise 7.9');
    last.focus();
    await act(async () => void fireEvent.keyDown(last, { key: 'd' }));
    const note = within(last).getByRole('textbox', { name: 'Review note' });
    await act(async () => void fireEvent.keyDown(note, { key: 'Enter' }));
    await act(async () => void (await vi.advanceTimersByTimeAsync(0)));
    expect(shown()).toBe(12);
    expect(document.activeElement).toBe(card('Promise 8.0'));
    expect(within(region).queryByRole('button', { name: /more client/ })).toBeNull();
  }, 30_000); // 120 cards in happy-dom: about a second alone, several when the machine is busy

  it('a commitment reviewed here stays on screen when the list no longer has it (done takes it off the table)', async () => {
    let data = dueData();
    const env = fakeEnv({ api: { dueThisWeek: async () => ok(data), reviewCommitment: async () => ok(gym) } });
    await open(env);
    await act(async () => void fireEvent.keyDown(card('Go to the gym twice'), { key: 'd' }));
    data = dueData({ groups: [{ client: ana, commitments: [proposal, skip], lastSeen: NOW - 14 * DAY, more: 0 }] });
    await act(async () => {
      env.emit({ topics: ['reviews'] });
      await vi.advanceTimersByTimeAsync(0);
    });
    expect(env.api.dueThisWeek).toHaveBeenCalledTimes(2);
    expect(within(card('Go to the gym twice')).getByRole('button', { name: 'Done' }).getAttribute('aria-pressed')).toBe('true');
    // Control: a commitment never reviewed here leaves with the data.
    data = dueData({ groups: [{ client: ben, commitments: [], lastSeen: null, more: 0 }] });
    await act(async () => {
      env.emit({ topics: ['reviews'] });
      await vi.advanceTimersByTimeAsync(0);
    });
    expect(screen.queryByText('Send the proposal to Maria')).toBeNull();
    expect(screen.getByText('Go to the gym twice')).toBeTruthy();
  });

  it('a review recorded between sessions since the last session is the one the card edits; an older one is history', async () => {
    const between = { status: 'partly' as const, note: 'Half done', at: NOW - 2 * DAY };
    const env = fakeEnv({
      api: {
        dueThisWeek: async () =>
          ok(
            dueData({
              groups: [
                {
                  client: ana,
                  commitments: [
                    aCommitment({ ...proposal.item, reviews: [{ ...between }] }, { status: 'partly', lastReview: { ...between } }),
                  ],
                  lastSeen: NOW - 7 * DAY,
                  more: 0,
                },
                {
                  client: ben,
                  commitments: [aCommitment({ ...gym.item, reviews: [{ ...between }] }, { status: 'partly', lastReview: { ...between } })],
                  lastSeen: NOW - DAY,
                  more: 0,
                },
              ],
              lapsed: [],
            }),
          ),
      },
    });
    await open(env);
    const mine = card('Send the proposal to Maria');
    expect(within(mine).getByRole('button', { name: 'Partly done' }).getAttribute('aria-pressed')).toBe('true');
    expect((within(mine).getByRole('textbox', { name: 'Review note' }) as HTMLInputElement).value).toBe('Half done');
    expect(within(mine).queryByRole('list', { name: 'Earlier reviews' })).toBeNull();
    // Ben was seen after it: a new stretch, so it is history and the card starts unreviewed.
    const older = card('Go to the gym twice');
    expect(within(older).getByRole('button', { name: 'Partly done' }).getAttribute('aria-pressed')).toBe('false');
    expect(within(older).getByRole('list', { name: 'Earlier reviews' }).textContent).toContain(
      '(between sessions) Partly done — Half done',
    );
  });

  it('says so when nothing is due', async () => {
    const env = fakeEnv({ api: { dueThisWeek: async () => ok({ groups: [], lapsed: [], unlisted: { clients: 0, commitments: 0 } }) } });
    const region = await open(env);
    expect(region.textContent).toContain('Nothing due: no open commitment is overdue or due in the next seven days.');
    vi.useRealTimers();
    expect(await axeViolations()).toEqual([]);
  });
});

describe('a between-session review at the next session', () => {
  it('shows in the card’s history, marked between sessions', async () => {
    const env = fakeEnv();
    const between = { status: 'not-done' as const, note: 'Travelling', at: NOW - 3 * DAY };
    renderWithEnv(
      env,
      <ul>
        <CommitmentReview
          commitment={aCommitment({ ...proposal.item, reviews: [between] }, { status: 'not-done', lastReview: between })}
          sessionId="s2"
        />
      </ul>,
    );
    const history = screen.getByRole('list', { name: 'Earlier reviews' });
    expect(history.textContent).toContain('(between sessions) Not done — Travelling');
    expect(screen.getByRole('button', { name: 'Not done' }).getAttribute('aria-pressed')).toBe('false');
  });
});

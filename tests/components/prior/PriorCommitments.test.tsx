// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CommitmentView } from '@/lib/api/contract';
import { fail, ok } from '@/lib/api/result';
import { PriorCommitments } from '@/components/prior/PriorCommitments';
import { usePriorCommitments } from '@/components/prior/usePriorCommitments';
import { fakeEnv, type FakeEnv } from '../../helpers/fake-env';
import { aCommitment, NOW } from '../app/fixtures';
import { axeViolations } from '../app/axe';
import { renderWithEnv } from '../app/render';

beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }));
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

function Harness(props: { reviewed?: CommitmentView[]; onDone?: () => void }) {
  const commitments = usePriorCommitments('c1', props.reviewed ?? []);
  return <PriorCommitments sessionId="s1" clientName="Ana Lima" commitments={commitments} onDone={props.onDone} />;
}

const overdue = aCommitment({ id: 'i1', text: 'Send the proposal to Maria', due: '2026-11-18', howWillYouKnow: 'Maria replies' });
const later = aCommitment({ id: 'i2', text: 'Book a skip-level with Tom', due: '2026-12-02' });

async function show(env: FakeEnv, reviewed?: CommitmentView[]) {
  renderWithEnv(env, <Harness reviewed={reviewed} />);
  await act(async () => void (await vi.advanceTimersByTimeAsync(0)));
  return screen.getByRole('region', { name: 'Prior commitments' });
}

const item = (text: string) => screen.getByText(text).closest('li')!;

describe('PriorCommitments', () => {
  it('lists each commitment with what, due date, overdue mark and how you will know, overdue first', async () => {
    const env = fakeEnv({ api: { openCommitments: async () => ok([later, overdue]) } });
    const region = await show(env);
    const rows = within(within(region).getByRole('list', { name: "Ana Lima's commitments" })).getAllByRole('listitem');
    expect(rows[0]!.textContent).toContain('Send the proposal to Maria');
    expect(within(rows[0]!).getByText('Overdue')).toBeTruthy();
    expect(rows[0]!.textContent).toContain('How will you know: Maria replies');
    expect(within(rows[1]!).queryByText('Overdue')).toBeNull();
    expect(within(region).getByText('0 of 2 reviewed')).toBeTruthy();
  });

  it('offers each status as a button with its one key from the keymap', async () => {
    const env = fakeEnv({ api: { openCommitments: async () => ok([overdue]), reviewCommitment: async () => ok(overdue) } });
    await show(env);
    const group = within(item('Send the proposal to Maria')).getByRole('group', { name: 'Status' });
    const buttons = within(group).getAllByRole('button');
    expect(buttons.map((b) => [b.textContent?.replace(/[a-z]$/, ''), b.getAttribute('aria-keyshortcuts')])).toEqual([
      ['Done', 'd'],
      ['Partly done', 'p'],
      ['Not done', 'n'],
      ['Dropped', 'x'],
      ['Carried forward', 'f'],
    ]);
    expect(buttons.map((b) => b.getAttribute('aria-pressed'))).toEqual(['false', 'false', 'false', 'false', 'false']);
    // One Tab stop for the group; arrows move within it.
    expect(buttons.map((b) => b.tabIndex)).toEqual([0, -1, -1, -1, -1]);
    buttons[0]!.focus();
    fireEvent.keyDown(buttons[0]!, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(buttons[1]);
  });

  it('a status key in the card records it at once and moves focus to the note', async () => {
    const env = fakeEnv({ api: { openCommitments: async () => ok([overdue, later]), reviewCommitment: async () => ok(overdue) } });
    await show(env);
    const card = item('Send the proposal to Maria');
    card.focus();
    await act(async () => void fireEvent.keyDown(card, { key: 'p' }));
    expect(env.api.reviewCommitment).toHaveBeenCalledWith({ itemId: 'i1', sessionId: 's1', status: 'partly' });
    expect(within(card).getByRole('button', { name: 'Partly done' }).getAttribute('aria-pressed')).toBe('true');
    expect(document.activeElement).toBe(within(card).getByRole('textbox', { name: 'Review note' }));
  });

  it('status keys do nothing while typing in the note (the letter goes into the note)', async () => {
    const env = fakeEnv({ api: { openCommitments: async () => ok([overdue]), reviewCommitment: async () => ok(overdue) } });
    await show(env);
    const note = within(item('Send the proposal to Maria')).getByRole('textbox', { name: 'Review note' });
    note.focus();
    const event = new KeyboardEvent('keydown', { key: 'd', bubbles: true, cancelable: true });
    await act(async () => void note.dispatchEvent(event));
    expect(event.defaultPrevented).toBe(false);
    expect(env.api.reviewCommitment).not.toHaveBeenCalled();
    // Control: the same key on the card records.
    await act(async () => void fireEvent.keyDown(item('Send the proposal to Maria'), { key: 'd' }));
    expect(env.api.reviewCommitment).toHaveBeenCalledWith({ itemId: 'i1', sessionId: 's1', status: 'done' });
  });

  it('Enter in the note saves it and moves on to the next commitment still to review', async () => {
    const third = aCommitment({ id: 'i3', text: 'Ask for feedback', due: '2026-12-09' });
    const reviewedHere = aCommitment(
      { id: 'i4', text: 'Write the memo', due: '2026-12-05' },
      { status: 'done', lastReview: { sessionId: 's1', status: 'done', note: '', at: NOW } },
    );
    const env = fakeEnv({ api: { openCommitments: async () => ok([overdue, later, third]), reviewCommitment: async () => ok(overdue) } });
    await show(env, [reviewedHere]);
    const first = item('Send the proposal to Maria');
    await act(async () => void fireEvent.keyDown(first, { key: 'n' }));
    const note = within(first).getByRole('textbox', { name: 'Review note' });
    fireEvent.input(note, { target: { value: 'Legal held it' } });
    await act(async () => void fireEvent.keyDown(note, { key: 'Enter' }));
    expect(env.api.reviewCommitment).toHaveBeenLastCalledWith({ itemId: 'i1', sessionId: 's1', status: 'not-done', note: 'Legal held it' });
    // "Write the memo" (reviewed here already) is passed over.
    expect(document.activeElement).toBe(item('Book a skip-level with Tom'));
    await act(async () => void fireEvent.keyDown(item('Book a skip-level with Tom'), { key: 'x' }));
    const tab = new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, cancelable: true });
    await act(async () => void within(item('Book a skip-level with Tom')).getByRole('textbox', { name: 'Review note' }).dispatchEvent(tab));
    expect(tab.defaultPrevented).toBe(true);
    expect(document.activeElement).toBe(item('Ask for feedback'));
  });

  it('carried forward asks for a new date first (typed, "Dec 18"), then the note', async () => {
    const env = fakeEnv({ api: { openCommitments: async () => ok([overdue]), reviewCommitment: async () => ok(overdue) } });
    await show(env);
    const card = item('Send the proposal to Maria');
    await act(async () => void fireEvent.keyDown(card, { key: 'f' }));
    expect(env.api.reviewCommitment).toHaveBeenLastCalledWith({ itemId: 'i1', sessionId: 's1', status: 'carried-forward' });
    const date = within(card).getByLabelText('New date');
    expect(document.activeElement).toBe(date);
    // The shared due-date field: typed as a coach says it, the day it understood beside it.
    await act(async () => void fireEvent.input(date, { target: { value: 'Dec 18' } }));
    expect(card.querySelector('.due-field__echo')?.textContent).toMatch(/^→ .*18/);
    // Saved on Enter (or once typing pauses), not at each day passed on the way.
    await act(async () => void fireEvent.keyDown(date, { key: 'Enter' }));
    expect(env.api.reviewCommitment).toHaveBeenLastCalledWith({
      itemId: 'i1',
      sessionId: 's1',
      status: 'carried-forward',
      due: '2026-12-18',
    });
    expect(document.activeElement).toBe(within(card).getByRole('textbox', { name: 'Review note' }));
    // Control: another status has no date field.
    await act(async () => void fireEvent.keyDown(card, { key: 'd' }));
    expect(within(card).queryByLabelText('New date')).toBeNull();
  });

  it('keeps each card where it first showed when a new date would sort it elsewhere (focus stays in it)', async () => {
    let second = later;
    const env = fakeEnv({ api: { openCommitments: async () => ok([overdue, second]) } });
    await show(env);
    const texts = () => [...document.querySelectorAll('.commitment__what')].map((p) => p.textContent);
    expect(texts()).toEqual(['Send the proposal to Maria', 'Book a skip-level with Tom']);
    const note = within(item('Book a skip-level with Tom')).getByRole('textbox', { name: 'Review note' });
    note.focus();
    // Carried forward to a day before the other's: sorted by date it would now come first.
    second = aCommitment({ ...later.item, due: '2026-11-10' });
    await act(async () => env.emit({ topics: ['reviews'] }));
    await act(async () => void (await vi.advanceTimersByTimeAsync(0)));
    expect(texts()).toEqual(['Send the proposal to Maria', 'Book a skip-level with Tom']);
    expect(document.activeElement).toBe(note);
    // Control: a fresh list (another client, a new session) is sorted by date again.
    cleanup();
    await show(env);
    expect(texts()).toEqual(['Book a skip-level with Tom', 'Send the proposal to Maria']);
  });

  it('shows the support and the history of earlier reviews (status, note, date) on the card', async () => {
    const back = aCommitment(
      { id: 'i5', text: 'Talk to two peers', support: 'Coach sends the article', howWillYouKnow: 'Two names in my notes' },
      { status: 'partly', lastReview: { sessionId: 's0', status: 'partly', note: 'One so far', at: NOW - 14 * 86_400_000 } },
    );
    back.item.reviews = [
      { sessionId: 's-1', status: 'carried-forward', note: '', at: NOW - 28 * 86_400_000, due: '2026-11-15' },
      { sessionId: 's0', status: 'partly', note: 'One so far', at: NOW - 14 * 86_400_000 },
    ];
    const env = fakeEnv({ api: { openCommitments: async () => ok([back, overdue]) } });
    await show(env);
    const card = item('Talk to two peers');
    expect(card.textContent).toContain('Support: Coach sends the article');
    expect(card.textContent).toContain('How will you know: Two names in my notes');
    const history = within(card).getByRole('list', { name: 'Earlier reviews' });
    const entries = within(history)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatch(/Carried forward · new date .*15/);
    expect(entries[1]).toMatch(/Partly done — One so far$/);
    // Control: a commitment never reviewed shows no history.
    expect(within(item('Send the proposal to Maria')).queryByRole('list', { name: 'Earlier reviews' })).toBeNull();
  });

  it('keeps a note typed before a status and sends it with the status', async () => {
    const env = fakeEnv({ api: { openCommitments: async () => ok([overdue]), reviewCommitment: async () => ok(overdue) } });
    await show(env);
    const row = within(item('Send the proposal to Maria'));
    fireEvent.input(row.getByRole('textbox', { name: 'Review note' }), { target: { value: 'Sent late' } });
    await act(async () => void (await vi.advanceTimersByTimeAsync(400)));
    expect(env.api.reviewCommitment).not.toHaveBeenCalled();
    await act(async () => void fireEvent.click(row.getByRole('button', { name: 'Done' })));
    expect(env.api.reviewCommitment).toHaveBeenCalledWith({ itemId: 'i1', sessionId: 's1', status: 'done', note: 'Sent late' });
  });

  it('a failed review says so, keeps the note, and retries', async () => {
    const review = vi.fn(async () => fail('storage', 'The write was aborted.'));
    const env = fakeEnv({ api: { openCommitments: async () => ok([overdue]), reviewCommitment: review } });
    await show(env);
    const row = within(item('Send the proposal to Maria'));
    fireEvent.input(row.getByRole('textbox', { name: 'Review note' }), { target: { value: 'She said yes' } });
    await act(async () => void fireEvent.click(row.getByRole('button', { name: 'Done' })));
    expect(row.getByRole('alert').textContent).toContain('The review was not saved.');
    expect(row.getByRole('textbox', { name: 'Review note' })).toHaveProperty('value', 'She said yes');
    review.mockImplementation(async () => ok(overdue) as never);
    await act(async () => void fireEvent.click(row.getByRole('button', { name: 'Retry' })));
    expect(review).toHaveBeenCalledTimes(2);
    expect(row.queryByRole('alert')).toBeNull();
  });

  it('keeps commitments reviewed in this session in the list, with their status', async () => {
    const done = aCommitment(
      { id: 'i3', text: 'Ask for feedback' },
      { status: 'done', lastReview: { sessionId: 's1', status: 'done', note: '', at: NOW } },
    );
    const env = fakeEnv({ api: { openCommitments: async () => ok([overdue]) } });
    const region = await show(env, [done]);
    expect(within(item('Ask for feedback')).getByRole('button', { name: 'Done' }).getAttribute('aria-pressed')).toBe('true');
    expect(within(region).getByText('1 of 2 reviewed')).toBeTruthy();
  });

  it('once all are reviewed, offers the way on to the contract', async () => {
    const done = aCommitment(
      { id: 'i3', text: 'Ask for feedback' },
      { status: 'done', lastReview: { sessionId: 's1', status: 'done', note: '', at: NOW } },
    );
    const onDone = vi.fn();
    renderWithEnv(fakeEnv({ api: { openCommitments: async () => ok([]) } }), <Harness reviewed={[done]} onDone={onDone} />);
    await act(async () => void (await vi.advanceTimersByTimeAsync(0)));
    fireEvent.click(screen.getByRole('button', { name: 'On to the contract' }));
    expect(onDone).toHaveBeenCalled();
  });

  it('does not offer it while some are unreviewed', async () => {
    renderWithEnv(fakeEnv({ api: { openCommitments: async () => ok([overdue]) } }), <Harness onDone={() => {}} />);
    await act(async () => void (await vi.advanceTimersByTimeAsync(0)));
    expect(screen.queryByRole('button', { name: 'On to the contract' })).toBeNull();
  });

  it('has no axe violations', async () => {
    const env = fakeEnv({ api: { openCommitments: async () => ok([overdue, later]) } });
    await show(env);
    vi.useRealTimers();
    expect(await axeViolations()).toEqual([]);
  });
});

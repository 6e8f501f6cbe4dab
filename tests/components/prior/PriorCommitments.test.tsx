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
    const rows = within(region).getAllByRole('listitem');
    expect(rows[0]!.textContent).toContain('Send the proposal to Maria');
    expect(within(rows[0]!).getByText('Overdue')).toBeTruthy();
    expect(rows[0]!.textContent).toContain('How will you know: Maria replies');
    expect(within(rows[1]!).queryByText('Overdue')).toBeNull();
    expect(within(region).getByText('0 of 2 reviewed')).toBeTruthy();
  });

  it('records the chosen status at once through reviewCommitment', async () => {
    const env = fakeEnv({ api: { openCommitments: async () => ok([overdue]), reviewCommitment: async () => ok(overdue) } });
    await show(env);
    const status = within(item('Send the proposal to Maria')).getByRole('combobox', { name: 'Status' });
    const options = within(status)
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(options).toEqual(['Not reviewed yet', 'Done', 'Partly done', 'Not done', 'Dropped', 'Carried forward']);
    await act(async () => void fireEvent.change(status, { target: { value: 'partly' } }));
    expect(env.api.reviewCommitment).toHaveBeenCalledWith({ itemId: 'i1', sessionId: 's1', status: 'partly' });
  });

  it('saves a note with the status once typing pauses', async () => {
    const env = fakeEnv({ api: { openCommitments: async () => ok([overdue]), reviewCommitment: async () => ok(overdue) } });
    await show(env);
    const row = within(item('Send the proposal to Maria'));
    await act(async () => void fireEvent.change(row.getByRole('combobox', { name: 'Status' }), { target: { value: 'carried-forward' } }));
    fireEvent.input(row.getByRole('textbox', { name: 'Review note' }), { target: { value: 'Waiting on legal' } });
    await act(async () => void (await vi.advanceTimersByTimeAsync(300)));
    expect(env.api.reviewCommitment).toHaveBeenLastCalledWith({
      itemId: 'i1',
      sessionId: 's1',
      status: 'carried-forward',
      note: 'Waiting on legal',
    });
  });

  it('keeps a note typed before a status and sends it with the status', async () => {
    const env = fakeEnv({ api: { openCommitments: async () => ok([overdue]), reviewCommitment: async () => ok(overdue) } });
    await show(env);
    const row = within(item('Send the proposal to Maria'));
    fireEvent.input(row.getByRole('textbox', { name: 'Review note' }), { target: { value: 'Sent late' } });
    await act(async () => void (await vi.advanceTimersByTimeAsync(400)));
    expect(env.api.reviewCommitment).not.toHaveBeenCalled();
    await act(async () => void fireEvent.change(row.getByRole('combobox', { name: 'Status' }), { target: { value: 'done' } }));
    expect(env.api.reviewCommitment).toHaveBeenCalledWith({ itemId: 'i1', sessionId: 's1', status: 'done', note: 'Sent late' });
  });

  it('a failed review says so, keeps the note, and retries', async () => {
    const review = vi.fn(async () => fail('storage', 'The write was aborted.'));
    const env = fakeEnv({ api: { openCommitments: async () => ok([overdue]), reviewCommitment: review } });
    await show(env);
    const row = within(item('Send the proposal to Maria'));
    fireEvent.input(row.getByRole('textbox', { name: 'Review note' }), { target: { value: 'She said yes' } });
    await act(async () => void fireEvent.change(row.getByRole('combobox', { name: 'Status' }), { target: { value: 'done' } }));
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
    expect(within(item('Ask for feedback')).getByRole('combobox', { name: 'Status' })).toHaveProperty('value', 'done');
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

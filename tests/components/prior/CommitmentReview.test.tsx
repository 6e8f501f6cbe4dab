// @vitest-environment happy-dom
import { act, cleanup, screen, within } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { ok } from '@/lib/api/result';
import { CommitmentReview } from '@/components/prior/CommitmentReview';
import { fakeEnv } from '../../helpers/fake-env';
import { aCommitment } from '../app/fixtures';
import { renderWithEnv } from '../app/render';

afterEach(cleanup);

const commitment = aCommitment({ id: 'i1', text: 'Send the proposal to Maria', due: '2026-11-18' });

/** Re-renders the card on demand, as the list does when the store's answer to another card's review comes in. */
let repaint: () => void = () => {};
function Harness() {
  const [n, setN] = useState(0);
  repaint = () => setN((k) => k + 1);
  return (
    <ul data-renders={n}>
      <CommitmentReview commitment={commitment} sessionId="s1" />
    </ul>
  );
}

const settle = () => act(async () => void (await new Promise((r) => setTimeout(r, 50))));
const key = (el: Element, k: string) => el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));

/** Shows the card, re-renders it (its effects wait for the next frame, outside act, as in the browser) and presses `k` at once. */
async function pressRightAfterARender(k: string): Promise<HTMLElement> {
  const env = fakeEnv({ api: { reviewCommitment: async () => ok(commitment) } });
  renderWithEnv(env, <Harness />);
  await settle();
  const card = screen.getByText('Send the proposal to Maria').closest('li')!;
  card.focus();
  repaint();
  await Promise.resolve();
  key(card, k);
  await settle();
  return card;
}

describe('CommitmentReview', () => {
  it('"f" focuses "New date" even when the card re-rendered a moment before and its effects had not run yet', async () => {
    const card = await pressRightAfterARender('f');
    expect(document.activeElement).toBe(within(card).getByRole('textbox', { name: 'New date' }));
  });

  it('control: "d" in the same moment focuses the note', async () => {
    const card = await pressRightAfterARender('d');
    expect(document.activeElement).toBe(within(card).getByRole('textbox', { name: 'Review note' }));
  });
});

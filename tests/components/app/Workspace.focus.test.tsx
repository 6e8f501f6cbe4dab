// @vitest-environment happy-dom
/**
 * Focus lands where work continues (components/app/focusWork.ts), in the same render that shows the tab:
 * keys typed right after a shortcut must land in the new tab, never in the control that had focus before
 * (a capture draft lost its first letters; a Space on a focused "End session" opened its dialog), and never
 * on the tab itself, where `n`, `a`, `f` and `s` do nothing. Scrolling (below the sticky tab bar) needs a
 * layout engine: tests/e2e/keyboard-focus.e2e.ts checks it in Chromium.
 */
import { act, fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import type { CommitmentView, HoldspaceApi, SessionBundle } from '@/lib/api/contract';
import { ok } from '@/lib/api/result';
import type { DeckQuestion } from '@/lib/model/types';
import type { OverlayFrame } from '@/lib/view/ports';
import { App } from '@/components/app/App';
import { Capture } from '@/components/capture/Capture';
import { Deck } from '@/components/deck/Deck';
import { fakeEnv } from '../../helpers/fake-env';
import { aBundle, aCommitment, aContract, aSession } from './fixtures';
import { useFakeFrames } from './frames';
import { STUB_SLOTS } from './stub-slots';

vi.mock('@/components/app/slots', () => ({ DEFAULT_SLOTS: {} }));

// Twice: a session that opens on its prior commitments waits for this client's list to come back.
const settle = async () => {
  await act(async () => void (await vi.advanceTimersByTimeAsync(0)));
  await act(async () => void (await vi.advanceTimersByTimeAsync(0)));
};

// Frames never come unless a test advances them: whatever waits for one shows up as not done.
useFakeFrames();

const question = (id: string, text: string): DeckQuestion => ({
  id,
  stage: 'contracting',
  text,
  tags: [],
  builtin: true,
  favourite: false,
  hidden: false,
});
const QUESTIONS = [question('q1', 'What would make this session worth your time?'), question('q2', 'What else?')];

interface Setup {
  layout?: 'overlay' | 'panel';
  bundle?: SessionBundle | null;
  prior?: CommitmentView[];
  api?: Partial<HoldspaceApi>;
}

async function start(setup: Setup = {}) {
  const frame: OverlayFrame = { setCollapsed: vi.fn(), moveBy: vi.fn(), hide: vi.fn(), onFocusCapture: vi.fn(() => () => {}) };
  const bundle = setup.bundle === undefined ? aBundle() : setup.bundle;
  const base = fakeEnv({
    layout: setup.layout ?? 'overlay',
    api: {
      activeSession: async () => ok(bundle),
      openCommitments: async () => ok(setup.prior ?? []),
      clientHistory: async () => ok([]),
      listClients: async () => ok([]),
      recentClients: async () => ok([]),
      listQuestions: async () => ok(QUESTIONS),
      getSessionBundle: async () => ok({ ...(bundle ?? aBundle()), items: [] } as SessionBundle),
      getDraft: async () => ok(null),
      setDraft: async () => ok(null),
      markAsked: async () => ok(aSession()),
      setQuestionPref: async ({ questionId, ...marks }) => ok({ ...QUESTIONS.find((q) => q.id === questionId)!, ...marks }),
      ...setup.api,
    },
  });
  const env = setup.layout === 'panel' ? base : { ...base, frame, host: 'meet.google.com' };
  render(
    <App
      env={env}
      slots={{ ...STUB_SLOTS, capture: (p) => <Capture {...p} />, deck: (p) => <Deck sessionId={p.sessionId} stage={p.stage} /> }}
    />,
  );
  await settle();
  return { env, frame };
}

/** A key as the browser delivers it (no act(), so nothing is flushed for us), then only the microtasks it queued. */
async function press(init: KeyboardEventInit) {
  const target = document.activeElement ?? document.body;
  target.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init }));
  for (let i = 0; i < 20; i++) await Promise.resolve();
}
const alt = (digit: string) => press({ key: digit, code: `Digit${digit}`, altKey: true });

const endSession = () => within(screen.getByRole('banner')).getByRole('button', { name: 'End session' });
const focused = () => document.activeElement;
const questionRow = (text: string) => screen.getByText(text).closest('li');
const withContract = (over: Parameters<typeof aContract>[0]) => aBundle({ session: aSession({ contract: aContract(over) }) });

describe('focus after a shortcut (overlay)', () => {
  it('Alt+1 lands on Topic, not on the Contract tab', async () => {
    await start();
    endSession().focus();
    await alt('1');
    expect(screen.getByRole('tab', { name: /Contract/ }).getAttribute('aria-selected')).toBe('true');
    expect(focused()).toBe(screen.getByRole('textbox', { name: 'Topic' }));
  });

  it('Alt+1 lands on the first contract field still empty', async () => {
    await start({ bundle: withContract({ topic: 'Promotion', desiredOutcome: '' }) });
    await alt('3');
    await alt('1');
    expect(focused()).toBe(screen.getByRole('textbox', { name: 'Desired outcome' }));
  });

  it('Alt+1 before a session lands on the Client field', async () => {
    await start({ bundle: null });
    await alt('2');
    await alt('1');
    expect(focused()).toBe(screen.getByRole('combobox', { name: 'Client' }));
  });

  it('Alt+2 lands on the question list, so n, a and f work at once', async () => {
    const { env } = await start();
    endSession().focus();
    await alt('2');
    expect(screen.getByRole('tab', { name: /Deck/ }).getAttribute('aria-selected')).toBe('true');
    expect(focused()).toBe(questionRow('What would make this session worth your time?'));
    await act(() => void fireEvent.keyDown(focused()!, { key: 'a' }));
    expect(env.api.markAsked).toHaveBeenCalledWith({ sessionId: 's1', questionId: 'q1', asked: true });
    await act(() => void fireEvent.keyDown(focused()!, { key: 'f' }));
    expect(env.api.setQuestionPref).toHaveBeenCalledWith({ questionId: 'q1', favourite: true });
    await act(() => void fireEvent.keyDown(focused()!, { key: 's' }));
    expect(focused()).toBe(screen.getByRole('searchbox', { name: 'Search questions' }));
  });

  it('Alt+3 puts the capture field in focus before the next key (typed letters are not lost)', async () => {
    await start();
    screen.getByRole('textbox', { name: 'Topic' }).focus();
    await alt('3');
    expect(focused()).toBe(screen.getByRole('textbox', { name: 'Capture' }));
  });

  it('Alt+4 lands on the first commitment still to review', async () => {
    const done = aCommitment({ id: 'i1', text: 'Send the proposal' }, { lastReview: { sessionId: 's1', status: 'done', note: '', at: 1 } });
    const open = aCommitment({ id: 'i2', text: 'Book a skip-level with Tom' });
    await start({ prior: [done, open] });
    await alt('3');
    await alt('4');
    const card = screen.getByText('Book a skip-level with Tom').closest('li')!;
    expect(card.contains(focused())).toBe(true);
    expect(screen.getByText('Send the proposal').closest('li')!.contains(focused())).toBe(false);
  });

  it('"On to the contract" lands on Topic, with the contract tab shown', async () => {
    const done = aCommitment({ id: 'i1', text: 'Send the proposal' }, { lastReview: { sessionId: 's1', status: 'done', note: '', at: 1 } });
    await start({ prior: [done] });
    const onward = screen.getByRole('button', { name: /On to the contract/ });
    onward.focus();
    await act(() => void fireEvent.click(onward));
    expect(screen.getByRole('tab', { name: /Contract/ }).getAttribute('aria-selected')).toBe('true');
    expect(focused()).toBe(screen.getByRole('textbox', { name: 'Topic' }));
  });

  it('Alt+5 and Alt+C focus their fields before the next key', async () => {
    await start();
    endSession().focus();
    await alt('5');
    expect(focused()).toBe(screen.getByRole('searchbox', { name: 'Search everything' }));
    await press({ key: 'c', code: 'KeyC', altKey: true });
    expect(focused()).toBe(screen.getByRole('textbox', { name: 'Capture' }));
  });
});

describe('focus when the panel comes back from the pill', () => {
  it('"Show panel" puts focus back on the field that had it', async () => {
    const { frame } = await start();
    const topic = screen.getByRole('textbox', { name: 'Topic' });
    topic.focus();
    await press({ key: 'h', code: 'KeyH', altKey: true });
    expect(frame.setCollapsed).toHaveBeenLastCalledWith(true);
    expect(screen.queryByRole('textbox', { name: 'Topic' })).toBeNull(); // hidden under the pill
    await act(() => void fireEvent.click(screen.getByRole('button', { name: 'Show panel' })));
    expect(frame.setCollapsed).toHaveBeenLastCalledWith(false);
    expect(focused()).toBe(topic);
    expect(topic.isConnected).toBe(true); // the same field, kept mounted: its words and scroll stay
  });

  it('Alt+H back from the pill does the same; Alt+3 from the pill lands on capture instead', async () => {
    await start();
    screen.getByRole('textbox', { name: 'Topic' }).focus();
    await press({ key: 'h', code: 'KeyH', altKey: true });
    await press({ key: 'h', code: 'KeyH', altKey: true });
    expect(focused()).toBe(screen.getByRole('textbox', { name: 'Topic' }));
    await press({ key: 'h', code: 'KeyH', altKey: true });
    await alt('3');
    expect(focused()).toBe(screen.getByRole('textbox', { name: 'Capture' }));
  });
});

describe('a change in the contract never moves the coach to another tab', () => {
  it('choosing "Out-of-session work" keeps the contract tab open and focus in the Focus radios', async () => {
    const bundle = withContract({ topic: 'Promotion', desiredOutcome: 'Three actions' });
    const { env } = await start({
      bundle,
      api: {
        updateContract: async ({ patch }) =>
          ok({ ...bundle.session, contract: { ...bundle.session.contract, ...(patch as object) } } as typeof bundle.session),
      },
    });
    // The tab is the one the session opened on (the coach chose none). The desired outcome is there, so the
    // card shows: open the form as the coach would.
    await act(() => void fireEvent.click(screen.getByRole('button', { name: 'Edit contract' })));
    const out = screen.getByRole('radio', { name: 'Out-of-session work' });
    out.focus();
    // What an arrow key in a radio group does: the next radio is focused and checked.
    await act(() => void fireEvent.click(out));
    await settle();
    expect(env.api.updateContract).toHaveBeenCalled();
    expect(screen.getByRole('tab', { name: /Contract/ }).getAttribute('aria-selected')).toBe('true');
    expect(focused()).toBe(out);
  });

  it('(control) a session opened with an out-of-session focus and an outcome starts on capture', async () => {
    await start({ bundle: withContract({ topic: 'Promotion', desiredOutcome: 'Three actions', focus: 'out-of-session' }) });
    expect(screen.getByRole('tab', { name: /Capture/ }).getAttribute('aria-selected')).toBe('true');
  });
});

describe('focus after a shortcut (wide side panel, no tabs)', () => {
  it('Alt+1…4 move focus into the contract, the question list, capture and the review', async () => {
    window.innerWidth = 1000;
    const open = aCommitment({ id: 'i2', text: 'Book a skip-level with Tom' });
    await start({ layout: 'panel', prior: [open] });
    endSession().focus();
    await alt('2');
    expect(focused()).toBe(questionRow('What would make this session worth your time?'));
    endSession().focus();
    await alt('1');
    expect(focused()).toBe(screen.getByRole('textbox', { name: 'Topic' }));
    await alt('3');
    expect(focused()).toBe(screen.getByRole('textbox', { name: 'Capture' }));
    await alt('4');
    expect(screen.getByText('Book a skip-level with Tom').closest('li')!.contains(focused())).toBe(true);
  });
});

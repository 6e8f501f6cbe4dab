// @vitest-environment happy-dom
import { act, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CommitmentView, HoldspaceApi, SessionBundle } from '@/lib/api/contract';
import { fail, ok } from '@/lib/api/result';
import { ariaKeys, KEYMAP } from '@/lib/keymap/keymap';
import type { Settings } from '@/lib/settings/settings';
import { App } from '@/components/app/App';
import type { OverlayFrame } from '@/lib/view/ports';
import { fakeEnv, type FakeEnv } from '../../helpers/fake-env';
import { axeViolations } from './axe';
import { DEFAULT_ENGAGEMENT } from '@/lib/model/client';
import { noOutcomes } from '@/lib/engagement/follow-through';
import { aBundle, aClient, aCommitment, aContract, aSession, aTimer, MIN, NOW } from './fixtures';
import { useFakeFrames } from './frames';
import { lastCapture, lastDeck, STUB_SLOTS } from './stub-slots';

vi.mock('@/components/app/slots', () => ({ DEFAULT_SLOTS: {} }));

// Twice: a session that opens on its prior commitments waits for this client's list to come back.
const settle = async (ms = 0) => {
  await act(async () => void (await vi.advanceTimersByTimeAsync(ms)));
  await act(async () => void (await vi.advanceTimersByTimeAsync(0)));
};

useFakeFrames();
afterEach(() => {
  delete document.documentElement.dataset.theme;
});

function aFrame(): OverlayFrame & { captureCb?: () => void } {
  const frame: OverlayFrame & { captureCb?: () => void } = {
    setCollapsed: vi.fn(),
    moveBy: vi.fn(),
    hide: vi.fn(),
    onFocusCapture: vi.fn((cb: () => void) => {
      frame.captureCb = cb;
      return () => {};
    }),
  };
  return frame;
}

interface Setup {
  bundle?: SessionBundle | null;
  prior?: CommitmentView[];
  api?: Partial<HoldspaceApi>;
  overlay?: boolean;
  settings?: Partial<Settings>;
  viewState?: Record<string, unknown>;
}

async function start(setup: Setup = {}) {
  const frame = aFrame();
  const base = fakeEnv({
    layout: setup.overlay ? 'overlay' : 'panel',
    settings: setup.settings,
    viewState: setup.viewState,
    api: {
      activeSession: async () => ok(setup.bundle === undefined ? aBundle() : setup.bundle),
      openCommitments: async () => ok(setup.prior ?? []),
      clientHistory: async () => ok([]),
      listClients: async () => ok([]),
      recentClients: async () => ok([]),
      getDraft: async () => ok(null),
      setDraft: async () => ok(null),
      ...setup.api,
    },
  });
  const env: FakeEnv = setup.overlay ? { ...base, frame, host: 'meet.google.com' } : base;
  const view = render(<App env={env} slots={STUB_SLOTS} />);
  await settle();
  return { env, frame, view };
}

const key = (init: KeyboardEventInit, target: Element | Document = document) => act(() => void fireEvent.keyDown(target, init));
const withOutcome = (outcome: string, over: Partial<SessionBundle['session']['contract']> = {}) =>
  aBundle({ session: aSession({ contract: aContract({ topic: 'Team conflict', desiredOutcome: outcome, ...over }) }) });

describe('App: before a session', () => {
  it('shows the client picker and no timer', async () => {
    await start({ bundle: null });
    expect(screen.getByRole('combobox', { name: 'Client' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Start session' })).toBeTruthy();
    expect(screen.queryByRole('timer')).toBeNull();
    expect(screen.queryByRole('button', { name: 'End session' })).toBeNull();
    expect(screen.getByRole('heading', { name: 'No client yet' })).toBeTruthy();
  });

  it('a tab key with no such tab (Alt+3, nothing to capture into) that closes the view holding focus leaves focus where work continues', async () => {
    await start({ bundle: null, overlay: true });
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    const close = screen.getByRole('button', { name: 'Close settings' });
    close.focus();
    await key({ key: '3', code: 'Digit3', altKey: true }, close);
    await settle();
    expect(screen.queryByRole('region', { name: 'Settings view' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('combobox', { name: 'Client' }));
  });

  it('after an unlock in this view, focus goes where work continues (the lock screen and its field are gone)', async () => {
    let locked = true;
    const status = () => ok({ on: true, locked, rewriting: false, lockAt: null });
    await start({
      overlay: true,
      api: {
        lockStatus: async () => status(),
        unlock: async () => ((locked = false), status()),
      },
    });
    const field = screen.getByLabelText('Passphrase') as HTMLInputElement;
    expect(document.activeElement).toBe(field);
    fireEvent.input(field, { target: { value: 'lantern harbour' } });
    await act(async () => void fireEvent.submit(field.closest('form')!));
    await settle();
    expect(screen.queryByLabelText('Passphrase')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Topic' }));
  });

  it('control: on a plain load (no unlock) the app takes no focus', async () => {
    await start({ overlay: true });
    expect(document.activeElement).toBe(document.body);
  });

  it('opens the session once it has started', async () => {
    let active: SessionBundle | null = null;
    const { env } = await start({
      bundle: null,
      api: {
        activeSession: async () => ok(active),
        createClient: async () => ok(aBundle().client),
        startSession: async () => {
          active = aBundle();
          return ok(active.session);
        },
      },
    });
    fireEvent.input(screen.getByRole('combobox', { name: 'Client' }), { target: { value: 'Ana Lima' } });
    fireEvent.click(screen.getByRole('button', { name: 'Start session' }));
    await settle();
    expect(env.api.startSession).toHaveBeenCalled();
    expect(screen.getByRole('timer', { name: 'Session timer' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: /Contract/, selected: true })).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Topic' }));
  });

  it('has no axe violations (panel)', async () => {
    await start({ bundle: null });
    vi.useRealTimers();
    expect(await axeViolations(document.body, false)).toEqual([]);
  });
});

describe('App: the engagement from the strip', () => {
  const engagement = async () =>
    ok({ client: aClient(), engagement: DEFAULT_ENGAGEMENT, sessions: [], totals: noOutcomes(), goals: [], commitments: [], insights: [] });

  it('the client’s name in the strip opens their engagement; Escape goes back to the work, focus where it continues', async () => {
    const { env } = await start({ overlay: true, api: { engagement } });
    const strip = screen.getByRole('banner');
    expect(screen.queryByRole('region', { name: 'Engagement' })).toBeNull();
    await act(async () => void fireEvent.click(within(strip).getByRole('button', { name: 'Ana Lima' })));
    await settle();
    expect(env.api.engagement).toHaveBeenCalledWith({ clientId: 'c1' });
    const region = screen.getByRole('region', { name: 'Engagement' });
    expect(document.activeElement).toBe(within(region).getByRole('textbox', { name: 'Sessions planned' }));
    await key({ key: 'Escape' }, document.activeElement!);
    await settle();
    expect(screen.queryByRole('region', { name: 'Engagement' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Topic' }));
  });

  it('"Clients" lists every client; each opens with a button named with their name', async () => {
    await start({ bundle: null, api: { engagement, listClients: async () => ok([aClient(), aClient({ id: 'c2', name: 'Ben Okafor' })]) } });
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: 'Clients' })));
    await settle();
    const list = screen.getByRole('list', { name: 'Clients' });
    expect(
      within(list)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Ana Lima', 'Ben Okafor']);
    await act(async () => void fireEvent.click(within(list).getByRole('button', { name: 'Ben Okafor' })));
    await settle();
    expect(screen.getByRole('region', { name: 'Engagement' })).toBeTruthy();
  });
});

describe('App: the strip and tabs in the overlay', () => {
  it('shows client, desired outcome, timer and phase, and the strip controls', async () => {
    await start({ overlay: true, bundle: withOutcome('Know my next step with Sam') });
    const strip = screen.getByRole('banner');
    expect(within(strip).getByText('Ana Lima')).toBeTruthy();
    expect(within(strip).getByText('Know my next step with Sam')).toBeTruthy();
    expect(within(strip).getByRole('timer', { name: 'Session timer' }).textContent).toBe('1:00:00');
    for (const name of ['Hide panel', 'Blur text', 'Settings', 'End session', 'Start timer'])
      expect(within(strip).getByRole('button', { name })).toBeTruthy();
    expect(
      screen.getAllByRole('tab').map((t) => t.getAttribute('aria-label') ?? t.querySelector('.tab__label, .visually-hidden')!.textContent),
    ).toEqual(['Contract', 'Deck', 'Capture', 'Search']);
  });

  it('shows one task at a time and switches with Alt+1..5', async () => {
    await start({ overlay: true });
    expect(screen.getByRole('tab', { name: /Contract/, selected: true })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Topic' })).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Question deck' })).toBeNull();
    await key({ key: '2', code: 'Digit2', altKey: true });
    expect(screen.getByRole('tab', { name: /Deck/, selected: true })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Question deck' })).toBeTruthy();
    expect(screen.queryByRole('textbox', { name: 'Topic' })).toBeNull();
    await key({ key: '5', code: 'Digit5', altKey: true });
    expect(screen.getByRole('tab', { name: /Search/, selected: true })).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('searchbox', { name: 'Search everything' }));
  });

  it('"/" and Ctrl+K open search and focus it; "/" typed in a field stays a character', async () => {
    await start({ overlay: true });
    const topic = screen.getByRole('textbox', { name: 'Topic' });
    topic.focus();
    const typed = fireEvent.keyDown(topic, { key: '/' });
    expect(typed).toBe(true);
    expect(screen.getByRole('tab', { name: /Contract/, selected: true })).toBeTruthy();
    await key({ key: 'k', ctrlKey: true }, topic);
    expect(document.activeElement).toBe(screen.getByRole('searchbox', { name: 'Search everything' }));
    await key({ key: '1', code: 'Digit1', altKey: true });
    await key({ key: '/' });
    expect(document.activeElement).toBe(screen.getByRole('searchbox', { name: 'Search everything' }));
  });

  it('Alt+C and the browser command open capture and bump its focus signal', async () => {
    const { frame } = await start({ overlay: true });
    const before = lastCapture()!.focusSignal;
    await key({ key: 'c', code: 'KeyC', altKey: true });
    expect(screen.getByRole('tab', { name: /Capture/, selected: true })).toBeTruthy();
    expect(lastCapture()!.focusSignal).toBe(before + 1);
    await act(() => frame.captureCb!());
    expect(lastCapture()!.focusSignal).toBe(before + 2);
    expect(lastCapture()).toMatchObject({ sessionId: 's1', keepNoNotes: false });
  });

  it('Alt+T starts the timer', async () => {
    const { env } = await start({ overlay: true, api: { timer: async () => ok(aSession({ timer: aTimer({ startedAt: NOW }) })) } });
    await key({ key: 't', code: 'KeyT', altKey: true });
    await settle();
    expect(env.api.timer).toHaveBeenCalledWith({ sessionId: 's1', action: { type: 'start' } });
    expect(screen.getByRole('button', { name: 'Pause timer' })).toBeTruthy();
  });

  it('"Contracting questions" opens the deck on the contracting stage', async () => {
    await start({ overlay: true });
    fireEvent.click(screen.getByRole('button', { name: 'Contracting questions' }));
    await settle();
    expect(screen.getByRole('tab', { name: /Deck/, selected: true })).toBeTruthy();
    expect(lastDeck()).toMatchObject({ sessionId: 's1', stage: 'contracting' });
  });

  it('has no axe violations (overlay, session running)', async () => {
    await start({ overlay: true, bundle: withOutcome('Know my next step') });
    vi.useRealTimers();
    expect(await axeViolations(document.body, false)).toEqual([]);
  });
});

describe('App: what opens first', () => {
  it('prior commitments come up first when the client has open ones, overdue counted on the tab', async () => {
    await start({
      overlay: true,
      prior: [
        aCommitment({ id: 'i1', text: 'Send the proposal', due: '2026-11-01' }),
        aCommitment({ id: 'i2', text: 'Book the skip-level' }),
      ],
    });
    const tab = screen.getByRole('tab', { name: /Prior commitments/, selected: true });
    expect(tab.querySelector('.tab__badge--warn')?.textContent).toBe('2');
    expect(screen.getByRole('region', { name: 'Prior commitments' })).toBeTruthy();
    await key({ key: '4', code: 'Digit4', altKey: true });
    expect(screen.getByRole('tab', { name: /Prior commitments/, selected: true })).toBeTruthy();
  });

  it('an out-of-session focus opens on capture, preferring commitments', async () => {
    await start({ overlay: true, bundle: withOutcome('Leave with three actions', { focus: 'out-of-session' }) });
    expect(screen.getByRole('tab', { name: /Capture/, selected: true })).toBeTruthy();
    expect(lastCapture()).toMatchObject({ preferKind: 'commitment' });
  });

  it('restores the tab the coach had open before a reload', async () => {
    const { env } = await start({ overlay: true, viewState: { 'overlay:tab': { sessionId: 's1', tab: 'deck' } } });
    expect(env.viewState.get).toHaveBeenCalledWith('overlay:tab');
    expect(screen.getByRole('tab', { name: /Deck/, selected: true })).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: /Capture/ }));
    expect(env.viewState.set).toHaveBeenCalledWith('overlay:tab', { sessionId: 's1', tab: 'capture' });
    // UI state stays out of the record: choosing a tab writes no draft (which every open capture would refetch).
    expect(env.api.setDraft).not.toHaveBeenCalled();
  });

  it('a first session with the client says so', async () => {
    await start({ overlay: true });
    expect(screen.getByRole('note').textContent).toContain('First session with Ana Lima.');
  });
});

describe('App: hide, pill and blur', () => {
  it('"Hide panel" collapses to a pill with the timer; "Show panel" brings it back; remembered per host', async () => {
    const { env, frame } = await start({
      overlay: true,
      bundle: aBundle({ session: aSession({ timer: aTimer({ startedAt: NOW - 5 * MIN }) }) }),
    });
    expect(screen.getByRole('heading', { name: 'Ana Lima' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Hide panel' }));
    await settle();
    expect(frame.setCollapsed).toHaveBeenLastCalledWith(true);
    expect(screen.getByRole('timer', { name: 'Session timer' }).textContent).toBe('55:00');
    expect(screen.queryByRole('tab')).toBeNull();
    // The work stays mounted under the pill (so focus and scroll come back), hidden: nothing of it is shown or read out.
    expect(screen.queryByRole('heading', { name: 'Ana Lima' })).toBeNull();
    expect(screen.getByText('Ana Lima').closest('[hidden]')).not.toBeNull();
    expect(env.settingsValue().overlay['meet.google.com']).toMatchObject({ collapsed: true });
    fireEvent.click(screen.getByRole('button', { name: 'Show panel' }));
    await settle();
    expect(frame.setCollapsed).toHaveBeenLastCalledWith(false);
    expect(screen.getByRole('button', { name: 'Hide panel' })).toBeTruthy();
    expect(env.settingsValue().overlay['meet.google.com']).toMatchObject({ collapsed: false });
  });

  it('hidden by the coach (Alt+H or "Hide panel"), focus goes to "Show panel"; Alt+H again brings focus back where it was', async () => {
    await start({ overlay: true });
    const topic = screen.getByRole('textbox', { name: 'Topic' });
    topic.focus();
    await key({ key: 'h', code: 'KeyH', altKey: true }, topic);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Show panel' }));
    await key({ key: 'h', code: 'KeyH', altKey: true }, document.activeElement!);
    await settle();
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Topic' }));
    fireEvent.click(screen.getByRole('button', { name: 'Hide panel' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Show panel' }));
  });

  it('opens collapsed when it was collapsed on this host; Alt+H toggles', async () => {
    const { frame } = await start({ overlay: true, settings: { overlay: { 'meet.google.com': { right: 20, top: 80, collapsed: true } } } });
    expect(frame.setCollapsed).toHaveBeenCalledWith(true);
    expect(screen.getByRole('button', { name: 'Show panel' })).toBeTruthy();
    // Restored collapsed on a page load: it takes no focus from the call.
    expect(document.activeElement).not.toBe(screen.getByRole('button', { name: 'Show panel' }));
    await key({ key: 'h', code: 'KeyH', altKey: true });
    expect(screen.getByRole('button', { name: 'Hide panel' })).toBeTruthy();
  });

  it('the side panel has no hide button and ignores Alt+H', async () => {
    await start();
    expect(screen.queryByRole('button', { name: 'Hide panel' })).toBeNull();
    await key({ key: 'h', code: 'KeyH', altKey: true });
    expect(screen.queryByRole('button', { name: 'Show panel' })).toBeNull();
  });

  it('blur mode blurs the text and keeps the timer sharp, by button or Alt+B', async () => {
    const { view } = await start({ overlay: true });
    const toggle = screen.getByRole('button', { name: 'Blur text' });
    fireEvent.click(toggle);
    await settle();
    const app = view.container.querySelector('.app')!;
    expect(app.classList.contains('is-blurred')).toBe(true);
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('timer').closest('.blurrable')).toBeNull();
    expect(screen.getByText('Ana Lima').closest('.blurrable')).toBeTruthy();
    expect(screen.getByRole('main').classList.contains('blurrable')).toBe(true);
    await key({ key: 'b', code: 'KeyB', altKey: true });
    expect(app.classList.contains('is-blurred')).toBe(false);
  });

  it('moves the overlay with the arrow keys on its handle', async () => {
    const { frame } = await start({ overlay: true });
    fireEvent.keyDown(screen.getByRole('button', { name: 'Move panel' }), { key: 'ArrowLeft' });
    expect(frame.moveBy).toHaveBeenCalledWith(-16, 0);
  });
});

describe('App: end session, settings, help', () => {
  it('"End session" asks once, then ends and shows the summary', async () => {
    const ended = aSession({ status: 'ended', endedAt: NOW });
    const { env } = await start({ overlay: true, api: { endSession: async () => ok(ended) } });
    fireEvent.click(screen.getByRole('button', { name: 'End session' }));
    const dialog = screen.getByRole('dialog', { name: 'End the session with Ana Lima?' });
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'End session now' }));
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(env.api.endSession).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: 'End session' }));
    fireEvent.click(screen.getByRole('button', { name: 'End session now' }));
    await settle();
    expect(env.api.endSession).toHaveBeenCalledWith({ sessionId: 's1' });
    expect(screen.getByRole('region', { name: 'Session summary' }).dataset.session).toBe('s1');
    expect(screen.queryByRole('timer')).toBeNull();
  });

  it('a failed end keeps the session running and says why', async () => {
    await start({ overlay: true, api: { endSession: async () => fail('storage', 'The write was aborted.') } });
    fireEvent.click(screen.getByRole('button', { name: 'End session' }));
    fireEvent.click(screen.getByRole('button', { name: 'End session now' }));
    await settle();
    expect(within(screen.getByRole('dialog')).getByRole('alert').textContent).toContain('The session was not ended.');
    expect(screen.getByRole('timer')).toBeTruthy();
  });

  it('"Settings" opens the settings view and it closes back to the session', async () => {
    await start({ overlay: true });
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    expect(screen.getByRole('region', { name: 'Settings view' })).toBeTruthy();
    expect(screen.queryByRole('tab')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Close settings' }));
    expect(screen.getByRole('tab', { name: /Contract/ })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    await key({ key: 'Escape' });
    expect(screen.queryByRole('region', { name: 'Settings view' })).toBeNull();
  });

  it('Escape out of Settings puts focus where work continues, as "Close settings" does (never on nothing)', async () => {
    await start({ overlay: true });
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    const inside = within(screen.getByRole('region', { name: 'Settings view' })).getByRole('button', { name: 'Close settings' });
    inside.focus();
    await key({ key: 'Escape' }, inside);
    await settle();
    expect(screen.queryByRole('region', { name: 'Settings view' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Topic' }));
  });

  it('marks a client who keeps no notes, and tells capture', async () => {
    await start({ overlay: true, bundle: aBundle({ client: { ...aBundle().client, keepNoNotes: true } }) });
    expect(within(screen.getByRole('banner')).getByText('No notes')).toBeTruthy();
    expect(lastCapture()).toMatchObject({ keepNoNotes: true });
  });

  it('"?" shows the shortcuts; Escape closes them', async () => {
    await start({ overlay: true });
    await key({ key: '?' });
    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(dialog.textContent).toContain('Start, pause or resume the timer');
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('takes every aria-keyshortcuts value from the keymap', async () => {
    await start({ overlay: true, prior: [aCommitment()] });
    const values = [...document.querySelectorAll('[aria-keyshortcuts]')].map((el) => el.getAttribute('aria-keyshortcuts'));
    const fromKeymap = new Set(KEYMAP.map((e) => e.keys.join(' ')));
    expect(values.length).toBeGreaterThan(5);
    expect(values.filter((v) => !fromKeymap.has(v ?? ''))).toEqual([]);
    expect(screen.getByRole('button', { name: 'Start timer' }).getAttribute('aria-keyshortcuts')).toBe(ariaKeys('timer.toggle'));
    expect(screen.getByRole('button', { name: 'Keyboard shortcuts' }).getAttribute('aria-keyshortcuts')).toBe(ariaKeys('help.open'));
    expect(screen.getByRole('tab', { name: /Prior/ }).getAttribute('aria-keyshortcuts')).toBe(ariaKeys('tab.prior'));
  });

  it('hides the shortcut hints when settings say so', async () => {
    await start({ overlay: true, settings: { showShortcutHints: false } });
    expect(document.querySelector('kbd')).toBeNull();
  });
});

describe('App: states', () => {
  it('loading, then a store that cannot be reached, then retry', async () => {
    let answer = fail('unavailable', 'The background worker did not answer.');
    const { env } = await start({ api: { activeSession: async () => answer } });
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Holdspace could not reach its store.');
    answer = ok(aBundle()) as never;
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await settle();
    expect(env.api.activeSession).toHaveBeenCalledTimes(2);
    expect(screen.getByRole('timer')).toBeTruthy();
  });

  it('follows a session ended in another view', async () => {
    let active: SessionBundle | null = aBundle();
    const { env } = await start({ api: { activeSession: async () => ok(active) } });
    expect(screen.getByRole('timer')).toBeTruthy();
    active = null;
    await act(() => env.emit({ topics: ['session'] }));
    await settle();
    expect(screen.queryByRole('timer')).toBeNull();
    expect(screen.getByRole('combobox', { name: 'Client' })).toBeTruthy();
  });

  it('applies the theme from settings', async () => {
    await start({ settings: { theme: 'dark' } });
    expect(document.documentElement.dataset.theme).toBe('dark');
  });
});

describe('App: the wide side panel', () => {
  it('shows contract and prior on the left, deck and capture on the right, without tabs', async () => {
    window.innerWidth = 1000;
    await start({ prior: [aCommitment()] });
    expect(screen.queryByRole('tablist')).toBeNull();
    expect(screen.queryByRole('combobox', { name: 'Client' })).toBeNull();
    const columns = document.querySelectorAll('.column');
    expect(columns).toHaveLength(2);
    expect(within(columns[0] as HTMLElement).getByRole('region', { name: 'Prior commitments' })).toBeTruthy();
    expect(within(columns[0] as HTMLElement).getByRole('textbox', { name: 'Topic' })).toBeTruthy();
    expect(within(columns[1] as HTMLElement).getByRole('region', { name: 'Question deck' })).toBeTruthy();
    expect(within(columns[1] as HTMLElement).getByRole('textbox', { name: 'Capture' })).toBeTruthy();
    vi.useRealTimers();
    expect(await axeViolations(document.body, false)).toEqual([]);
  });
});

// @vitest-environment happy-dom
/**
 * Focus after a tab shortcut moves in the same render that shows the tab, not a frame later: keys typed
 * right after Alt+1..5 must land in the new tab, never in the control that had focus before (a capture
 * draft lost its first letters; a Space on a focused "End session" opened its dialog).
 */
import { act, render, screen, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import type { SessionBundle } from '@/lib/api/contract';
import { ok } from '@/lib/api/result';
import { App } from '@/components/app/App';
import { Capture } from '@/components/capture/Capture';
import { fakeEnv } from '../../helpers/fake-env';
import { aBundle } from './fixtures';
import { useFakeFrames } from './frames';
import { STUB_SLOTS } from './stub-slots';

vi.mock('@/components/app/slots', () => ({ DEFAULT_SLOTS: {} }));

const settle = () => act(async () => void (await vi.advanceTimersByTimeAsync(0)));

// Frames never come unless a test advances them: whatever waits for one shows up as not done.
useFakeFrames();

async function start(layout: 'overlay' | 'panel' = 'overlay') {
  const env = fakeEnv({
    layout,
    api: {
      activeSession: async () => ok(aBundle()),
      openCommitments: async () => ok([]),
      clientHistory: async () => ok([]),
      getSessionBundle: async () => ok({ ...aBundle(), items: [] } as SessionBundle),
      getDraft: async () => ok(null),
      setDraft: async () => ok(null),
    },
  });
  render(<App env={env} slots={{ ...STUB_SLOTS, capture: (p) => <Capture {...p} /> }} />);
  await settle();
  return env;
}

/** A key as the browser delivers it (no act(), so nothing is flushed for us), then only the microtasks it queued. */
async function press(init: KeyboardEventInit) {
  const target = document.activeElement ?? document.body;
  target.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init }));
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

const endSession = () => within(screen.getByRole('banner')).getByRole('button', { name: 'End session' });

describe('Workspace: focus after a tab shortcut (overlay)', () => {
  it('Alt+2 moves focus off a focused "End session" onto the Deck tab before the next key', async () => {
    await start();
    endSession().focus();
    await press({ key: '2', code: 'Digit2', altKey: true });
    expect(screen.getByRole('tab', { name: /Deck/ }).getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: /Deck/ }));
  });

  it('Alt+3 puts the capture field in focus before the next key (typed letters are not lost)', async () => {
    await start();
    screen.getByRole('textbox', { name: 'Topic' }).focus();
    await press({ key: '3', code: 'Digit3', altKey: true });
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Capture' }));
  });

  it('Alt+5 and Alt+C focus their fields before the next key', async () => {
    await start();
    endSession().focus();
    await press({ key: '5', code: 'Digit5', altKey: true });
    expect(document.activeElement).toBe(screen.getByRole('searchbox', { name: 'Search everything' }));
    await press({ key: 'c', code: 'KeyC', altKey: true });
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Capture' }));
  });

  it('Alt+1 back from capture focuses the Contract tab', async () => {
    await start();
    await press({ key: '3', code: 'Digit3', altKey: true });
    await press({ key: '1', code: 'Digit1', altKey: true });
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: /Contract/ }));
  });
});

describe('Workspace: focus after a tab shortcut (wide side panel, no tabs)', () => {
  it('Alt+1 and Alt+2 move focus into the contract and the deck, never leaving it on "End session"', async () => {
    window.innerWidth = 1000;
    await start('panel');
    endSession().focus();
    await press({ key: '2', code: 'Digit2', altKey: true });
    expect(document.activeElement).toBe(screen.getByRole('searchbox', { name: 'Search questions' }));
    endSession().focus();
    await press({ key: '1', code: 'Digit1', altKey: true });
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Topic' }));
    await press({ key: '3', code: 'Digit3', altKey: true });
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Capture' }));
  });
});

/**
 * Focus lands where work continues (components/app/focusWork.ts), in the 360 px overlay on the Meet stand-in
 * and in the side panel page: each shortcut, "On to the contract" and "Show panel" after the pill put focus
 * on the expected control, scrolled into view below the sticky tab bar; an arrow key in the Focus radios
 * keeps focus in the radio group.
 */
import { describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { MEET_CALL } from './harness/browser';
import { api } from './harness/api';
import { viewSuite } from './harness/suite';
import { button, isFocused, openOverlay, openPanel, snap, textbox, type View } from './harness/coach';

const CLIENT = 'Focus Keys';
const COMMITMENTS = [
  'Ask the skip-level for a career conversation',
  'Write down what the promotion would change',
  'Talk to HR about the appraisal timeline',
  'Send the apology e-mail to the client',
  'Draft the three talking points for the boss',
  'Block an evening to prepare',
].map((text, i) => ({ text, howWillYouKnow: `A sign ${i + 1} that it happened, written down in the coaching journal` }));

const { v, browser } = viewSuite('focus', (b) => openOverlay(b.context, MEET_CALL));

interface Where {
  /** What has focus, in words. */
  what: string;
  top: number;
  bottom: number;
  /** The bottom of the sticky tab bar (or the top of the work area when there is none). */
  headerBottom: number;
  viewBottom: number;
  collapsed: boolean;
}

/** Where the focused control is, measured inside the app's own document (the overlay frame or the panel). */
function focusedWhere(ui: Frame | Page): Promise<Where> {
  return ui.evaluate(() => {
    const a = document.activeElement as HTMLElement;
    const r = a.getBoundingClientRect();
    const work = document.querySelector('.work')!.getBoundingClientRect();
    const tabs = document.querySelector('.app:not([hidden]) .tabs');
    const label =
      a.getAttribute('aria-label') ?? ((a as HTMLInputElement).labels?.[0]?.textContent || a.textContent || '').trim().slice(0, 48);
    return {
      what: `${a.tagName.toLowerCase()}${a.getAttribute('role') ? `[${a.getAttribute('role')}]` : ''} ${label}`,
      top: r.top,
      bottom: r.bottom,
      headerBottom: tabs ? tabs.getBoundingClientRect().bottom : work.top,
      viewBottom: work.bottom,
      collapsed: !!document.querySelector('.app--pill'),
    };
  });
}

/** The focused control is `what` and is wholly in view below the sticky header. */
async function expectFocusedInView(view: View, what: RegExp, step: string): Promise<Where> {
  const at = await focusedWhere(view.ui);
  expect(at.what, `${step}: focus`).toMatch(what);
  expect(at.top, `${step}: ${at.what} starts below the sticky header (${at.headerBottom})`).toBeGreaterThanOrEqual(at.headerBottom);
  expect(at.bottom, `${step}: ${at.what} ends above the bottom of the work area (${at.viewBottom})`).toBeLessThanOrEqual(at.viewBottom);
  await snap(view, `focus-${step}`);
  return at;
}

const scrollWorkToEnd = (ui: Frame | Page) => ui.evaluate(() => document.querySelector('.work')!.scrollTo(0, 1e6));
const press = (view: View, key: string) => view.page.keyboard.press(key);

let ids: { clientId: string; sessionId: string };

describe('keyboard focus in the 360 px overlay on a call', () => {
  it('sets up a follow-up session with six commitments from last time', async () => {
    const client = await api(v.ui, 'createClient', { input: { name: CLIENT } });
    const earlier = await api(v.ui, 'startSession', { clientId: client.id });
    for (const c of COMMITMENTS) await api(v.ui, 'addItem', { sessionId: earlier.id, input: { kind: 'commitment', ...c } });
    await api(v.ui, 'endSession', { sessionId: earlier.id });
    const session = await api(v.ui, 'startSession', { clientId: client.id });
    ids = { clientId: client.id, sessionId: session.id };
    await button(v, 'End session').waitFor();
    await v.ui.getByRole('tab', { name: 'Prior commitments', exact: true }).waitFor();
    // Notes enough to make the capture list longer than the overlay.
    for (let i = 1; i <= 12; i++)
      await api(v.ui, 'addItem', { sessionId: session.id, input: { kind: 'note', text: `Earlier note ${i}: the argument, the boss` } });
  });

  it('Alt+4 lands on the first commitment still to review, in view', async () => {
    const open = await api(v.ui, 'openCommitments', { clientId: ids.clientId });
    for (const c of open.slice(0, 3)) await api(v.ui, 'reviewCommitment', { itemId: c.item.id, sessionId: ids.sessionId, status: 'done' });
    await button(v, 'End session').focus();
    await press(v, 'Alt+3');
    await scrollWorkToEnd(v.ui);
    await press(v, 'Alt+4');
    const fourth = v.ui.getByRole('listitem').filter({ hasText: open[3]!.item.text });
    await expect.poll(() => fourth.evaluate((li) => li.contains(document.activeElement))).toBe(true);
    await expectFocusedInView(v, /./, 'alt4-first-to-review');
    // The whole commitment is in view, its words included, not only its status control.
    const card = await fourth.evaluate((li) => li.getBoundingClientRect().top);
    expect(card).toBeGreaterThanOrEqual((await focusedWhere(v.ui)).headerBottom);
  });

  it('"On to the contract" lands on Topic at the top, and a Space types into it (the panel stays)', async () => {
    const open = await api(v.ui, 'openCommitments', { clientId: ids.clientId });
    for (const c of open.filter((c) => c.lastReview?.sessionId !== ids.sessionId))
      await api(v.ui, 'reviewCommitment', { itemId: c.item.id, sessionId: ids.sessionId, status: 'partly' });
    await button(v, 'On to the contract').focus();
    await scrollWorkToEnd(v.ui);
    await press(v, 'Enter');
    await expect.poll(() => isFocused(textbox(v, 'Topic'))).toBe(true);
    await expectFocusedInView(v, /Topic/, 'on-to-the-contract');
    const heading = await v.ui.getByRole('heading', { name: 'Contract', exact: true }).evaluate((h) => h.getBoundingClientRect().top);
    expect(heading, 'the contract is shown from its top').toBeGreaterThanOrEqual((await focusedWhere(v.ui)).headerBottom);
    await press(v, 'Space');
    expect(await textbox(v, 'Topic').inputValue()).toBe(' ');
    expect((await focusedWhere(v.ui)).collapsed).toBe(false);
    await press(v, 'Backspace');
  });

  it('Alt+1 lands on the first contract field still empty', async () => {
    await v.page.keyboard.type('Career change and promotion');
    await press(v, 'Alt+2');
    await press(v, 'Alt+1');
    await expect.poll(() => isFocused(textbox(v, 'Desired outcome'))).toBe(true);
    await expectFocusedInView(v, /Desired outcome/, 'alt1-first-empty');
    await v.page.keyboard.type('A plan for the talk with his boss');
  });

  it('an arrow key in the Focus radios keeps focus in the radio group and the contract open', async () => {
    const inSession = v.ui.getByRole('radio', { name: 'In-session work', exact: true });
    await inSession.focus();
    await press(v, 'Space');
    for (const [key, name] of [
      ['ArrowRight', 'Out-of-session work'],
      ['ArrowRight', 'Both'],
      ['ArrowLeft', 'Out-of-session work'],
    ] as const) {
      await press(v, key);
      await v.page.waitForTimeout(400); // the write and its echo have come back
      const radio = v.ui.getByRole('radio', { name, exact: true });
      expect(await isFocused(radio), `${key} leaves focus on ${name}`).toBe(true);
      expect(await radio.isChecked()).toBe(true);
    }
    expect(await v.ui.getByRole('tab', { name: 'Contract', exact: true }).getAttribute('aria-selected')).toBe('true');
    await expectFocusedInView(v, /Out-of-session work/, 'focus-radios');
  });

  it('Alt+2 lands on the question list: n, a work at once', async () => {
    await press(v, 'Alt+2');
    const row = v.ui.locator('li.hs-deck__q[tabindex="0"]');
    await expect.poll(() => row.evaluate((li) => li === document.activeElement)).toBe(true);
    await expectFocusedInView(v, /^li /, 'alt2-question-list');
    await press(v, 'n');
    const current = v.ui.locator('li.hs-deck__q--current');
    await expect.poll(() => current.evaluate((li) => li === document.activeElement)).toBe(true);
    await press(v, 'a');
    await expect.poll(() => current.getByRole('button', { name: 'Mark asked' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('Alt+3 lands on the capture field with the kind switch in view', async () => {
    await press(v, 'Alt+3');
    await expect.poll(() => isFocused(textbox(v, 'Capture'))).toBe(true);
    await scrollWorkToEnd(v.ui);
    await press(v, 'Alt+1');
    await press(v, 'Alt+3');
    await expect.poll(() => isFocused(textbox(v, 'Capture'))).toBe(true);
    await expectFocusedInView(v, /Capture/, 'alt3-capture');
    const kinds = await v.ui.getByRole('group', { name: 'Kind' }).evaluate((g) => g.getBoundingClientRect().top);
    expect(kinds, 'the kind switch is in view').toBeGreaterThanOrEqual((await focusedWhere(v.ui)).headerBottom);
  });

  it('"Show panel" after the pill puts the focused field back in view', async () => {
    // The contract was agreed (a desired outcome) and the coach moved on: Alt+1 shows its card, on its check-in.
    await press(v, 'Alt+1');
    await expect.poll(() => isFocused(button(v, 'Contract check-in'))).toBe(true);
    await expectFocusedInView(v, /Contract check-in/, 'alt1-agreed-contract');
    await press(v, 'Tab');
    await press(v, 'Enter'); // "Edit contract"
    // A field low in the contract, so that anything but a reveal would leave it off screen or under the tabs.
    const notes = textbox(v, 'Contract notes');
    await notes.focus();
    await v.page.keyboard.type('Check the appraisal date');
    await expectFocusedInView(v, /Contract notes/, 'before-pill');
    await press(v, 'Alt+h');
    await button(v, 'Show panel').waitFor();
    await snap(v, 'focus-pill');
    // Alt+H put focus on "Show panel" (not on nothing), so Enter shows the panel again.
    await expect.poll(() => isFocused(button(v, 'Show panel'))).toBe(true);
    await press(v, 'Enter');
    await expect.poll(() => isFocused(notes)).toBe(true);
    // Once the frame has grown back, the field is in view below the tab bar.
    await expect
      .poll(async () => {
        const at = await focusedWhere(v.ui);
        return at.top >= at.headerBottom && at.bottom <= at.viewBottom && at.viewBottom - at.headerBottom > 200;
      })
      .toBe(true);
    await expectFocusedInView(v, /Contract notes/, 'after-pill');
    await v.page.keyboard.type('!');
    expect(await notes.inputValue()).toBe('Check the appraisal date!');
  });
});

describe('the shortcut dialog in the overlay', () => {
  it('opens with its title in view and lists Ctrl+1…5 under Capture', async () => {
    await press(v, 'Escape');
    await button(v, 'End session').focus();
    await press(v, '?');
    const dialog = v.ui.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor();
    const title = await dialog.getByRole('heading', { name: 'Keyboard shortcuts' }).evaluate((h) => {
      const r = h.getBoundingClientRect();
      const box = h.closest('.dialog')!.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, boxTop: box.top, boxBottom: box.bottom };
    });
    expect(title.top, 'the title is not cut off at the top').toBeGreaterThanOrEqual(title.boxTop);
    expect(title.bottom).toBeLessThanOrEqual(title.boxBottom);
    await expect.poll(() => isFocused(dialog.getByRole('button', { name: 'Close' }))).toBe(true);
    const row = dialog.locator('[data-key-id="capture.kind"]');
    expect(await row.locator('dt').textContent()).toBe('Ctrl1…5');
    await snap(v, 'focus-shortcut-dialog');
    await row.scrollIntoViewIfNeeded();
    await snap(v, 'focus-shortcut-dialog-capture');
    await press(v, 'Escape');
  });
});

describe('keyboard focus in the side panel page (wide, two columns)', () => {
  it('Alt+1…4 land in the contract, the question list, capture and the review, each in view', async () => {
    const p = await openPanel(browser().context, browser().extensionId);
    await p.page.setViewportSize({ width: 1000, height: 700 });
    await button(p, 'End session').focus();
    const inPane = (pane: string) =>
      p.ui.evaluate((pane) => !!document.querySelector(`.pane--${pane}`)?.contains(document.activeElement), pane);

    await press(p, 'Alt+1');
    await expect.poll(() => inPane('contract')).toBe(true);
    await expectFocusedInView(p, /./, 'panel-alt1');

    await press(p, 'Alt+2');
    await expect.poll(() => p.ui.evaluate(() => document.activeElement?.matches('li.hs-deck__q') ?? false)).toBe(true);
    await expectFocusedInView(p, /^li /, 'panel-alt2');

    await press(p, 'Alt+3');
    await expect.poll(() => isFocused(textbox(p, 'Capture'))).toBe(true);
    await expectFocusedInView(p, /Capture/, 'panel-alt3');

    await press(p, 'Alt+4');
    await expect.poll(() => inPane('prior')).toBe(true);
    await expectFocusedInView(p, /./, 'panel-alt4');

    // The Focus radios in the panel's contract form: an arrow key stays in the group.
    await press(p, 'Alt+1');
    await button(p, 'Edit contract').focus();
    await press(p, 'Enter');
    const out = p.ui.getByRole('radio', { name: 'Out-of-session work', exact: true });
    await out.focus();
    await press(p, 'ArrowRight');
    await p.page.waitForTimeout(400);
    expect(await isFocused(p.ui.getByRole('radio', { name: 'Both', exact: true }))).toBe(true);
    await expectFocusedInView(p, /Both/, 'panel-focus-radios');
    await p.page.close();
  });
});

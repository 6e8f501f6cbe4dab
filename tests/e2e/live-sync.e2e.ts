/**
 * Live sync between views (issue 3): the overlay on a Meet tab and the side panel page open at once.
 * A write in one shows in the other without a reload, pushed over the worker's runtime ports.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, MEET_CALL, watchErrors, type Launched } from './harness/browser';
import {
  capture,
  capturedTexts,
  isFocused,
  openOverlay,
  openPanel,
  openTab,
  snap,
  startSession,
  textbox,
  typeInto,
  type View,
} from './harness/coach';

let browser: Launched;
let overlay: View;
let panel: View;
const errors: string[] = [];
beforeAll(async () => {
  browser = await launch();
  overlay = await openOverlay(browser.context, MEET_CALL);
  panel = await openPanel(browser.context, browser.extensionId);
  errors.push(...watchErrors(overlay.page), ...watchErrors(panel.page));
});
afterAll(async () => {
  await browser?.dispose();
});

/** Counts the page loads of a view, to prove the other view's change arrived without one. */
async function markLoaded(v: View) {
  await v.ui.evaluate(() => ((window as unknown as { __hsMark: number }).__hsMark = 1));
}
const stillLoaded = (v: View) => v.ui.evaluate(() => (window as unknown as { __hsMark?: number }).__hsMark === 1);

describe('the overlay and the side panel open at once', () => {
  it('both show the session started in the overlay', async () => {
    await markLoaded(panel);
    await overlay.page.bringToFront();
    await startSession(overlay, 'Jordan Rivera');
    await panel.page.bringToFront();
    await panel.ui.getByRole('button', { name: 'End session', exact: true }).waitFor();
    await expect.poll(() => panel.ui.getByRole('banner').textContent()).toContain('Jordan Rivera');
    expect(await stillLoaded(panel)).toBe(true);
  });

  it('a capture added in the overlay appears in the panel\'s "Captured this session"', async () => {
    await markLoaded(panel);
    await overlay.page.bringToFront();
    await openTab(overlay, 'Capture');
    await capture(overlay, 'Insight', 'Saying no is also a commitment');
    await capture(overlay, 'Commitment', 'Tell the team about Friday');
    await panel.page.bringToFront();
    await expect
      .poll(() => capturedTexts(panel), { message: 'the panel lists both, newest first' })
      .toEqual(['Tell the team about Friday', 'Saying no is also a commitment']);
    expect(await stillLoaded(panel)).toBe(true);
    await snap(panel, 'flow-sync-01-panel-sees-capture');
  });

  it('a contract field typed in the panel appears in the overlay', async () => {
    await markLoaded(overlay);
    await overlay.page.bringToFront();
    await openTab(overlay, 'Contract');
    await panel.page.bringToFront();
    await typeInto(panel, textbox(panel, 'Topic'), 'Handing over the planning');
    await typeInto(panel, textbox(panel, 'Desired outcome'), 'One clear first step');
    await panel.page.keyboard.press('Tab');
    await overlay.page.bringToFront();
    await expect
      .poll(() => textbox(overlay, 'Topic').inputValue(), { message: 'the overlay shows the topic typed in the panel' })
      .toBe('Handing over the planning');
    await expect.poll(() => overlay.ui.getByRole('banner').textContent()).toContain('One clear first step');
    expect(await stillLoaded(overlay)).toBe(true);
    await snap(overlay, 'flow-sync-02-overlay-sees-contract');
  });

  it('an edit in the overlay reaches the panel too, even into a field that had focus there', async () => {
    // The panel's Tab above left its focus in "Why it matters": focused, not being typed in.
    expect(await isFocused(textbox(panel, 'Why it matters'))).toBe(true);
    await typeInto(overlay, textbox(overlay, 'Why it matters'), 'Evenings back');
    await overlay.page.keyboard.press('Tab');
    await panel.page.bringToFront();
    await panel.page.keyboard.press('Tab'); // the coach moves on in the panel: the field takes the stored words
    await expect.poll(() => textbox(panel, 'Why it matters').inputValue()).toBe('Evenings back');
    expect(await textbox(panel, 'Topic').inputValue()).toBe('Handing over the planning');
    expect(errors, errors.join('\n')).toEqual([]);
  });
});

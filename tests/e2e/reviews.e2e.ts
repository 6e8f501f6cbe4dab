/**
 * Reviews that keep the accountability thread, in the side panel page, by keyboard: three sessions with one
 * client. The second reviews five commitments with one key each (done, partly, not done, dropped, carried
 * forward with a new date) and records a check-in that shifted; the third sees partly done, not done and
 * carried forward back with their history, and done and dropped gone. Confidentiality carries over.
 */
import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { viewSuite } from './harness/suite';
import {
  button,
  captureCommitment,
  dayFromNow,
  endSession,
  fillContract,
  isFocused,
  openPanel,
  pressOn,
  snap,
  startSession,
} from './harness/coach';

const CLIENT = 'Morgan Hale';
const C = {
  done: 'Send the apology email to the client',
  partly: 'Talk to two peers about the appraisal',
  notDone: 'Ask the boss for a one-to-one',
  dropped: 'Read the negotiation book',
  carried: 'Write down what was said in the argument',
};
const SHIFT = 'How to raise it with the boss before the appraisal';

const { v, errors } = viewSuite('reviews', (browser) => openPanel(browser.context, browser.extensionId));

const prior = () => v.ui.getByRole('region', { name: 'Prior commitments', exact: true });
const card = (text: string): Locator => prior().locator('[data-review-card]').filter({ hasText: text });
const priorTexts = () => prior().locator('.commitment__what').allTextContents();
const pressed = async (text: string) =>
  (
    await card(text)
      .getByRole('group', { name: 'Status' })
      .locator('button[aria-pressed="true"]')
      .evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-keyshortcuts')))
  ).join('');
const focusedIn = (target: Locator) => target.evaluate((el) => el.contains(el.ownerDocument.activeElement));

describe('reviews that keep the thread, by keyboard', () => {
  it('first session: five commitments and confidentiality agreed', async () => {
    await startSession(v, CLIENT);
    await pressOn(v, v.ui.getByRole('checkbox', { name: 'Confidentiality agreed', exact: true }), 'Space');
    await expect.poll(() => v.ui.getByRole('checkbox', { name: 'Confidentiality agreed', exact: true }).isChecked()).toBe(true);
    let day = 5;
    for (const text of Object.values(C)) await captureCommitment(v, { text, due: dayFromNow(day++), support: `Support for ${text}` });
    await endSession(v);
  });

  it('second session: one key per status, focus to the note, Enter on to the next', async () => {
    await pressOn(v, button(v, 'Close summary'));
    await startSession(v, CLIENT);
    await prior().waitFor();
    expect(await priorTexts()).toEqual(Object.values(C));
    // The card shows the support.
    expect(await card(C.done).textContent()).toContain(`Support: Support for ${C.done}`);
    // Confidentiality carried over, shown as agreed with its date.
    const confidentiality = v.ui.getByRole('checkbox', { name: 'Confidentiality agreed', exact: true });
    expect(await confidentiality.isChecked()).toBe(true);
    expect(
      await confidentiality.evaluate((el) => el.ownerDocument.getElementById(el.getAttribute('aria-describedby') ?? '')?.textContent),
    ).toMatch(/^agreed /);
    await snap(v, 'reviews-01-second-session');

    // Start on the first card's status buttons, as Tab would land there.
    await card(C.done).getByRole('button', { name: 'Done', exact: true }).focus();
    const steps: [string, string, string][] = [
      [C.done, 'd', 'Sent on Monday'],
      [C.partly, 'p', 'One of two so far'],
      [C.notDone, 'n', 'Avoided it'],
      [C.dropped, 'x', 'Not the priority now'],
    ];
    for (const [text, key, note] of steps) {
      await expect.poll(() => focusedIn(card(text)), { message: `focus is in "${text}"` }).toBe(true);
      await v.page.keyboard.press(key);
      const noteBox = card(text).getByRole('textbox', { name: 'Review note', exact: true });
      await expect.poll(() => isFocused(noteBox), { message: `after "${key}" focus is on the note` }).toBe(true);
      await v.page.keyboard.type(note);
      await v.page.keyboard.press('Enter');
      await expect.poll(() => pressed(text)).toBe(key);
    }
    // Carried forward asks for the new date first, then the note.
    await expect.poll(() => focusedIn(card(C.carried))).toBe(true);
    await v.page.keyboard.press('f');
    const date = card(C.carried).getByLabel('New date', { exact: true });
    await expect.poll(() => isFocused(date)).toBe(true);
    await v.page.keyboard.type('+21'); // the shared due-date field, as a coach says it
    await expect.poll(() => card(C.carried).locator('.due-field__echo').textContent()).toMatch(/^→ /);
    await v.page.keyboard.press('Enter');
    await expect.poll(() => isFocused(card(C.carried).getByRole('textbox', { name: 'Review note', exact: true }))).toBe(true);
    await v.page.keyboard.type('After the appraisal');
    await v.page.keyboard.press('Enter');
    await expect.poll(() => prior().textContent()).toContain('5 of 5 reviewed');
    expect(await pressed(C.carried)).toBe('f');
    // The wide panel shows the contract beside the review, so it offers no "On to the contract" step.
    await snap(v, 'reviews-02-reviewed');
  });

  it('second session: the check-in records a shift', async () => {
    await fillContract(v, { Topic: 'The argument with a client', 'Desired outcome': 'Know what to say to my boss' });
    await pressOn(v, button(v, 'Show contract card'));
    await pressOn(v, button(v, 'Contract check-in'));
    const ask = v.ui.getByRole('group', { name: 'Still on track, or has it shifted?', exact: true });
    expect(await ask.textContent()).toContain('Agreed: The argument with a client — Know what to say to my boss');
    await expect.poll(() => isFocused(button(v, 'Still on track'))).toBe(true);
    await v.page.keyboard.press('Tab');
    await expect.poll(() => isFocused(v.ui.getByRole('textbox', { name: 'Shifted to', exact: true }))).toBe(true);
    await v.page.keyboard.type(SHIFT);
    await snap(v, 'reviews-03-check-in');
    await v.page.keyboard.press('Enter');
    await expect.poll(() => v.ui.getByRole('article').textContent()).toContain(`Checked in once`);
    expect(await v.ui.getByRole('article').textContent()).toContain(`shifted to ${SHIFT}`);
    await snap(v, 'reviews-04-checked-in');
    await endSession(v);
  });

  it('third session: partly, not done and carried forward are back with their history; done and dropped are not', async () => {
    await pressOn(v, button(v, 'Close summary'));
    await startSession(v, CLIENT);
    await prior().waitFor();
    expect((await priorTexts()).sort()).toEqual([C.partly, C.notDone, C.carried].sort());
    const history = (text: string) => card(text).getByRole('list', { name: 'Earlier reviews', exact: true }).textContent();
    expect(await history(C.partly)).toContain('Partly done — One of two so far');
    expect(await history(C.notDone)).toContain('Not done — Avoided it');
    expect(await history(C.carried)).toMatch(/Carried forward · new date .+ — After the appraisal/);
    // None is reviewed in this session yet.
    for (const text of [C.partly, C.notDone, C.carried]) expect(await pressed(text)).toBe('');
    await snap(v, 'reviews-05-third-session');
    expect(errors(), errors().join('\n')).toEqual([]);
  });
});

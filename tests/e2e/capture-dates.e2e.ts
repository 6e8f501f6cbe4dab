/**
 * Due dates typed as a coach says them, in the overlay on the Meet fixture, by keyboard only: three
 * commitments dated "fri", "next week" and "+14", each with how you will know and support. Every key is
 * counted and its target recorded, so a key that lands anywhere but the field being typed in fails the
 * test; the stored `due` values are read back from the worker.
 *
 * Key budget (written down, asserted): a commitment with a due date, how you will know and support takes
 * the characters typed into its four fields plus at most 6 keys (it takes 4: Tab, Tab, Tab, Enter). The
 * "c: " that switches the first one to a commitment is typed into the field and counted as its text.
 */
import { describe, expect, it } from 'vitest';
import { MEET_CALL } from './harness/browser';
import { viewSuite } from './harness/suite';
import { api } from './harness/api';
import { button, capturedTexts, dayFromNow, openPanel, openTab, snap, startSession, textbox, type View } from './harness/coach';

const KEY_BUDGET = 6;

/** Days from today to the next Friday after today (1–7), as "fri" means. */
const toFriday = () => (5 - new Date().getDay() + 7) % 7 || 7;

const COMMITMENTS = [
  {
    text: 'c: Ask Priya to lead the kickoff',
    due: 'fri',
    expected: () => dayFromNow(toFriday()),
    how: 'Invite sent',
    support: 'Last quarter template',
  },
  { text: 'Block two evenings', due: 'next week', expected: () => dayFromNow(7), how: 'Calendar shows them', support: 'Partner' },
  { text: 'Write the handover note', due: '+14', expected: () => dayFromNow(14), how: 'Note in the drive', support: 'Sam reviews' },
];

const { v, errors, browser } = viewSuite('dates', async (b) => {
  const { openOverlay } = await import('./harness/coach');
  return openOverlay(b.context, MEET_CALL);
});

/** Every keydown in the app's document, with the accessible name of the element it reached. */
async function recordKeys(view: View): Promise<void> {
  await view.ui.evaluate(() => {
    const log: { key: string; at: string }[] = [];
    (window as unknown as { __keys: typeof log }).__keys = log;
    document.addEventListener(
      'keydown',
      (e) => {
        const el = e.target as HTMLElement;
        const at = el.getAttribute('aria-label') ?? (el as HTMLInputElement).labels?.[0]?.textContent?.trim() ?? el.tagName;
        log.push({ key: e.key, at });
      },
      true,
    );
  });
}
const keysSeen = (view: View) => view.ui.evaluate(() => (window as unknown as { __keys: { key: string; at: string }[] }).__keys.splice(0));

describe('typing due dates in the overlay', () => {
  it('starts a session and opens capture with Alt+3', async () => {
    await startSession(v, 'Dana Okafor');
    await openTab(v, 'Capture');
    await recordKeys(v);
  });

  it('captures three commitments by keyboard, each key landing where it was meant, within the key budget', async () => {
    for (const [index, c] of COMMITMENTS.entries()) {
      const expectedTargets: { key: string; at: string }[] = [];
      let extra = 0;
      const typeIn = async (text: string, at: string) => {
        await v.page.keyboard.type(text);
        for (const ch of text) expectedTargets.push({ key: ch, at });
      };
      const press = async (key: string, at: string) => {
        await v.page.keyboard.press(key);
        expectedTargets.push({ key, at });
        extra++;
      };

      await typeIn(c.text, 'Capture');
      await press('Tab', 'Capture');
      await typeIn(c.due, 'Due date');
      await expect.poll(() => v.ui.locator('.due-field__echo').first().textContent()).toMatch(/^→ \w{3}/);
      if (index === 0) await snap(v, 'dates-01-echo-fri');
      await press('Tab', 'Due date');
      await typeIn(c.how, 'How will you know');
      await press('Tab', 'How will you know');
      await typeIn(c.support, 'Support');
      await press('Enter', 'Support');

      const words = c.text.replace(/^c: /, '');
      await expect.poll(() => capturedTexts(v), { message: `"${words}" is captured` }).toContain(words);
      expect(await keysSeen(v), `every key of commitment ${index + 1} reached the field being typed in`).toEqual(expectedTargets);
      expect(extra, `keys beyond the words for commitment ${index + 1}`).toBeLessThanOrEqual(KEY_BUDGET);
      expect(extra).toBe(4);
      // Ready for the next one: the words field is focused and empty, the kind is still Commitment.
      await expect.poll(() => textbox(v, 'Capture').inputValue()).toBe('');
      expect(await textbox(v, 'Capture').evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await v.ui.getByRole('radio', { name: 'Commitment', exact: true }).isChecked()).toBe(true);
    }
  });

  it('stored each due date as the day it showed, with how you will know and support', async () => {
    const session = await api(v.ui, 'activeSession', {});
    const items = (await api(v.ui, 'getSessionBundle', { sessionId: session!.session.id })).items;
    for (const c of COMMITMENTS) {
      const stored = items.find((i) => i.text === c.text.replace(/^c: /, ''));
      expect(stored, c.text).toBeDefined();
      expect({ due: stored!.due, how: stored!.howWillYouKnow, support: stored!.support }).toEqual({
        due: c.expected(),
        how: c.how,
        support: c.support,
      });
    }
  });

  it('shows the form in the 360 px overlay and the side panel, dark and light', async () => {
    await textbox(v, 'Capture').focus();
    await v.page.keyboard.type('Tell the boss before the appraisal');
    await v.page.keyboard.press('Tab');
    await v.page.keyboard.type('15/12 2pm');
    await expect.poll(() => v.ui.locator('.due-field__echo').first().textContent()).toMatch(/^→ .*15/);
    await snap(v, 'dates-02-overlay-dark');
    await v.page.emulateMedia({ colorScheme: 'light' });
    await snap(v, 'dates-03-overlay-light');
    await v.page.keyboard.press('Tab');
    await v.page.keyboard.type('.'); // how will you know; then back: a text it does not understand
    await v.ui.getByRole('textbox', { name: 'Due date', exact: true }).fill('when it feels right');
    await expect.poll(() => v.ui.locator('.due-field__echo').first().textContent()).toMatch(/Not a date I know/);
    await snap(v, 'dates-04-overlay-light-unknown');

    const panel = await openPanel(browser().context, browser().extensionId);
    await panel.page.setViewportSize({ width: 420, height: 800 }); // a side panel's width: tabs, as in the overlay
    await panel.ui.getByRole('tab', { name: 'Contract', exact: true }).focus();
    await openTab(panel, 'Capture');
    await panel.ui.getByRole('textbox', { name: 'Due date', exact: true }).scrollIntoViewIfNeeded();
    await snap(panel, 'dates-05-panel-dark');
    await panel.page.emulateMedia({ colorScheme: 'light' });
    await snap(panel, 'dates-06-panel-light');
    await panel.page.close();
    expect(await button(v, 'End session').count()).toBe(1);
    expect(errors()).toEqual([]);
  });
});

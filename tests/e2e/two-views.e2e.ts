/**
 * Two views editing the same text (issue 10, item 5): the overlay on the Meet stand-in and the side panel
 * page, open on the same running session, each in its own window so both stay visible (as the real side
 * panel beside a call is; a background tab's timers are throttled). The coach types into the Topic and into
 * the capture draft in both views in turn, with pauses shorter and longer than the 300 ms autosave. At the
 * end no typed word is missing from what is stored or offered, and the notice appeared where a choice was
 * needed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { launch, MEET_CALL, panelUrl, watchErrors, type Launched } from './harness/browser';
import { callApi, openOverlay, openTab, ready, snap, startSession, textbox, type View } from './harness/coach';

let browser: Launched;
let overlay: View;
let panel: View;
let sessionId = '';
const errors: string[] = [];

/** The side panel page in a window of its own, so that both views are visible at once. */
async function openPanelWindow(b: Launched): Promise<View> {
  const cdp = await b.context.newCDPSession(overlay.page);
  const [page] = await Promise.all([
    b.context.waitForEvent('page'),
    cdp.send('Target.createTarget', { url: panelUrl(b.extensionId), newWindow: true }),
  ]);
  await cdp.detach();
  page.setDefaultTimeout(10_000);
  await page.waitForLoadState();
  const view = { page, ui: page };
  await ready(view);
  return view;
}

beforeAll(async () => {
  browser = await launch();
  overlay = await openOverlay(browser.context, MEET_CALL);
  panel = await openPanelWindow(browser);
  errors.push(...watchErrors(overlay.page), ...watchErrors(panel.page));
});
afterAll(async () => {
  await browser?.dispose();
});

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const notice = (v: View, what: string) => v.ui.getByRole('group', { name: `${what} was changed in another view.`, exact: true });
const storedTopic = async () =>
  (await callApi<{ session: { contract: { topic: string } } }>(overlay.ui, 'getSessionBundle', { sessionId })).session.contract.topic;
const storedDraft = async () =>
  (await callApi<{ value: { text?: string } } | null>(overlay.ui, 'getDraft', { key: `capture:${sessionId}` }))?.value.text ?? '';

/** Types `text` at the end of `field` in view `v` (its page need not be in front). */
async function typeAtEnd(v: View, field: Locator, text: string, delay = 0) {
  await field.focus();
  await field.press('End');
  await v.page.keyboard.type(text, { delay });
}

/** Both views type at once, key by key (as two people, or one coach switching fast): both are unsaved together. */
async function typeBoth(field: (v: View) => Locator, ovText: string, paText: string) {
  await Promise.all([typeAtEnd(overlay, field(overlay), ovText, 40), typeAtEnd(panel, field(panel), paText, 40)]);
}

/** What is stored, in the fields and offered in any notice: everything a coach can still see and choose. */
async function everywhere(field: (v: View) => Locator, what: string, stored: () => Promise<string>) {
  const parts = [await stored()];
  for (const v of [overlay, panel]) {
    parts.push(await field(v).inputValue());
    if (await notice(v, what).isVisible()) parts.push((await notice(v, what).textContent()) ?? '');
  }
  return parts.join('\n');
}

/**
 * Both views type words in turn at the end of the same field, pausing `waits[i]` between turns; then every
 * word must be stored, in a field or offered; each notice is resolved with "Keep both"; then every word must
 * be stored.
 */
async function interleave(field: (v: View) => Locator, what: string, stored: () => Promise<string>, tag: string, waits: number[]) {
  const words: string[] = [];
  let notices = 0;
  for (const [i, wait] of waits.entries()) {
    if (i % 4 === 3) {
      // Every fourth turn both views type at once: a change neither has seen, at the same end.
      const [ov, pa] = [`ov${tag}${i}both`, `pa${tag}${i}both`];
      words.push(ov, pa);
      await typeBoth(field, ` ${ov}`, ` ${pa}`);
    } else {
      const v = i % 2 === 0 ? overlay : panel;
      const word = `${i % 2 === 0 ? 'ov' : 'pa'}${tag}${i}`;
      words.push(word);
      await typeAtEnd(v, field(v), ` ${word}`);
    }
    await pause(wait);
  }
  await pause(800); // every autosave has run
  const seen = await everywhere(field, what, stored);
  for (const w of words) expect(seen, `"${w}" is stored, in a field or offered`).toContain(w);
  for (const v of [overlay, panel]) {
    if (!(await notice(v, what).isVisible())) continue;
    notices++;
    await snap(v, `two-views-${tag}-notice-${v === overlay ? 'overlay' : 'panel'}`);
    const both = notice(v, what).getByRole('button', { name: 'Keep both', exact: true });
    await both.focus();
    await v.page.keyboard.press('Enter');
    await expect.poll(() => notice(v, what).isVisible()).toBe(false);
    await expect
      .poll(async () => field(v).evaluate((el) => el === el.ownerDocument.activeElement), { message: 'focus back in the field' })
      .toBe(true);
  }
  await pause(800);
  const final = await stored();
  for (const w of words) expect(final, `"${w}" is stored after the choice`).toContain(w);
  await expect.poll(() => field(overlay).inputValue()).toBe(final);
  await expect.poll(() => field(panel).inputValue()).toBe(final);
  return { words, notices, final };
}

describe('two views typing into the same field', () => {
  it('starts a session both views show', async () => {
    await startSession(overlay, 'Sam Okafor');
    await panel.ui.getByRole('button', { name: 'End session', exact: true }).waitFor();
    sessionId = (await callApi<{ session: { id: string } }>(overlay.ui, 'activeSession')).session.id;
    expect(await overlay.ui.evaluate(() => document.visibilityState)).toBe('visible');
    expect(await panel.ui.evaluate(() => document.visibilityState)).toBe('visible');
    await openTab(overlay, 'Contract');
  });

  it('the issue’s scenario, in turn: "Career", the panel appends, one keystroke back in the overlay — every word kept', async () => {
    const topic = (v: View) => textbox(v, 'Topic');
    await typeAtEnd(overlay, topic(overlay), 'Career');
    await expect.poll(storedTopic).toBe('Career');
    await expect.poll(() => topic(panel).inputValue()).toBe('Career');
    await typeAtEnd(panel, topic(panel), ' change and promotion');
    await expect.poll(storedTopic).toBe('Career change and promotion');
    // The overlay's Topic still has focus: with nothing typed there, it shows the panel's words at once.
    await expect.poll(() => topic(overlay).inputValue()).toBe('Career change and promotion');
    await typeAtEnd(overlay, topic(overlay), '!');
    await expect.poll(storedTopic).toBe('Career change and promotion!');
    await expect.poll(() => topic(panel).inputValue()).toBe('Career change and promotion!');
    expect(await notice(overlay, 'Topic').isVisible()).toBe(false);
    await snap(overlay, 'two-views-01-topic-in-turn');
  });

  it('the same keystroke landing while the panel’s words are still unsaved: both kept, the notice offers the choice', async () => {
    const topic = (v: View) => textbox(v, 'Topic');
    await typeBoth(topic, '?', ' Next'); // at once: both changed the same end before either saw the other
    await pause(800);
    const shown = (await notice(overlay, 'Topic').count()) + (await notice(panel, 'Topic').count());
    expect(shown, 'a notice where a choice is needed').toBeGreaterThan(0);
    const seen = await everywhere(topic, 'Topic', storedTopic);
    expect(seen).toContain('Next');
    expect(seen).toContain('?');
    await snap(overlay, 'two-views-02-topic-notice-overlay');
    await snap(panel, 'two-views-02-topic-notice-panel');
    const v = (await notice(overlay, 'Topic').isVisible()) ? overlay : panel;
    await notice(v, 'Topic').getByRole('button', { name: 'Keep both', exact: true }).focus();
    await v.page.keyboard.press('Enter');
    await expect.poll(storedTopic).toMatch(/Next/);
    expect(await storedTopic()).toContain('?');
  });

  it('interleaved keystrokes in the Topic, with waits shorter and longer than the autosave: no word lost', async () => {
    const { notices } = await interleave(
      (v) => textbox(v, 'Topic'),
      'Topic',
      storedTopic,
      't',
      [60, 60, 120, 500, 40, 700, 150, 150, 30, 400],
    );
    expect(notices, 'typing at the same end within 300 ms needed a choice at least once').toBeGreaterThan(0);
    await snap(panel, 'two-views-03-topic-after');
  });

  it('interleaved typing in the capture draft: no word lost', async () => {
    await openTab(overlay, 'Capture');
    const field = (v: View) => textbox(v, 'Capture');
    await typeAtEnd(overlay, field(overlay), 'Draft');
    await expect.poll(() => field(panel).inputValue()).toBe('Draft');
    const { notices } = await interleave(field, 'The capture draft', storedDraft, 'd', [60, 60, 120, 500, 40, 700, 150, 150, 30, 400]);
    expect(notices).toBeGreaterThan(0);
    await snap(overlay, 'two-views-04-draft-after');
    expect(errors, errors.join('\n')).toEqual([]);
  });
});

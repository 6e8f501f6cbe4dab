/**
 * The overlay in Firefox: a session started in the side panel page shows, running, in the overlay that docks
 * on the Meet stand-in (served with Google's strict CSP and Trusted Types); a capture draft typed there
 * survives a reload of the call tab made at once, before its autosave would have fired, and words typed
 * steadily there survive the call tab being closed 100 ms after the last key (the side panel shows them).
 */
import { describe, expect, it } from 'vitest';
import { FRAME_SIZE } from '../../../lib/frame/protocol';
import { button, capture, find, findRole, isFocused, ready, snap, startSession, textbox, valueOf, type View } from './harness/coach';
import { MEET_CALL, openExtensionPage, overlayFrame } from './harness/firefox';
import { firefoxSuite, watchErrors } from './harness/suite';

const CLIENT = 'Sam Okafor';
const COMMITMENT = 'Draft the hiring plan';
const DRAFT = 'Half a thought about the new team lead';
const TAIL = ', and the budget';

const { v: panel, firefox } = firefoxSuite('overlay', async (ff) => {
  const page = await openExtensionPage(ff, 'sidepanel.html');
  const view: View = { page, ui: page };
  await ready(view);
  return view;
});
let call: View;
let callErrors: string[] = [];

/** The overlay iframe's place on the call page, as the page lays it out. */
const box = () =>
  call.page.evaluate(() => {
    const frame = document.querySelector('holdspace-dock')?.shadowRoot?.querySelector('iframe[title="Holdspace"]');
    if (!frame) return null;
    const r = frame.getBoundingClientRect();
    return { right: Math.round(innerWidth - r.right), top: Math.round(r.top), width: Math.round(r.width), height: Math.round(r.height) };
  });

describe('the overlay on the Meet stand-in in Firefox', () => {
  it('docks on the call with the session started in the side panel running in it', async () => {
    await startSession(panel, CLIENT);
    await capture(panel, 'Commitment', COMMITMENT);

    const page = await firefox().browser.newPage();
    page.setDefaultTimeout(20_000);
    callErrors = watchErrors(page);
    const response = await page.goto(MEET_CALL);
    expect(response?.headers()['content-security-policy']).toContain("require-trusted-types-for 'script'");
    call = { page, ui: await overlayFrame(page) };
    await ready(call);

    await expect.poll(box).toMatchObject(FRAME_SIZE.expanded);
    const placed = (await box())!;
    expect(placed.right).toBeGreaterThanOrEqual(0);
    expect(placed.top).toBeGreaterThanOrEqual(0);
    const src = await page.evaluate(
      () => document.querySelector('holdspace-dock')!.shadowRoot!.querySelector<HTMLIFrameElement>('iframe[title="Holdspace"]')!.src,
    );
    expect(src.startsWith(`${firefox().origin}/overlay.html`)).toBe(true);

    await button(call, 'End session'); // the running session, not the client picker
    const banner = await findRole(call.ui, 'banner');
    await expect.poll(() => banner.evaluate((el) => el.textContent)).toContain(CLIENT);
    await snap(call, 'overlay-01-docked');
  });

  it('keeps a capture draft across a reload of the call tab made right after the last key', async () => {
    await (await find(call.ui, 'tab', 'Capture')).click();
    const field = await textbox(call, 'Capture');
    await field.click();
    await expect.poll(() => isFocused(field)).toBe(true);
    await expect
      .poll(async () => await call.ui.evaluate(() => [...document.querySelectorAll('.hs-capture__item-text')].map((e) => e.textContent)))
      .toContain(COMMITMENT);
    await call.page.keyboard.type(DRAFT);
    expect(await valueOf(field)).toBe(DRAFT);
    await call.page.reload(); // at once: the 300 ms autosave has not fired, the page-hide flush must save it

    call.ui = await overlayFrame(call.page);
    await ready(call);
    await button(call, 'End session');
    const capture = await find(call.ui, 'tab', 'Capture');
    if ((await capture.evaluate((el) => el.getAttribute('aria-selected'))) !== 'true') await capture.click();
    await expect.poll(async () => valueOf(await textbox(call, 'Capture'))).toBe(DRAFT);
    await snap(call, 'overlay-02-draft-after-reload');
    expect(callErrors, callErrors.join('\n')).toEqual([]);
  });

  it('keeps every key typed steadily when the call tab is closed 100 ms after the last one', async () => {
    const field = await textbox(call, 'Capture');
    await field.click();
    await expect.poll(() => isFocused(field)).toBe(true);
    await field.evaluate((el) => {
      const input = el as HTMLInputElement;
      input.setSelectionRange(input.value.length, input.value.length); // the caret after the draft
    });
    await call.page.keyboard.type(TAIL, { delay: 150 }); // a key every 150 ms: the quiet-period autosave never fires
    await new Promise((resolve) => setTimeout(resolve, 100));
    await call.page.close();
    // The side panel page shows the stored draft: every key, the last one included.
    await expect.poll(async () => valueOf(await textbox(panel, 'Capture')), { timeout: 5000 }).toBe(DRAFT + TAIL);
  });
});

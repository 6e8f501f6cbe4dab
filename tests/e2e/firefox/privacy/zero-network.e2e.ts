/**
 * Zero network in Firefox: through a short session (client, contract, capture in the overlay on the Meet call,
 * a search in the side panel page, the end and a Markdown download in the overlay), the whole browser asks
 * for no host but the call page's own. Every request Firefox makes, from any page, frame or the add-on's
 * background page, goes through the recording proxy (tests/e2e/firefox/harness/proxy.ts); a control at the
 * end proves that it records requests made by the background page, an add-on page and the overlay frame.
 */
import { describe, expect, it } from 'vitest';
import { button, capture, download, endSession, fillContract, find, ready, startSession, typeInto, type View } from '../harness/coach';
import { MEET_CALL, openExtensionPage, overlayFrame } from '../harness/firefox';
import { isCallHost } from '../harness/proxy';
import { firefoxSuite } from '../harness/suite';

const { v: panel, firefox } = firefoxSuite('zero-network', async (ff) => {
  const page = await openExtensionPage(ff, 'sidepanel.html');
  const view: View = { page, ui: page };
  await ready(view);
  return view;
});
let call: View;

const offHost = () => firefox().proxy.seen.filter((s) => !isCallHost(s.host));

describe('zero network in Firefox', () => {
  it('asks for no host but the call page during a whole short session', async () => {
    const page = await firefox().browser.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(MEET_CALL);
    call = { page, ui: await overlayFrame(page) };
    await ready(call);
    await (await find(call.ui, 'combobox', 'Client')).click(); // into the overlay: keys go where focus is
    await startSession(call, 'Network Test Client');
    await (await find(call.ui, 'tab', 'Contract')).click();
    await fillContract(call, { 'Desired outcome': 'Leave with one clear next step' });
    await (await find(call.ui, 'tab', 'Capture')).click();
    await capture(call, 'Commitment', 'Call the supplier on Tuesday');
    await capture(call, 'Note', 'Energy rose when she spoke about the team');

    await panel.page.bringToFront();
    await typeInto(panel, await find(panel.ui, 'searchbox', 'Search everything'), 'supplier');
    const results = await find(panel.ui, 'list', 'Search results');
    await expect.poll(() => results.evaluate((el) => el.textContent)).toContain('Call the supplier on Tuesday');

    await call.page.bringToFront();
    const summary = await endSession(call);
    const markdown = await download(call, firefox().downloads, await find(summary, 'button', 'Download Markdown'));
    expect(markdown.text).toContain('Call the supplier on Tuesday');
    await button(call, 'Close summary');

    const seen = firefox().proxy.seen;
    expect(
      seen.some((s) => s.host === 'meet.google.com' && s.forwarded),
      'the call page itself came through the proxy',
    ).toBe(true);
    expect(offHost(), 'requests for a host other than the call page').toEqual([]);
  });

  it('the proxy records requests from the background page, an add-on page and the overlay frame (control)', async () => {
    const before = firefox().proxy.seen.length;
    await panel.ui.evaluate(async () => {
      const ext = (globalThis as unknown as { browser: { runtime: { getBackgroundPage(): Promise<Window> } } }).browser;
      const background = await ext.runtime.getBackgroundPage();
      await background.fetch('https://from-background.example/').catch(() => undefined);
    });
    await panel.ui.evaluate(() => fetch('https://from-panel.example/').catch(() => undefined));
    await call.ui.evaluate(() => fetch('https://from-overlay.example/').catch(() => undefined));
    const recorded = () =>
      firefox()
        .proxy.seen.slice(before)
        .map((s) => `${s.host} ${s.forwarded ? 'forwarded' : 'refused'}`);
    await expect
      .poll(recorded)
      .toEqual(expect.arrayContaining(['from-background.example refused', 'from-panel.example refused', 'from-overlay.example refused']));
    expect(offHost().length).toBeGreaterThanOrEqual(3);
  });
});

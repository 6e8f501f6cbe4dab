/**
 * The call page can neither read nor steer the overlay. Each attack is played from the page's own main
 * world (where Meet's scripts run: Playwright's `page.evaluate` and init scripts), as issue 12 describes
 * them against the old postMessage channel, and each comes with a control showing that the page's script
 * really ran and its message or event really arrived — so "nothing happened" is the overlay's doing:
 * - a forged `placed` message is neither saved nor applied after a reload;
 * - a forged `focus-capture` pulls no focus (the real command still does);
 * - the page hears no message from the overlay at all, so no origin names the extension;
 * - the `<id>:call-overlay:started` event WXT listened for removes nothing;
 * - re-pointing our iframe gets the page no message, and the overlay page loaded again into it stays empty;
 * - the overlay URL embedded in the page's own iframe stays empty, fake token or not.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { openPanel } from '../harness/api';
import { launch, MEET_CALL, overlayFrame, screenshot, type Launched } from '../harness/browser';
import { frozenBuild } from '../harness/build';
import { stopServiceWorker } from '../harness/cdp';
import { captureBox } from '../harness/fields';
import { startByName } from '../harness/short-session';

const build = frozenBuild();
let browser: Launched;
let page: Page;
let frame: Frame;

type PageWindow = Window & {
  __heard: { origin: string; fromOverlay: boolean; data: string }[];
  __started: number;
  __got?: string[];
};
type FrameWindow = Window & { __received: string[] };

const FRAME = 'iframe[title="Holdspace"]';

beforeAll(async () => {
  browser = await launch({ extensionDir: build.dir });
  // From the first script on, the page listens to every message posted to it, as a curious page could.
  await browser.context.addInitScript(() => {
    const w = window as unknown as PageWindow;
    w.__heard = [];
    w.__started = 0;
    window.addEventListener(
      'message',
      (e) => {
        const overlay =
          document.querySelector('holdspace-dock')?.shadowRoot?.querySelector<HTMLIFrameElement>('iframe[title="Holdspace"]') ?? null;
        w.__heard.push({ origin: e.origin, fromOverlay: !!overlay && e.source === overlay.contentWindow, data: JSON.stringify(e.data) });
      },
      true,
    );
  });
  page = await browser.context.newPage();
  await page.goto(MEET_CALL);
  await page.bringToFront();
  frame = await overlayFrame(page);
  await startByName(frame, 'Sealed Client');
});
afterAll(async () => {
  await browser?.dispose();
  build.remove();
});

/** Where the overlay sits, as the page sees its iframe. */
const box = (p: Page) =>
  p.evaluate((sel) => {
    const r = document.querySelector('holdspace-dock')!.shadowRoot!.querySelector(sel)!.getBoundingClientRect();
    return {
      right: Math.round(innerWidth - r.right),
      top: Math.round(r.top),
      display: getComputedStyle(document.querySelector('holdspace-dock')!.shadowRoot!.querySelector(sel)!).display,
    };
  }, FRAME);

/** The overlay frame records every message it receives (to show that the page's forgery arrived). */
async function recordInOverlay(f: Frame): Promise<void> {
  await f.evaluate(() => {
    const w = window as unknown as FrameWindow;
    w.__received = [];
    window.addEventListener('message', (e) => w.__received.push(JSON.stringify(e.data)), true);
  });
}
const receivedInOverlay = (f: Frame) => f.evaluate(() => (window as unknown as FrameWindow).__received);

/** The page posts `data` to the overlay iframe from its main world. */
const postToOverlay = (p: Page, data: unknown) =>
  p.evaluate(
    ({ sel, data }) =>
      (document.querySelector('holdspace-dock')!.shadowRoot!.querySelector(sel) as HTMLIFrameElement).contentWindow!.postMessage(data, '*'),
    {
      sel: FRAME,
      data,
    },
  );

/** A browser command reaching the call tab, as when the coach presses its key. */
const command = (hs: 'toggle-overlay' | 'focus-capture') =>
  browser.worker.evaluate(async (hs) => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    await chrome.tabs.sendMessage(tab!.id!, { hs });
  }, hs);

const storedPlacement = () =>
  browser.worker.evaluate(async () => {
    const { settings } = (await chrome.storage.local.get('settings')) as { settings?: { overlay?: Record<string, unknown> } };
    return settings?.overlay?.['meet.google.com'] ?? null;
  });

/** Whether an overlay document rendered the app: its root has content, and it has a button. */
const rendered = (f: Frame) =>
  f.evaluate(() => ({ app: document.getElementById('app')?.childElementCount ?? -1, buttons: document.querySelectorAll('button').length }));

describe('the call page cannot steer the overlay', () => {
  it("a forged 'placed' message is neither applied nor saved, and does not move the overlay after a reload", async () => {
    const before = await box(page);
    const stored = await storedPlacement();
    await recordInOverlay(frame);
    for (const data of [
      { hs: 'host', type: 'placed', right: 600, top: 400 },
      { hs: 'host', type: 'placed', right: 600, top: 400, collapsed: true },
    ])
      await postToOverlay(page, data);
    // Control: the page's forgeries reached the overlay's window.
    await expect.poll(async () => (await receivedInOverlay(frame)).filter((m) => m.includes('"placed"')).length).toBe(2);
    await page.waitForTimeout(500);
    expect(await storedPlacement()).toEqual(stored);
    await page.reload();
    frame = await overlayFrame(page);
    await frame.getByRole('button', { name: 'End session', exact: true }).waitFor();
    expect(await box(page)).toEqual(before);
  });

  it("a forged 'focus-capture' pulls no focus into Capture; the real command does", async () => {
    const capture = await captureBox(frame);
    await page.locator('#leave').focus(); // focus on the page, as during a call
    await recordInOverlay(frame);
    await postToOverlay(page, { hs: 'host', type: 'focus-capture' });
    await expect.poll(async () => (await receivedInOverlay(frame)).filter((m) => m.includes('focus-capture')).length).toBe(1);
    await page.waitForTimeout(400);
    expect(await capture.evaluate((el) => el === document.activeElement).catch(() => false)).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('leave');

    // Control: the command through the worker does focus Capture.
    await command('focus-capture');
    await expect.poll(() => capture.evaluate((el) => el === document.activeElement).catch(() => false)).toBe(true);
  });

  it('hears no message from the overlay while it is moved, hidden and shown, so no origin names the extension', async () => {
    await page.evaluate(() => ((window as unknown as PageWindow).__heard = []));
    const start = await box(page);
    await frame.getByRole('button', { name: 'Move panel' }).focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowDown');
    await expect.poll(async () => (await box(page)).top).toBeGreaterThan(start.top);
    await frame.getByRole('button', { name: 'Hide panel' }).click();
    await frame.getByRole('button', { name: 'Show panel' }).click();
    await page.waitForTimeout(300);
    // Control: the page's listener hears what is posted to it.
    await page.evaluate(() => window.postMessage({ probe: 'the page hears itself' }, '*'));
    await expect.poll(() => page.evaluate(() => (window as unknown as PageWindow).__heard.length)).toBeGreaterThan(0);
    const heard = await page.evaluate(() => (window as unknown as PageWindow).__heard);
    expect(heard).toEqual([{ origin: 'https://meet.google.com', fromOverlay: false, data: '{"probe":"the page hears itself"}' }]);
    expect(JSON.stringify(heard)).not.toContain(browser.extensionId);
  });

  it("the '<id>:call-overlay:started' event a page fires removes nothing", async () => {
    const name = `${browser.extensionId}:call-overlay:started`;
    await page.evaluate((name) => {
      const w = window as unknown as PageWindow;
      document.addEventListener(name, () => w.__started++);
      document.dispatchEvent(new CustomEvent(name));
      window.dispatchEvent(new CustomEvent(name));
    }, name);
    // Control: the event was fired and heard in the page.
    expect(await page.evaluate(() => (window as unknown as PageWindow).__started)).toBe(1);
    await page.waitForTimeout(400);
    expect(await page.locator(FRAME).count()).toBe(1);
    // Still docked and still ours: the hide command still hides and shows it.
    await command('toggle-overlay');
    await expect.poll(async () => (await box(page)).display).toBe('none');
    await command('toggle-overlay');
    await expect.poll(async () => (await box(page)).display).toBe('block');
  });
});

describe('the link through the worker', () => {
  it('survives MV3 stopping the worker: the overlay still moves, and its place is still saved', async () => {
    const panel = await openPanel(browser.context, browser.extensionId); // for a DevTools session
    await stopServiceWorker(browser.context, panel, browser.extensionId);
    await panel.close();
    const start = await box(page);
    await frame.getByRole('button', { name: 'Move panel' }).focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(async () => (await box(page)).right).toBeGreaterThan(start.right);
    const moved = await box(page);
    await expect.poll(storedPlacement).toMatchObject({ right: moved.right, top: moved.top });
  });
});

describe('the call page gets nothing usable from the overlay frame', () => {
  it('re-pointing our iframe at a page of its own: that page receives nothing from us', async () => {
    await page.evaluate((sel) => {
      const f = document.querySelector('holdspace-dock')!.shadowRoot!.querySelector(sel) as HTMLIFrameElement;
      const w = window as unknown as PageWindow;
      w.__got = [];
      f.addEventListener('load', () => {
        (f.contentWindow as Window).addEventListener('message', (e) => w.__got!.push(JSON.stringify(e.data)));
      });
      f.src = `${location.origin}/landing`;
    }, FRAME);
    await expect
      .poll(() =>
        page.evaluate(
          (sel) =>
            (document.querySelector('holdspace-dock')!.shadowRoot!.querySelector(sel) as HTMLIFrameElement).contentDocument?.readyState,
          FRAME,
        ),
      )
      .toBe('complete');
    await command('focus-capture');
    await command('toggle-overlay');
    await command('toggle-overlay');
    await page.setViewportSize({ width: 1200, height: 780 });
    await page.waitForTimeout(500);
    // Control: what the page itself posts to that frame is received.
    await page.evaluate(
      (sel) =>
        (document.querySelector('holdspace-dock')!.shadowRoot!.querySelector(sel) as HTMLIFrameElement).contentWindow!.postMessage(
          'from the page',
          '*',
        ),
      FRAME,
    );
    await expect.poll(() => page.evaluate(() => (window as unknown as PageWindow).__got)).toEqual(['"from the page"']);
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('the overlay page loaded again into our iframe stays empty', async () => {
    await page.reload();
    frame = await overlayFrame(page);
    await frame.getByRole('button', { name: 'End session', exact: true }).waitFor();
    // Control: the docked overlay rendered the app in this very frame.
    expect((await rendered(frame)).buttons).toBeGreaterThan(3);
    const src = await page.locator(FRAME).getAttribute('src');
    await page.evaluate(
      ({ sel, src }) =>
        ((document.querySelector('holdspace-dock')!.shadowRoot!.querySelector(sel) as HTMLIFrameElement).src = `${src}#again`),
      {
        sel: FRAME,
        src: src!,
      },
    );
    await expect.poll(() => page.frames().some((f) => f.url().endsWith('/overlay.html#again'))).toBe(true);
    const again = page.frames().find((f) => f.url().endsWith('/overlay.html#again'))!;
    await again.waitForLoadState('load');
    await page.waitForTimeout(1500);
    expect(await again.evaluate(() => document.title)).toBe('Holdspace'); // it is the overlay page…
    expect(await rendered(again)).toEqual({ app: 0, buttons: 0 }); // …and it shows nothing
  });

  it("the overlay URL embedded in the page's own iframe stays empty, even offered a token", async () => {
    await page.reload();
    frame = await overlayFrame(page);
    await frame.getByRole('button', { name: 'End session', exact: true }).waitFor();
    const src = (await page.locator(FRAME).getAttribute('src'))!;
    // A near-invisible frame of its own over the page, as a clickjacking page would make it.
    await page.evaluate((src) => {
      const evil = document.createElement('iframe');
      evil.id = 'evil';
      evil.src = src;
      evil.style.cssText = 'position:fixed;left:0;top:0;width:400px;height:600px;opacity:0.01;border:0';
      document.body.append(evil);
    }, src);
    const evil = (await (await page.$('#evil'))!.contentFrame())!;
    await evil.waitForLoadState('load');
    await recordInOverlay(evil);
    await page.evaluate(() =>
      (document.getElementById('evil') as HTMLIFrameElement).contentWindow!.postMessage({ hs: 'dock-token', token: 'ab'.repeat(16) }, '*'),
    );
    // Control: it is the overlay page, and the page's fake token reached it.
    await expect.poll(() => receivedInOverlay(evil)).toEqual([JSON.stringify({ hs: 'dock-token', token: 'ab'.repeat(16) })]);
    expect(await evil.evaluate(() => document.title)).toBe('Holdspace');
    await page.waitForTimeout(1500);
    expect(await rendered(evil)).toEqual({ app: 0, buttons: 0 });
    // Ours, with the same URL, is working.
    expect((await rendered(frame)).buttons).toBeGreaterThan(3);
    await screenshot(page, 'sealed-overlay-embedded-copy-empty');
  });
});

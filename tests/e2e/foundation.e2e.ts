/** The extension loads in Chromium, docks over Meet and Zoom stand-ins under Google's strict CSP, and nowhere else. */
import { FRAME_SIZE } from '../../lib/frame/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, MEET_CALL, MEET_HOME, overlayFrame, panelUrl, screenshot, watchErrors, ZOOM_CALL, type Launched } from './harness/browser';

let browser: Launched;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.dispose();
});

async function overlayCount(page: import('playwright-core').Page) {
  return page.evaluate(
    () => document.querySelector('holdspace-dock')?.shadowRoot?.querySelectorAll('iframe[title="Holdspace"]').length ?? 0,
  );
}

describe('the overlay on call pages', () => {
  it('mounts on the Meet call under require-trusted-types-for, with no console or page errors', async () => {
    const page = await browser.context.newPage();
    const errors = watchErrors(page);
    const response = await page.goto(MEET_CALL);
    expect(response?.headers()['content-security-policy']).toContain("require-trusted-types-for 'script'");
    const frame = await overlayFrame(page);
    await page.bringToFront();
    await frame
      .getByRole('combobox', { name: 'Client' })
      .or(frame.getByRole('textbox', { name: 'Client' }))
      .first()
      .waitFor();
    // The iframe src is the extension page under a per-session dynamic id (use_dynamic_url): the page
    // cannot learn the extension's id from it.
    const src = await page.evaluate(
      () => document.querySelector('holdspace-dock')!.shadowRoot!.querySelector<HTMLIFrameElement>('iframe[title="Holdspace"]')!.src,
    );
    expect(src).toMatch(/^chrome-extension:\/\/[0-9a-f-]{36}\/overlay\.html$/);
    expect(src).not.toContain(browser.extensionId);
    await screenshot(page, 'foundation-meet-overlay');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('mounts on the Zoom web client call', async () => {
    const page = await browser.context.newPage();
    const errors = watchErrors(page);
    await page.goto(ZOOM_CALL);
    const frame = await overlayFrame(page);
    await frame.getByRole('button', { name: 'Settings' }).waitFor();
    await screenshot(page, 'foundation-zoom-overlay');
    expect(errors, errors.join('\n')).toEqual([]);
    await page.close();
  });

  it('does not mount on the Meet landing page, and leaves when the call page navigates away', async () => {
    const page = await browser.context.newPage();
    await page.goto(MEET_HOME);
    await page.waitForTimeout(800);
    expect(await overlayCount(page)).toBe(0);

    await page.goto(MEET_CALL);
    await overlayFrame(page);
    expect(await overlayCount(page)).toBe(1);
    await page.getByRole('button', { name: 'Leave call' }).click(); // Meet's SPA pushState to "/"
    await expect.poll(() => overlayCount(page)).toBe(0);
    await page.close();
  });

  it('hides and shows instantly on the hide command message, and focuses capture on the focus command', async () => {
    const page = await browser.context.newPage();
    await page.goto(MEET_CALL);
    await page.bringToFront();
    await overlayFrame(page);
    const display = () =>
      page.evaluate(
        () => getComputedStyle(document.querySelector('holdspace-dock')!.shadowRoot!.querySelector('iframe[title="Holdspace"]')!).display,
      );
    const sendToCallTab = (hs: string) =>
      browser.worker.evaluate(async (hs) => {
        // No `tabs` permission, so no URLs: the call tab is the active one, as when the coach presses the key.
        const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
        await chrome.tabs.sendMessage(tab!.id!, { hs });
      }, hs);
    expect(await display()).toBe('block');
    await sendToCallTab('toggle-overlay');
    expect(await display()).toBe('none');
    await sendToCallTab('toggle-overlay');
    expect(await display()).toBe('block');
    await page.close();
  });
});

describe('the overlay frame geometry', () => {
  it('collapses to the pill, moves by keyboard, and keeps its place across a reload', async () => {
    const page = await browser.context.newPage();
    await page.goto(MEET_CALL);
    await page.bringToFront();
    const frame = await overlayFrame(page);
    const box = () =>
      page.evaluate(() => {
        const r = document.querySelector('holdspace-dock')!.shadowRoot!.querySelector('iframe[title="Holdspace"]')!.getBoundingClientRect();
        return {
          right: Math.round(innerWidth - r.right),
          top: Math.round(r.top),
          width: Math.round(r.width),
          height: Math.round(r.height),
        };
      });
    await expect.poll(box).toMatchObject(FRAME_SIZE.expanded);
    const start = await box();

    await frame.getByRole('button', { name: 'Move panel' }).focus();
    for (let i = 0; i < 4; i++) await frame.page().keyboard.press('ArrowLeft');
    await frame.page().keyboard.press('ArrowDown');
    // Each key is a message to the call page, applied as it arrives: wait for the last one (down, after the
    // four lefts, in order) before taking the place that must be remembered.
    await expect.poll(async () => (await box()).top).toBeGreaterThan(start.top);
    const moved = await box();
    expect(moved.right).toBeGreaterThan(start.right);

    await frame.getByRole('button', { name: 'Hide panel' }).click();
    await expect.poll(box).toMatchObject(FRAME_SIZE.collapsed);
    await screenshot(page, 'foundation-meet-pill');

    await page.reload();
    const again = await overlayFrame(page);
    await again.getByRole('button', { name: 'Show panel' }).waitFor();
    await expect.poll(box).toMatchObject({ right: moved.right, top: moved.top, ...FRAME_SIZE.collapsed });
    await again.getByRole('button', { name: 'Show panel' }).click();
    await expect.poll(box).toMatchObject(FRAME_SIZE.expanded);
    await page.close();
  });
});

describe('the side panel and the manifest', () => {
  it('renders the side panel page', async () => {
    const page = await browser.context.newPage();
    const errors = watchErrors(page);
    await page.goto(panelUrl(browser.extensionId));
    await page.getByRole('button', { name: 'Settings' }).waitFor();
    await screenshot(page, 'foundation-side-panel');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('has its keyboard shortcuts really assigned by Chromium', async () => {
    const commands = await browser.worker.evaluate(() => chrome.commands.getAll());
    const byName = Object.fromEntries(commands.map((c) => [c.name, c.shortcut]));
    // Chromium silently leaves some suggested keys unassigned (e.g. Alt+Shift+C); these two must be live.
    expect(byName['focus-capture']).toBe('Alt+Shift+O');
    expect(byName['toggle-overlay']).toBe('Ctrl+Shift+Y');
  });
});

/**
 * A stopped worker starts as soon as one of the extension's pages begins to load (lib/platform/worker.ts, its
 * empty fetch listener), not only once the page's code has loaded and sent its first message: the side panel
 * opened after an MV3 stop then finds the worker starting while it is still loading its own code.
 */
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type Launched } from './harness/browser';
import { stopServiceWorker } from './harness/cdp';

let browser: Launched;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.dispose();
});

/** The extension worker's running status as Chromium reports it, followed through `page`'s DevTools session. */
async function followWorker(page: Page): Promise<{ status: () => string; cdp: CDPSession }> {
  const cdp = await browser.context.newCDPSession(page);
  const scope = `chrome-extension://${browser.extensionId}/`;
  let status = 'unknown';
  cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
    for (const v of e.versions) if (v.scriptURL.startsWith(scope)) status = v.runningStatus;
  });
  await cdp.send('ServiceWorker.enable');
  return { status: () => status, cdp };
}

describe('the stopped worker', () => {
  it('starts when an extension page begins to load, before the page sends anything', async () => {
    // offscreen.html (the automatic backups' helper) only listens for messages: it never wakes the worker itself.
    const offscreen = `chrome-extension://${browser.extensionId}/offscreen.html`;
    const watcher = await browser.context.newPage();
    await watcher.goto(offscreen);
    await stopServiceWorker(browser.context, watcher, browser.extensionId);
    const worker = await followWorker(watcher);
    await expect.poll(worker.status, { timeout: 5_000 }).toBe('stopped');
    // Control: nothing else starts it meanwhile.
    await watcher.waitForTimeout(1_500);
    expect(worker.status()).toBe('stopped');

    const page = await browser.context.newPage();
    await page.goto(offscreen);
    await expect.poll(worker.status, { timeout: 10_000 }).toMatch(/^(starting|running)$/);
    await worker.cdp.detach();
    await page.close();
    await watcher.close();
  });
});

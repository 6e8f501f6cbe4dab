/** Hostile conditions through the Chrome DevTools Protocol and the OS: a stopped worker, a killed browser, a full disk. */
import { execFileSync } from 'node:child_process';
import type { BrowserContext, Page } from 'playwright-core';

/**
 * Stops the extension's service worker as MV3 does when idle, and resolves once Chromium reports it stopped
 * (open views reconnect their change port at once, which may start a fresh worker right after).
 * `page` must be an extension page: its DevTools session reaches the extension's storage partition, whose
 * workers `ServiceWorker.stopAllWorkers` stops (Playwright's persistent context gives no browser session).
 */
export async function stopServiceWorker(context: BrowserContext, page: Page, extensionId: string): Promise<void> {
  const cdp = await context.newCDPSession(page);
  const scope = `chrome-extension://${extensionId}/`;
  let stopped = false;
  cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
    if (e.versions.some((v) => v.scriptURL.startsWith(scope) && v.runningStatus === 'stopped')) stopped = true;
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  const deadline = Date.now() + 10_000;
  while (!stopped) {
    if (Date.now() > deadline) throw new Error("The extension's service worker did not stop");
    await new Promise((r) => setTimeout(r, 20));
  }
  await cdp.detach();
}

/**
 * The PID of the browser process using `userDataDir` (the one without `--type=`, i.e. not a renderer or
 * utility child). Playwright's persistent context hides its process, so it is found by its command line.
 */
export function browserPid(userDataDir: string): number {
  const lines = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' }).split('\n');
  const main = lines.filter((l) => l.includes(`--user-data-dir=${userDataDir}`) && !l.includes('--type='));
  if (main.length !== 1) throw new Error(`Expected one browser process for ${userDataDir}, found ${main.length}`);
  return Number(main[0]!.trim().split(/\s+/)[0]);
}

/** Kills the browser like a crash or a power cut would (SIGKILL: no unload, no flush), and waits for it to go. */
export async function killBrowser(context: BrowserContext, userDataDir: string): Promise<void> {
  const closed = new Promise<void>((resolve) => context.once('close', () => resolve()));
  process.kill(browserPid(userDataDir), 'SIGKILL');
  await closed;
}

/**
 * Sets the extension origin's storage quota (bytes) as the browser enforces it. The override lives as long
 * as its DevTools session: `restore()` ends both.
 */
export async function overrideQuota(
  context: BrowserContext,
  page: Page,
  extensionId: string,
  bytes: number,
): Promise<{ restore(): Promise<void> }> {
  const cdp = await context.newCDPSession(page);
  const origin = `chrome-extension://${extensionId}`;
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: bytes });
  const { quota, overrideActive } = await cdp.send('Storage.getUsageAndQuota', { origin });
  if (!overrideActive || quota !== bytes) throw new Error(`The quota override did not take: quota ${quota}`);
  return {
    async restore() {
      await cdp.send('Storage.overrideQuotaForOrigin', { origin });
      await cdp.detach();
    },
  };
}

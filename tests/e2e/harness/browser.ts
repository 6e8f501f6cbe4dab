/** Launches Debian Chromium with the built extension, pointed at the local fixture server. */
import { mkdtempSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { chromiumArgs as sharedChromiumArgs, findChromium } from '../../../scripts/chromium.mjs';

export const EXTENSION_DIR = resolve('.output/chrome-mv3');
export const FIXTURE_PORT = Number(process.env.HS_FIXTURE_PORT ?? 8443);
export const MEET_CALL = 'https://meet.google.com/abc-defg-hij';
export const MEET_HOME = 'https://meet.google.com/';
export const ZOOM_CALL = 'https://app.zoom.us/wc/123456789/join';
export const ARTIFACTS = resolve('.output/e2e-artifacts');

export interface Launched {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  userDataDir: string;
  /** Close the browser (the profile stays for a relaunch). */
  close(): Promise<void>;
  /** Close and delete the profile. */
  dispose(): Promise<void>;
}

export function chromiumArgs(extensionDir = EXTENSION_DIR): string[] {
  return sharedChromiumArgs({ extensionDir, fixturePort: FIXTURE_PORT });
}

export async function launch(
  options: { userDataDir?: string; extensionDir?: string; colorScheme?: 'dark' | 'light'; extraArgs?: string[] } = {},
): Promise<Launched> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium found: run `node scripts/ensure-chromium.mjs`.');
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'holdspace-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    args: [...chromiumArgs(options.extensionDir), ...(options.extraArgs ?? [])],
    viewport: { width: 1280, height: 800 },
    colorScheme: options.colorScheme ?? 'dark',
    acceptDownloads: true,
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    userDataDir,
    close: () => context.close(),
    async dispose() {
      await context.close().catch(() => {});
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Collects console errors and page errors of a page, to assert there are none. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return errors;
}

/** The overlay iframe's frame on a call page. */
export async function overlayFrame(page: Page, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const frame = page.frames().find((f) => f.url().startsWith('chrome-extension://') && f.url().includes('/overlay.html'));
    if (frame) {
      await frame.waitForLoadState('domcontentloaded');
      return frame;
    }
    if (Date.now() > deadline) throw new Error('The Holdspace overlay did not mount');
    await page.waitForTimeout(100);
  }
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

export function panelUrl(extensionId: string): string {
  return `chrome-extension://${extensionId}/sidepanel.html`;
}

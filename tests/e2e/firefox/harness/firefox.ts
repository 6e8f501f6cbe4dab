/**
 * Launches Debian's Firefox ESR headless with the built Firefox add-on installed as a temporary add-on,
 * driven over WebDriver BiDi by puppeteer-core. Every request the browser makes goes through a recording
 * proxy (./proxy.ts) that forwards only the call hosts to the local fixture server, so pages use the real
 * URLs (https://meet.google.com/abc-defg-hij). Host names never reach a DNS server: they all resolve to
 * 127.0.0.1. Downloads land in a folder of their own.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Frame, type Page } from 'puppeteer-core';
import { findFirefox } from '../../../../scripts/firefox.mjs';
import { ARTIFACTS, FIXTURE_PORT } from '../../harness/browser';
import { startRecordingProxy, type RecordingProxy } from './proxy';

export { MEET_CALL, MEET_HOME, ZOOM_CALL } from '../../harness/browser';
export const FIREFOX_BUILD = resolve('.output/firefox-mv2');

export interface Firefox {
  browser: Browser;
  /** `moz-extension://<uuid>`: the add-on's origin, fixed for this launch. */
  origin: string;
  proxy: RecordingProxy;
  /** Where downloads are saved. */
  downloads: string;
  /** The add-on's pages under `origin`. */
  url(path: string): string;
  close(): Promise<void>;
}

/** The add-on's gecko id, from the built manifest (wxt.config.ts writes it once). */
function geckoId(buildDir: string): string {
  const manifest = JSON.parse(readFileSync(join(buildDir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${buildDir}/manifest.json has no gecko id`);
  return id;
}

/**
 * A private copy of the build: a temporary add-on is read from its folder while it runs, so a rebuild of
 * .output/firefox-mv2 during the test must not swap files under it.
 */
function frozenCopy(): { dir: string; remove(): void } {
  if (!existsSync(join(FIREFOX_BUILD, 'manifest.json')))
    throw new Error('No build at .output/firefox-mv2: run `npm run build:firefox` first.');
  const dir = mkdtempSync(join(tmpdir(), 'holdspace-firefox-build-'));
  cpSync(FIREFOX_BUILD, dir, { recursive: true });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function launchFirefox(options: { prefs?: Record<string, string | number | boolean> } = {}): Promise<Firefox> {
  const executablePath = findFirefox();
  if (!executablePath) throw new Error('No Firefox found: run `node scripts/ensure-firefox.mjs`.');
  const build = frozenCopy();
  const uuid = crypto.randomUUID();
  const proxy = await startRecordingProxy(FIXTURE_PORT);
  const downloads = mkdtempSync(join(tmpdir(), 'holdspace-firefox-downloads-'));
  let browser: Browser | undefined;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath,
      headless: true,
      acceptInsecureCerts: true, // the fixture server's self-signed certificate
      defaultViewport: { width: 1280, height: 800 },
      args: ['--remote-allow-system-access'], // or navigating to moz-extension:// is refused
      // Lets the pref below move Firefox's own remote settings off the network (release builds ignore it otherwise).
      env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
      protocolTimeout: 120_000,
      timeout: 120_000,
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [geckoId(build.dir)]: uuid }),
        // Every request through the recording proxy, localhost included; no name ever reaches a DNS server.
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': proxy.port,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': proxy.port,
        'network.proxy.no_proxies_on': '',
        'network.proxy.allow_hijacking_localhost': true,
        'network.dns.forceResolve': '127.0.0.1',
        // Firefox's own calls home (the rest are off in puppeteer's default profile).
        'services.settings.server': 'data:,#remote-settings-dummy/v1',
        'network.captive-portal-service.enabled': false,
        'network.connectivity-service.enabled': false,
        // Downloads go straight to a folder the test reads.
        'browser.download.dir': downloads,
        'browser.download.folderList': 2,
        'browser.download.useDownloadDir': true,
        'browser.download.always_ask_before_handling_new_types': false,
        'browser.download.alwaysOpenPanel': false,
        ...options.prefs,
      },
    });
    await browser.installExtension(build.dir);
  } catch (error) {
    await browser?.close().catch(() => {});
    await proxy.close();
    build.remove();
    throw error;
  }
  const launched = browser;
  const origin = `moz-extension://${uuid}`;
  return {
    browser: launched,
    origin,
    proxy,
    downloads,
    url: (path) => `${origin}/${path.replace(/^\//, '')}`,
    async close() {
      await launched.close().catch(() => {});
      await proxy.close();
      build.remove();
      rmSync(downloads, { recursive: true, force: true });
    },
  };
}

/**
 * Opens one of the add-on's pages in a new tab. Extension pages send no load events over BiDi
 * (puppeteer#14314), so the navigation is started and the page polled until it has loaded.
 */
export async function openExtensionPage(ff: Firefox, path: string): Promise<Page> {
  const page = await ff.browser.newPage();
  page.setDefaultTimeout(20_000);
  await gotoExtensionPage(page, ff.url(path));
  return page;
}

export async function gotoExtensionPage(page: Page, url: string): Promise<void> {
  page.goto(url, { timeout: 60_000 }).catch(() => {}); // never settles by itself: see above
  await loaded(page, url, false);
}

/** Reloads an add-on page (same caveat as above: waits for the new document, not for an event). */
export async function reloadExtensionPage(page: Page): Promise<void> {
  // Asked of the page: puppeteer saw no navigation event, so its own `page.url()` still says about:blank.
  const url = await page.evaluate(() => {
    (window as unknown as { __hsOld?: boolean }).__hsOld = true;
    return location.href;
  });
  page.reload({ timeout: 60_000 }).catch(() => {}); // never settles by itself
  await loaded(page, url, true);
}

/**
 * Polls until the page shows `url`, loaded (and, after a reload, is a new document). Asked from Node, not
 * with `waitForFunction`: mid-navigation Firefox can fail a script evaluation outright, which would end the wait.
 */
async function loaded(page: Page, url: string, fresh: boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const done = await page
      .evaluate(
        (u, f) => location.href === u && document.readyState === 'complete' && !(f && (window as unknown as { __hsOld?: boolean }).__hsOld),
        url,
        fresh,
      )
      .catch(() => false);
    if (done) return;
    if (Date.now() > deadline) throw new Error(`${url} did not load within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * The overlay's frame on a call page. Over BiDi the frame reports `about:blank` as its URL (the add-on page
 * is loaded into it after creation), so it is found by asking each frame where it is.
 */
export async function overlayFrame(page: Page, timeoutMs = 20_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const frame of page.frames()) {
      if (frame === page.mainFrame()) continue;
      const href = await frame.evaluate(() => (document.readyState === 'loading' ? '' : location.href)).catch(() => '');
      if (href.startsWith('moz-extension://') && href.includes('/overlay.html')) return frame;
    }
    if (Date.now() > deadline) throw new Error('The Holdspace overlay did not mount');
    await new Promise((r) => setTimeout(r, 200));
  }
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `firefox-${name}.png`);
  await page.screenshot({ path });
  return path;
}

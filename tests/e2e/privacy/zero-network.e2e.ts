/**
 * Zero network: through a whole short session (client, contract, capture, search, end, Markdown export)
 * in the overlay on the Meet call and in the side panel page, every request made by the extension's pages,
 * its overlay frame and its service worker goes to the extension itself (or data:/blob:). Playwright
 * reports the requests of every page, every frame (the overlay's out-of-process frame included) and of
 * service workers; a control at the end proves the recorder sees the worker's and the pages' requests.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Request } from 'playwright-core';
import { openPanel } from '../harness/api';
import { launch, MEET_CALL, overlayFrame, type Launched } from '../harness/browser';
import { frozenBuild } from '../harness/build';
import { addCaptures, downloadFrom, endSession, startByName, writeOutcome } from '../harness/short-session';

const build = frozenBuild();
let browser: Launched;
const seen: { url: string; by: string }[] = [];

/** Who made a request: the service worker's URL, or the URL of the frame it came from. */
function madeBy(request: Request): string {
  const worker = request.serviceWorker();
  if (worker) return worker.url();
  try {
    return request.frame().url();
  } catch {
    return '(unknown)';
  }
}

const isExtension = (url: string) => url.startsWith('chrome-extension://');
const isLocal = (url: string) => isExtension(url) || url.startsWith('data:') || url.startsWith('blob:');
const CALL_HOSTS = new Set(['meet.google.com', 'app.zoom.us']);

beforeAll(async () => {
  browser = await launch({ extensionDir: build.dir });
  browser.context.on('request', (r) => seen.push({ url: r.url(), by: madeBy(r) }));
});
afterAll(async () => {
  await browser?.dispose();
  build.remove();
});

describe('zero network', () => {
  it('contacts no host but itself during a full session', async () => {
    const page = await browser.context.newPage();
    await page.goto(MEET_CALL);
    const frame = await overlayFrame(page);
    await startByName(frame, 'Network Test Client');
    await writeOutcome(frame, 'Leave with one clear next step');
    await addCaptures(frame, ['Call the supplier on Tuesday'], 'Commitment');
    await addCaptures(frame, ['Energy rose when she spoke about the team'], 'Note');

    const panel = await openPanel(browser.context, browser.extensionId);
    await panel.getByRole('searchbox', { name: 'Search everything', exact: true }).fill('supplier');
    await panel.getByRole('list', { name: 'Search results', exact: true }).getByText('Call the supplier on Tuesday').waitFor();

    await endSession(frame);
    const markdown = await downloadFrom(page, frame, 'Download Markdown');
    expect(markdown).toContain('Call the supplier on Tuesday');

    const fromExtension = seen.filter((r) => isExtension(r.by));
    expect(fromExtension.length, 'the extension loaded its own pages and scripts').toBeGreaterThan(5);
    expect(
      fromExtension.filter((r) => !isLocal(r.url)),
      'requests the extension made off the machine',
    ).toEqual([]);
    // Belt and braces: whoever made it, nothing in this browser left for a host other than the call page's own.
    const elsewhere = seen.filter((r) => !isLocal(r.url) && !(CALL_HOSTS.has(new URL(r.url).hostname) && !isExtension(r.by)));
    expect(elsewhere).toEqual([]);
    await page.close();
    await panel.close();
  });

  it('the recorder sees requests from the worker and from extension pages (control)', async () => {
    const before = seen.length;
    await browser.worker.evaluate(() => fetch('https://app.zoom.us/from-worker').catch(() => undefined));
    const panel = await openPanel(browser.context, browser.extensionId);
    await panel.evaluate(() => fetch('https://app.zoom.us/from-page').catch(() => undefined));
    // Playwright reports a request as an event of its own, which may come after the evaluate that made it.
    const recorded = () => seen.slice(before).filter((r) => !isLocal(r.url));
    await expect.poll(recorded).toEqual(
      expect.arrayContaining([
        { url: 'https://app.zoom.us/from-worker', by: expect.stringMatching(/^chrome-extension:\/\/[a-p]{32}\/background\.js$/) },
        { url: 'https://app.zoom.us/from-page', by: expect.stringMatching(/^chrome-extension:\/\/[a-p]{32}\/sidepanel\.html$/) },
      ]),
    );
    await panel.close();
  });
});

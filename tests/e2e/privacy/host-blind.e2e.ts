/**
 * The host page is blind: after a secret phrase is typed key by key into Holdspace's capture and contract
 * fields on the Meet call (and added, so it is listed), the page's own JavaScript — its main world, where
 * Meet's scripts run — finds it nowhere: not in its DOM or open shadow roots, not in its storage, not among
 * the key and input events it listens for (the fixture records them in window.__seen), not in messages
 * posted to it, and it cannot reach into the overlay's document.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { launch, MEET_CALL, overlayFrame, type Launched } from '../harness/browser';
import { frozenBuild } from '../harness/build';
import { autosaved, captureBox, capturedList, contractBox } from '../harness/fields';
import { startByName } from '../harness/short-session';

const SECRET = 'Zanzibar-quartz 7741 confidential';
const build = frozenBuild();
let browser: Launched;
let page: Page;
let frame: Frame;

beforeAll(async () => {
  browser = await launch({ extensionDir: build.dir });
  page = await browser.context.newPage();
  await page.goto(MEET_CALL);
  // The page listens for every message posted to it, as a curious host page could.
  await page.evaluate(() => {
    (window as unknown as { __messages: string[] }).__messages = [];
    window.addEventListener(
      'message',
      (e) => (window as unknown as { __messages: string[] }).__messages.push(JSON.stringify(e.data)),
      true,
    );
  });
  frame = await overlayFrame(page);
  await startByName(frame, `Client ${SECRET}`);
  await (await contractBox(frame, 'Desired outcome')).pressSequentially(`Outcome ${SECRET}`);
  const capture = await captureBox(frame);
  await capture.pressSequentially(`Note ${SECRET}`);
  await capture.press('Enter');
  await capturedList(frame).getByText(`Note ${SECRET}`).waitFor();
  await capture.pressSequentially(`Draft ${SECRET}`); // left in the field, autosaved
  await autosaved(frame, ['Capture']);
});
afterAll(async () => {
  await browser?.dispose();
  build.remove();
});

/** Everything the page's main world can read about itself, as one string per place. */
async function whatThePageSees(page: Page) {
  return page.evaluate(async () => {
    const shadows: string[] = [];
    const walk = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.shadowRoot) {
          shadows.push(el.shadowRoot.innerHTML);
          walk(el.shadowRoot);
        }
      }
    };
    walk(document);
    const databases = await indexedDB.databases();
    const w = window as unknown as { __seen: { keys: string[]; inputs: string[] }; __messages: string[] };
    const iframe = document.querySelector('holdspace-dock')?.shadowRoot?.querySelector<HTMLIFrameElement>('iframe[title="Holdspace"]');
    let frameDocument: string;
    try {
      frameDocument = String(iframe?.contentWindow?.document?.body?.innerHTML);
    } catch (error) {
      frameDocument = `refused: ${(error as Error).name}`;
    }
    return {
      html: document.documentElement.outerHTML,
      shadowRoots: shadows.join('\n'),
      localStorage: JSON.stringify({ ...localStorage }),
      sessionStorage: JSON.stringify({ ...sessionStorage }),
      cookie: document.cookie,
      databases: JSON.stringify(databases),
      keys: w.__seen.keys.join(''),
      inputs: w.__seen.inputs.join('\n'),
      messages: w.__messages.join('\n'),
      title: document.title,
      entries: JSON.stringify(performance.getEntries()),
      iframeFound: iframe !== null,
      contentDocument: iframe?.contentDocument === null ? 'null' : 'readable',
      frameDocument,
    };
  });
}

describe('the host page is blind', () => {
  it('finds the secret nowhere it can look', async () => {
    const seen = await whatThePageSees(page);
    expect(seen.iframeFound).toBe(true);
    for (const [place, text] of Object.entries(seen)) {
      if (typeof text !== 'string') continue;
      expect(text.includes('Zanzibar') || text.includes('7741'), `the secret is readable in ${place}`).toBe(false);
    }
  });

  it('sees none of the keys or input events typed in the overlay, and no storage of its own', async () => {
    const seen = await whatThePageSees(page);
    expect(seen.keys).toBe('');
    expect(seen.inputs).toBe('');
    expect([seen.localStorage, seen.sessionStorage, seen.cookie, seen.databases]).toEqual(['{}', '{}', '', '[]']);
  });

  it('cannot reach into the overlay: contentDocument is null and its window refuses access', async () => {
    const seen = await whatThePageSees(page);
    expect(seen.contentDocument).toBe('null');
    expect(seen.frameDocument).toBe('refused: SecurityError');
  });

  it('the probe can tell: what the page itself types and stores is found', async () => {
    await page.evaluate(() => {
      const input = Object.assign(document.createElement('input'), { id: 'probe' });
      document.body.append(input);
    });
    await page.locator('#probe').pressSequentially('Zanzibar');
    await page.evaluate(() => localStorage.setItem('probe', '7741'));
    const seen = await whatThePageSees(page);
    expect(seen.keys).toContain('Zanzibar'); // one key per letter, joined
    expect(seen.inputs).toContain('Zanzibar');
    expect(seen.localStorage).toContain('7741');
  });
});

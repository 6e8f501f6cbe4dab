/**
 * The extension pages really run under a strict CSP in Chromium (tests/e2e/manifest.e2e.ts reads the
 * policy from the built manifest): string-to-code is refused, and so are inline and remote scripts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { openPanel } from '../harness/api';
import { launch, MEET_CALL, overlayFrame, type Launched } from '../harness/browser';
import { frozenBuild } from '../harness/build';

const build = frozenBuild();
let browser: Launched;

beforeAll(async () => {
  browser = await launch({ extensionDir: build.dir });
});
afterAll(async () => {
  await browser?.dispose();
  build.remove();
});

/** What the page's own CSP does to eval, new Function, an inline script and a remote script. */
async function probe(where: Page | Frame) {
  return where.evaluate(async () => {
    const attempt = (run: () => unknown) => {
      try {
        run();
        return 'ran';
      } catch (error) {
        return error instanceof Error ? error.name : String(error);
      }
    };
    const w = window as unknown as Record<string, unknown>;
    const inline = document.createElement('script');
    inline.textContent = 'window.__inlineRan = true';
    document.head.append(inline);
    const remote = await new Promise<string>((resolve) => {
      const s = document.createElement('script');
      s.src = 'https://example.com/x.js';
      s.onload = () => resolve('loaded');
      s.onerror = () => resolve('refused');
      document.head.append(s);
    });
    return {
      eval: attempt(() => (0, eval)('1')),
      newFunction: attempt(() => new Function('return 1')()),
      inline: w.__inlineRan === true ? 'ran' : 'refused',
      remote,
    };
  });
}

const REFUSED = { eval: 'EvalError', newFunction: 'EvalError', inline: 'refused', remote: 'refused' };

describe('CSP in Chromium', () => {
  it('refuses eval, new Function, inline and remote scripts in the side panel page', async () => {
    const panel = await openPanel(browser.context, browser.extensionId);
    expect(await probe(panel)).toEqual(REFUSED);
    await panel.close();
  });

  it('refuses them in the overlay frame on the call too', async () => {
    const page = await browser.context.newPage();
    await page.goto(MEET_CALL);
    const frame = await overlayFrame(page);
    expect(await probe(frame)).toEqual(REFUSED);
    await page.close();
  });

  it('the probe can tell: a page without a CSP runs all four kinds', async () => {
    const page = await browser.context.newPage();
    await page.setContent('<html><head></head><body></body></html>');
    const result = await probe(page);
    expect(result.eval).toBe('ran');
    expect(result.newFunction).toBe('ran');
    expect(result.inline).toBe('ran');
    await page.close();
  });
});

/**
 * A client's name with a right-to-left override ("Ann \u202Etroper", which a browser would draw as "Ann
 * report") is shown as written in the overlay on the call: in the session's heading and in the client
 * picker's list, each letter where it was typed, with a visible mark for the override. The control draws
 * the same raw text in the same frame and finds it reordered, so the measurement can tell.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Locator } from 'playwright-core';
import { launch, MEET_CALL, overlayFrame, screenshot, type Launched } from './harness/browser';
import { frozenBuild } from './harness/build';

const NAME = 'Ann \u202Etroper';
const build = frozenBuild();
let browser: Launched;
let frame: Frame;

beforeAll(async () => {
  browser = await launch({ extensionDir: build.dir });
  const page = await browser.context.newPage();
  await page.goto(MEET_CALL);
  frame = await overlayFrame(page);
  await frame.getByRole('combobox', { name: 'Client', exact: true }).fill(NAME);
  await frame.getByRole('button', { name: 'Start session', exact: true }).click();
  await frame.getByRole('button', { name: 'End session', exact: true }).waitFor();
  await screenshot(page, 'bidi-client-name');
});
afterAll(async () => {
  await browser?.dispose();
  build.remove();
});

/** Whether the "t" of "troper" is drawn left of its final "r" (as written), measured on the text's own glyphs. */
function drawnAsWritten(target: Locator): Promise<{ text: string; asWritten: boolean }> {
  return target.evaluate((el) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    let node: Text | null = null;
    while (walker.nextNode()) if ((walker.currentNode as Text).data.includes('troper')) node = walker.currentNode as Text;
    if (!node) throw new Error(`no "troper" in ${el.textContent}`);
    const at = (i: number) => {
      const range = document.createRange();
      range.setStart(node!, i);
      range.setEnd(node!, i + 1);
      return range.getBoundingClientRect().left;
    };
    const t = node.data.indexOf('troper');
    return { text: el.textContent ?? '', asWritten: at(t) < at(t + 5) };
  });
}

describe('a name with a right-to-left override', () => {
  it("is shown as written in the session's heading, the override as a visible mark", async () => {
    const heading = frame.getByRole('heading', { level: 1 });
    const shown = await drawnAsWritten(heading);
    expect(shown.text).toContain('Ann \uFFFDtroper');
    expect(shown.text).not.toContain('\u202E');
    expect(shown.asWritten).toBe(true);
    expect(await heading.locator('bdi').count()).toBe(1);
  });

  it('the control: the same raw text, drawn without that care, is reordered', async () => {
    await frame.evaluate((name) => {
      const p = document.createElement('p');
      p.id = 'raw-control';
      p.textContent = name;
      document.body.append(p);
    }, NAME);
    expect((await drawnAsWritten(frame.locator('#raw-control'))).asWritten).toBe(false);
  });
});

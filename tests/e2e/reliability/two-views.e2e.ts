/**
 * Two views at once: the overlay in two call tabs and the side panel page, all editing the same session
 * concurrently. No item is lost or doubled, and every view converges without a reload.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { api, openPanel, startSessionViaApi } from '../harness/api';
import { launch, MEET_CALL, overlayFrame, type Launched } from '../harness/browser';
import { frozenBuild } from '../harness/build';
import { autosaved, captureBox, capturedWords, contractBox, retype } from '../harness/fields';

const build = frozenBuild();
let browser: Launched;
let sessionId: string;
let views: { name: string; ui: Frame | Page }[];

async function callTab(): Promise<Frame> {
  const page = await browser.context.newPage();
  await page.goto(MEET_CALL);
  const frame = await overlayFrame(page);
  await frame.getByRole('button', { name: 'End session', exact: true }).waitFor();
  return frame;
}

beforeAll(async () => {
  browser = await launch({ extensionDir: build.dir });
  const panel = await openPanel(browser.context, browser.extensionId);
  ({ sessionId } = await startSessionViaApi(panel, 'Two Views Client'));
  await panel.getByRole('button', { name: 'End session', exact: true }).waitFor();
  views = [
    { name: 'call tab A', ui: await callTab() },
    { name: 'call tab B', ui: await callTab() },
    { name: 'side panel', ui: panel },
  ];
});
afterAll(async () => {
  await browser?.dispose();
  build.remove();
});

/** Adds `texts` one after another in one view: type, Enter, wait until the field is empty again. */
async function addAll(ui: Frame | Page, texts: string[]): Promise<void> {
  const box = await captureBox(ui);
  for (const text of texts) {
    await box.fill(text);
    await box.press('Enter');
    await expect.poll(() => box.inputValue(), { message: `"${text}" was added` }).toBe('');
  }
}

describe('two views at once', () => {
  it('adds captures from all three views concurrently: each item exactly once, and every list converges', async () => {
    const perView = views.map((v) => [1, 2, 3].map((n) => `${v.name} item ${n}`));
    await Promise.all(views.map((v, i) => addAll(v.ui, perView[i]!)));

    const expected = perView.flat().sort();
    const stored = (await api(views[2]!.ui, 'getSessionBundle', { sessionId })).items.map((i) => i.text);
    expect(stored.sort()).toEqual(expected);
    for (const v of views) {
      await captureBox(v.ui);
      await expect.poll(async () => (await capturedWords(v.ui)).sort(), { message: `${v.name} shows every item once` }).toEqual(expected);
    }
    const orders = (await api(views[0]!.ui, 'getSessionBundle', { sessionId })).items.map((i) => i.order);
    expect(new Set(orders).size).toBe(orders.length);
  });

  it('shows a contract field typed in one view in the others, without a reload', async () => {
    const outcome = 'Decide on the reorganisation, with two options weighed';
    const box = await contractBox(views[0]!.ui, 'Desired outcome');
    await retype(box, outcome);
    await autosaved(views[0]!.ui, ['Desired outcome']);
    for (const v of views.slice(1)) {
      const box = await contractBox(v.ui, 'Desired outcome');
      await expect.poll(() => box.inputValue(), { message: `${v.name} shows the new desired outcome` }).toBe(outcome);
    }
  });

  it('shows a half-typed capture from one view in the others once typing pauses, so none overwrites it', async () => {
    const words = 'Half a thought typed in tab B';
    const tabBBox = await captureBox(views[1]!.ui);
    await retype(tabBBox, words);
    await autosaved(views[1]!.ui, ['Capture']);
    for (const v of [views[0]!, views[2]!]) {
      const box = await captureBox(v.ui);
      await expect.poll(() => box.inputValue(), { message: `${v.name} shows the draft typed in tab B` }).toBe(words);
    }
    // The panel continues the thought: tab B follows, and the stored draft holds every word.
    const panelBox = await captureBox(views[2]!.ui);
    await panelBox.press('End');
    await panelBox.pressSequentially(', finished in the panel');
    await autosaved(views[2]!.ui, ['Capture']);
    await expect.poll(() => tabBBox.inputValue()).toBe(`${words}, finished in the panel`);
    expect(await api(views[2]!.ui, 'getDraft', { key: `capture:${sessionId}` })).toMatchObject({
      value: { text: `${words}, finished in the panel` },
    });
  });
});

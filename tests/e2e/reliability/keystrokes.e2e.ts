/**
 * No lost keystrokes: words typed into capture and a contract field, then left alone for the autosave
 * delay (≤ 300 ms after the last key) with nothing pressed, survive a reload of the call tab, closing the
 * side panel page, a killed browser, and a stopped service worker.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { api, openPanel, startSessionViaApi } from '../harness/api';
import { launch, MEET_CALL, overlayFrame, type Launched } from '../harness/browser';
import { frozenBuild } from '../harness/build';
import { killBrowser, stopServiceWorker } from '../harness/cdp';
import { autosaved, captureBox, contractBox, retype } from '../harness/fields';

const build = frozenBuild();
let browser: Launched;
let sessionId: string;

beforeAll(async () => {
  browser = await launch({ extensionDir: build.dir });
  const panel = await openPanel(browser.context, browser.extensionId);
  ({ sessionId } = await startSessionViaApi(panel, 'Keystroke Client'));
  await panel.close();
});
afterAll(async () => {
  await browser?.dispose();
  build.remove();
});

async function callTab(): Promise<{ page: Page; frame: Frame }> {
  const page = await browser.context.newPage();
  await page.goto(MEET_CALL);
  const frame = await overlayFrame(page);
  await frame.getByRole('button', { name: 'End session', exact: true }).waitFor();
  return { page, frame };
}

/** Types both phrases key by key, then waits, pressing nothing, until both show their autosave tick. */
async function typeBoth(ui: Frame | Page, words: { capture: string; outcome: string }): Promise<void> {
  // Each field's tick is read while its pane shows: in the overlay an agreed contract turns into its card once
  // the coach moves to another tab.
  const outcome = await contractBox(ui, 'Desired outcome');
  await retype(outcome, words.outcome);
  await autosaved(ui, ['Desired outcome']);
  const capture = await captureBox(ui);
  await retype(capture, words.capture);
  await autosaved(ui, ['Capture']);
}

/** Every character is back in both fields, and in the store. */
async function expectBoth(ui: Frame | Page, words: { capture: string; outcome: string }): Promise<void> {
  expect(await (await contractBox(ui, 'Desired outcome')).inputValue()).toBe(words.outcome);
  const capture = await captureBox(ui);
  await expect.poll(() => capture.inputValue(), { message: 'the capture draft is restored' }).toBe(words.capture);
  const bundle = await api(ui, 'getSessionBundle', { sessionId });
  expect(bundle.session.contract.desiredOutcome).toBe(words.outcome);
}

describe('no lost keystrokes', () => {
  it('(a) survives a reload of the Meet tab', async () => {
    const words = { capture: 'She will call Sam before Friday, 9 am!', outcome: 'Leave with a first step for the board' };
    const { page, frame } = await callTab();
    await typeBoth(frame, words);
    await page.reload();
    await expectBoth(await overlayFrame(page), words);
    await page.close();
  });

  it('(b) survives closing and reopening the side panel page', async () => {
    const words = { capture: 'Notices tension when "should" comes up', outcome: 'Clarity about the hiring decision — yes or no' };
    const panel = await openPanel(browser.context, browser.extensionId);
    await typeBoth(panel, words);
    await panel.close();
    const again = await openPanel(browser.context, browser.extensionId);
    await expectBoth(again, words);
    await again.close();
  });

  it('(c) survives the browser process being killed, after a relaunch on the same profile', async () => {
    const words = { capture: 'Ünïcödé survives a crash: 50 % sure ✓', outcome: 'A plan she believes in' };
    const { frame } = await callTab();
    await typeBoth(frame, words);
    await killBrowser(browser.context, browser.userDataDir);
    browser = await launch({ extensionDir: build.dir, userDataDir: browser.userDataDir });
    const { page, frame: after } = await callTab();
    await expectBoth(after, words);
    await page.close();
  });

  it('(d) survives the service worker being stopped between two writes, and the write after it succeeds', async () => {
    const first = { capture: 'First half typed,', outcome: 'Before the stop' };
    const { page, frame } = await callTab();
    await typeBoth(frame, first);
    const panel = await openPanel(browser.context, browser.extensionId); // for a DevTools session
    // Chromium reports the worker stopped: its open database, search index and ports are gone.
    await stopServiceWorker(browser.context, panel, browser.extensionId);
    await panel.close();

    // The second write: more keys in both fields, answered by a fresh worker that reopens the database.
    const box = await captureBox(frame);
    await box.pressSequentially(' second half after the stop.');
    await autosaved(frame, ['Capture']);
    const outcome = await contractBox(frame, 'Desired outcome');
    await outcome.pressSequentially(' and after it');
    await autosaved(frame, ['Desired outcome']);
    await captureBox(frame); // alerts show only in the visible pane
    await expect.poll(() => frame.getByRole('alert').count(), { message: 'no save failed' }).toBe(0);

    const words = { capture: 'First half typed, second half after the stop.', outcome: 'Before the stop and after it' };
    await page.reload();
    await expectBoth(await overlayFrame(page), words);
    const reopened = await openPanel(browser.context, browser.extensionId);
    await expectBoth(reopened, words);
    await page.close();
    await reopened.close();
  });
});

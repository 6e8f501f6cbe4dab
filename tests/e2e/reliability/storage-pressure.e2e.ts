/**
 * Storage pressure: a write that fails shows a clear error, and the words stay in the field. Two ways to
 * fail: a capture over the 20,000-character limit (refused before any transaction), and a full disk —
 * the extension origin's quota cut to 1 byte through DevTools (`Storage.overrideQuotaForOrigin`), so
 * IndexedDB aborts every write transaction with QuotaExceededError (an aborted transaction: nothing of it
 * is written).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { api, openPanel, startSessionViaApi } from '../harness/api';
import { launch, MEET_CALL, overlayFrame, type Launched } from '../harness/browser';
import { frozenBuild } from '../harness/build';
import { overrideQuota } from '../harness/cdp';
import { captureBox, capturedWords, contractBox, retype } from '../harness/fields';

const build = frozenBuild();
let browser: Launched;
let panel: Page;
let frame: Frame;
let sessionId: string;

beforeAll(async () => {
  browser = await launch({ extensionDir: build.dir });
  panel = await openPanel(browser.context, browser.extensionId);
  ({ sessionId } = await startSessionViaApi(panel, 'Pressure Client'));
  const page = await browser.context.newPage();
  await page.goto(MEET_CALL);
  frame = await overlayFrame(page);
  await frame.getByRole('button', { name: 'End session', exact: true }).waitFor();
});
afterAll(async () => {
  await browser?.dispose();
  build.remove();
});

const QUOTA_CACHE_MS = 31_000;
const alert = (ui: Frame | Page, what: string) => ui.getByRole('alert').filter({ hasText: what });
const storedItems = async () => (await api(panel, 'getSessionBundle', { sessionId })).items.map((i) => i.text);

describe('storage pressure', () => {
  it('refuses a capture over 20,000 characters with a clear sentence, keeping every character in the field', async () => {
    const long = `${'A long pasted transcript. '.repeat(800)}End.`; // 20,804 characters
    expect(long.length).toBeGreaterThan(20_000);
    const box = await captureBox(frame);
    await box.fill(long); // a paste
    await box.press('Enter');
    const note = alert(frame, 'Not added.');
    await note.waitFor();
    expect(await note.textContent()).toMatch(/This is 20,804 characters; a captured item holds at most 20,000\./);
    // A retry could never succeed: the note offers what can (trim, or keep it all as the draft) instead.
    expect(await note.getByRole('button', { name: 'Retry', exact: true }).count()).toBe(0);
    expect(await note.getByRole('button', { name: 'Keep as a draft', exact: true }).count()).toBe(1);
    expect(await note.textContent()).toContain('Your text is kept here.');
    expect(await box.inputValue()).toBe(long);
    expect(await box.getAttribute('aria-invalid')).toBe('true');
    expect(await storedItems()).toEqual([]);

    // Cut to the limit, it goes in.
    await box.fill(long.slice(0, 20_000));
    await box.press('Enter');
    await expect.poll(() => box.inputValue()).toBe('');
    expect(await note.count()).toBe(0);
    expect((await storedItems()).map((t) => t.length)).toEqual([20_000]);
  });

  it(
    'surfaces a full disk on add and on autosave, keeps the words, and saves them on retry once there is room',
    { timeout: 80_000 },
    async () => {
      const quota = await overrideQuota(browser.context, panel, browser.extensionId, 1);
      // Chromium's IndexedDB grants writes from a cached allowance of free space for up to 30 s after it last
      // asked the quota manager (BucketContext::kBucketSpaceCacheTimeLimit); only then does the cut quota bite.
      await new Promise((r) => setTimeout(r, QUOTA_CACHE_MS));
      const outcome = await contractBox(frame, 'Desired outcome');
      await retype(outcome, 'Written while the disk is full'); // then nothing pressed: the autosave fails on its own
      const contractNote = alert(frame, 'Desired outcome was not saved.');
      await contractNote.waitFor();
      expect(await contractNote.textContent()).toMatch(/storage for Holdspace is full.*Your text is kept here\./);
      expect(await outcome.inputValue()).toBe('Written while the disk is full');

      const box = await captureBox(frame);
      await box.fill('She will ask for the budget on Monday');
      await box.press('Enter');
      const addNote = alert(frame, 'Not added.');
      await addNote.waitFor();
      expect(await addNote.textContent()).toMatch(
        /Your browser refused to save: its storage for Holdspace is full\. Nothing was changed\./,
      );
      expect(await box.inputValue()).toBe('She will ask for the budget on Monday');
      expect(await storedItems()).toHaveLength(1); // only the first test's item

      await quota.restore();
      await addNote.getByRole('button', { name: 'Retry', exact: true }).click();
      await expect.poll(() => capturedWords(frame)).toContain('She will ask for the budget on Monday');
      await expect.poll(() => box.inputValue()).toBe('');
      expect(await addNote.count()).toBe(0);

      const again = await contractBox(frame, 'Desired outcome');
      await contractNote.getByRole('button', { name: 'Retry', exact: true }).click();
      await expect.poll(() => contractNote.count()).toBe(0);
      expect(await again.inputValue()).toBe('Written while the disk is full');
      expect((await api(panel, 'getSessionBundle', { sessionId })).session.contract.desiredOutcome).toBe('Written while the disk is full');
    },
  );
});

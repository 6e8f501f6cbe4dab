/**
 * Automatic backups outside the profile, in real Chromium: turned on in Settings by keyboard, a file lands
 * in Downloads/Holdspace after turning on and after every ended session, older ones beyond "Backups kept"
 * are removed from disk, Settings shows "Last backup: <when>, <where>", and the latest file restores into a
 * fresh profile (through Settings' "Import backup") with every client, session and item.
 *
 * Two things the headless browser needs, and why they do not change what is tested:
 * - `downloads` is an optional permission the coach grants in the browser's prompt, which a headless
 *   browser cannot answer. This test's copy of the build declares it as granted at install, so
 *   `permissions.request` resolves at once; the code path is the production one.
 * - Downloads go where the profile's preference says (`download.default_directory`, written before launch)
 *   and Playwright's own download handling is switched back to the browser's default (CDP
 *   `Browser.setDownloadBehavior` "default"), since DevTools-managed downloads ignore the extension's
 *   `Holdspace/` subfolder and file name.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { api, startSessionViaApi } from './harness/api';
import { launch, panelUrl, screenshot, type Launched } from './harness/browser';
import { frozenBuild } from './harness/build';
import { isFocused } from './harness/coach';

const build = frozenBuild();
const manifestPath = join(build.dir, 'manifest.json');
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { permissions: string[]; optional_permissions?: string[] };
expect(manifest.optional_permissions).toContain('downloads'); // the real build asks for it only when turned on
manifest.permissions.push('downloads');
manifest.optional_permissions = manifest.optional_permissions!.filter((p) => p !== 'downloads');
writeFileSync(manifestPath, JSON.stringify(manifest));

const downloads = mkdtempSync(join(tmpdir(), 'holdspace-downloads-'));
const folder = join(downloads, 'Holdspace');
let browser: Launched;
let panel: Page;

async function launchWithDownloads(): Promise<Launched> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'holdspace-e2e-'));
  mkdirSync(join(userDataDir, 'Default'), { recursive: true });
  writeFileSync(
    join(userDataDir, 'Default', 'Preferences'),
    JSON.stringify({ download: { default_directory: downloads, prompt_for_download: false, directory_upgrade: true } }),
  );
  const launched = await launch({ extensionDir: build.dir, userDataDir });
  const cdp = await launched.context.browser()!.newBrowserCDPSession();
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'default' });
  return launched;
}

async function openPanelPage(b: Launched): Promise<Page> {
  const page = await b.context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(panelUrl(b.extensionId));
  await page.getByRole('button', { name: 'Settings', exact: true }).waitFor();
  return page;
}

const files = () =>
  existsSync(folder) ? readdirSync(folder).filter((f) => f.startsWith('holdspace-auto-backup-') && f.endsWith('.gz')) : [];

/** A session with a few captured items, ended: the worker writes a backup after it. */
async function sessionWithItems(clientName: string, texts: string[]): Promise<void> {
  const { sessionId } = await startSessionViaApi(panel, clientName);
  for (const text of texts) await api(panel, 'addItem', { sessionId, input: { kind: 'note', text } });
  await api(panel, 'endSession', { sessionId });
}

/** Everything a coach would look for: each client, their sessions and the words captured in each. */
async function record(page: Page): Promise<Record<string, Record<string, string[]>>> {
  const out: Record<string, Record<string, string[]>> = {};
  for (const client of await api(page, 'listClients', {})) {
    const sessions: Record<string, string[]> = {};
    for (const row of await api(page, 'clientHistory', { clientId: client.id })) {
      const bundle = await api(page, 'getSessionBundle', { sessionId: row.session.id });
      sessions[row.session.id] = bundle.items.map((i) => i.text).sort();
    }
    out[`${client.id} ${client.name}`] = sessions;
  }
  return out;
}

beforeAll(async () => {
  browser = await launchWithDownloads();
  panel = await openPanelPage(browser);
});
afterAll(async () => {
  await browser?.dispose();
  build.remove();
  rmSync(downloads, { recursive: true, force: true });
});

describe('automatic backups', () => {
  it('are off until the coach turns them on: nothing is written before', async () => {
    await sessionWithItems('Before Turning On', ['Nothing should be backed up yet']);
    await panel.waitForTimeout(1500);
    expect(files()).toEqual([]);
  });

  it('turned on in Settings by keyboard, write a first backup into Downloads/Holdspace and say where', async () => {
    await panel.getByRole('button', { name: 'Settings', exact: true }).press('Enter');
    const box = panel.getByRole('checkbox', { name: 'Back up automatically', exact: true });
    expect(await box.isChecked()).toBe(false);
    await box.focus();
    await expect.poll(() => isFocused(box)).toBe(true);
    await panel.keyboard.press('Space');
    await expect.poll(() => box.isChecked()).toBe(true);
    await expect
      .poll(files, { timeout: 15_000 })
      .toHaveLength(1)
      .catch(async (e) => {
        console.log('folder', existsSync(folder) ? readdirSync(folder) : 'none', await panel.locator('.settings').first().textContent());
        throw e;
      });
    const line = panel.getByText(/^Last backup: /);
    await expect.poll(() => line.textContent(), { timeout: 10_000 }).toContain(join('Holdspace', files()[0]!));
    expect(files()[0]).toMatch(/^holdspace-auto-backup-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{3}\.jsonl\.gz$/);
    await line.scrollIntoViewIfNeeded();
    await screenshot(panel, 'auto-backup-01-on');
  });

  it('write one after every ended session, and keep only the newest N on disk', async () => {
    await sessionWithItems('Asha Menon', ['Will draft the proposal by Friday', 'Notices she rushes when anxious']);
    await expect
      .poll(files, { timeout: 15_000 })
      .toHaveLength(2)
      .catch(async (e) => {
        console.log('folder', existsSync(folder) ? readdirSync(folder) : 'none', await panel.locator('body').first().textContent());
        throw e;
      });

    const kept = panel.getByRole('spinbutton', { name: 'Backups kept', exact: true }).or(panel.getByLabel('Backups kept', { exact: true }));
    await kept.first().fill('2');
    await kept.first().press('Enter');
    await panel.waitForTimeout(300);
    const beforeBen = files();
    await sessionWithItems('Ben Okafor', ['Asks for feedback from two peers']);
    // Wait for the file of Ben's session itself (two files were already there; a count alone would pass at once).
    await expect
      .poll(() => files().filter((f) => !beforeBen.includes(f)), { timeout: 20_000, message: 'a backup after the session ended' })
      .toHaveLength(1);
    await expect.poll(() => files().length, { timeout: 15_000, message: 'the oldest of three is removed' }).toBe(2);
    await panel.waitForTimeout(1000);
    expect(files()).toHaveLength(2);
  });

  it('the latest file restores into a fresh profile with every client, session and item', async () => {
    const expected = await record(panel);
    expect(Object.keys(expected)).toHaveLength(3);
    const latest = files().sort().at(-1)!;
    // The last by name is the last written, as Settings says (two can fall in one second: Asha's and Ben's).
    await expect.poll(() => panel.getByText(/^Last backup: /).textContent()).toContain(latest);
    const file = readFileSync(join(folder, latest));

    const fresh = await launch({ extensionDir: build.dir });
    try {
      const page = await openPanelPage(fresh);
      expect(await api(page, 'listClients', {})).toEqual([]); // control: the fresh profile is empty
      await page.getByRole('button', { name: 'Settings', exact: true }).press('Enter');
      await page
        .getByLabel('Import backup', { exact: true })
        .setInputFiles({ name: basename(latest), mimeType: 'application/gzip', buffer: file });
      await page.getByRole('button', { name: 'Merge', exact: true }).press('Enter');
      await expect.poll(() => page.getByRole('status').allTextContents()).toContainEqual(expect.stringMatching(/^Merged: /));
      expect(await record(page)).toEqual(expected);
    } finally {
      await fresh.dispose();
    }
  });

  it('turned off: nothing more is written, and the files already there stay', async () => {
    const before = files();
    await panel.getByRole('checkbox', { name: 'Back up automatically', exact: true }).press('Space');
    await expect.poll(() => panel.getByRole('checkbox', { name: 'Back up automatically', exact: true }).isChecked()).toBe(false);
    await sessionWithItems('After Turning Off', ['Not backed up']);
    await panel.waitForTimeout(1500);
    expect(files()).toEqual(before);
  });
});

/**
 * Automatic backups in Firefox: turned on in Settings by keyboard, a backup lands in Downloads/Holdspace
 * (the background page makes its own blob URL for the downloads API), another after an ended session, and
 * Settings says where. Firefox's prompt for the optional `downloads` permission cannot be answered headless:
 * `extensions.webextOptionalPermissionPrompts` false grants it as the coach's "Allow" would.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { button, callApi, find, isFocused, ready, snap, type View } from './harness/coach';
import { launchFirefox, openExtensionPage, type Firefox } from './harness/firefox';

let ff: Firefox;
let v: View;
const files = () => {
  const folder = join(ff.downloads, 'Holdspace');
  return existsSync(folder) ? readdirSync(folder).filter((f) => f.startsWith('holdspace-auto-backup-') && f.endsWith('.gz')) : [];
};
const poll = async <T>(read: () => T | Promise<T>, ok: (value: T) => boolean, timeoutMs = 20_000): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
};

beforeAll(async () => {
  ff = await launchFirefox({ prefs: { 'extensions.webextOptionalPermissionPrompts': false } });
  const page: Page = await openExtensionPage(ff, 'sidepanel.html');
  v = { page, ui: page };
  await ready(v);
});
afterAll(async () => {
  await ff?.close();
});

describe('automatic backups in Firefox', () => {
  it('turned on by keyboard, write a backup into Downloads/Holdspace and after an ended session', async () => {
    await (await button(v, 'Settings')).press('Enter');
    const box = await find(v.ui, 'checkbox', 'Back up automatically');
    expect(await box.evaluate((el) => (el as HTMLInputElement).checked)).toBe(false);
    await box.focus();
    expect(await isFocused(box)).toBe(true);
    await v.page.keyboard.press(' ');
    expect(await poll(files, (f) => f.length === 1)).toHaveLength(1);
    const line = await poll(
      () =>
        v.page.evaluate(
          () => [...document.querySelectorAll('p')].map((p) => p.textContent ?? '').find((t) => t.startsWith('Last backup: ')) ?? '',
        ),
      (t) => t.includes('Holdspace'),
    );
    expect(line).toContain(join('Holdspace', files()[0]!));
    await snap(v, 'firefox-auto-backup-01-on');

    const client = await callApi<{ id: string }>(v.ui, 'createClient', { input: { name: 'Firefox Client' } });
    const session = await callApi<{ id: string }>(v.ui, 'startSession', { clientId: client.id });
    await callApi(v.ui, 'addItem', { sessionId: session.id, input: { kind: 'note', text: 'Backed up from Firefox' } });
    await callApi(v.ui, 'endSession', { sessionId: session.id });
    expect(await poll(files, (f) => f.length === 2)).toHaveLength(2);
  });
});

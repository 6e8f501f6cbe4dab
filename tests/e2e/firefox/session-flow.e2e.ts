/**
 * A whole coaching practice in Firefox's side panel page (the sidebar's page in a tab: the real sidebar
 * cannot be opened without a user gesture), by keyboard: client, contract, capture, end, the summary's
 * Markdown download read back from disk, then a second session that reviews last time's commitments, and a
 * hostile backup refused in Settings with nothing changed.
 */
import { hostileBackup, storeSnapshot as snapshotOf, type Call } from '../harness/backup-file';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ElementHandle } from 'puppeteer-core';
import {
  button,
  callApi,
  capture,
  capturedTexts,
  download,
  endSession,
  fillContract,
  find,
  findRole,
  pressOn,
  query,
  ready,
  snap,
  startSession,
  type View,
  waitFor,
} from './harness/coach';
import { openExtensionPage, reloadExtensionPage } from './harness/firefox';
import { firefoxSuite } from './harness/suite';

const CLIENT = 'Jordan Rivera';
const CONTRACT = { Topic: 'Delegating the quarterly planning', 'Desired outcome': 'A first step to hand planning to Priya' };
const DONE = 'Ask Priya to lead the planning kickoff';
const CARRIED = 'Block two evenings free';
const NOTE = 'Voice tightened when the reorg came up';
const DUE = '2031-03-14';

const { v, errors, firefox } = firefoxSuite('flow', async (ff) => {
  const page = await openExtensionPage(ff, 'sidepanel.html');
  const view: View = { page, ui: page };
  await ready(view);
  return view;
});

let summary: ElementHandle<Element>;
const prior = () => find(v.ui, 'region', 'Prior commitments');
/** The card of the prior commitment whose words are `text`. */
async function cardOf(text: string): Promise<ElementHandle<Element>> {
  const region = await prior();
  return waitFor(region, `xpath/.//li[contains(., ${JSON.stringify(text)})]`);
}
/** The status pressed on a card, without its key hint ('' while not reviewed in this session). */
const statusLabel = async (text: string) =>
  (await cardOf(text)).evaluate((li) => {
    const pressed = li.querySelector('button[aria-pressed="true"]');
    if (!pressed) return '';
    const copy = pressed.cloneNode(true) as Element;
    copy.querySelectorAll('kbd, [aria-hidden="true"]').forEach((k) => k.remove());
    return copy.textContent?.trim() ?? '';
  });

const call: Call = (method, args) => callApi(v.ui, method as never, args);
const storeSnapshot = () => snapshotOf(call);

describe('a whole session in the Firefox side panel page', () => {
  it('creates the client by typing a new name and starts the session', async () => {
    await startSession(v, CLIENT);
    const banner = await findRole(v.ui, 'banner');
    await expect.poll(() => banner.evaluate((el) => el.textContent)).toContain(CLIENT);
    await snap(v, 'flow-01-started');
  });

  it('fills the contract', async () => {
    await fillContract(v, CONTRACT);
    await snap(v, 'flow-02-contract');
  });

  it('captures two commitments (one with a due date) and a note by keyboard', async () => {
    await capture(v, 'Commitment', DONE, DUE);
    await capture(v, 'Commitment', CARRIED);
    await capture(v, 'Note', NOTE);
    expect(await capturedTexts(v)).toEqual([NOTE, CARRIED, DONE]); // newest first
    await snap(v, 'flow-03-captured');
  });

  it('ends the session and shows the summary with the contract and the commitments', async () => {
    summary = await endSession(v);
    const read = () => summary.evaluate((el) => el.textContent + [...el.querySelectorAll('textarea')].map((t) => t.value).join('\n'));
    await expect.poll(read).toContain(DONE);
    expect(await read()).toContain(CARRIED);
    expect(await read()).toContain(CONTRACT.Topic);
    await snap(v, 'flow-04-summary');
  });

  it('downloads the Markdown summary: a real file in the downloads folder with the session in it', async () => {
    const file = await download(v, firefox().downloads, await find(summary, 'button', 'Download Markdown'));
    expect(file.name).toMatch(/\.md$/);
    expect(file.text.startsWith(`# Session summary: ${CLIENT}\n`)).toBe(true);
    expect(file.text).toContain(`- [ ] ${DONE} — due ${DUE}`);
    expect(file.text).toContain(`- [ ] ${CARRIED}\n`);
    expect(file.text).toContain(`- **Topic:** ${CONTRACT.Topic}`);
    expect(file.text).toContain(NOTE); // the coach version keeps private notes
    const status = await findRole(v.ui, 'status');
    await expect.poll(() => status.evaluate((el) => el.textContent)).toContain(file.name);
  });

  it('reviews last time\'s commitments in the next session: "Done" and "Carried forward", kept across a reload', async () => {
    await pressOn(v, await button(v, 'Close summary'));
    await startSession(v, CLIENT);
    await prior();
    const texts = async () => (await prior()).evaluate((el) => [...el.querySelectorAll('.commitment__what')].map((e) => e.textContent));
    await expect.poll(texts).toEqual(expect.arrayContaining([DONE, CARRIED]));
    expect(await statusLabel(DONE)).toBe('');

    // One key per status, as a coach reviews: focus the card, press d (done) or f (carried forward).
    for (const [text, key, label] of [
      [DONE, 'd', 'Done'],
      [CARRIED, 'f', 'Carried forward'],
    ] as const) {
      await pressOn(v, await cardOf(text), key);
      await expect.poll(() => statusLabel(text)).toBe(label);
    }
    await snap(v, 'flow-05-prior-reviewed');

    await reloadExtensionPage(v.page);
    await button(v, 'End session'); // the session is still running
    await expect.poll(() => statusLabel(DONE).catch(() => '')).toBe('Done');
    expect(await statusLabel(CARRIED)).toBe('Carried forward');
    await snap(v, 'flow-06-prior-after-reload');
  });

  it('ends the second session', async () => {
    summary = await endSession(v);
    expect(await summary.evaluate((el) => el.textContent)).toContain(CLIENT);
    await pressOn(v, await button(v, 'Close summary'));
    await find(v.ui, 'combobox', 'Client');
  });
});

describe('a hostile backup in Settings', () => {
  it('is refused with its message, runs nothing, and changes nothing', async () => {
    const before = await storeSnapshot();
    expect(before.counts).toMatchObject({ clients: 1, sessions: 2, items: 3 });
    await pressOn(v, await button(v, 'Settings'));
    await find(v.ui, 'region', 'Settings');

    // A client named with a script tag, sharing the real client's id.
    const path = join(firefox().downloads, 'hostile.jsonl.gz');
    writeFileSync(path, await hostileBackup(call));
    // Found by CSS: Firefox exposes a file input as a button with its own words; its label is checked instead.
    const input = (await waitFor(v.ui, 'input[type="file"]')) as ElementHandle<HTMLInputElement>;
    expect(await input.evaluate((el) => el.labels?.[0]?.textContent)).toBe('Import backup');
    await input.uploadFile(path);

    const alert = await findRole(v.ui, 'alert');
    await expect.poll(() => alert.evaluate((el) => el.textContent)).toContain('share the id');
    expect(await alert.evaluate((el) => el.textContent)).toMatch(
      /^This backup cannot be imported: two clients share the id .+ Nothing was imported\.$/,
    );
    expect(
      await v.ui.evaluate(() => ({
        pwned: 'pwned' in window || '__hsPwned' in window,
        scripts: document.querySelectorAll('body script').length,
      })),
    ).toEqual({ pwned: false, scripts: 0 });
    await alert.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await snap(v, 'flow-07-hostile-backup-refused');
    expect(await storeSnapshot()).toEqual(before);
    expect(await query(v.ui, 'group', 'Backup preview')).toBeNull(); // no merge or replace was offered
    expect(errors(), errors().join('\n')).toEqual([]);
  });
});

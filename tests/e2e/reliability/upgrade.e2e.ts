/**
 * Upgrade: a profile filled by an older build opens in the current build with everything migrated.
 *
 * How the older build is simulated: building and installing an actual older release is out of reach here
 * (no published older build, and one unpacked extension per path). What carries over from one build to the
 * next is the extension origin's IndexedDB, so the test creates exactly what an older build left behind:
 * in a fresh profile, before the current build's worker has opened the database (it opens it lazily on the
 * first API message, and no view has sent one yet), an extension page creates the version 1 'holdspace'
 * database with the frozen v1 fixture code of the store's unit tests (tests/lib/store/fixtures), runs it
 * in the page, and closes it. Then the views open as after an update, and the worker upgrades to v2.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import * as v1 from '../../lib/store/fixtures/v1-database';
import { DB_VERSION } from '../../../lib/store/db';
import { api, openPanel } from '../harness/api';
import { launch, MEET_CALL, overlayFrame, type Launched } from '../harness/browser';
import { frozenBuild } from '../harness/build';
import { captureBox, showTab } from '../harness/fields';

const build = frozenBuild();
let browser: Launched;
let panel: Page;

/** The v1 fixture's own code (schema and records), run in an extension page of the real browser. */
async function createV1InBrowser(page: Page): Promise<{ version: number; stores: string[] }> {
  const data = {
    V1_CLIENT: v1.V1_CLIENT,
    V1_SESSIONS: v1.V1_SESSIONS,
    V1_ITEMS: v1.V1_ITEMS,
    V1_QUESTION: v1.V1_QUESTION,
    V1_DRAFT: v1.V1_DRAFT,
  };
  const consts = Object.entries(data)
    .map(([name, value]) => `const ${name} = ${JSON.stringify(value)};`)
    .join('\n');
  const source = v1.createV1Database.toString();
  return page.evaluate(`(async () => {
    ${consts}
    const request = ${REQUEST};
    await (${source})('holdspace');
    const db = await new Promise((resolve, reject) => { const o = indexedDB.open('holdspace'); o.onsuccess = () => resolve(o.result); o.onerror = () => reject(o.error); });
    const out = { version: db.version, stores: [...db.objectStoreNames] };
    db.close();
    return out;
  })()`);
}

/** The fixture's promise wrapper of an IDBRequest (module-private there, so restated for the page). */
const REQUEST =
  '(req) => new Promise((resolve, reject) => { req.onsuccess = () => resolve(req.result); req.onerror = () => reject(req.error); })';

beforeAll(async () => {
  browser = await launch({ extensionDir: build.dir });
  // An extension page that sends no API message (an icon), so the worker has not touched the database.
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/icon/16.png`);
  const before = await page.evaluate(() => indexedDB.databases());
  expect(before.map((d) => d.name)).not.toContain('holdspace');
  const created = await createV1InBrowser(page);
  expect(created).toEqual({ version: 1, stores: ['clients', 'drafts', 'items', 'questions', 'sessions'] });
  await page.close();
  panel = await openPanel(browser.context, browser.extensionId);
});
afterAll(async () => {
  await browser?.dispose();
  build.remove();
});

describe('upgrade from an older build', () => {
  it('upgrades the database to the current version, keeping every record', async () => {
    await panel.getByRole('button', { name: 'End session', exact: true }).waitFor(); // the v1 active session
    const dbs = await panel.evaluate(() => indexedDB.databases());
    expect(dbs.find((d) => d.name === 'holdspace')?.version).toBe(DB_VERSION);
    expect(DB_VERSION).toBeGreaterThan(1);
    expect((await api(panel, 'listClients', {})).map((c) => c.name)).toEqual([v1.V1_CLIENT.name]);
    const history = await api(panel, 'clientHistory', { clientId: v1.V1_CLIENT.id });
    expect(history.map((h) => h.session.id).sort()).toEqual(['s1', 's2']);
    const s1 = await api(panel, 'getSessionBundle', { sessionId: 's1' });
    expect(s1.items.map((i) => i.text)).toEqual(v1.V1_ITEMS.map((i) => i.text));
    expect(s1.session.contract.topic).toBe('Delegation');
    expect(await api(panel, 'getDraft', { key: 'capture:s2' })).toMatchObject({ value: { text: 'half a thought' } });
  });

  it('answers open commitments from the new index: open and carried forward, not done', async () => {
    const open = await api(panel, 'openCommitments', { clientId: v1.V1_CLIENT.id });
    expect(open.map((c) => [c.item.text, c.status]).sort()).toEqual([
      ['Book the offsite', 'carried-forward'],
      ['Call the board chair', 'open'],
    ]);
    const due = await api(panel, 'dueBetween', { from: '2026-12-01', to: '2026-12-31' });
    expect(due.map((c) => c.item.text)).toContain('Call the board chair');
    const region = panel.getByRole('region', { name: 'Prior commitments', exact: true });
    await expect.poll(() => region.textContent()).toContain('Call the board chair');
    expect(await region.textContent()).toContain('Book the offsite');
  });

  it('finds the old words in search, and the old question in the deck', async () => {
    const box = panel.getByRole('searchbox', { name: 'Search everything', exact: true });
    await box.fill('energy rose');
    const results = panel.getByRole('list', { name: 'Search results', exact: true });
    await expect.poll(() => results.textContent(), { timeout: 5000 }).toContain('Energy rose when talking about the team');
    const questions = await api(panel, 'listQuestions', {});
    expect(questions.find((q) => q.id === v1.V1_QUESTION.id)).toMatchObject({ text: v1.V1_QUESTION.text, favourite: false, hidden: false });
  });

  it('restores the half-typed capture in the overlay on the call, and keeps writing', async () => {
    const page = await browser.context.newPage();
    await page.goto(MEET_CALL);
    const frame = await overlayFrame(page);
    await frame.getByRole('button', { name: 'End session', exact: true }).waitFor();
    const box = await captureBox(frame);
    await expect.poll(() => box.inputValue()).toBe('half a thought');
    await box.press('End');
    await box.pressSequentially(', finished after the update');
    await box.press('Enter');
    const bundle = () => api(frame, 'getSessionBundle', { sessionId: 's2' });
    await expect.poll(async () => (await bundle()).items.map((i) => i.text)).toEqual(['half a thought, finished after the update']);
    await showTab(frame, 'Prior commitments');
    await frame.getByRole('region', { name: 'Prior commitments', exact: true }).getByText('Book the offsite').waitFor();
    await page.close();
  });
});

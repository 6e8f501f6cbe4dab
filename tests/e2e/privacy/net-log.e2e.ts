/**
 * No request caused by our pages, as the browser itself records them. Playwright shows the requests of
 * pages, frames and workers (tests/e2e/privacy/zero-network.e2e.ts), but not the browser's own, such as
 * autofill's queries to its server, which typing into a form field in a web page can set off. Here
 * Chromium writes its net log, and the test types into every kind of overlay field on the Meet stand-in
 * (client picker, contract, capture), then, as the control, the same kind of text into a field of the
 * page itself. The typing windows are marked by requests the page makes to the fixture server, which
 * also show that the log sees requests at all.
 *
 * Before the fix, typing in the overlay set off Chromium's autofill queries (content-autofill.googleapis.com):
 * Chromium's cross-frame autofill merges the fields of every iframe the page's document lists into the page's
 * own form, whose https URL makes it queryable. The overlay's iframe now sits in a shadow root, which that
 * lookup (getElementsByTagName) does not enter (lib/dock/dock.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, MEET_CALL, overlayFrame, type Launched } from '../harness/browser';
import { frozenBuild } from '../harness/build';
import { captureBox, contractBox } from '../harness/fields';
import { between, startedRequests, type NetRequest } from '../harness/net-log';

const build = frozenBuild();
const dir = mkdtempSync(join(tmpdir(), 'holdspace-net-log-'));
const NET_LOG = join(dir, 'net-log.json');
let browser: Launched;
let requests: NetRequest[] = [];

/**
 * The browser's own background traffic, whoever types: Chromium's account check when a Google host is
 * visited (the call page is meet.google.com), its component updater, and the spell-check dictionary it
 * downloads once per profile when any spell-checked field is first focused (no typed text in it).
 */
const BROWSER_OWN = [
  /^https:\/\/accounts\.google\.com\/ListAccounts\?/,
  /^https?:\/\/update\.googleapis\.com\//,
  /^https:\/\/redirector\.gvt1\.com\/edgedl\/chrome\/dict\/[\w-]+\.bdic$/,
];
const AUTOFILL = /^https:\/\/content-autofill\.googleapis\.com\//;
const host = (url: string) => new URL(url).hostname;
const offMachine = (r: NetRequest) => /^https?:/.test(r.url) && host(r.url) !== 'meet.google.com';

beforeAll(async () => {
  browser = await launch({ extensionDir: build.dir, args: [`--log-net-log=${NET_LOG}`] });
  const page = await browser.context.newPage();
  const mark = (name: string) => page.evaluate((n) => fetch(`/favicon.ico?mark=${n}`).then((r) => r.status), name);
  await page.goto(MEET_CALL);
  await page.bringToFront();
  const frame = await overlayFrame(page);

  await mark('overlay-start');
  await frame.getByRole('combobox', { name: 'Client', exact: true }).pressSequentially('Net Log Client', { delay: 40 });
  await frame.getByRole('button', { name: 'Start session', exact: true }).click();
  await frame.getByRole('button', { name: 'End session', exact: true }).waitFor();
  await (await contractBox(frame, 'Desired outcome')).pressSequentially('Leave with one clear next step', { delay: 40 });
  const capture = await captureBox(frame);
  await capture.pressSequentially('Call the supplier on Tuesday', { delay: 40 });
  await capture.press('Enter');
  await page.waitForTimeout(2500); // autofill's queries follow the keys within a second (the control shows it)
  await mark('overlay-end');

  // The control: the same kind of typing into a field of the call page itself.
  await mark('page-start');
  await page.evaluate(() => document.body.append(Object.assign(document.createElement('input'), { id: 'probe', type: 'text' })));
  await page.locator('#probe').pressSequentially('Typed into the page itself', { delay: 40 });
  await page.waitForTimeout(2500);
  await mark('page-end');

  await browser.close(); // the net log is complete once the browser has closed
  requests = startedRequests(NET_LOG);
}, 120_000);
afterAll(async () => {
  await browser?.dispose();
  build.remove();
  rmSync(dir, { recursive: true, force: true });
});

describe("the browser's own requests while a coach types in the overlay", () => {
  it('sees the marks the page requested from the fixture server (the net log sees requests)', () => {
    const marks = requests.filter((r) => r.url.includes('/favicon.ico?mark=')).map((r) => new URL(r.url).searchParams.get('mark'));
    expect(marks).toEqual(['overlay-start', 'overlay-end', 'page-start', 'page-end']);
  });

  it("sees autofill's query when the page's own field is typed into (control)", () => {
    const typingInPage = between(requests, 'mark=page-start', 'mark=page-end');
    expect(typingInPage.filter((r) => AUTOFILL.test(r.url)).length).toBeGreaterThan(0);
  });

  it('makes no autofill query, and no request off the machine but the browser’s own background traffic, while typing in the overlay', () => {
    const typingInOverlay = between(requests, 'mark=overlay-start', 'mark=overlay-end');
    expect(typingInOverlay.filter((r) => AUTOFILL.test(r.url))).toEqual([]);
    expect(typingInOverlay.filter((r) => offMachine(r) && !BROWSER_OWN.some((own) => own.test(r.url)))).toEqual([]);
  });
});

/**
 * After the call (issue 10, items 9–11): end a session on the Meet fixture, later reopen its summary from
 * the client's history (picker) and from search, edit the reflection, plan the next session, export
 * Markdown and .ics (read back), and open the e-mail draft (a real mailto: to the client's address, the
 * client version without meta lines, the sign-off from Settings). Screenshots: the summary in the 360 px
 * overlay and in the wide panel.
 */
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { MEET_CALL } from './harness/browser';
import { viewSuite } from './harness/suite';
import {
  button,
  callApi,
  capture,
  captureCommitment,
  dayFromNow,
  download,
  endSession,
  fillContract,
  isFocused,
  openOverlay,
  openPanel,
  openTab,
  pressOn,
  snap,
  startSession,
  typeInto,
} from './harness/coach';

const CLIENT = 'Morgan Lee';
const EMAIL = 'morgan.lee@example.org';
const TOPIC = 'Raise of 40% and the appraisal';
const DUE = dayFromNow(7);
const NEXT = dayFromNow(14);
const PRIVATE_NOTE = 'Jaw tight when the boss came up';
const REFLECTION = 'I pushed for the action too early.';

const suite = viewSuite('summary-reopen', (browser) => openOverlay(browser.context, MEET_CALL));
const { v, errors } = suite;
const summaryRegion = () => v.ui.getByRole('region', { name: 'Session summary', exact: true });

async function openEarlierSummary(): Promise<Locator> {
  const client = v.ui.getByRole('combobox', { name: 'Client', exact: true });
  await typeInto(v, client, CLIENT);
  await v.page.keyboard.press('Enter');
  const history = v.ui.getByText('Earlier sessions and their summaries', { exact: true });
  await pressOn(v, history); // a <summary>: Enter opens the list
  await pressOn(v, v.ui.getByRole('button', { name: new RegExp(`^Open summary: .*${TOPIC.slice(0, 10)}`) }));
  const summary = summaryRegion();
  await summary.waitFor();
  return summary;
}

describe('a past summary, reopened and sent', () => {
  it('runs a session, sets the client e-mail from the strip, and ends it', async () => {
    await startSession(v, CLIENT);
    await pressOn(v, button(v, 'Edit client details'));
    const dialog = v.ui.getByRole('dialog', { name: 'Client details', exact: true });
    await dialog.waitFor();
    await typeInto(v, dialog.getByRole('textbox', { name: 'E-mail', exact: true }), EMAIL);
    await snap(v, 'summary-reopen-01-client-details');
    await pressOn(v, dialog.getByRole('button', { name: 'Save details', exact: true }));
    await dialog.waitFor({ state: 'detached' });
    await openTab(v, 'Contract');
    await fillContract(v, { Topic: TOPIC, 'Desired outcome': 'A calm plan for the talk with his boss' });
    await openTab(v, 'Capture');
    await captureCommitment(v, { text: 'Draft the three points for the appraisal', due: DUE, howWillYouKnow: 'Sent to me by Friday' });
    await capture(v, 'Note', PRIVATE_NOTE);
    const summary = await endSession(v);
    // The reflection and the exports come first: both within the overlay's first screen.
    const reflection = summary.getByRole('textbox', { name: 'Closing reflection', exact: true });
    const exportsBox = await summary.getByRole('group', { name: 'Export', exact: true }).boundingBox();
    const viewport = await v.ui.evaluate(() => window.innerHeight);
    expect((await reflection.boundingBox())!.y).toBeLessThan(viewport);
    expect(exportsBox!.y).toBeLessThan(viewport);
    await snap(v, 'summary-reopen-02-just-ended-overlay');
    await pressOn(v, summary.getByRole('button', { name: 'Close summary', exact: true }));
  });

  it('reopens it from the client history, edits the reflection and plans the next session', async () => {
    const summary = await openEarlierSummary();
    await typeInto(v, summary.getByRole('textbox', { name: 'Closing reflection', exact: true }), REFLECTION);
    await typeInto(v, summary.getByLabel('Next session date', { exact: true }), `${NEXT} 15:30`);
    await v.page.keyboard.press('Tab'); // saved on leaving the field
    await snap(v, 'summary-reopen-03-reopened-overlay');
    await expect.poll(async () => (await suiteApi('getSessionBundle')).session.nextSession).toBe(`${NEXT}T15:30`);
  });

  it('exports Markdown without stray escapes and a calendar with the next session', async () => {
    const summary = summaryRegion();
    const md = (await download(v, summary.getByRole('button', { name: 'Download Markdown', exact: true }))).text;
    expect(md).toContain(`- **Topic:** ${TOPIC}`); // "40%", not "40\%"
    expect(md).toContain(REFLECTION);
    expect(md).toContain(`## Next session\n\n- ${NEXT} 15:30`);
    expect(md).not.toMatch(/\\$/m); // no trailing-backslash line breaks
    const ics = (await download(v, summary.getByRole('button', { name: 'Download calendar (.ics)', exact: true }))).text;
    const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    const next = events.find((e) => e.summary === `Next session with ${CLIENT}`);
    expect(next?.startDate.toString()).toBe(`${NEXT}T15:30:00`);
    expect(events.find((e) => e.summary.includes('Draft the three points'))?.startDate.toString()).toBe(DUE);
    await expect.poll(() => summary.getByRole('status').textContent()).toMatch(/1 commitment and the next session/);
  });

  it('opens the e-mail draft: to the client, client version, no meta lines, with the sign-off', async () => {
    await v.ui.evaluate(() => {
      const w = window as unknown as { __mailto?: string };
      const click = HTMLAnchorElement.prototype.click;
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        if (this.href.startsWith('mailto:')) w.__mailto = this.href;
        else click.call(this);
      };
    });
    await pressOn(v, summaryRegion().getByRole('button', { name: 'Email draft', exact: true }));
    await expect.poll(() => v.ui.evaluate(() => (window as unknown as { __mailto?: string }).__mailto ?? '')).toMatch(/^mailto:/);
    const url = new URL(await v.ui.evaluate(() => (window as unknown as { __mailto: string }).__mailto));
    expect(decodeURIComponent(url.pathname)).toBe(EMAIL);
    const body = url.searchParams.get('body')!;
    expect(body.startsWith('Hi Morgan,')).toBe(true);
    expect(body).toContain('Draft the three points for the appraisal');
    expect(body).not.toContain(PRIVATE_NOTE);
    expect(body).not.toContain(REFLECTION);
    expect(body).not.toContain('Client version');
    expect(body).not.toContain('Exported from Holdspace');
    expect(body.trimEnd().endsWith('Warm regards')).toBe(true);
    await pressOn(v, summaryRegion().getByRole('button', { name: 'Back to the client', exact: true }));
  });

  it('reopens it from search with the reflection kept', async () => {
    await openTab(v, 'Search');
    await v.page.keyboard.type('appraisal');
    await pressOn(v, v.ui.getByRole('button', { name: new RegExp(`${TOPIC.slice(0, 10)}`) }).first());
    const open = button(v, 'Open summary');
    await pressOn(v, open);
    const summary = summaryRegion();
    await summary.waitFor();
    await expect.poll(() => summary.getByRole('textbox', { name: 'Closing reflection', exact: true }).inputValue()).toBe(REFLECTION);
    await snap(v, 'summary-reopen-04-from-search-overlay');
    await pressOn(v, summary.getByRole('button', { name: 'Back to the session', exact: true }));
    await expect.poll(() => isFocused(open)).toBe(true);
  });

  it('the same summary in the wide panel', async () => {
    const panel = await openPanel(suite.browser().context, suite.browser().extensionId);
    await panel.page.setViewportSize({ width: 1100, height: 900 });
    const p = panel;
    const client = p.ui.getByRole('combobox', { name: 'Client', exact: true });
    await typeInto(p, client, CLIENT);
    await p.page.keyboard.press('Enter');
    await pressOn(p, p.ui.getByText('Earlier sessions and their summaries', { exact: true }));
    await pressOn(p, p.ui.getByRole('button', { name: /^Open summary: / }));
    const summary = p.ui.getByRole('region', { name: 'Session summary', exact: true });
    await summary.waitFor();
    await expect.poll(() => summary.getByRole('textbox', { name: 'Closing reflection', exact: true }).inputValue()).toBe(REFLECTION);
    await snap(p, 'summary-reopen-05-wide-panel');
    await p.page.close();
    expect(errors(), errors().join('\n')).toEqual([]);
  });
});

/** The one session of this file, read through the API. */
async function suiteApi(method: 'getSessionBundle') {
  const [row] = await callApi<{ session: { id: string } }[]>(v.ui, 'clientHistory', {
    clientId: (await callApi<{ id: string; name: string }[]>(v.ui, 'listClients')).find((c) => c.name === CLIENT)!.id,
  });
  return callApi<{ session: { nextSession?: string; reflection: string } }>(v.ui, method, { sessionId: row!.session.id });
}

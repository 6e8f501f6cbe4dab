/**
 * After the call (issue 5): end a session on the Meet fixture, download the Markdown and calendar files
 * from the summary and read them, switch to the client version, then refuse broken backups in Settings
 * with an alert while the store stays exactly as it was.
 */
import { exportedBackup, hostileBackup, storeSnapshot as snapshotOf, type Call } from './harness/backup-file';
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
  openOverlay,
  openTab,
  pressOn,
  snap,
  startSession,
  textbox,
} from './harness/coach';

const DUE_1 = dayFromNow(10);
const DUE_2 = dayFromNow(3);
const COMMITMENTS = [
  { text: 'Ask Priya to lead the planning kickoff', due: DUE_1, howWillYouKnow: 'Calendar invite sent', support: "Last year's template" },
  { text: 'Block two evenings free', due: DUE_2, howWillYouKnow: 'Shared calendar shows them' },
  { text: 'Read the chapter on delegation' }, // no due date: no calendar entry
];
const PRIVATE_NOTE = 'Voice tightened when the reorg came up';

const { v, errors } = viewSuite('flow-export', (browser) => openOverlay(browser.context, MEET_CALL));
let summary: Locator;

const markdown = () => download(v, summary.getByRole('button', { name: 'Download Markdown', exact: true }));
const calendar = () => download(v, summary.getByRole('button', { name: 'Download calendar (.ics)', exact: true }));
const compact = (day: string) => day.replaceAll('-', '');

const call: Call = (method, args) => callApi(v.ui, method, args);
const storeSnapshot = () => snapshotOf(call);

describe('the session summary and its exports', () => {
  it('ends a session on Meet and opens the summary', async () => {
    await startSession(v, 'Jordan Rivera');
    await textbox(v, 'Topic').focus();
    await openTab(v, 'Contract');
    await fillContract(v, { Topic: 'Delegating the quarterly planning', 'Desired outcome': 'A first step to hand planning over' });
    await openTab(v, 'Capture');
    for (const c of COMMITMENTS) await captureCommitment(v, c);
    await capture(v, 'Note', PRIVATE_NOTE);
    await capture(v, 'Insight', 'Letting go is a skill, not a loss');
    summary = await endSession(v);
    await snap(v, 'flow-export-01-summary');
  });

  it('downloads Markdown with headings and a task-list commitment with its due date', async () => {
    const file = await markdown();
    expect(file.name).toMatch(/\.md$/);
    const md = file.text;
    expect(md.startsWith('# Session summary: Jordan Rivera\n')).toBe(true);
    for (const heading of ['## Contract', '## New commitments', '## Insights', '## Notes (coach-private)'])
      expect(md).toContain(`\n${heading}\n`);
    expect(md).toContain(
      `- [ ] Ask Priya to lead the planning kickoff — due ${DUE_1} — how you'll know: Calendar invite sent — support: Last year's template`,
    );
    expect(md).toContain(`- [ ] Block two evenings free — due ${DUE_2} — how you'll know: Shared calendar shows them`);
    expect(md).toContain('- [ ] Read the chapter on delegation\n');
    expect(md).toContain('- **Topic:** Delegating the quarterly planning');
    expect(md).toContain(PRIVATE_NOTE); // the coach version keeps private notes
  });

  it('downloads a calendar with one event per dated commitment, parsed by a real parser, with stable UIDs', async () => {
    const first = await calendar();
    expect(first.name).toMatch(/\.ics$/);
    const ics = first.text;
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics.trimEnd().endsWith('END:VCALENDAR')).toBe(true);
    const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    expect(events).toHaveLength(2); // the undated commitment has no event
    const byTitle = Object.fromEntries(events.map((e) => [e.summary, e]));
    expect(byTitle['Jordan Rivera: Ask Priya to lead the planning kickoff']?.startDate.toString()).toBe(DUE_1);
    expect(byTitle['Jordan Rivera: Block two evenings free']?.startDate.toString()).toBe(DUE_2);
    expect(ics).toContain(`DTSTART;VALUE=DATE:${compact(DUE_1)}`);

    const again = await calendar();
    const uids = (text: string) => [...text.matchAll(/^UID:(.+)$/gm)].map((m) => m[1]!.trim()).sort();
    expect(uids(ics)).toHaveLength(2);
    expect(new Set(uids(ics)).size).toBe(2);
    expect(uids(again.text)).toEqual(uids(ics));
  });

  it('"Client version" leaves the coach-private note out of the Markdown', async () => {
    const toggle = summary.getByRole('switch', { name: 'Client version', exact: true });
    await pressOn(v, toggle, 'Space');
    await expect.poll(() => toggle.isChecked()).toBe(true);
    const md = (await markdown()).text;
    expect(md).not.toContain(PRIVATE_NOTE);
    expect(md).not.toContain('Notes (coach-private)');
    expect(md).toContain('Ask Priya to lead the planning kickoff');
    expect(md).toContain('Letting go is a skill, not a loss');
    await snap(v, 'flow-export-02-client-version');
  });
});

describe('importing a broken backup in Settings', () => {
  const importFile = (name: string, buffer: Buffer) =>
    v.ui.getByLabel('Import backup', { exact: true }).setInputFiles({ name, mimeType: 'application/gzip', buffer });

  it('refuses a truncated file with an alert, and nothing changes', async () => {
    const before = await storeSnapshot();
    expect(before.counts).toMatchObject({ clients: 1, sessions: 1, items: 5 });
    await pressOn(v, button(v, 'Settings'));
    await v.ui.getByRole('region', { name: 'Settings', exact: true }).waitFor();
    const whole = await exportedBackup(call);
    await importFile('holdspace-backup.jsonl.gz', whole.subarray(0, Math.floor(whole.length / 2)));
    const alert = v.ui.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/^This backup cannot be imported: .+ Nothing was imported\.$/);
    await alert.scrollIntoViewIfNeeded();
    await snap(v, 'flow-export-03-truncated-refused');
    expect(await storeSnapshot()).toEqual(before);
    const clients = await callApi<{ name: string }[]>(v.ui, 'listClients');
    expect(clients.map((c) => c.name)).toEqual(['Jordan Rivera']);
  });

  it('refuses a file with <script> in a name and duplicate ids, shows the name as text, and nothing changes', async () => {
    const before = await storeSnapshot();
    await importFile('hostile.jsonl.gz', await hostileBackup(call));
    const alert = v.ui.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('share the id');
    expect(await alert.textContent()).toMatch(/^This backup cannot be imported: two clients share the id .+ Nothing was imported\.$/);
    expect(
      await v.ui.evaluate(() => ({
        pwned: 'pwned' in window || '__hsPwned' in window,
        scripts: document.querySelectorAll('body script').length,
      })),
    ).toEqual({ pwned: false, scripts: 0 });
    await alert.scrollIntoViewIfNeeded();
    await snap(v, 'flow-export-04-hostile-refused');
    expect(await storeSnapshot()).toEqual(before);
    expect((await callApi<unknown[]>(v.ui, 'listClients')).length).toBe(1);
    expect(errors(), errors().join('\n')).toEqual([]);
  });
});

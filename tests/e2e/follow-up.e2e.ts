/**
 * The follow-up session in the side panel page: last time's commitments come up first under "Prior
 * commitments", their reviews survive a reload, and a carried-forward one is still open the session after.
 */
import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { viewSuite } from './harness/suite';
import { button, captureCommitment, dayFromNow, endSession, openPanel, pressOn, reload, snap, startSession } from './harness/coach';

const CLIENT = 'Jordan Rivera';
const COMMITMENTS = [
  { text: 'Ask Priya to lead the planning kickoff', due: dayFromNow(10), howWillYouKnow: 'Calendar invite sent' },
  { text: 'Block two evenings free', due: dayFromNow(7), howWillYouKnow: 'Shared calendar shows them' },
  { text: 'Write the handover note', due: dayFromNow(14) },
];
const [DONE, CARRIED, UNTOUCHED] = COMMITMENTS.map((c) => c.text) as [string, string, string];
const CARRY_NOTE = 'Moved to January, after the reorg';

const { v, errors } = viewSuite('flow-follow', (browser) => openPanel(browser.context, browser.extensionId));

const prior = () => v.ui.getByRole('region', { name: 'Prior commitments', exact: true });
const priorEntry = (text: string): Locator => prior().getByRole('listitem').filter({ hasText: text });
const statusGroup = (text: string) => priorEntry(text).getByRole('group', { name: 'Status', exact: true });
/** The status pressed on a commitment's card, or '' when not reviewed in this session. */
const statusOf = async (text: string) => (await statusGroup(text).locator('button[aria-pressed="true"]').allTextContents()).join('');
const STATUS = (label: string, key: string) => `${label}${key}`;
const priorTexts = () => prior().locator('.commitment__what').allTextContents();

/** From the summary back to the client picker, then the next session for the same client. */
async function nextSession() {
  await pressOn(v, button(v, 'Close summary'));
  await startSession(v, CLIENT);
}

describe('a follow-up session in the side panel', () => {
  it('has a first session with three commitments, ended', async () => {
    await startSession(v, CLIENT);
    // A first session offers nothing to review.
    expect(await prior().count()).toBe(0);
    for (const c of COMMITMENTS) await captureCommitment(v, c);
    await snap(v, 'flow-follow-01-first-session');
    const summary = await endSession(v);
    // In the wide panel (1280 px) the summary keeps a reading measure instead of running the full width.
    const { width } = (await summary.boundingBox())!;
    expect(width, 'summary width in the wide panel').toBeLessThanOrEqual(720);
  });

  it('lists last time\'s commitments under "Prior commitments" in the next session', async () => {
    await nextSession();
    await prior().waitFor();
    expect((await priorTexts()).sort()).toEqual([...COMMITMENTS.map((c) => c.text)].sort());
    // Due soonest first, with how the coach would know.
    expect(await priorTexts()).toEqual([CARRIED, DONE, UNTOUCHED]);
    expect(await priorEntry(DONE).textContent()).toContain('Calendar invite sent');
    const buttons = statusGroup(DONE).getByRole('button');
    expect(await buttons.evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-keyshortcuts')))).toEqual(['d', 'p', 'n', 'x', 'f']);
    await snap(v, 'flow-follow-02-prior');
  });

  it('records "Done" on one and "Carried forward" with a note on another', async () => {
    await pressOn(v, statusGroup(DONE).getByRole('button', { name: 'Done', exact: true }));
    await pressOn(v, statusGroup(CARRIED).getByRole('button', { name: 'Carried forward', exact: true }));
    const note = priorEntry(CARRIED).getByRole('textbox', { name: 'Review note', exact: true });
    await note.focus();
    await v.page.keyboard.type(CARRY_NOTE);
    await v.page.keyboard.press('Tab'); // leaving the note saves it at once
    await expect.poll(() => prior().textContent()).toContain('2 of 3 reviewed');
    await snap(v, 'flow-follow-03-reviewed');
  });

  it('keeps the reviews after a reload', async () => {
    await reload(v);
    await prior().waitFor();
    // The note was saved on leaving it, just before the reload: the reloaded list may be read before that
    // write lands, and takes it up from the change event that follows.
    await expect.poll(() => statusOf(DONE)).toBe(STATUS('Done', 'd'));
    await expect.poll(() => statusOf(CARRIED)).toBe(STATUS('Carried forward', 'f'));
    await expect.poll(() => priorEntry(CARRIED).getByRole('textbox', { name: 'Review note', exact: true }).inputValue()).toBe(CARRY_NOTE);
    await expect.poll(() => prior().textContent()).toContain('2 of 3 reviewed');
    expect(await statusOf(UNTOUCHED)).toBe('');
    await snap(v, 'flow-follow-04-after-reload');
  });

  it('shows the reviews in the summary, and the carried-forward commitment is still open the session after', async () => {
    const summary = await endSession(v);
    const reviewed = () => summary.textContent();
    await expect.poll(reviewed).toContain('New status: Done'); // the session loads after the summary shows
    await expect.poll(reviewed).toContain(`New status: Carried forward — ${CARRY_NOTE}`);

    await nextSession();
    await prior().waitFor();
    expect((await priorTexts()).sort()).toEqual([CARRIED, UNTOUCHED].sort());
    expect(await priorEntry(CARRIED).getByRole('list', { name: 'Earlier reviews' }).textContent()).toContain(
      `Carried forward — ${CARRY_NOTE}`,
    );
    expect(await statusOf(CARRIED)).toBe(''); // not yet reviewed in this session
    await snap(v, 'flow-follow-05-session-after');
    expect(errors(), errors().join('\n')).toEqual([]);
  });
});

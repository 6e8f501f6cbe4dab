/**
 * Across the engagement (issue 11, items 1 and 2), in Chromium: a three-session engagement built as a coach
 * builds it — the agreement and a goal set under "Clients", each session's contract linked to the goal,
 * commitments made and reviewed across sessions with different outcomes. Before the third session the
 * "Prepare" card shows where the engagement is, last time, what is up for review (one overdue), the pattern
 * and an opening question; the "Engagement" region shows the goal with its sessions, the follow-through
 * chart (its figures in words) and table, and the sessions, each opening read-only. Screenshots of the
 * prepare card and the engagement in the wide panel and the 360 px overlay, in the dark and light schemes.
 */
import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { api } from './harness/api';
import { prefersDark } from './harness/axe';
import { MEET_CALL } from './harness/browser';
import { viewSuite } from './harness/suite';
import {
  button,
  capture,
  captureCommitment,
  dayFromNow,
  endSession,
  fillContract,
  isFocused,
  openOverlay,
  openPanel,
  pressOn,
  snap,
  startSession,
  typeInto,
  type View,
} from './harness/coach';

const CLIENT = 'Riley Chen';
const GOAL = 'Lead the team with calm';
const MEASURE = 'Team pulse survey above 4 by March';
const BELIEF = 'I have to do it all myself';
const [A, B, C, D, E] = [
  'Hand the weekly report to Sam',
  'Say no to one extra meeting',
  'Ask Priya for feedback on the offsite plan',
  'Draft a delegation map',
  'Book the skip-level one-to-ones',
];

const suite = viewSuite('engagement', (browser) => openPanel(browser.context, browser.extensionId));
const { v, errors } = suite;

const prepare = (view: View = v) => view.ui.getByRole('region', { name: 'Prepare', exact: true });
const engagement = (view: View = v) => view.ui.getByRole('region', { name: 'Engagement', exact: true });
const priorEntry = (text: string): Locator =>
  v.ui.getByRole('region', { name: 'Prior commitments', exact: true }).getByRole('listitem').filter({ hasText: text });
const review = (text: string, status: string) =>
  pressOn(v, priorEntry(text).getByRole('group', { name: 'Status', exact: true }).getByRole('button', { name: status, exact: true }));

/** Picks the client in "Who are you coaching?" (the Prepare card shows) without starting. */
async function pick(view: View) {
  await view.ui.getByRole('combobox', { name: 'Client', exact: true }).fill('');
  await typeInto(view, view.ui.getByRole('combobox', { name: 'Client', exact: true }), CLIENT);
  await view.page.keyboard.press('Enter');
  await prepare(view).waitFor();
}

/** A session for the client, its contract linked to the goal. */
async function session(topic: string, outcome: string) {
  await v.ui.getByRole('combobox', { name: 'Client', exact: true }).fill('');
  await startSession(v, CLIENT);
  await fillContract(v, { Topic: topic, 'Desired outcome': outcome });
  await v.ui.getByRole('combobox', { name: 'Engagement goal', exact: true }).selectOption({ label: GOAL });
}

async function closeSummary() {
  await pressOn(v, button(v, 'Close summary'));
  await v.ui.getByRole('combobox', { name: 'Client', exact: true }).waitFor();
}

describe('an engagement of three sessions', () => {
  it('a first session: the Prepare card says what a first contract needs', async () => {
    await api(v.page, 'createClient', { input: { name: CLIENT } });
    await pick(v);
    await expect.poll(() => prepare().textContent()).toContain(`First session with ${CLIENT}.`);
    await snap(v, 'engagement-01-prepare-first-panel');
  });

  it('sets the agreement and a goal under "Clients", saved as typed', async () => {
    await pressOn(v, button(v, 'Clients'));
    const list = v.ui.getByRole('list', { name: 'Clients', exact: true });
    await pressOn(v, list.getByRole('button', { name: CLIENT, exact: true }));
    const region = engagement();
    await region.waitFor();
    // Focus lands on the first part of the plan still missing.
    const planned = region.getByRole('textbox', { name: 'Sessions planned', exact: true });
    await expect.poll(() => isFocused(planned)).toBe(true);
    await v.page.keyboard.type('six');
    await expect.poll(() => region.getByRole('status').first().textContent()).toContain('Write a whole number of sessions');
    await planned.fill('');
    await v.page.keyboard.type('6');
    await typeInto(v, region.getByRole('textbox', { name: 'Every how many weeks', exact: true }), '2');
    await typeInto(v, region.getByRole('textbox', { name: 'Start', exact: true }), 'today');
    await typeInto(v, region.getByRole('textbox', { name: 'Cancellation', exact: true }), '24 hours notice, or the session counts');
    await typeInto(v, region.getByRole('textbox', { name: 'New goal', exact: true }), GOAL);
    await v.page.keyboard.press('Enter');
    const goals = region.getByRole('list', { name: 'Engagement goals', exact: true });
    const goal = goals.getByRole('group', { name: GOAL, exact: true });
    await goal.waitFor();
    await typeInto(v, goal.getByRole('textbox', { name: 'How will we know', exact: true }), MEASURE);
    await v.page.keyboard.press('Tab');
    await expect
      .poll(async () => {
        const [client] = await api(v.page, 'listClients', {});
        return { engagement: client!.engagement, goals: client!.goals.map((g) => [g.text, g.measure, g.status]) };
      })
      .toMatchObject({
        engagement: {
          sessionsPlanned: 6,
          cadenceWeeks: 2,
          startedOn: dayFromNow(0),
          cancellation: '24 hours notice, or the session counts',
        },
        goals: [[GOAL, MEASURE, 'active']],
      });
    await pressOn(v, button(v, 'Close'));
  });

  it('session 1: linked to the goal, two commitments and a belief', async () => {
    await session('Delegation', 'One thing handed over this fortnight');
    await captureCommitment(v, { text: A, due: dayFromNow(7) });
    await captureCommitment(v, { text: B, due: dayFromNow(7) });
    await capture(v, 'Belief', BELIEF);
    await endSession(v);
    await closeSummary();
  });

  it('session 2: one done, one not done; two new commitments (one already overdue) and the belief again', async () => {
    await session('Feedback', 'A way to ask for feedback');
    await review(A, 'Done');
    await review(B, 'Not done');
    await captureCommitment(v, { text: C, due: dayFromNow(-1) });
    await captureCommitment(v, { text: D, due: dayFromNow(10) });
    await capture(v, 'Belief', BELIEF);
    await endSession(v);
    await closeSummary();
  });

  it('before session 3, the Prepare card: session 3 of 6, the goal, last time, what is up for review (overdue marked), patterns, an opening', async () => {
    await pick(v);
    const card = prepare();
    await expect.poll(() => card.textContent()).toContain('Session 3 of 6 · week 1 of the engagement');
    const text = (await card.textContent())!;
    expect(text).toContain(`${GOAL} — how we will know: ${MEASURE}`);
    expect(text).toContain('Feedback — wanted: A way to ask for feedback');
    expect(text).toContain('Follow-through lately: 1 of the last 2 done.');
    expect(text).toContain(`Heard in 2 sessions: ${BELIEF}`);
    expect(text).toMatch(/Open with: \S+/);
    const review = card.getByRole('listitem');
    expect((await review.allTextContents()).map((t) => t.replace(/ (overdue, )?by .*/, ''))).toEqual(expect.arrayContaining([B, C, D]));
    expect(await review.filter({ hasText: C }).textContent()).toContain('overdue, by');
    expect(await review.filter({ hasText: D }).textContent()).not.toContain('overdue');
    expect(await review.filter({ hasText: A }).count()).toBe(0); // done: off the table
    await snap(v, 'engagement-02-prepare-panel');
  });

  it('session 3: one partly done, one dropped, a new commitment', async () => {
    await pressOn(v, button(v, 'Start session'));
    await button(v, 'End session').waitFor();
    await fillContract(v, { Topic: 'The offsite', 'Desired outcome': 'A plan the team owns' });
    await v.ui.getByRole('combobox', { name: 'Engagement goal', exact: true }).selectOption({ label: GOAL });
    await review(C, 'Partly done');
    await review(D, 'Dropped');
    await captureCommitment(v, { text: E, due: dayFromNow(14) });
  });

  it('the client’s name in the strip opens the engagement: the goal with its sessions, the chart in words, the table, the sessions', async () => {
    await pressOn(v, v.ui.getByRole('banner').getByRole('button', { name: CLIENT, exact: true }));
    const region = engagement();
    await region.waitFor();
    const chart = region.getByRole('img', { name: /^Follow-through/ });
    await expect
      .poll(() => chart.getAttribute('aria-label'))
      .toBe('Follow-through: 5 commitments made over 3 sessions: 1 done, 1 partly done, 1 not done, 1 dropped, 1 still open.');
    await snap(v, 'engagement-03-engagement-panel-dark');
    await pressOn(v, region.getByText('Show the figures', { exact: true })); // the table sits behind this toggle
    const table = region.getByRole('table', { name: /^Follow-through/ });
    const cells = async (i: number) => (await table.locator('tbody tr').nth(i).locator('td').allTextContents()).join(' ');
    // Made, then done, partly, not done, dropped, carried forward, still open — one row per session, oldest first.
    expect([await cells(0), await cells(1), await cells(2)]).toEqual(['2 1 0 1 0 0 0', '2 0 1 0 1 0 0', '1 0 0 0 0 0 1']);
    const goal = region.getByRole('list', { name: 'Engagement goals', exact: true }).getByRole('group', { name: GOAL, exact: true });
    expect(await goal.textContent()).toMatch(/Sessions on this goal: session 1 on [^,]+, session 2 on [^,]+, session 3 on [^,]+\./);
    const rows = region.getByRole('button', { name: /^Open session:/ });
    expect(await rows.evaluateAll((bs) => bs.map((b) => b.textContent!.replace(/^Open session: [^,]+, /, '')))).toEqual([
      'The offsite',
      'Feedback',
      'Delegation',
    ]);
    expect(
      await region
        .getByRole('list', { name: 'Sessions, newest first' })
        .getByRole('listitem')
        .filter({ hasText: 'Delegation' })
        .textContent(),
    ).toContain('2 commitments made, 1 kept');
    await region.getByRole('heading', { name: 'Sessions, newest first' }).scrollIntoViewIfNeeded();
    await snap(v, 'engagement-04-engagement-panel-table-dark');

    // A session opens read-only, and Back returns to its row.
    await pressOn(v, rows.nth(1));
    await region.getByText('Read-only', { exact: true }).waitFor();
    await expect.poll(() => region.textContent()).toContain('A way to ask for feedback');
    expect(await region.getByRole('textbox').count()).toBe(0);
    await pressOn(v, region.getByRole('button', { name: 'Back to the engagement', exact: true }));
    await expect.poll(() => isFocused(rows.nth(1))).toBe(true);
    await v.page.keyboard.press('Escape');
    await expect.poll(() => region.count()).toBe(0);
    // Back to the work, focus where it continues (the session's work area, never the body).
    await expect.poll(() => v.ui.evaluate(() => document.activeElement?.closest('.work__main') !== null)).toBe(true);
  });

  it('in the light scheme too (panel)', async () => {
    await v.page.emulateMedia({ colorScheme: 'light' });
    expect(await prefersDark(v.ui)).toBe(false);
    await pressOn(v, v.ui.getByRole('banner').getByRole('button', { name: CLIENT, exact: true }));
    await engagement()
      .getByRole('img', { name: /^Follow-through/ })
      .waitFor();
    await snap(v, 'engagement-05-engagement-panel-light');
    await pressOn(v, button(v, 'Close'));
    await v.page.emulateMedia({ colorScheme: 'dark' });
  });

  it('the same in the 360 px overlay on the call, both schemes', async () => {
    await endSession(v);
    await closeSummary();
    const o = await openOverlay(suite.browser().context, MEET_CALL);
    await pick(o);
    await expect.poll(() => prepare(o).textContent()).toContain('Session 4 of 6');
    await snap(o, 'engagement-06-prepare-overlay-dark');
    await pressOn(o, button(o, 'Clients'));
    await pressOn(o, o.ui.getByRole('list', { name: 'Clients', exact: true }).getByRole('button', { name: CLIENT, exact: true }));
    const region = engagement(o);
    await region.getByRole('img', { name: /^Follow-through: 5 commitments/ }).waitFor();
    const width = await o.ui.evaluate(() => document.documentElement.clientWidth);
    expect(width).toBeLessThanOrEqual(400);
    // Nothing runs past the overlay's edge.
    expect(await o.ui.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await snap(o, 'engagement-07-engagement-overlay-dark');
    await region.getByRole('img', { name: /^Follow-through/ }).scrollIntoViewIfNeeded();
    await snap(o, 'engagement-08-engagement-overlay-chart-dark');
    await o.page.emulateMedia({ colorScheme: 'light' });
    expect(await prefersDark(o.ui)).toBe(false);
    await snap(o, 'engagement-09-engagement-overlay-chart-light');
    await pressOn(o, button(o, 'All clients'));
    await pressOn(o, button(o, 'Close clients'));
    await snap(o, 'engagement-10-prepare-overlay-light');
    expect(errors(), errors().join('\n')).toEqual([]);
  });
});

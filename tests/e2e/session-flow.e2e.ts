/**
 * A whole coaching session on the Meet fixture, through the overlay, by keyboard: client, contract,
 * deck, capture, timer, a reload mid-session that loses nothing, and the end with its summary. The call
 * page itself never sees a key or a word of it.
 */
import { describe, expect, it } from 'vitest';
import { MEET_CALL } from './harness/browser';
import { viewSuite } from './harness/suite';
import {
  button,
  capture,
  captureCommitment,
  capturedTexts,
  dayFromNow,
  endSession,
  fillContract,
  isFocused,
  openOverlay,
  openTab,
  pressOn,
  reload,
  snap,
  startSession,
  textbox,
  typeInto,
} from './harness/coach';

const CONTRACT = {
  Topic: 'Delegating the quarterly planning',
  'Desired outcome': 'A first step to hand planning to Priya',
  'Why it matters': 'Evenings back with family',
  'Success measures': 'Names one conversation to have this week',
};
const COMMITMENTS = [
  {
    text: 'Ask Priya to lead the planning kickoff',
    due: dayFromNow(10),
    howWillYouKnow: 'Calendar invite sent',
    support: 'Template from last quarter',
  },
  { text: 'Block two evenings free', due: dayFromNow(7), howWillYouKnow: 'Shared calendar shows them' },
  { text: 'Write the handover note', due: dayFromNow(14), howWillYouKnow: 'Note in the team drive', support: 'Ask Sam to review' },
];
const OWN_QUESTION = 'What would Priya need from you to say yes?';
const DRAFT = 'Half a thought about mentoring';
/** Words typed into the overlay that the call page must never learn. */
const SECRET_WORDS = [
  'Delegating',
  'Priya',
  'Evenings',
  'conversation',
  'kickoff',
  'handover',
  'relieved',
  'responsible',
  'apart',
  'mentoring',
];

const { v, errors } = viewSuite('flow', (browser) => openOverlay(browser.context, MEET_CALL));

const seconds = (clock: string) =>
  clock
    .split(':')
    .map(Number)
    .reduce((total, n) => total * 60 + n, 0);
const timerSeconds = async () => seconds((await v.ui.getByRole('timer', { name: 'Session timer', exact: true }).textContent()) ?? '');

/** The call page saw no key and no input event, and its DOM holds none of the typed words. */
async function expectPageSawNothing() {
  expect(await v.page.evaluate(() => (window as unknown as { __seen: unknown }).__seen)).toEqual({ keys: [], inputs: [] });
  const html = await v.page.evaluate(() => document.documentElement.outerHTML);
  for (const word of SECRET_WORDS) expect(html, `the call page's DOM contains "${word}"`).not.toContain(word);
}

describe('a whole session in the overlay on Meet', () => {
  it('creates the client by typing a new name and starts the session', async () => {
    await startSession(v, 'Jordan Rivera');
    await expect.poll(() => v.ui.getByRole('banner').textContent()).toContain('Jordan Rivera');
    await snap(v, 'flow-01-started');
  });

  it('fills the contract and checks in against it', async () => {
    await textbox(v, 'Topic').focus();
    await openTab(v, 'Contract'); // Alt+1: the coach's choice of tab, so focus changes below do not move it
    await fillContract(v, CONTRACT);
    await pressOn(v, v.ui.getByRole('radio', { name: 'Out-of-session work', exact: true }), 'Space');
    await pressOn(v, v.ui.getByRole('checkbox', { name: 'Confidentiality agreed', exact: true }), 'Space');
    expect(await v.ui.getByRole('radio', { name: 'Out-of-session work', exact: true }).isChecked()).toBe(true);
    expect(await v.ui.getByRole('checkbox', { name: 'Confidentiality agreed', exact: true }).isChecked()).toBe(true);
    await snap(v, 'flow-02-contract');
    await pressOn(v, button(v, 'Show contract card'));
    await pressOn(v, button(v, 'Contract check-in'));
    // The check-in asks with the contract in view; focus is on "Still on track".
    await expect.poll(() => isFocused(button(v, 'Still on track'))).toBe(true);
    await v.page.keyboard.press('Enter');
    await expect.poll(() => v.ui.getByRole('article').textContent()).toContain('Checked in once');
    await expect.poll(() => v.ui.getByRole('banner').textContent()).toContain(CONTRACT['Desired outcome']);
    await snap(v, 'flow-03-contract-card');
  });

  it('uses the deck: a stage, search, mark asked, favourite, and an own question', async () => {
    await openTab(v, 'Deck');
    const stages = v.ui.getByRole('tablist', { name: 'Stages', exact: true });
    await pressOn(v, stages.getByRole('tab', { selected: true }), 'ArrowRight');
    await v.page.keyboard.press('ArrowRight');
    await expect.poll(() => stages.getByRole('tab', { name: 'Reality', exact: true }).getAttribute('aria-selected')).toBe('true');

    // By its idea, not only its wording: "anything else" finds "What else?", its matching words marked.
    await typeInto(v, v.ui.getByRole('searchbox', { name: 'Search questions', exact: true }), 'anything else');
    const results = v.ui.getByRole('list', { name: 'Matching questions', exact: true });
    const whatElse = results
      .getByRole('listitem')
      .filter({ hasText: /^[A-Za-z& ]*What else\?/ })
      .first(); // the stage chip, then exactly "What else?"
    await whatElse.waitFor();
    expect(await whatElse.locator('mark').allTextContents()).toEqual(['What else']);
    const asked = whatElse.getByRole('button', { name: 'Mark asked', exact: true });
    const favourite = whatElse.getByRole('button', { name: 'Favourite', exact: true });
    await pressOn(v, asked);
    await pressOn(v, favourite);
    await expect.poll(() => asked.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => favourite.getAttribute('aria-pressed')).toBe('true');
    await snap(v, 'flow-04-deck-search');

    await v.ui.getByRole('searchbox', { name: 'Search questions', exact: true }).fill('');
    await typeInto(v, textbox(v, 'New question'), OWN_QUESTION);
    await v.page.keyboard.press('Enter'); // submits "Add question"
    await v.ui.getByRole('list', { name: 'Reality questions', exact: true }).getByText(OWN_QUESTION).waitFor();
    await expect.poll(() => textbox(v, 'New question').inputValue()).toBe('');
    // A row's actions stay on one line: focusing one (which brings Hide, or Edit and Delete) keeps its height.
    const reality = v.ui.getByRole('list', { name: 'Reality questions', exact: true }).getByRole('listitem');
    for (const row of [reality.filter({ hasNotText: OWN_QUESTION }).first(), reality.filter({ hasText: OWN_QUESTION })]) {
      const before = (await row.boundingBox())!.height;
      await row.getByRole('button', { name: 'Favourite', exact: true }).focus();
      expect((await row.boundingBox())!.height, 'row height with an action focused').toBe(before);
    }
    await snap(v, 'flow-05-deck-own-question');
  });

  it('captures several commitments with their details, a note, an insight and a belief', async () => {
    await openTab(v, 'Capture'); // Alt+3 also focuses the field
    for (const c of COMMITMENTS) await captureCommitment(v, c);
    await capture(v, 'Note', 'Sounded relieved when naming Priya');
    await capture(v, 'Insight', 'Holding on feels like being responsible');
    await capture(v, 'Belief', 'If I let go it will fall apart');
    const texts = await capturedTexts(v);
    expect(texts).toHaveLength(6);
    expect(texts[0]).toBe('If I let go it will fall apart'); // newest first
    const first = v.ui.getByRole('listitem').filter({ hasText: COMMITMENTS[0]!.text });
    expect(await first.textContent()).toContain('Calendar invite sent');
    expect(await first.textContent()).toContain('Template from last quarter');
    await snap(v, 'flow-06-captured');
  });

  it('starts, pauses, resumes the timer and changes the session length', async () => {
    const clock = v.ui.getByRole('timer', { name: 'Session timer', exact: true });
    await pressOn(v, button(v, 'Start timer'));
    await button(v, 'Pause timer').waitFor();
    await pressOn(v, button(v, 'Pause timer'));
    await button(v, 'Resume timer').waitFor();
    const paused = await clock.textContent();
    await v.page.waitForTimeout(1_200); // a paused clock must not move: waiting is the point here
    expect(await clock.textContent()).toBe(paused);
    await pressOn(v, button(v, 'Resume timer'));
    await button(v, 'Pause timer').waitFor();

    const length = v.ui.getByRole('spinbutton', { name: 'Session length (minutes)', exact: true });
    await length.focus();
    await v.page.keyboard.press('Control+A');
    await v.page.keyboard.type('45');
    await v.page.keyboard.press('Tab'); // commits on change
    // Wait for the new length (the old 60 min would already pass "more than 44 min"), then check the floor.
    await expect.poll(timerSeconds, { message: 'the clock shows the new length' }).toBeLessThanOrEqual(45 * 60);
    expect(await timerSeconds()).toBeGreaterThan(44 * 60);
    await expect.poll(timerSeconds, { message: 'the clock counts down' }).toBeLessThan(await timerSeconds());
    // The phase words fit beside the digits at 360 px: nothing cut off with an ellipsis.
    const clipped = await v.ui
      .locator('.timer__words > :not(.visually-hidden)')
      .evaluateAll((els) => els.filter((e) => e.getClientRects().length > 0 && e.scrollWidth > e.clientWidth).map((e) => e.textContent));
    expect(clipped, 'timer words cut off').toEqual([]);
    await snap(v, 'flow-07-timer');
  });

  it('loses nothing on a reload mid-session: session, contract, draft, deck tab and timer', async () => {
    await openTab(v, 'Capture');
    await v.page.keyboard.type(DRAFT); // not added
    await openTab(v, 'Deck');
    await expectPageSawNothing();
    const before = await timerSeconds();
    const at = Date.now();
    await reload(v); // at once: the draft's autosave has not fired yet, the page-hide flush must save it

    await button(v, 'End session').waitFor();
    await expect.poll(() => v.ui.getByRole('tab', { name: 'Deck', exact: true }).getAttribute('aria-selected')).toBe('true');
    const stages = v.ui.getByRole('tablist', { name: 'Stages', exact: true });
    await expect.poll(() => stages.getByRole('tab', { name: 'Reality', exact: true }).getAttribute('aria-selected')).toBe('true');
    await v.ui.getByRole('list', { name: 'Reality questions', exact: true }).getByText(OWN_QUESTION).waitFor();
    await button(v, 'Pause timer').waitFor(); // still running
    const after = await timerSeconds();
    const passed = (Date.now() - at) / 1000;
    expect(after).toBeLessThanOrEqual(before);
    expect(after).toBeGreaterThanOrEqual(before - passed - 2);
    await snap(v, 'flow-08-after-reload-deck');

    await v.ui.getByRole('tab', { name: 'Deck', exact: true }).focus();
    await openTab(v, 'Capture');
    await expect.poll(() => textbox(v, 'Capture').inputValue()).toBe(DRAFT);
    await expect.poll(() => capturedTexts(v), { message: 'the captured list loads apart from the draft' }).toHaveLength(6);
    await openTab(v, 'Contract');
    const card = v.ui.getByRole('article');
    for (const text of Object.values(CONTRACT)) await expect.poll(() => card.textContent()).toContain(text);
    expect(await card.textContent()).toContain('Checked in once');
    await snap(v, 'flow-09-after-reload-contract');
  });

  it('ends the session after confirming and shows the summary; the page saw nothing throughout', async () => {
    const summary = await endSession(v);
    const read = () => summary.getByRole('textbox').evaluateAll((els) => els.map((el) => (el as HTMLTextAreaElement).value));
    await expect.poll(read).toEqual(expect.arrayContaining(COMMITMENTS.map((c) => c.text))); // items load after the summary shows
    expect(await read()).not.toContain(DRAFT);
    expect(await summary.textContent()).toContain('What else?'); // questions asked
    expect(await summary.textContent()).toContain(CONTRACT.Topic);
    await snap(v, 'flow-10-summary');
    await expectPageSawNothing();
    expect(errors(), errors().join('\n')).toEqual([]);
  });
});

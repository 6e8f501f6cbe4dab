/** The short in-call flow on the Zoom web client fixture: client, contract topic, one commitment, end. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, watchErrors, ZOOM_CALL, type Launched } from './harness/browser';
import {
  captureCommitment,
  dayFromNow,
  endSession,
  fillContract,
  openOverlay,
  openTab,
  snap,
  startSession,
  textbox,
} from './harness/coach';

let browser: Launched;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.dispose();
});

describe('the overlay on a Zoom web call', () => {
  it('runs a short session from client to summary, and Zoom sees none of it', async () => {
    const v = await openOverlay(browser.context, ZOOM_CALL);
    const errors = watchErrors(v.page);
    await startSession(v, 'Sam Okafor');
    await snap(v, 'flow-zoom-01-started');

    await textbox(v, 'Topic').focus();
    await openTab(v, 'Contract');
    await fillContract(v, { Topic: 'Saying no to the board request' });
    await expect.poll(() => v.ui.getByRole('banner').textContent()).toContain('Sam Okafor');

    await openTab(v, 'Capture');
    const due = dayFromNow(5);
    await captureCommitment(v, { text: 'Draft the reply to the board chair', due, howWillYouKnow: 'Reply sent by Friday' });
    await snap(v, 'flow-zoom-02-captured');

    const summary = await endSession(v);
    const wordings = () => summary.getByRole('textbox').evaluateAll((els) => els.map((el) => (el as HTMLTextAreaElement).value));
    await expect.poll(wordings).toContain('Draft the reply to the board chair'); // items load after the summary shows
    const text = await summary.textContent();
    expect(text).toContain('Saying no to the board request');
    expect(text).toContain('Reply sent by Friday');
    await snap(v, 'flow-zoom-03-summary');

    const html = await v.page.evaluate(() => document.documentElement.outerHTML);
    for (const word of ['Saying no', 'chair', 'Friday']) expect(html).not.toContain(word); // the client's name is on Zoom's own tile
    expect(await v.page.evaluate(() => (window as unknown as { __seen: unknown }).__seen)).toEqual({ keys: [], inputs: [] });
    expect(errors, errors.join('\n')).toEqual([]);
  });
});

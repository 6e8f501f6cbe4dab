/**
 * axe-core in Chromium on both views, the overlay frame on Meet and the side panel page, in the main
 * states (no client; a running session's contract, deck, capture and search; the overlay collapsed to its
 * pill; prior commitments; summary; settings; the Prepare card, the clients list and a client's engagement),
 * in the dark and the light colour scheme. Zero violations,
 * colour contrast included.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { axeViolations, prefersDark } from './harness/axe';
import { launch, MEET_CALL, screenshot, type Launched } from './harness/browser';
import {
  button,
  capture,
  captureCommitment,
  dayFromNow,
  endSession,
  fillContract,
  openOverlay,
  openPanel,
  openTab,
  pressOn,
  snap,
  startSession,
  textbox,
  typeInto,
  type View,
} from './harness/coach';

describe.each(['dark', 'light'] as const)('accessibility in the %s colour scheme', (scheme) => {
  let browser: Launched;
  let overlay: View;
  let panel: View;
  beforeAll(async () => {
    browser = await launch({ colorScheme: scheme });
    overlay = await openOverlay(browser.context, MEET_CALL);
    panel = await openPanel(browser.context, browser.extensionId);
  });
  afterAll(async () => {
    await browser?.dispose();
  });

  /** Brings the view to the front (a hidden tab paints nothing), keeps a screenshot, and runs axe. */
  async function expectNoViolations(v: View, state: string) {
    await v.page.bringToFront();
    expect(await prefersDark(v.ui), 'the scheme reaches the document').toBe(scheme === 'dark');
    await snap(v, `a11y-${scheme}-${state}`);
    const violations = await axeViolations(v.ui);
    expect(violations, `${state}:\n${violations.join('\n')}`).toEqual([]);
  }

  /** The summary region shows at once; its session loads after. */
  const summaryLoaded = (summary: Locator) => summary.getByRole('button', { name: 'Download Markdown', exact: true }).waitFor();

  it('has none with no client yet', async () => {
    await expectNoViolations(overlay, 'overlay-no-client');
    await expectNoViolations(panel, 'panel-no-client');
  });

  it('has none on "Due this week" (empty, in the overlay) and on the engagement report buttons', async () => {
    await overlay.page.bringToFront();
    await pressOn(overlay, button(overlay, 'Due this week'));
    await overlay.ui
      .getByRole('region', { name: 'Due this week', exact: true })
      .getByText(/^Nothing due/)
      .waitFor();
    await expectNoViolations(overlay, 'overlay-due-empty');
    await pressOn(overlay, button(overlay, 'Due this week'));
  });

  it('has none in a running session: contract, contract card, deck, capture and search', async () => {
    await overlay.page.bringToFront();
    await startSession(overlay, 'Jordan Rivera');
    await textbox(overlay, 'Topic').focus();
    await openTab(overlay, 'Contract');
    await fillContract(overlay, { Topic: 'Delegating the planning', 'Desired outcome': 'A first step' });
    await expectNoViolations(overlay, 'overlay-contract');
    await pressOn(overlay, button(overlay, 'Show contract card'));
    await pressOn(overlay, button(overlay, 'Contract check-in'));
    await expectNoViolations(overlay, 'overlay-contract-check-in');
    await pressOn(overlay, button(overlay, 'Still on track'));
    await overlay.ui
      .getByRole('article')
      .getByText(/^Checked in once/)
      .waitFor(); // recorded through the worker
    await expectNoViolations(overlay, 'overlay-contract-card');

    await openTab(overlay, 'Deck');
    await pressOn(overlay, overlay.ui.getByRole('button', { name: 'Favourite', exact: true }).first());
    await pressOn(overlay, overlay.ui.getByRole('button', { name: 'Mark asked', exact: true }).first());
    // Both show pressed once their writes come back: axe checks the pressed look.
    await overlay.ui.getByRole('button', { name: 'Favourite', exact: true, pressed: true }).first().waitFor();
    await overlay.ui.getByRole('button', { name: 'Mark asked', exact: true, pressed: true }).first().waitFor();
    await expectNoViolations(overlay, 'overlay-deck');

    await openTab(overlay, 'Capture');
    await captureCommitment(overlay, {
      text: 'Ask Priya to lead the kickoff',
      due: dayFromNow(-2),
      howWillYouKnow: 'Invite sent',
      support: 'Template',
    });
    await captureCommitment(overlay, { text: 'Block two evenings', due: dayFromNow(5) });
    await capture(overlay, 'Note', 'Sounded relieved');
    await capture(overlay, 'Belief', 'If I let go it falls apart');
    await capture(overlay, 'Commitment', 'Write the handover');
    await overlay.page.keyboard.type('Half-typed commitment'); // the commitment's fields stay open
    await expectNoViolations(overlay, 'overlay-capture');

    await openTab(overlay, 'Search');
    await overlay.page.keyboard.type('Pri');
    await overlay.ui
      .getByRole('list', { name: 'Search results', exact: true })
      .getByRole('listitem')
      .filter({ hasText: 'Priya' })
      .first()
      .waitFor();
    await expectNoViolations(overlay, 'overlay-search');
    await expectNoViolations(panel, 'panel-session');
  });

  it('has none with the overlay collapsed to its pill', async () => {
    await overlay.page.bringToFront();
    await pressOn(overlay, button(overlay, 'Hide panel'));
    await button(overlay, 'Show panel').waitFor();
    await expectNoViolations(overlay, 'overlay-pill');
    await pressOn(overlay, button(overlay, 'Show panel'));
    await button(overlay, 'End session').waitFor();
  });

  it('has none on the summary and in settings, in both views', async () => {
    await overlay.page.bringToFront();
    await summaryLoaded(await endSession(overlay));
    await expectNoViolations(overlay, 'overlay-summary');
    await pressOn(overlay, button(overlay, 'Settings'));
    await overlay.ui.getByRole('region', { name: 'Settings', exact: true }).waitFor();
    await expectNoViolations(overlay, 'overlay-settings');

    // The next session, in the panel: prior commitments (one overdue), then its own summary and settings.
    await panel.page.bringToFront();
    await startSession(panel, 'Jordan Rivera');
    await panel.ui.getByRole('region', { name: 'Prior commitments', exact: true }).waitFor();
    await typeInto(panel, panel.ui.getByRole('searchbox', { name: 'Search everything', exact: true }), 'kick');
    await panel.ui
      .getByRole('list', { name: 'Search results', exact: true })
      .getByRole('listitem')
      .filter({ hasText: 'kickoff' })
      .first()
      .waitFor();
    await screenshot(panel.page, 'a11y-panel-search-marked');
    await expectNoViolations(panel, 'panel-prior-and-search');
    await pressOn(overlay, button(overlay, 'Close settings'));
    await openTab(overlay, 'Prior commitments'); // its tab shows a count of what is left to review
    await expectNoViolations(overlay, 'overlay-prior');
    await summaryLoaded(await endSession(panel));
    await expectNoViolations(panel, 'panel-summary');
    await pressOn(panel, button(panel, 'Settings'));
    await panel.ui.getByRole('region', { name: 'Settings', exact: true }).waitFor();
    await expectNoViolations(panel, 'panel-settings');
  });

  it('has none on the Prepare card, the clients list and the engagement, in both views', async () => {
    await pressOn(panel, button(panel, 'Close settings'));
    for (const [v, name] of [
      [overlay, 'overlay'],
      [panel, 'panel'],
    ] as const) {
      await v.page.bringToFront();
      const client = v.ui.getByRole('combobox', { name: 'Client', exact: true });
      await client.fill('');
      await typeInto(v, client, 'Jordan Rivera');
      await v.page.keyboard.press('Enter');
      await v.ui.getByRole('region', { name: 'Prepare', exact: true }).getByText('Up for review', { exact: true }).waitFor();
      await expectNoViolations(v, `${name}-prepare`);
      await pressOn(v, button(v, 'Clients'));
      const list = v.ui.getByRole('list', { name: 'Clients', exact: true });
      await expectNoViolations(v, `${name}-clients`);
      await pressOn(v, list.getByRole('button', { name: 'Jordan Rivera', exact: true }));
      const region = v.ui.getByRole('region', { name: 'Engagement', exact: true });
      await region.getByRole('img', { name: /^Follow-through/ }).waitFor();
      await pressOn(v, region.getByText('Show the figures', { exact: true }));
      await expectNoViolations(v, `${name}-engagement`);
      await pressOn(v, button(v, 'Close'));
    }
  });

  it('has none on "Due this week" with commitments and on the engagement report buttons, in both views', async () => {
    /** Back to the client picker from wherever the view is (settings, a summary). */
    const toPicker = async (v: View) => {
      await v.page.bringToFront();
      if (await button(v, 'Close settings').count()) await pressOn(v, button(v, 'Close settings'));
      if (await button(v, 'Close summary').count()) await pressOn(v, button(v, 'Close summary'));
      await button(v, 'Due this week').waitFor();
    };
    for (const [v, name] of [
      [panel, 'panel'],
      [overlay, 'overlay'],
    ] as const) {
      await toPicker(v);
      await pressOn(v, button(v, 'Due this week'));
      const due = v.ui.getByRole('region', { name: 'Due this week', exact: true });
      await due.locator('[data-review-card]').filter({ hasText: 'Ask Priya to lead the kickoff' }).waitFor();
      await v.page.keyboard.press('p'); // focus is on the first card: a status recorded between sessions
      await due.getByRole('button', { name: 'Partly done', pressed: true }).first().waitFor();
      await expectNoViolations(v, `${name}-due`);
      await pressOn(v, button(v, 'Due this week'));
    }
    await panel.page.bringToFront();
    await pressOn(panel, button(panel, 'Clients'));
    await pressOn(
      panel,
      panel.ui.getByRole('list', { name: 'Clients', exact: true }).getByRole('button', { name: 'Jordan Rivera', exact: true }),
    );
    await button(panel, 'Download engagement report').waitFor();
    await expectNoViolations(panel, 'panel-report-buttons');
  });
});

/**
 * A short coaching session by pointer, for the privacy tests: choose the client, contract, capture, end,
 * export. (The keyboard-only path through the same steps lives in tests/e2e/harness/coach.ts.)
 */
import { readFileSync } from 'node:fs';
import type { Frame, Locator, Page } from 'playwright-core';
import { captureBox, capturedList, contractBox, retype } from './fields';

type Ui = Frame | Page;

/** Types the client's name (a new client is created) and starts the session. */
export async function startByName(ui: Ui, clientName: string): Promise<void> {
  await ui.getByRole('combobox', { name: 'Client', exact: true }).fill(clientName);
  await ui.getByRole('button', { name: 'Start session', exact: true }).click();
  await ui.getByRole('button', { name: 'End session', exact: true }).waitFor();
}

export async function writeOutcome(ui: Ui, text: string): Promise<void> {
  const box = await contractBox(ui, 'Desired outcome');
  await retype(box, text);
  await box.blur(); // saves at once
}

/** Adds each text as a capture of the kind selected (a note unless told), waiting until it is listed. */
export async function addCaptures(ui: Ui, texts: string[], kind?: 'Commitment' | 'Note' | 'Insight' | 'Belief' | 'Inquiry'): Promise<void> {
  const box = await captureBox(ui);
  if (kind) await ui.getByRole('radio', { name: kind, exact: true }).check({ force: true }); // the input sits under its label
  for (const text of texts) {
    await box.fill(text);
    await box.press('Enter');
    await capturedList(ui).getByText(text, { exact: true }).first().waitFor();
  }
}

/** "End session", confirmed; resolves with the summary region. */
export async function endSession(ui: Ui): Promise<Locator> {
  await ui.getByRole('button', { name: 'End session', exact: true }).click();
  await ui.getByRole('dialog').getByRole('button', { name: 'End session now', exact: true }).click();
  const summary = ui.getByRole('region', { name: 'Session summary', exact: true });
  await summary.waitFor();
  return summary;
}

/** Presses an export button on the summary and returns the downloaded file's text. */
export async function downloadFrom(page: Page, ui: Ui, button: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), ui.getByRole('button', { name: button, exact: true }).click()]);
  const path = await file.path();
  if (!path) throw new Error(`The ${button} download failed: ${await file.failure()}`);
  return readFileSync(path, 'utf8');
}

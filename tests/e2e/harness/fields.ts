/**
 * The capture and contract fields of a running session, reached by clicking (hostile-condition tests do
 * not care how the coach got there; tests/e2e/harness/coach.ts has the keyboard paths).
 */
import type { Frame, Locator, Page } from 'playwright-core';

type Ui = Frame | Page;
export type TabName = 'Contract' | 'Deck' | 'Capture' | 'Prior commitments' | 'Search';

export type FieldName = 'Capture' | 'Topic' | 'Desired outcome' | 'Why it matters' | 'Success measures';

/** A field's own "Saved" tick, found by CSS so it is found while its pane is hidden behind another tab. */
function savedTick(ui: Ui, name: FieldName): Locator {
  if (name === 'Capture') return ui.locator('.hs-capture__form .saved-tick--done');
  const label = ui.locator('label.field__label').getByText(name, { exact: true });
  return ui.locator('.field').filter({ has: label }).locator('.saved-tick--done');
}

/**
 * Waits, pressing nothing, until each named field shows its "Saved" tick (its autosave reached the store).
 * The 300 ms autosave plus one store round trip must fit well inside `withinMs` of the call.
 */
export async function autosaved(ui: Ui, names: FieldName[], withinMs = 1000): Promise<void> {
  const deadline = Date.now() + withinMs;
  for (const name of names) await savedTick(ui, name).waitFor({ state: 'attached', timeout: Math.max(1, deadline - Date.now()) });
}

/**
 * Shows a work-area tab; a no-op in the wide side panel, where every pane shows at once. Decided by the
 * layout, not by whether the tab is there yet: a tab can come a moment later (Prior commitments shows once
 * its list has loaded), and is then waited for.
 */
export async function showTab(ui: Ui, name: TabName): Promise<void> {
  if ((await ui.locator('.app').first().getAttribute('data-wide')) !== null) return;
  const tab = ui.getByRole('tab', { name, exact: true });
  await tab.click();
  await ui.getByRole('tab', { name, exact: true, selected: true }).waitFor();
}

export async function captureBox(ui: Ui): Promise<Locator> {
  await showTab(ui, 'Capture');
  const box = ui.getByRole('textbox', { name: 'Capture', exact: true });
  await box.waitFor();
  return box;
}

/** A contract text field, opening the form when the contract shows as its compact card. */
export async function contractBox(ui: Ui, name: 'Topic' | 'Desired outcome' | 'Why it matters' | 'Success measures'): Promise<Locator> {
  await showTab(ui, 'Contract');
  const box = ui.getByRole('textbox', { name, exact: true });
  const edit = ui.getByRole('button', { name: 'Edit contract', exact: true });
  await box.or(edit).first().waitFor();
  if (await edit.isVisible()) await edit.click();
  await box.waitFor();
  return box;
}

/** Empties a field, then types `text` key by key, as a coach does. */
export async function retype(box: Locator, text: string): Promise<void> {
  await box.fill('');
  await box.pressSequentially(text);
}

/** The list of this session's items and the words in it, in the order shown. */
export function capturedList(ui: Ui): Locator {
  return ui.getByRole('list', { name: 'Captured this session', exact: true });
}

export async function capturedWords(ui: Ui): Promise<string[]> {
  return capturedList(ui).locator('.hs-capture__item-text').allTextContents();
}

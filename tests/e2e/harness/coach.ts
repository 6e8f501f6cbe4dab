/**
 * Reusable coaching steps for browser tests, driven through the accessible names the in-call issue fixes.
 * A `View` is one Holdspace view: the overlay frame on a call page, or the side panel page in a tab.
 * Keys go through `page.keyboard` (they reach whichever frame has focus), so the steps are keyboard-only
 * except where a native control has no sensible key path (date inputs, selects, file inputs).
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { BrowserContext, Download, Frame, Locator, Page } from 'playwright-core';
import { overlayFrame, panelUrl, screenshot } from './browser';
import type { ApiMethod } from '../../../lib/api/contract';
import { callApi as rawCall } from './api';

export interface View {
  page: Page;
  /** Where the app lives: the overlay's frame, or the panel page itself. */
  ui: Frame | Page;
}

export interface CommitmentInput {
  text: string;
  /** `YYYY-MM-DD`. */
  due?: string;
  howWillYouKnow?: string;
  support?: string;
}

export type Kind = 'Commitment' | 'Note' | 'Insight' | 'Belief' | 'Inquiry';
const KIND_KEYS: Record<Kind, string> = {
  Commitment: 'Control+1',
  Note: 'Control+2',
  Insight: 'Control+3',
  Belief: 'Control+4',
  Inquiry: 'Control+5',
};

export const CONTRACT_NAMES = ['Topic', 'Desired outcome', 'Why it matters', 'Success measures'] as const;
export type ContractText = Partial<Record<(typeof CONTRACT_NAMES)[number], string>>;

/** A day `days` from today as `YYYY-MM-DD` (local time, as the date input reads it). */
export function dayFromNow(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export const button = (v: View, name: string) => v.ui.getByRole('button', { name, exact: true });
export const textbox = (v: View, name: string) => v.ui.getByRole('textbox', { name, exact: true });

/** A Meet or Zoom call page with the overlay mounted and ready. */
export async function openOverlay(context: BrowserContext, url: string): Promise<View> {
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(url);
  await page.bringToFront();
  const view = { page, ui: await overlayFrame(page) };
  await ready(view);
  return view;
}

/** The side panel page in a tab (the real side panel cannot be opened headless). */
export async function openPanel(context: BrowserContext, extensionId: string): Promise<View> {
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(panelUrl(extensionId));
  await page.bringToFront();
  const view = { page, ui: page };
  await ready(view);
  return view;
}

/**
 * A screenshot of the view's page once the app has painted: the overlay is an out-of-process frame and a
 * page screenshot taken at once can show it a frame late (e.g. before a scroll).
 */
export async function snap(v: View, name: string): Promise<string> {
  await v.ui.evaluate(
    () =>
      new Promise((done) => {
        requestAnimationFrame(() => requestAnimationFrame(done));
        setTimeout(done, 500); // a page in the background paints no frames
      }),
  );
  return screenshot(v.page, name);
}

/** Reloads the view's page and updates `v` in place (for the overlay, to the new frame). */
export async function reload(v: View): Promise<View> {
  await v.page.reload();
  if (v.ui !== v.page) v.ui = await overlayFrame(v.page);
  await ready(v);
  return v;
}

/** The app has rendered: a client picker, or a running session's "End session". */
export async function ready(v: View): Promise<void> {
  await v.ui.getByRole('combobox', { name: 'Client', exact: true }).or(button(v, 'End session')).first().waitFor();
}

/** Focuses `target` and types into it key by key. */
export async function typeInto(v: View, target: Locator, text: string): Promise<void> {
  await target.focus();
  await v.page.keyboard.type(text);
}

export async function isFocused(target: Locator): Promise<boolean> {
  return target.evaluate((el) => el === el.ownerDocument.activeElement).catch(() => false);
}

/** Presses a key with `target` focused (Enter on a button, Space on a checkbox or radio). */
export async function pressOn(v: View, target: Locator, key = 'Enter'): Promise<void> {
  await target.focus();
  await expect.poll(() => isFocused(target)).toBe(true);
  await v.page.keyboard.press(key);
}

/** Types the client's name into "Client", chooses it (or "Create client …") with Enter, then "Start session". */
export async function startSession(v: View, clientName: string): Promise<void> {
  const client = v.ui.getByRole('combobox', { name: 'Client', exact: true });
  await typeInto(v, client, clientName);
  await v.page.keyboard.press('Enter');
  const start = button(v, 'Start session');
  await expect.poll(() => isFocused(start), { message: 'choosing a client moves focus to Start session' }).toBe(true);
  await v.page.keyboard.press('Enter');
  await button(v, 'End session').waitFor();
}

/** Opens a workspace tab with its Alt+digit shortcut (the overlay and the narrow panel show tabs). */
export async function openTab(v: View, name: 'Contract' | 'Deck' | 'Capture' | 'Prior commitments' | 'Search'): Promise<void> {
  const tab = v.ui.getByRole('tab', { name, exact: true });
  const key = await tab.getAttribute('aria-keyshortcuts');
  if (!key) throw new Error(`The ${name} tab names no shortcut`);
  // Keys go to the focused frame: the shortcut must be pressed while focus is inside the app.
  expect(await v.ui.evaluate(() => document.hasFocus()), `focus is inside the app before ${key}`).toBe(true);
  await v.page.keyboard.press(key);
  await expect.poll(() => tab.getAttribute('aria-selected'), { message: `${key} opens ${name}` }).toBe('true');
  // Focus moves in the same render that shows the tab (no waiting) to where work continues in it, never
  // onto the tab itself: the next keys land in the new tab.
  if (name === 'Capture' || name === 'Search') {
    const next = name === 'Capture' ? textbox(v, 'Capture') : v.ui.getByRole('searchbox', { name: 'Search everything', exact: true });
    expect(await isFocused(next), `${key} has moved focus into ${name}`).toBe(true);
  } else {
    const panel = await tab.getAttribute('aria-controls');
    const inside = await v.ui.evaluate((id) => {
      const active = document.activeElement;
      return !!active && active.getAttribute('role') !== 'tab' && !!document.getElementById(id ?? '')?.contains(active);
    }, panel);
    expect(inside, `${key} has moved focus into ${name}`).toBe(true);
  }
}

/** Types the contract's text fields (each autosaves on its own). */
export async function fillContract(v: View, contract: ContractText): Promise<void> {
  for (const name of CONTRACT_NAMES) {
    const text = contract[name];
    if (!text) continue;
    await typeInto(v, textbox(v, name), text);
    expect(await textbox(v, name).inputValue()).toBe(text);
  }
  // Leave the last field so its autosave flushes on blur.
  await v.page.keyboard.press('Tab');
}

/** Captures one item of `kind` with Enter; for a commitment also its due date, how you will know, support. */
export async function capture(v: View, kind: Kind, text: string, more: Omit<CommitmentInput, 'text'> = {}): Promise<void> {
  const field = textbox(v, 'Capture');
  await field.focus();
  await v.page.keyboard.press(KIND_KEYS[kind]);
  await expect.poll(() => v.ui.getByRole('radio', { name: kind, exact: true }).isChecked()).toBe(true);
  await v.page.keyboard.type(text);
  if (kind === 'Commitment') {
    if (more.due) await v.ui.getByLabel('Due date', { exact: true }).fill(more.due); // a date input has no key path worth testing
    if (more.howWillYouKnow) await typeInto(v, textbox(v, 'How will you know'), more.howWillYouKnow);
    if (more.support) await typeInto(v, textbox(v, 'Support'), more.support);
  }
  await v.page.keyboard.press('Enter');
  await expect.poll(() => capturedTexts(v), { message: `"${text}" lands in Captured this session` }).toContain(text);
  await expect.poll(() => field.inputValue(), { message: 'the field is empty for the next one' }).toBe('');
}

export async function captureCommitment(v: View, c: CommitmentInput): Promise<void> {
  await capture(v, 'Commitment', c.text, c);
}

/** The words of every item in "Captured this session". */
export async function capturedTexts(v: View): Promise<string[]> {
  const list = v.ui.getByRole('list', { name: 'Captured this session', exact: true });
  return list.locator('.hs-capture__item-text').allTextContents();
}

/** "End session", confirmed in its dialog with Enter; resolves with the "Session summary" region. */
export async function endSession(v: View): Promise<Locator> {
  await pressOn(v, button(v, 'End session'));
  const dialog = v.ui.getByRole('dialog');
  await dialog.waitFor();
  await expect.poll(() => isFocused(dialog.getByRole('button', { name: 'End session now', exact: true }))).toBe(true);
  await v.page.keyboard.press('Enter');
  const summary = v.ui.getByRole('region', { name: 'Session summary', exact: true });
  await summary.waitFor();
  return summary;
}

/** Presses a button that downloads a file and returns the file's name and text. */
export async function download(v: View, target: Locator): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([v.page.waitForEvent('download'), pressOn(v, target)]);
  return { name: file.suggestedFilename(), text: readFileSync(await pathOf(file), 'utf8') };
}

async function pathOf(file: Download): Promise<string> {
  const path = await file.path();
  if (!path) throw new Error(`The download ${file.suggestedFilename()} failed: ${await file.failure()}`);
  return path;
}

/** Calls the Holdspace API as any extension page does (a runtime message to the worker). */
export async function callApi<T = unknown>(ui: Frame | Page, method: string, args: Record<string, unknown> = {}): Promise<T> {
  const result = (await rawCall(ui, method as ApiMethod, args as never)) as { ok: boolean; value?: T; error?: { message: string } };
  if (!result.ok) throw new Error(`${method} failed: ${result.error?.message}`);
  return result.value as T;
}

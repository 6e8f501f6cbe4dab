/**
 * Coaching steps in Firefox, the counterpart of tests/e2e/harness/coach.ts for puppeteer-core over WebDriver
 * BiDi. Controls are found by role and accessible name (`::-p-aria(...)`, which Firefox answers from its
 * accessibility tree) and driven by keyboard where a coach would; keys go through `page.keyboard` to
 * whichever element has focus.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { ElementHandle, Frame, Page } from 'puppeteer-core';
import { apiRequest } from '../../../../lib/api/wire';
import type { ApiMethod } from '../../../../lib/api/contract';
import { screenshot } from './firefox';

export interface View {
  page: Page;
  /** Where the app lives: the overlay's frame, or the panel page itself. */
  ui: Page | Frame;
}
type Scope = Page | Frame | ElementHandle<Element>;
export type Kind = 'Commitment' | 'Note' | 'Insight' | 'Belief' | 'Inquiry';
const KIND_KEYS: Record<Kind, string> = {
  Commitment: 'Control+1',
  Note: 'Control+2',
  Insight: 'Control+3',
  Belief: 'Control+4',
  Inquiry: 'Control+5',
};

/** A selector for the element with this role and exactly this accessible name. */
export const aria = (role: string, name: string) => `::-p-aria([name=${JSON.stringify(name)}][role=${JSON.stringify(role)}])`;

/**
 * Waits for the first element matching `selector` inside `scope`. Polled from Node with `$` rather than
 * `waitForSelector`: after a reload of an add-on page (which sends puppeteer no navigation events) the
 * in-page wait for an ARIA selector can miss a node that `$` finds at once.
 */
export async function waitFor(scope: Scope, selector: string, timeoutMs = 20_000): Promise<ElementHandle<Element>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const handle = (await scope.$(selector).catch(() => null)) as ElementHandle<Element> | null;
    if (handle) return handle;
    if (Date.now() > deadline) throw new Error(`Nothing matched ${selector} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** Waits for the element with this role and exactly this name inside `scope`. */
export async function find(scope: Scope, role: string, name: string, timeoutMs?: number): Promise<ElementHandle<Element>> {
  return waitFor(scope, aria(role, name), timeoutMs);
}

/** Waits for the first element with this role (any name) inside `scope`. */
export const findRole = (scope: Scope, role: string, timeoutMs?: number) =>
  waitFor(scope, `::-p-aria([role=${JSON.stringify(role)}])`, timeoutMs);

/** The element with this role and name if it is there now. */
export async function query(scope: Scope, role: string, name: string): Promise<ElementHandle<Element> | null> {
  return (await scope.$(aria(role, name))) as ElementHandle<Element> | null;
}

export const button = (v: View, name: string) => find(v.ui, 'button', name);
export const textbox = (v: View, name: string) => find(v.ui, 'textbox', name);

export async function isFocused(target: ElementHandle<Element>): Promise<boolean> {
  return target.evaluate((el) => el === el.ownerDocument.activeElement).catch(() => false);
}

export async function valueOf(target: ElementHandle<Element>): Promise<string> {
  return target.evaluate((el) => (el as HTMLInputElement | HTMLTextAreaElement).value);
}

/** Presses a key or a chord such as `Control+1` (puppeteer's `press` takes a single key). */
export async function chord(page: Page, keys: string): Promise<void> {
  const parts = keys.split('+');
  const key = parts.pop()!;
  for (const modifier of parts) await page.keyboard.down(modifier as never);
  await page.keyboard.press(key as never);
  for (const modifier of parts.reverse()) await page.keyboard.up(modifier as never);
}

/** Presses a key with `target` focused (Enter on a button, Space on a checkbox or switch). */
export async function pressOn(v: View, target: ElementHandle<Element>, key = 'Enter'): Promise<void> {
  await target.focus();
  await expect.poll(() => isFocused(target)).toBe(true);
  await chord(v.page, key);
}

/** Focuses `target` and types into it key by key. */
export async function typeInto(v: View, target: ElementHandle<Element>, text: string): Promise<void> {
  await target.focus();
  await expect.poll(() => isFocused(target)).toBe(true);
  await v.page.keyboard.type(text);
}

/** The app has rendered: a client picker, or a running session's "End session". */
export async function ready(v: View): Promise<void> {
  await waitFor(v.ui, `${aria('combobox', 'Client')}, ${aria('button', 'End session')}`);
}

/** Types the client's name into "Client", chooses it (or "Create client …") with Enter, then "Start session". */
export async function startSession(v: View, clientName: string): Promise<void> {
  await typeInto(v, await find(v.ui, 'combobox', 'Client'), clientName);
  await v.page.keyboard.press('Enter');
  const start = await button(v, 'Start session');
  await expect.poll(() => isFocused(start), { message: 'choosing a client moves focus to Start session' }).toBe(true);
  await v.page.keyboard.press('Enter');
  await button(v, 'End session');
}

/** Types each contract field (each autosaves on its own), then Tab so the last one saves on blur. */
export async function fillContract(v: View, contract: Record<string, string>): Promise<void> {
  for (const [name, text] of Object.entries(contract)) {
    const box = await textbox(v, name);
    await typeInto(v, box, text);
    expect(await valueOf(box)).toBe(text);
  }
  await v.page.keyboard.press('Tab');
}

/** The words of every item in "Captured this session", newest first. */
export async function capturedTexts(v: View): Promise<string[]> {
  const list = await query(v.ui, 'list', 'Captured this session');
  if (!list) return [];
  return list.evaluate((el) => [...el.querySelectorAll('.hs-capture__item-text')].map((e) => e.textContent ?? ''));
}

/** Captures one item of `kind` with its Ctrl+digit key and Enter; a commitment may have a due date. */
export async function capture(v: View, kind: Kind, text: string, due?: string): Promise<void> {
  const field = await textbox(v, 'Capture');
  await field.focus();
  await chord(v.page, KIND_KEYS[kind]);
  const radio = await find(v.ui, 'radio', kind);
  await expect
    .poll(() => radio.evaluate((el) => (el as HTMLInputElement).checked), { message: `${KIND_KEYS[kind]} picks ${kind}` })
    .toBe(true);
  await expect.poll(() => isFocused(field), { message: 'focus stays in the field' }).toBe(true);
  await v.page.keyboard.type(text);
  if (due) {
    // The due date is the next field after the text: Tab, then the date as a coach would type it.
    await v.page.keyboard.press('Tab');
    const date = await textbox(v, 'Due date');
    await expect.poll(() => isFocused(date), { message: 'Tab goes from the text to the due date' }).toBe(true);
    await v.page.keyboard.type(due);
    await field.focus();
  }
  await v.page.keyboard.press('Enter');
  await expect.poll(() => capturedTexts(v), { message: `"${text}" lands in Captured this session` }).toContain(text);
  await expect.poll(() => valueOf(field), { message: 'the field is empty for the next one' }).toBe('');
}

/** "End session", confirmed in its dialog with Enter; resolves with the "Session summary" region. */
export async function endSession(v: View): Promise<ElementHandle<Element>> {
  await pressOn(v, await button(v, 'End session'));
  const dialog = await findRole(v.ui, 'dialog');
  const now = await find(dialog, 'button', 'End session now');
  await expect.poll(() => isFocused(now), { message: 'the dialog focuses "End session now"' }).toBe(true);
  await v.page.keyboard.press('Enter');
  return find(v.ui, 'region', 'Session summary');
}

/** Presses a button that downloads a file and returns the new file's name and text. */
export async function download(v: View, dir: string, target: ElementHandle<Element>): Promise<{ name: string; text: string }> {
  const before = new Set(readdirSync(dir));
  await pressOn(v, target);
  // Firefox may create the file empty, writes `<name>.part` and renames it: done when no `.part` is left
  // and the new file has the same size twice in a row.
  let last = '';
  let found: { name: string; text: string } | undefined;
  await expect
    .poll(
      () => {
        const names = readdirSync(dir);
        const name = names.find((n) => !before.has(n) && !n.endsWith('.part'));
        if (!name || names.some((n) => n.endsWith('.part'))) return undefined;
        const text = readFileSync(join(dir, name), 'utf8');
        const key = `${name}:${text.length}`;
        const stable = text.length > 0 && key === last;
        last = key;
        found = stable ? { name, text } : undefined;
        return found;
      },
      { message: 'a new, complete file in the downloads folder', timeout: 20_000, interval: 200 },
    )
    .toBeDefined();
  return found!;
}

/** Calls the Holdspace API as any add-on page does (a runtime message to the background page). */
export async function callApi<T = unknown>(ui: Page | Frame, method: ApiMethod, args: Record<string, unknown> = {}): Promise<T> {
  const request = apiRequest(method, args, 'e2e');
  const result = (await ui.evaluate(
    (message) =>
      (globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).browser.runtime.sendMessage(
        message,
      ),
    request,
  )) as { ok: boolean; value?: T; error?: { message: string } };
  if (!result.ok) throw new Error(`${method} failed: ${result.error?.message}`);
  return result.value as T;
}

/** A screenshot of the view's page once the app has painted. */
export async function snap(v: View, name: string): Promise<string> {
  await v.ui.evaluate(
    () =>
      new Promise((done) => {
        requestAnimationFrame(() => requestAnimationFrame(done));
        setTimeout(done, 500);
      }),
  );
  return screenshot(v.page, name);
}

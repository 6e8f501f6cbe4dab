/**
 * The lock's remaining UI (issue 12) in Chromium, by keyboard: the first-run offer (once, gone after "Not
 * now" and a reload; turning the lock on from it locks as Settings does), retention (choose the months, see
 * who would go, confirm, the other client stays; with the lock on), and axe over the locked views, Settings
 * → Lock off and on, the offer and the retention list, in the dark and the light colour scheme.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { api } from './harness/api';
import { axeViolations, prefersDark } from './harness/axe';
import { backupLines, exportedBackup, packBackup, type Call } from './harness/backup-file';
import { launch, MEET_CALL, type Launched } from './harness/browser';
import { button, isFocused, openOverlay, openPanel, pressOn, reload, snap, typeInto, type View } from './harness/coach';

const PASSPHRASE = 'lantern harbour 42';
const OFFER = 'Protect your notes with a passphrase?';
const YEAR = 365 * 24 * 60 * 60 * 1000;

const browsers: Launched[] = [];
afterAll(async () => {
  for (const b of browsers) await b.dispose();
});
async function fresh(colorScheme: 'dark' | 'light' = 'dark'): Promise<Launched> {
  const b = await launch({ colorScheme });
  browsers.push(b);
  return b;
}

const offer = (v: View) => v.ui.getByRole('region', { name: OFFER, exact: true });

/** Every number that is a moment (ms since the epoch) in `value`, `by` earlier. */
function shifted(value: unknown, by: number): unknown {
  if (typeof value === 'number' && value > 1e12 && value < 1e13) return value - by;
  if (Array.isArray(value)) return value.map((v) => shifted(v, by));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shifted(v, by)]));
  return value;
}

/**
 * Olive Old (one session, a note) last seen three years ago, Rosa Recent (one session) today: made through
 * the API, then Olive's records moved three years back through a backup restored over the record.
 */
async function seedPractice(page: Page): Promise<{ oliveId: string; rosaId: string }> {
  const one = async (name: string) => {
    const client = await api(page, 'createClient', { input: { name } });
    const session = await api(page, 'startSession', { clientId: client.id });
    await api(page, 'addItem', { sessionId: session.id, input: { kind: 'note', text: `${name}: a note` } });
    await api(page, 'endSession', { sessionId: session.id });
    return client.id;
  };
  const oliveId = await one('Olive Old');
  const rosaId = await one('Rosa Recent');
  const call: Call = (method, args) => api(page, method as never, (args ?? {}) as never) as never;
  const [header, ...records] = backupLines(await exportedBackup(call));
  const moved = records.map((line) => {
    const [tag, record] = JSON.parse(line) as [string, Record<string, unknown>];
    const olive = record.id === oliveId || record.clientId === oliveId;
    return olive ? JSON.stringify([tag, shifted(record, 3 * YEAR)]) : line;
  });
  const file = packBackup([header!, ...moved]);
  const upload = await api(page, 'uploadBackupPage', { page: 0, data: file.toString('base64') });
  await api(page, 'importBackup', { transfer: upload.transfer, mode: 'replace' });
  await api(page, 'endBackupTransfer', { transfer: upload.transfer });
  return { oliveId, rosaId };
}

async function openSettings(v: View) {
  if (!(await v.ui.getByRole('region', { name: 'Settings', exact: true }).count())) await pressOn(v, button(v, 'Settings'));
  await v.ui.getByRole('region', { name: 'Settings', exact: true }).waitFor();
}

/** Chooses "<n> months" in Retention with the arrow keys, as a coach does on a focused select. */
async function chooseMonths(v: View, label: string) {
  const select = v.ui.getByRole('combobox', { name: 'Delete clients not seen for', exact: true });
  await select.focus();
  for (let i = 0; i < 12; i++) {
    const shown = await select.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent ?? '');
    if (shown === label) return;
    await v.page.keyboard.press('ArrowDown');
  }
  throw new Error(`"${label}" was not reached with the arrow keys`);
}

/** Turns the lock on from the form in `scope` (the offer or Settings → Lock), by keyboard. */
async function turnOnFrom(v: View, scope: ReturnType<typeof offer>) {
  await typeInto(v, scope.getByLabel('New passphrase', { exact: true }), PASSPHRASE);
  await v.page.keyboard.press('Tab');
  await v.page.keyboard.type(PASSPHRASE);
  await v.page.keyboard.press('Enter'); // submits the form, as "Turn on lock" does
  await scope
    .getByText(/^The lock is on/)
    .first()
    .waitFor();
}

describe('the lock offered on first run', () => {
  it('shows once in a fresh side panel (not in the overlay, not in focus); after "Not now" and a reload it is gone', async () => {
    const b = await fresh();
    const panel = await openPanel(b.context, b.extensionId);
    await offer(panel).waitFor();
    expect(await offer(panel).count()).toBe(1);
    expect(await isFocused(panel.ui.getByRole('combobox', { name: 'Client', exact: true }))).toBe(true); // focus stays at the client
    await snap(panel, 'lock-offer-panel');
    const call = await openOverlay(b.context, MEET_CALL);
    await call.ui.getByRole('combobox', { name: 'Client', exact: true }).waitFor();
    expect(await offer(call).count()).toBe(0);
    await call.page.close();

    await panel.page.bringToFront();
    await pressOn(panel, offer(panel).getByRole('button', { name: 'Not now', exact: true }));
    await offer(panel).waitFor({ state: 'detached' });
    expect(await isFocused(panel.ui.getByRole('combobox', { name: 'Client', exact: true }))).toBe(true);
    await reload(panel);
    await panel.page.waitForTimeout(500); // the offer decides once settings, the lock and the clients have come
    expect(await offer(panel).count()).toBe(0);
    // Control: the lock is still off and the record still empty, so only the stored answer keeps it away.
    expect(await api(panel.page, 'lockStatus', {})).toMatchObject({ on: false });
    expect(await api(panel.page, 'listClients', { includeArchived: true })).toEqual([]);
  });

  it('turning the lock on from the offer locks as Settings would', async () => {
    const b = await fresh();
    const panel = await openPanel(b.context, b.extensionId);
    await pressOn(panel, offer(panel).getByRole('button', { name: 'Set a passphrase', exact: true }));
    await expect.poll(() => isFocused(offer(panel).getByLabel('New passphrase', { exact: true }))).toBe(true);
    await snap(panel, 'lock-offer-form');
    await turnOnFrom(panel, offer(panel));
    await snap(panel, 'lock-offer-done');
    expect(await api(panel.page, 'lockStatus', {})).toMatchObject({ on: true, locked: false });
    await expect.poll(() => isFocused(offer(panel).getByRole('button', { name: 'Done', exact: true }))).toBe(true);
    await panel.page.keyboard.press('Enter');
    await offer(panel).waitFor({ state: 'detached' });
    await pressOn(panel, button(panel, 'Lock now'));
    await panel.ui.getByLabel('Passphrase', { exact: true }).waitFor();
    expect(await panel.ui.getByRole('button').allInnerTexts()).toEqual(['Unlock']);
    await typeInto(panel, panel.ui.getByLabel('Passphrase', { exact: true }), PASSPHRASE);
    await panel.page.keyboard.press('Enter');
    await panel.ui.getByRole('combobox', { name: 'Client', exact: true }).waitFor();
    await panel.page.waitForTimeout(500);
    expect(await offer(panel).count()).toBe(0); // answered for good
  });
});

describe('retention', () => {
  it('by keyboard with the lock on: set the months, the preview lists the client not seen, confirming deletes them, the other stays', async () => {
    const b = await fresh();
    const panel = await openPanel(b.context, b.extensionId);
    const { oliveId, rosaId } = await seedPractice(panel.page);
    await api(panel.page, 'turnOnLock', { passphrase: PASSPHRASE, repeat: PASSPHRASE });
    await reload(panel);
    await openSettings(panel);
    const region = panel.ui.getByRole('region', { name: 'Retention', exact: true });
    expect(await region.getByRole('button', { name: 'Show clients to delete', exact: true }).count()).toBe(0); // off by default
    await chooseMonths(panel, '24 months');
    await panel.page.keyboard.press('Tab');
    const show = region.getByRole('button', { name: 'Show clients to delete', exact: true });
    await expect.poll(() => isFocused(show)).toBe(true);
    await panel.page.keyboard.press('Enter');

    const dialog = panel.ui.getByRole('dialog', { name: 'Clients not seen for 24 months', exact: true });
    const rows = dialog.getByRole('list', { name: 'Clients to delete', exact: true }).getByRole('listitem');
    await rows.first().waitFor();
    expect(await rows.allInnerTexts()).toEqual([expect.stringMatching(/^Olive Old — Last session .+ · 1 session$/)]);
    await snap(panel, 'retention-preview');
    expect(await api(panel.page, 'listClients', { includeArchived: true })).toHaveLength(2); // nothing deleted yet
    await panel.page.keyboard.press('Tab'); // from the ticked Olive to Cancel
    await panel.page.keyboard.press('Tab'); // to the delete button
    const del = dialog.getByRole('button', { name: 'Delete 1 client', exact: true });
    await expect.poll(() => isFocused(del)).toBe(true);
    await panel.page.keyboard.press('Enter');
    await region.getByText(/^Deleted 1 client: Olive Old \(1 session, 1 captured item\)\.$/).waitFor();
    const left = await api(panel.page, 'listClients', { includeArchived: true });
    expect(left.map((c) => c.id)).toEqual([rosaId]);
    expect(left.map((c) => c.id)).not.toContain(oliveId);
    expect(await api(panel.page, 'lockStatus', {})).toMatchObject({ on: true, locked: false });
  });
});

describe.each(['dark', 'light'] as const)('axe on the lock screens and the new UI, %s', (scheme) => {
  it('finds nothing on the offer, Settings → Lock off and on, the retention list, and the locked panel and overlay', async () => {
    const b = await fresh(scheme);
    const panel = await openPanel(b.context, b.extensionId);
    const check = async (v: View, state: string) => {
      await v.page.bringToFront();
      expect(await prefersDark(v.ui)).toBe(scheme === 'dark');
      await snap(v, `lock-ui-${scheme}-${state}`);
      const violations = await axeViolations(v.ui);
      expect(violations, `${state}:\n${violations.join('\n')}`).toEqual([]);
    };
    await offer(panel).waitFor();
    await check(panel, 'offer');
    await pressOn(panel, offer(panel).getByRole('button', { name: 'Set a passphrase', exact: true }));
    await check(panel, 'offer-form');

    await seedPractice(panel.page); // the offer goes once there are clients
    await openSettings(panel);
    const lock = panel.ui.getByRole('region', { name: 'Lock', exact: true });
    await lock.getByRole('button', { name: 'Turn on lock', exact: true }).scrollIntoViewIfNeeded();
    await check(panel, 'settings-lock-off');
    await turnOnFrom(panel, lock);
    await lock.getByRole('button', { name: 'Turn off lock', exact: true }).scrollIntoViewIfNeeded();
    await check(panel, 'settings-lock-on');

    await chooseMonths(panel, '12 months');
    await pressOn(panel, button(panel, 'Show clients to delete'));
    await panel.ui.getByRole('dialog', { name: 'Clients not seen for 12 months', exact: true }).waitFor();
    await check(panel, 'retention-preview');
    await panel.page.keyboard.press('Escape');
    await panel.ui.getByRole('dialog').waitFor({ state: 'detached' });

    const call = await openOverlay(b.context, MEET_CALL);
    await panel.page.bringToFront();
    await pressOn(panel, button(panel, 'Lock now'));
    const passphrase = panel.ui.getByLabel('Passphrase', { exact: true });
    await passphrase.waitFor();
    await check(panel, 'panel-locked');
    await typeInto(panel, passphrase, 'not the one');
    await panel.page.keyboard.press('Enter');
    await panel.ui.getByRole('alert').waitFor();
    await check(panel, 'panel-locked-wrong');
    await call.ui.getByLabel('Passphrase', { exact: true }).waitFor();
    await check(call, 'overlay-locked');
  });
});

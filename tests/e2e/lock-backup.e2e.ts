/**
 * Encrypted backups with the lock on, in Chromium (issue 12): "Export backup" makes an envelope that holds no
 * clear text; importing it in Settings asks for its "Backup passphrase"; a wrong one gives a clear alert and
 * changes nothing; the right one imports.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from './harness/api';
import { launch, type Launched } from './harness/browser';
import { button, openPanel, pressOn, snap, typeInto, type View } from './harness/coach';
import { PASSPHRASE, turnOnLockInSettings } from './harness/lock';

let b: Launched;
let v: View;
beforeAll(async () => {
  b = await launch();
  v = await openPanel(b.context, b.extensionId);
});
afterAll(async () => {
  await b?.dispose();
});

/** What the coach's record holds, as counts and client names (read through the API, unlocked). */
async function record(): Promise<{ clients: string[]; sessions: number; items: number }> {
  const clients = await api(v.page, 'listClients', { includeArchived: true });
  let sessions = 0;
  let items = 0;
  for (const c of clients) {
    const history = await api(v.page, 'clientHistory', { clientId: c.id });
    sessions += history.length;
    for (const s of history) items += s.itemCount;
  }
  return { clients: clients.map((c) => c.name).sort(), sessions, items };
}

describe('an encrypted backup in Settings', () => {
  it('a wrong "Backup passphrase" gets an alert and changes nothing; the right one imports', async () => {
    await turnOnLockInSettings(v);
    for (const name of ['Ruth Okafor', 'Ines Duarte']) {
      const { id: clientId } = await api(v.page, 'createClient', { input: { name } });
      const { id: sessionId } = await api(v.page, 'startSession', { clientId });
      await api(v.page, 'addItem', { sessionId, input: { kind: 'commitment', text: `${name} drafts the Quillwort plan` } });
      await api(v.page, 'addItem', { sessionId, input: { kind: 'note', text: `${name} spoke about Quillwort` } });
      await api(v.page, 'endSession', { sessionId });
    }
    const whole = await record();
    expect(whole).toEqual({ clients: ['Ines Duarte', 'Ruth Okafor'], sessions: 2, items: 4 });

    // Export backup, by keyboard, in Settings (still open after turning the lock on).
    const settings = v.ui.getByRole('region', { name: 'Settings', exact: true });
    const [download] = await Promise.all([
      v.page.waitForEvent('download'),
      pressOn(v, settings.getByRole('button', { name: 'Export backup', exact: true })),
    ]);
    const file = readFileSync((await download.path())!);
    const envelope = JSON.parse(file.toString('utf8')) as { format: string; kdf: { iterations: number } };
    expect(envelope).toMatchObject({ format: 'holdspace-encrypted', kdf: { iterations: 600_000 } });
    // Named for what it is (the JSON envelope), not as the gzip file it wraps.
    expect(download.suggestedFilename()).toMatch(/^holdspace-backup-\d{4}-\d{2}-\d{2}\.encrypted\.json$/);
    for (const clear of ['Quillwort', 'Ruth', 'Okafor']) expect(file.includes(Buffer.from(clear))).toBe(false);

    // One client goes after the export: the backup holds more than the record now.
    const ruth = (await api(v.page, 'listClients', {})).find((c) => c.name === 'Ruth Okafor')!;
    await api(v.page, 'deleteClient', { id: ruth.id });
    const before = await record();
    expect(before).toEqual({ clients: ['Ines Duarte'], sessions: 1, items: 2 });

    await v.ui
      .getByLabel('Import backup', { exact: true })
      .setInputFiles({ name: download.suggestedFilename(), mimeType: 'application/json', buffer: file });
    const form = v.ui.getByRole('form', { name: 'Encrypted backup', exact: true });
    const passphrase = form.getByLabel('Backup passphrase', { exact: true });
    await passphrase.waitFor();

    // A wrong passphrase: a clear alert, the passphrase asked again, nothing changed.
    await typeInto(v, passphrase, 'lantern harbour 24');
    await v.page.keyboard.press('Enter');
    const alert = form.getByRole('alert');
    await alert.waitFor({ timeout: 30_000 });
    const said = (await alert.textContent()) ?? '';
    console.log(`wrong backup passphrase: "${said}"`);
    expect(said).toMatch(/passphrase/i);
    expect(said.length).toBeGreaterThan(30);
    await snap(v, 'lock-backup-wrong-passphrase');
    expect(await v.ui.getByRole('group', { name: 'Backup preview', exact: true }).count()).toBe(0);
    expect(await record()).toEqual(before);

    // The right one: the preview shows what the file holds; Merge brings the deleted client back.
    await passphrase.fill('');
    await typeInto(v, passphrase, PASSPHRASE);
    await v.page.keyboard.press('Enter');
    const preview = v.ui.getByRole('group', { name: 'Backup preview', exact: true });
    await preview.waitFor({ timeout: 30_000 });
    expect(await preview.innerText()).toContain('2 clients, 2 sessions, 4 captured items');
    await pressOn(v, preview.getByRole('button', { name: 'Merge', exact: true }));
    await v.ui
      .getByRole('status')
      .getByText('Merged:', { exact: false })
      .waitFor({ timeout: 30_000 })
      .catch(async (e: unknown) => {
        await snap(v, 'lock-backup-merge-failed');
        console.log(await v.ui.locator('body').innerText());
        throw e;
      });
    expect(await record()).toEqual(whole);
    await snap(v, 'lock-backup-merged');
    expect(await button(v, 'Settings').count()).toBeGreaterThan(0);
  });
});

/** Steps for the lock's browser tests (issue 12): turning it on in Settings, the idle time, the record on disk. */
import type { Page } from 'playwright-core';
import { button, pressOn, typeInto, type View } from './coach';

export const PASSPHRASE = 'lantern harbour 42';

const lockRegion = (v: View) => v.ui.getByRole('region', { name: 'Lock', exact: true });

/** Settings → Lock: types the passphrase twice and presses "Turn on lock" (Settings stays open). */
export async function turnOnLockInSettings(v: View, passphrase = PASSPHRASE): Promise<void> {
  await pressOn(v, button(v, 'Settings'));
  const lock = lockRegion(v);
  await typeInto(v, lock.getByLabel('New passphrase', { exact: true }), passphrase);
  await typeInto(v, lock.getByLabel('Repeat passphrase', { exact: true }), passphrase);
  await pressOn(v, lock.getByRole('button', { name: 'Turn on lock', exact: true }));
  await lock.getByText('The lock is on', { exact: false }).first().waitFor({ timeout: 60_000 });
}

/** Settings → Lock (already open): "Lock after (minutes)" by keyboard, and the "even while a timer runs" box. */
export async function setIdleLock(v: View, minutes: number, duringTimer: boolean): Promise<void> {
  const lock = lockRegion(v);
  const field = lock.getByLabel('Lock after (minutes)', { exact: true });
  await field.focus();
  await v.page.keyboard.press('Control+A');
  await v.page.keyboard.type(String(minutes));
  await v.page.keyboard.press('Tab'); // the number is saved when it changes (blur)
  const box = lock.getByRole('checkbox', { name: 'Lock after that time even while a session’s timer runs', exact: true });
  if ((await box.isChecked()) !== duringTimer) await pressOn(v, box, 'Space');
}

/** The lock's record in the `meta` store and, per sealed store, how many records are sealed and how many clear. */
export async function lockOnDisk(page: Page): Promise<{ state: string | null; counts: Record<string, { sealed: number; clear: number }> }> {
  return page.evaluate(
    () =>
      new Promise<{ state: string | null; counts: Record<string, { sealed: number; clear: number }> }>((resolve, reject) => {
        const open = indexedDB.open('holdspace');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = ['clients', 'sessions', 'items'];
          const tx = db.transaction([...names, 'meta'], 'readonly');
          const counts: Record<string, { sealed: number; clear: number }> = {};
          let state: string | null = null;
          const meta = tx.objectStore('meta').get('lock');
          meta.onsuccess = () => (state = (meta.result as { state?: string } | undefined)?.state ?? null);
          for (const n of names) {
            counts[n] = { sealed: 0, clear: 0 };
            const cursor = tx.objectStore(n).openCursor();
            cursor.onsuccess = () => {
              const c = cursor.result;
              if (!c) return;
              if ((c.value as { sealed?: unknown }).sealed instanceof Uint8Array) counts[n]!.sealed++;
              else counts[n]!.clear++;
              c.continue();
            };
          }
          tx.oncomplete = () => {
            db.close();
            resolve({ state, counts });
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

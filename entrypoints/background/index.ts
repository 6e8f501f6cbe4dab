import { browserCommandDeps, createCommandHandler } from '@/lib/platform/commands';
import { serveApi } from '@/lib/platform/background-server';
import { serveDock } from '@/lib/platform/dock-router';
import { wireToolbarButton } from '@/lib/platform/panel-behavior';
import { browserSettings } from '@/lib/platform/browser-settings';
import { storageManager } from '@/lib/platform/storage-manager';
import { backupSettingsFrom, lockIdleFrom, sessionDefaultsFrom } from '@/lib/platform/settings-for-store';
import { sessionLockKeys } from '@/lib/platform/lock-keys';
import { createDbConnection } from '@/lib/store/db';
import { createStore } from '@/lib/store/store';
import { wireSafekeeping } from '@/lib/platform/safekeeping';
import { wireAutoBackups } from '@/lib/platform/auto-backup';
import { seedDirect } from '@/tests/bench/seed/seed';

// Wiring only. Listeners are registered synchronously on every worker start (MV3 may stop the worker at
// any time); the database is opened lazily by the first message that needs it.
export default defineBackground(() => {
  const connection = createDbConnection();
  const changes: { broadcast?: (event: { topics: ['lock'] }) => void } = {};
  const api = createStore({
    db: connection.get,
    now: Date.now,
    newId: () => crypto.randomUUID(),
    storage: storageManager,
    sessionDefaults: sessionDefaultsFrom(browserSettings),
    settings: backupSettingsFrom(browserSettings),
    lock: { keys: sessionLockKeys, idle: lockIdleFrom(browserSettings), onChange: () => changes.broadcast?.({ topics: ['lock'] }) },
  });
  // A view opened: build the search index before the coach types (not on reconnects after an idle stop).
  const served = serveApi(browser, api, {
    onViewOpened: () => {
      void api.warmSearch().catch(() => {});
      autoBackups.onViewOpened();
    },
    onChange: (event) => {
      safekeeping.onChange(event);
      autoBackups.onChange(event);
    },
  });
  const safekeeping = wireSafekeeping(browser, api, served);
  const autoBackups = wireAutoBackups(browser, api, browserSettings);
  serveDock(browser);
  changes.broadcast = served.broadcast;
  // A turn-on or turn-off the browser interrupted finishes as soon as the key is at hand.
  void api.resumeLock().catch(() => {});
  wireToolbarButton(browser);
  const onCommand = createCommandHandler({ ...browserCommandDeps(browser), lockNow: () => api.lockNow({}) });
  browser.commands.onCommand.addListener((command, tab) => void onCommand(command, tab));
  // `wxt build --mode bench` only (npm run bench): the store for timing without messaging. Dropped from
  // the production build as dead code; the benchmark checks that it is absent there.
  if (import.meta.env.MODE === 'bench') Object.assign(globalThis, { __holdspaceBench: { api, db: connection.get, seedDirect } });
});

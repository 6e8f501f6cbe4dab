/**
 * The background worker's wiring, run synchronously on every worker start (MV3 may stop the worker at any
 * time): the store behind the typed API, change events, the overlay dock relay, safekeeping (flush before an
 * update, automatic backups), the lock, the toolbar button and the commands. The database opens lazily.
 */
import { browser } from 'wxt/browser';
import { browserCommandDeps, createCommandHandler } from './commands';
import { serveApi } from './background-server';
import { serveDock } from './dock-router';
import { wireToolbarButton } from './panel-behavior';
import { browserSettings } from './browser-settings';
import { storageManager } from './storage-manager';
import { backupSettingsFrom, lockIdleFrom, sessionDefaultsFrom } from './settings-for-store';
import { sessionLockKeys } from './lock-keys';
import { createDbConnection } from '../store/db';
import { createStore } from '../store/store';
import { wireSafekeeping } from './safekeeping';
import { wireAutoBackups } from './auto-backup';

export function startWorker() {
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
      // A turn-on or turn-off the browser interrupted finishes once a view is open (the database stays unopened
      // until something needs it, so a worker start alone never creates or upgrades it).
      void api.resumeLock().catch(() => {});
      // After the view's first reads are answered (loading a stored index blocks the worker for a while).
      api.warmSearchWhenQuiet();
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
  wireToolbarButton(browser);
  const onCommand = createCommandHandler({ ...browserCommandDeps(browser), lockNow: () => api.lockNow({}) });
  browser.commands.onCommand.addListener((command, tab) => void onCommand(command, tab));
  return { api, db: connection.get };
}

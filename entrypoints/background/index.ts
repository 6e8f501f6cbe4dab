import { browserCommandDeps, createCommandHandler } from '@/lib/platform/commands';
import { serveApi } from '@/lib/platform/background-server';
import { wireToolbarButton } from '@/lib/platform/panel-behavior';
import { storageManager } from '@/lib/platform/storage-manager';
import { createDbConnection } from '@/lib/store/db';
import { createStore } from '@/lib/store/store';

// Wiring only. Listeners are registered synchronously on every worker start (MV3 may stop the worker at
// any time); the database is opened lazily by the first message that needs it.
export default defineBackground(() => {
  const connection = createDbConnection();
  const api = createStore({ db: connection.get, now: Date.now, newId: () => crypto.randomUUID(), storage: storageManager });
  serveApi(browser, api);
  wireToolbarButton(browser);
  const onCommand = createCommandHandler(browserCommandDeps(browser));
  browser.commands.onCommand.addListener((command, tab) => void onCommand(command, tab));
});

/** The worker's part in keeping every word: writes journaled by views that went away, and updates mid-call. */
import type { browser } from 'wxt/browser';
import type { ChangeEvent, HoldspaceApi } from '../api/contract';
import type { Served } from './background-server';
import { replayRescued, type RescueStorage } from './rescue';
import { handleUpdates } from './updates';

type Browser = typeof browser;

const UPDATE_WAITING = 'updateWaiting';

export async function sessionRunning(api: HoldspaceApi): Promise<boolean> {
  const active = await api.activeSession({});
  return active.ok && active.value !== null;
}

/** Registers the listeners (synchronously, on every worker start); returns what to tell it of each write. */
export function wireSafekeeping(b: Browser, api: HoldspaceApi, served: Served): { onChange(event: ChangeEvent): void } {
  // A new version was installed (an update, a reload of the unpacked build): what the old views could not
  // send any more is in the journal.
  b.runtime.onInstalled.addListener(() => void replayRescued(b.storage.local as unknown as RescueStorage, served.dispatch).catch(() => {}));
  const updates = handleUpdates({
    onUpdateAvailable: (listener) => b.runtime.onUpdateAvailable.addListener(listener),
    reload: () => b.runtime.reload(),
    requestFlush: served.requestFlush,
    sessionRunning: () => sessionRunning(api),
    waiting: {
      get: async () => (await b.storage.session.get(UPDATE_WAITING))[UPDATE_WAITING] === true,
      set: (value) => b.storage.session.set({ [UPDATE_WAITING]: value }),
    },
  });
  return {
    onChange(event) {
      if (event.topics.includes('session') || event.topics.includes('all')) void updates.sessionChanged().catch(() => {});
    },
  };
}

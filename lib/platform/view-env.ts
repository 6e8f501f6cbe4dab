/** Builds the environment a view (side panel or overlay) hands to the one Holdspace app. */
import type { AppEnv, Layout } from '../view/ports';
import type { ConfirmedDock } from './overlay-frame';
import { exportIo } from './export-io';
import { withPrefetch } from '../api/prefetch';
import { FIRST_READS } from '../api/first-reads';
import { connectToBackground } from './runtime-api';
import { browserSettings } from './browser-settings';
import { browserViewState } from './view-state';
import { browserAutoBackup } from './auto-backup-view';

/** `dock`: the overlay's confirmed place on a call (lib/platform/overlay-frame.ts); none in the side panel. */
export function createViewEnv(layout: Layout, signal: AbortSignal, dock: ConfirmedDock | null = null): AppEnv {
  const connection = connectToBackground(signal);
  const { subscribe } = connection;
  // What the first screen asks for, asked at once and in parallel (the picker's lists would otherwise
  // wait for the active-session answer to render first).
  const api = withPrefetch(connection.api, [...FIRST_READS]);
  return {
    api,
    subscribe,
    settings: browserSettings,
    viewState: browserViewState,
    io: exportIo,
    frame: dock?.frame ?? null,
    layout,
    host: dock?.host ?? null,
    now: Date.now,
    onFlushNeeded: connection.onFlushNeeded,
    journal: connection.journal,
    autoBackup: browserAutoBackup(browserSettings),
  };
}

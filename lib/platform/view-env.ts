/** Builds the environment a view (side panel or overlay) hands to the one Holdspace app. */
import type { AppEnv, Layout } from '../view/ports';
import { createOverlayFrame } from './overlay-frame';
import { exportIo } from './export-io';
import { withPrefetch } from '../api/prefetch';
import { connectToBackground } from './runtime-api';
import { browserSettings } from './browser-settings';
import { browserViewState } from './view-state';

export function createViewEnv(layout: Layout, signal: AbortSignal): AppEnv {
  const connection = connectToBackground(signal);
  const { subscribe } = connection;
  // What the first screen asks for, asked at once and in parallel (the picker's lists would otherwise
  // wait for the active-session answer to render first).
  const api = withPrefetch(connection.api, [
    { method: 'lockStatus', args: {} },
    { method: 'activeSession', args: {} },
    { method: 'listClients', args: {} },
    { method: 'recentClients', args: { limit: 5 } },
  ]);
  const host = layout === 'overlay' ? new URLSearchParams(location.search).get('host') : null;
  const validHost = host && /^[a-z0-9.-]+$/.test(host) ? host : null;
  return {
    api,
    subscribe,
    settings: browserSettings,
    viewState: browserViewState,
    io: exportIo,
    frame: validHost ? createOverlayFrame(validHost, browserSettings, signal) : null,
    layout,
    host: validHost,
    now: Date.now,
  };
}

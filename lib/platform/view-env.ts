/** Builds the environment a view (side panel or overlay) hands to the one Holdspace app. */
import type { AppEnv, Layout } from '@/components/app/env';
import { createOverlayFrame } from './overlay-frame';
import { exportIo } from './export-io';
import { connectToBackground } from './runtime-api';
import { settingsStore } from './settings-storage';

export function createViewEnv(layout: Layout, signal: AbortSignal): AppEnv {
  const { api, subscribe } = connectToBackground(signal);
  const host = layout === 'overlay' ? new URLSearchParams(location.search).get('host') : null;
  const validHost = host && /^[a-z0-9.-]+$/.test(host) ? host : null;
  return {
    api,
    subscribe,
    settings: settingsStore,
    io: exportIo,
    frame: validHost ? createOverlayFrame(validHost, settingsStore, signal) : null,
    layout,
    host: validHost,
    now: Date.now,
  };
}

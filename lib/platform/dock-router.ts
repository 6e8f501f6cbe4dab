/**
 * The worker's side of the overlay dock: takes the content script's and the overlay frame's ports and
 * relays between them (lib/frame/router.ts), keeping the docks in memory-only `storage.session` so a worker
 * stopped by MV3 still knows them. Only this extension's content scripts and its own overlay page are taken.
 */
import type { browser } from 'wxt/browser';
import { callHostOf } from '../hosts';
import { FRAME_PORT, FRAME_PORT_RECONNECT } from '../frame/protocol';
import { createDockRouter, type DockRecord, type RouterPort } from '../frame/router';

type Browser = typeof browser;
const KEY = 'holdspace/docks';

export function serveDock(b: Browser): void {
  const session = b.storage.session;
  const router = createDockRouter({
    store: {
      load: async () => ((await session.get(KEY))[KEY] as Record<string, DockRecord> | undefined) ?? {},
      save: (docks) => session.set({ [KEY]: docks }),
    },
    newToken: () => Array.from(crypto.getRandomValues(new Uint8Array(16)), (x) => x.toString(16).padStart(2, '0')).join(''),
    hostOf: (url) => (callHostOf(url) ? new URL(url).hostname : null),
  });
  const overlayPage = new URL(b.runtime.getURL('/overlay.html'));
  b.runtime.onConnect.addListener((port) => {
    const p = port as unknown as RouterPort & { sender?: { id?: string; url?: string } };
    if (p.sender?.id !== b.runtime.id) return;
    // The frame port speaks for the overlay page only (under use_dynamic_url its origin may differ).
    const isFrame = p.name === FRAME_PORT || p.name === FRAME_PORT_RECONNECT;
    if (isFrame && !isOverlayPage(p.sender.url, overlayPage)) return p.disconnect();
    router.accept(p);
  });
}

function isOverlayPage(url: string | undefined, own: URL): boolean {
  try {
    const u = new URL(url ?? '');
    return u.protocol === own.protocol && u.pathname === own.pathname;
  } catch {
    return false;
  }
}

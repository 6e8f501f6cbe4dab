/**
 * The overlay page's side of the dock (lib/frame/protocol.ts): a runtime port to the worker, which relays
 * geometry and visibility to and from the content script that docked this frame. The overlay renders only
 * once the worker confirms that a Holdspace content script docked this very frame (its tab, frame and
 * document as the browser reports them): `postMessage` is read for one thing only, a token to redeem with
 * the worker, so nothing the call page posts can move, focus or place the overlay.
 */
import { browser } from 'wxt/browser';
import {
  FRAME_PORT,
  FRAME_PORT_RECONNECT,
  FRAME_SIZE,
  isHostToFrame,
  isTokenOffer,
  isWorkerToFrame,
  type FrameToHost,
  type Redeem,
} from '../frame/protocol';
import { DEFAULT_PLACEMENT, placementPatch } from '../settings/settings';
import type { OverlayFrame, SettingsPort } from '../view/ports';

export interface ConfirmedDock {
  /** The call page's host (e.g. `meet.google.com`), as the worker saw the content script's URL. */
  host: string;
  frame: OverlayFrame;
}

type Port = ReturnType<typeof browser.runtime.connect>;

/** Resolves once the worker confirms this frame; never, for a frame no content script of ours docked. */
export function awaitDock(settings: SettingsPort): Promise<ConfirmedDock> {
  const focusListeners = new Set<() => void>();
  let port: Port | null = null;
  const unsent: (FrameToHost | Redeem)[] = [];
  const post = (message: FrameToHost | Redeem) => (port ? port.postMessage(message) : unsent.push(message));
  let confirmed: (host: string) => void = () => {};
  const confirmation = new Promise<string>((resolve) => (confirmed = resolve));

  const open = (reconnect: boolean) => {
    const p = browser.runtime.connect({ name: reconnect ? FRAME_PORT_RECONNECT : FRAME_PORT });
    port = p;
    unsent.splice(0).forEach((m) => p.postMessage(m));
    p.onMessage.addListener((m: unknown) => {
      if (isWorkerToFrame(m)) confirmed(m.host);
      if (isHostToFrame(m) && m.type === 'focus-capture') focusListeners.forEach((cb) => cb());
      if (isHostToFrame(m) && m.type === 'placed')
        void confirmation.then((host) => settings.update(placementPatch(host, { right: m.right, top: m.top })));
    });
    // MV3 stopped the worker: reconnect; the worker recognises this frame and confirms it again.
    p.onDisconnect.addListener(() => {
      port = null;
      setTimeout(() => open(true), 300);
    });
  };
  // The one thing taken from postMessage, from whoever sent it: a token, which only the worker can judge.
  window.addEventListener('message', (event) => {
    if (isTokenOffer(event.data)) post({ hs: 'frame', type: 'redeem', token: event.data.token });
  });
  open(false);

  const frame: OverlayFrame = {
    setCollapsed(collapsed) {
      const size = collapsed ? FRAME_SIZE.collapsed : FRAME_SIZE.expanded;
      post({ hs: 'frame', type: 'size', ...size });
    },
    moveBy: (dx, dy) => post({ hs: 'frame', type: 'move-by', dx, dy }),
    hide: () => post({ hs: 'frame', type: 'hide' }),
    onFocusCapture(cb) {
      focusListeners.add(cb);
      return () => focusListeners.delete(cb);
    },
  };
  return confirmation.then(async (host) => {
    const p = (await settings.get()).overlay[host] ?? DEFAULT_PLACEMENT;
    post({ hs: 'frame', type: 'size', ...(p.collapsed ? FRAME_SIZE.collapsed : FRAME_SIZE.expanded) });
    post({ hs: 'frame', type: 'place', right: p.right, top: p.top });
    return { host, frame };
  });
}

/** Runs `render` once the worker confirms this frame (see awaitDock); never for a frame no content script of ours docked. */
export function whenDocked(settings: SettingsPort, render: (dock: ConfirmedDock) => void): void {
  void awaitDock(settings).then(render);
}

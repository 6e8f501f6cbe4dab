/**
 * The overlay iframe on the call page: its element, its geometry, and its link to the overlay through the
 * background worker (lib/frame/protocol.ts). The call page's DOM adapter, used by the content script only;
 * the content script hands in what it needs from the browser (the overlay page's URL, the extension's id,
 * a way to open a runtime port), so nothing here calls browser APIs. Nothing here listens to `postMessage`:
 * the page shares this window and could forge or read it.
 */
import {
  clampPlacement,
  DEFAULT_PLACEMENT,
  FRAME_SIZE,
  isFrameToHost,
  isWorkerToHost,
  type HostToFrame,
  type TokenOffer,
} from '../frame/protocol';

/** The content script's context (WXT's ContentScriptContext): listeners added through it end with the script. */
export interface DockContext {
  addEventListener(target: EventTarget, type: 'resize' | 'load', handler: (event: Event) => void): void;
  onInvalidated(cb: () => void): void;
  readonly isValid: boolean;
}

/** The part of a runtime port the dock uses. */
export interface DockPort {
  postMessage(message: unknown): void;
  onMessage: { addListener(cb: (message: unknown) => void): void };
  onDisconnect: { addListener(cb: () => void): void };
  disconnect(): void;
}

export interface DockedOverlay {
  toggle(): void;
  focusCapture(): void;
  remove(): void;
}

/**
 * Docks the overlay page on the call page. `page` is the overlay page's URL (`browser.runtime.getURL`),
 * `extensionId` the extension's id, `connect` opens the port to the worker (`reconnect` after MV3 stopped
 * it); the dock's listeners end with the content script (`ctx`).
 */
export function dockOverlay(ctx: DockContext, page: string, extensionId: string, connect: (reconnect: boolean) => DockPort): DockedOverlay {
  const frame = document.createElement('iframe');
  frame.src = page;
  // The token is addressed to the origin our page runs at, so only our page in this frame can receive it.
  // Chromium (use_dynamic_url): the src carries a per-session id, the page runs at chrome-extension://<id>.
  // Firefox: the src's host (the per-install UUID) is the page's origin; the add-on id is not an origin, and
  // a post to a wrong origin is reported as an error on the call page.
  const own = new URL(page);
  const origins = [own.protocol === 'moz-extension:' ? `${own.protocol}//${own.host}` : `${own.protocol}//${extensionId}`];
  frame.title = 'Holdspace';
  frame.allow = 'clipboard-write';
  let place = { right: DEFAULT_PLACEMENT.right, top: DEFAULT_PLACEMENT.top };
  let size: { width: number; height: number } = FRAME_SIZE.expanded;
  let visible = true;
  let token: string | null = null;
  let port: DockPort | null = null;
  let removed = false;
  const style = frame.style;
  style.cssText =
    'position:fixed;z-index:2147483646;border:0;border-radius:12px;background:transparent;color-scheme:normal;' +
    'box-shadow:0 8px 28px rgba(0,0,0,.35);max-height:calc(100vh - 16px)';

  const send = (message: HostToFrame) => port?.postMessage(message);
  /** The frame still holds its first about:blank (same origin as the call page): a post would go to the page. */
  const notLoaded = () => {
    try {
      return frame.contentWindow?.location.href === 'about:blank';
    } catch {
      return false; // cross-origin: our page has loaded
    }
  };
  const offer = () => {
    // Before its page loads the offer waits for the browser's load event (below).
    if (!token || notLoaded()) return;
    const message: TokenOffer = { hs: 'dock-token', token };
    for (const origin of origins) {
      try {
        frame.contentWindow?.postMessage(message, origin);
      } catch {
        // The frame is navigating away: the next offer (on its load) reaches it.
      }
    }
  };
  // The first placement is the default, on screen by construction: it does not read the viewport, which
  // would force a layout while the call page is still loading. Later placements are clamped.
  const apply = (clamp = true) => {
    if (clamp) place = clampPlacement(place, size, { width: innerWidth, height: innerHeight });
    style.right = `${place.right}px`;
    style.top = `${place.top}px`;
    style.width = `${size.width}px`;
    style.height = `${size.height}px`;
    style.display = visible ? 'block' : 'none';
  };
  const setVisible = (next: boolean) => {
    visible = next;
    apply();
  };

  const onMessage = (m: unknown) => {
    if (isWorkerToHost(m)) {
      token = m.type === 'token' ? m.token : null;
      return offer();
    }
    if (!isFrameToHost(m)) return;
    if (m.type === 'size') size = { width: m.width, height: m.height };
    if (m.type === 'move-by') place = { right: place.right - m.dx, top: place.top + m.dy };
    if (m.type === 'place') place = { right: m.right, top: m.top };
    if (m.type === 'hide') return setVisible(false);
    apply();
    if (m.type !== 'size') send({ hs: 'host', type: 'placed', ...place });
  };
  // MV3 stops an idle worker, which closes the port: reopen it, unless the extension itself went away
  // (reloaded or updated: `ctx.isValid` turns false and the dock is removed).
  const open = (reconnect: boolean) => {
    if (removed || !ctx.isValid) return;
    try {
      port = connect(reconnect);
    } catch {
      return void ctx.isValid;
    }
    port.onMessage.addListener(onMessage);
    port.onDisconnect.addListener(() => {
      port = null;
      if (!removed && ctx.isValid) setTimeout(() => open(true), 300);
    });
  };

  ctx.addEventListener(window, 'resize', () => apply());
  // Only a load the browser fired (not one the page dispatched) offers the token again.
  ctx.addEventListener(frame, 'load', (event) => event.isTrusted && offer());

  apply(false);
  // The frame sits in a shadow root: Chromium's autofill collects a page's iframes with
  // getElementsByTagName, which does not enter shadow trees, so our frame's fields are not merged into the
  // call page's (https) form, and typing in them no longer makes Chromium query its autofill server.
  const host = document.createElement('holdspace-dock');
  host.attachShadow({ mode: 'open' }).append(frame);
  document.documentElement.append(host);
  open(false);
  const remove = () => {
    removed = true;
    port?.disconnect();
    host.remove();
  };
  ctx.onInvalidated(remove);
  return {
    toggle: () => setVisible(!visible),
    focusCapture() {
      setVisible(true);
      frame.focus();
      send({ hs: 'host', type: 'focus-capture' });
    },
    remove,
  };
}

/**
 * The overlay iframe on the call page: its element, its geometry, and the geometry-only message channel.
 * The call page's DOM adapter, used by the content script only; the content script hands in what it reads
 * from the browser (the overlay page's URL, the extension's id), so nothing here calls browser APIs.
 */
import { clampPlacement, DEFAULT_PLACEMENT, FRAME_SIZE, isFrameToHost, type HostToFrame } from '../frame/protocol';

/** The content script's context (WXT's ContentScriptContext): listeners added through it end with the script. */
export interface DockContext {
  addEventListener(target: Window, type: 'message' | 'resize', handler: (event: MessageEvent) => void): void;
}

export interface DockedOverlay {
  toggle(): void;
  focusCapture(): void;
  remove(): void;
}

/**
 * Docks the overlay page on the call page. `page` is the overlay page's URL (`browser.runtime.getURL`),
 * `extensionId` the extension's id, `hostname` the call page's (the overlay keeps a placement per host);
 * the dock's listeners end with the content script (`ctx`).
 */
export function dockOverlay(ctx: DockContext, page: string, extensionId: string, hostname: string): DockedOverlay {
  const frame = document.createElement('iframe');
  frame.src = `${page}?host=${encodeURIComponent(hostname)}`;
  // With use_dynamic_url the src carries a per-session id, but the page inside runs at the extension's own
  // origin: accept either, and answer the origin the frame really speaks from.
  const origins = [new URL(frame.src).origin, `chrome-extension://${extensionId}`];
  let origin: string | null = null;
  frame.title = 'Holdspace';
  frame.allow = 'clipboard-write';
  let place = { right: DEFAULT_PLACEMENT.right, top: DEFAULT_PLACEMENT.top };
  let size: { width: number; height: number } = FRAME_SIZE.expanded;
  let visible = true;
  const style = frame.style;
  style.cssText =
    'position:fixed;z-index:2147483646;border:0;border-radius:12px;background:transparent;color-scheme:normal;' +
    'box-shadow:0 8px 28px rgba(0,0,0,.35);max-height:calc(100vh - 16px)';

  const post = (message: HostToFrame) => origin && frame.contentWindow?.postMessage(message, origin);
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

  ctx.addEventListener(window, 'message', (event) => {
    if (event.source !== frame.contentWindow || !origins.includes(event.origin) || !isFrameToHost(event.data)) return;
    origin = event.origin;
    const m = event.data;
    if (m.type === 'size') size = { width: m.width, height: m.height };
    if (m.type === 'move-by') place = { right: place.right - m.dx, top: place.top + m.dy };
    if (m.type === 'place') place = { right: m.right, top: m.top };
    if (m.type === 'hide') return setVisible(false);
    apply();
    if (m.type !== 'size') post({ hs: 'host', type: 'placed', ...place });
  });
  ctx.addEventListener(window, 'resize', () => apply());

  apply(false);
  document.documentElement.append(frame);
  return {
    toggle: () => setVisible(!visible),
    focusCapture() {
      setVisible(true);
      frame.focus();
      post({ hs: 'host', type: 'focus-capture' });
    },
    remove: () => frame.remove(),
  };
}

/**
 * The content script on Meet and Zoom calls. It only docks the overlay page (an extension page, in an
 * iframe) over the call and links it to the worker: it never touches storage, never sees coaching text,
 * and stays tiny.
 */
import { dockOverlay, type DockedOverlay, type DockPort } from '@/lib/dock/dock';
import { DOCK_PORT, DOCK_PORT_RECONNECT } from '@/lib/frame/protocol';
import { callHostOf } from '@/lib/hosts';
import { CALL_HOST_MATCHES } from '@/lib/hosts/matches';

export default defineContentScript({
  matches: CALL_HOST_MATCHES,
  // Do not announce the extension to the page with a postMessage.
  noScriptStartedPostMessage: true,
  main(ctx) {
    let docked: DockedOverlay | null = null;
    const connect = (reconnect: boolean) =>
      browser.runtime.connect({ name: reconnect ? DOCK_PORT_RECONNECT : DOCK_PORT }) as unknown as DockPort;
    const follow = (url: string | URL) => {
      const onCall = callHostOf(url) !== null;
      if (onCall && !docked) docked = dockOverlay(ctx, browser.runtime.getURL('/overlay.html'), browser.runtime.id, connect);
      if (!onCall && docked) {
        docked.remove();
        docked = null;
      }
    };
    follow(location.href);
    // Meet and Zoom are single-page apps: follow URL changes (Navigation API; no polling where it exists).
    ctx.addEventListener(window, 'wxt:locationchange', (event) => follow(event.newUrl));

    const onMessage = (message: unknown) => {
      const type = (message as { hs?: unknown } | null)?.hs;
      if (type === 'toggle-overlay') docked?.toggle();
      if (type === 'focus-capture') docked?.focusCapture();
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
  },
});

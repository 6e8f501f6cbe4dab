/**
 * A small stand-in for WXT's ContentScriptContext, used only in the content script bundle (see
 * scripts/content-script-browser-shim.ts). It keeps what the call-page script uses — an AbortSignal that
 * every listener is tied to, invalidation when the extension goes away or a newer copy of the script starts,
 * and URL changes of single-page apps — and leaves out the rest (timers, idle callbacks, a logger, a
 * postMessage announcing the extension to the page), so the script stays tiny.
 *
 * A newer copy is found without anything the page can see or fire (WXT dispatches a DOM event named after
 * the extension id, which any page can fire to remove the overlay): each copy leaves its stop function on
 * the global object of the content scripts' isolated world, which the page's scripts cannot reach, and a
 * copy that starts calls the one it finds. When the extension is reloaded or updated, `runtime.id` of the
 * old copy turns undefined; the dock checks `isValid` when its port to the worker closes.
 * URL changes come from the Navigation API, with no polling; browsers without it get a 1 s check.
 */
import { browser } from 'wxt/browser';

type Handler = (event: never) => void;

export class ContentScriptContext {
  private readonly controller = new AbortController();

  constructor(name: string) {
    const slot = `__holdspace:${name}`;
    const world = globalThis as unknown as Record<string, (() => void) | undefined>;
    world[slot]?.();
    world[slot] = () => this.controller.abort();
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get isValid(): boolean {
    if (browser.runtime?.id == null) this.controller.abort();
    return !this.signal.aborted;
  }

  onInvalidated(cb: () => void): () => void {
    this.signal.addEventListener('abort', cb);
    return () => this.signal.removeEventListener('abort', cb);
  }

  addEventListener(target: EventTarget, type: string, handler: Handler, options?: AddEventListenerOptions): void {
    const signal = this.signal;
    if (type !== 'wxt:locationchange') {
      target.addEventListener(type, handler as EventListener, { ...options, signal });
      return;
    }
    let last = location.href;
    const report = (url: string) => {
      if (url === last) return;
      last = url;
      (handler as (e: { newUrl: URL }) => void)({ newUrl: new URL(url) });
    };
    const nav = (globalThis as { navigation?: EventTarget }).navigation;
    if (nav) nav.addEventListener('navigate', (e) => report((e as Event & { destination: { url: string } }).destination.url), { signal });
    else {
      const timer = setInterval(() => this.isValid && report(location.href), 1000);
      this.onInvalidated(() => clearInterval(timer));
    }
  }
}

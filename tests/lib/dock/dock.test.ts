// @vitest-environment happy-dom
import nodeConsole from 'node:console';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { dockOverlay, type DockedOverlay, type DockPort } from '@/lib/dock/dock';
import { ContentScriptContext } from '@/lib/platform/content-script-context';
import { FRAME_SIZE } from '@/lib/frame/protocol';

const PAGE = 'chrome-extension://dynamic-id/overlay.html';
const TOKEN = '0123456789abcdef0123456789abcdef';

/** A runtime port to the worker: records what the dock sends, and plays what the worker relays. */
function fakePort() {
  const listeners: ((m: unknown) => void)[] = [];
  const closers: (() => void)[] = [];
  const sent: unknown[] = [];
  const port: DockPort & { sent: unknown[]; fromWorker(m: unknown): void; close(): void } = {
    sent,
    postMessage: (m) => sent.push(m),
    onMessage: { addListener: (cb) => listeners.push(cb) },
    onDisconnect: { addListener: (cb) => closers.push(cb) },
    disconnect: vi.fn(),
    fromWorker: (m) => listeners.forEach((cb) => cb(m)),
    close: () => closers.forEach((cb) => cb()),
  };
  return port;
}

let ctx: ContentScriptContext;
let docked: DockedOverlay;
let frame: HTMLIFrameElement;
let ports: ReturnType<typeof fakePort>[];
let connect: ReturnType<typeof vi.fn<(reconnect: boolean) => DockPort>>;
/** Stands in for the frame's window (happy-dom does not load extension pages): records what the dock posts. */
let inside: { postMessage: ReturnType<typeof vi.fn> };

const port = () => ports.at(-1)!;
const box = () => ({
  right: frame.style.right,
  top: frame.style.top,
  width: frame.style.width,
  height: frame.style.height,
  display: frame.style.display,
});

beforeEach(() => {
  // happy-dom (through Node's own console) reports that it does not load iframe pages: the dock does not
  // need the page loaded here, so that one report is dropped.
  const report = nodeConsole.error.bind(nodeConsole);
  vi.spyOn(nodeConsole, 'error').mockImplementation((e: unknown, ...rest: unknown[]) => {
    if (!String(e).includes('Iframe page loading is disabled')) report(e, ...rest);
  });
  fakeBrowser.runtime.id = 'ext-id';
  ctx = new ContentScriptContext('call-overlay');
  ports = [];
  connect = vi.fn((_reconnect: boolean) => {
    ports.push(fakePort());
    return port();
  });
  inside = { postMessage: vi.fn() };
  docked = dockOverlay(ctx, PAGE, 'ext-id', connect);
  frame = document.querySelector('holdspace-dock')!.shadowRoot!.querySelector('iframe')!;
  Object.defineProperty(frame, 'contentWindow', { value: inside });
});

afterEach(() => {
  docked.remove();
  vi.useRealTimers();
  fakeBrowser.runtime.id = 'ext-id';
  new ContentScriptContext('call-overlay'); // ends the old context's listeners, as a newer copy of the script would
});

describe('the overlay dock on the call page', () => {
  it('docks the overlay page at the default place, expanded, with nothing about the call in its URL', () => {
    expect(frame.src).toBe(PAGE);
    expect(frame.title).toBe('Holdspace');
    // In a shadow root, where Chromium's autofill does not look for the page's iframes.
    expect(frame.getRootNode()).toBe(document.querySelector('holdspace-dock')!.shadowRoot);
    expect(document.querySelector('holdspace-dock')!.parentElement).toBe(document.documentElement);
    expect(document.getElementsByTagName('iframe')).toHaveLength(0);
    expect(connect).toHaveBeenCalledWith(false);
    expect(box()).toEqual({
      right: '16px',
      top: '72px',
      width: `${FRAME_SIZE.expanded.width}px`,
      height: `${FRAME_SIZE.expanded.height}px`,
      display: 'block',
    });
  });

  it('follows geometry relayed by the worker and answers where the panel now is, over the same port', () => {
    port().fromWorker({ hs: 'frame', type: 'move-by', dx: 10, dy: 20 });
    expect(box()).toMatchObject({ right: '8px', top: '92px' });
    expect(port().sent).toEqual([{ hs: 'host', type: 'placed', right: 8, top: 92 }]);

    port().fromWorker({ hs: 'frame', type: 'size', width: 240, height: 48 });
    expect(box()).toMatchObject({ width: '240px', height: '48px' });
    expect(port().sent).toHaveLength(1);

    port().fromWorker({ hs: 'frame', type: 'place', right: 100, top: 100 });
    expect(port().sent[1]).toEqual({ hs: 'host', type: 'placed', right: 100, top: 100 });
  });

  it('keeps the panel on screen', () => {
    port().fromWorker({ hs: 'frame', type: 'place', right: 50_000, top: -50 });
    expect(box()).toMatchObject({ right: `${innerWidth - FRAME_SIZE.expanded.width - 8}px`, top: '8px' });
  });

  it('listens to no postMessage at all: a message forged as from its frame moves nothing', () => {
    const forged = { hs: 'frame', type: 'place', right: 300, top: 300 };
    window.dispatchEvent(new MessageEvent('message', { data: forged, origin: 'chrome-extension://ext-id', source: inside as never }));
    port().fromWorker({ hs: 'frame', type: 'place', right: '300px', top: 300 });
    port().fromWorker({ hs: 'frame', type: 'text', text: 'client notes' });
    expect(box()).toMatchObject({ right: '16px', top: '72px' });
    expect(port().sent).toEqual([]);
    // The control: the same place, relayed by the worker, is applied.
    port().fromWorker(forged);
    expect(box()).toMatchObject({ right: '300px', top: '300px' });
  });

  it("hands the worker's token to its own frame only, addressed to the extension's origin, until it is redeemed", () => {
    port().fromWorker({ hs: 'worker', type: 'token', token: TOKEN });
    const offer = { hs: 'dock-token', token: TOKEN };
    // Chromium: the page runs at chrome-extension://<id>, not at the src's per-session dynamic id.
    expect(inside.postMessage.mock.calls).toEqual([[offer, 'chrome-extension://ext-id']]);
    // A load event the page dispatches is not the browser's: no second offer.
    frame.dispatchEvent(new Event('load'));
    expect(inside.postMessage).toHaveBeenCalledTimes(1);
    port().fromWorker({ hs: 'worker', type: 'confirmed' });
    port().fromWorker({ hs: 'worker', type: 'token', token: 'not-a-token' });
    expect(inside.postMessage).toHaveBeenCalledTimes(1);
  });

  it("hides on the frame's request; the toggle command and focus capture show it again", () => {
    port().fromWorker({ hs: 'frame', type: 'hide' });
    expect(box().display).toBe('none');
    docked.toggle();
    expect(box().display).toBe('block');
    docked.toggle();
    expect(box().display).toBe('none');
    docked.focusCapture();
    expect(box().display).toBe('block');
    // Showing and hiding is the dock's own business: the frame hears only that capture wants focus.
    expect(port().sent).toEqual([{ hs: 'host', type: 'focus-capture' }]);
  });

  it('reopens its port when MV3 stops the worker, and leaves the page when the extension went away', () => {
    vi.useFakeTimers();
    port().close();
    vi.advanceTimersByTime(1000);
    expect(connect.mock.calls).toEqual([[false], [true]]);
    port().fromWorker({ hs: 'frame', type: 'place', right: 100, top: 100 });
    expect(box()).toMatchObject({ right: '100px' });

    fakeBrowser.runtime.id = undefined as unknown as string; // an orphaned content script after a reload
    port().close();
    vi.advanceTimersByTime(1000);
    expect(connect).toHaveBeenCalledTimes(2);
    expect(document.querySelector('holdspace-dock')).toBeNull();
  });

  it('leaves the page when removed (closing its port), and when a newer copy of the script starts', () => {
    new ContentScriptContext('call-overlay');
    expect(document.querySelector('holdspace-dock')).toBeNull();
    expect(port().disconnect).toHaveBeenCalled();
  });
});

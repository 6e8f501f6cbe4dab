// @vitest-environment happy-dom
import nodeConsole from 'node:console';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { dockOverlay, type DockedOverlay } from '@/lib/dock/dock';
import { ContentScriptContext } from '@/lib/platform/content-script-context';
import { FRAME_SIZE } from '@/lib/frame/protocol';

// The dynamic URL's own origin is accepted too, but Node's URL gives `chrome-extension:` URLs an opaque
// origin: that half is covered by the browser tests (tests/e2e/foundation.e2e.ts).
const PAGE = 'chrome-extension://dynamic-id/overlay.html';
const OWN_ORIGIN = 'chrome-extension://ext-id';

let ctx: ContentScriptContext;
let docked: DockedOverlay;
let frame: HTMLIFrameElement;
/** Stands in for the frame's window (happy-dom does not load extension pages): records what the dock posts. */
let inside: { postMessage: ReturnType<typeof vi.fn> };

function fromFrame(data: unknown, origin = OWN_ORIGIN, source: unknown = inside) {
  window.dispatchEvent(new MessageEvent('message', { data, origin, source: source as Window }));
}

const posted = () => inside.postMessage.mock.calls;
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
  docked = dockOverlay(ctx, PAGE, 'ext-id', 'meet.google.com');
  frame = document.querySelector('iframe')!;
  inside = { postMessage: vi.fn() };
  Object.defineProperty(frame, 'contentWindow', { value: inside });
});

afterEach(() => {
  docked.remove();
  new ContentScriptContext('call-overlay'); // ends the old context's listeners, as a newer copy of the script would
});

describe('the overlay dock on the call page', () => {
  it('docks the overlay page for this host at the default place, expanded', () => {
    expect(frame.src).toBe(`${PAGE}?host=meet.google.com`);
    expect(frame.title).toBe('Holdspace');
    expect(frame.parentElement).toBe(document.documentElement);
    expect(box()).toEqual({
      right: '16px',
      top: '72px',
      width: `${FRAME_SIZE.expanded.width}px`,
      height: `${FRAME_SIZE.expanded.height}px`,
      display: 'block',
    });
  });

  it('follows geometry from its frame and answers where the panel now is, at the origin the frame spoke from', () => {
    fromFrame({ hs: 'frame', type: 'move-by', dx: 10, dy: 20 });
    expect(box()).toMatchObject({ right: '8px', top: '92px' });
    expect(posted()).toEqual([[{ hs: 'host', type: 'placed', right: 8, top: 92 }, OWN_ORIGIN]]);

    fromFrame({ hs: 'frame', type: 'size', width: 240, height: 48 });
    expect(box()).toMatchObject({ width: '240px', height: '48px' });
    expect(posted()).toHaveLength(1);

    fromFrame({ hs: 'frame', type: 'place', right: 100, top: 100 });
    expect(posted()[1]).toEqual([{ hs: 'host', type: 'placed', right: 100, top: 100 }, OWN_ORIGIN]);
  });

  it('keeps the panel on screen', () => {
    fromFrame({ hs: 'frame', type: 'place', right: 50_000, top: -50 });
    expect(box()).toMatchObject({ right: `${innerWidth - FRAME_SIZE.expanded.width - 8}px`, top: '8px' });
  });

  it('ignores messages from the page, from other origins and of unknown shape', () => {
    fromFrame({ hs: 'frame', type: 'place', right: 300, top: 300 }, OWN_ORIGIN, window);
    fromFrame({ hs: 'frame', type: 'place', right: 300, top: 300 }, 'https://meet.google.com');
    fromFrame({ hs: 'frame', type: 'place', right: '300px', top: 300 });
    fromFrame({ hs: 'frame', type: 'text', text: 'client notes' });
    expect(box()).toMatchObject({ right: '16px', top: '72px' });
    expect(posted()).toEqual([]);
  });

  it("hides on the frame's request; the toggle command and focus capture show it again", () => {
    fromFrame({ hs: 'frame', type: 'hide' });
    expect(box().display).toBe('none');
    docked.toggle();
    expect(box().display).toBe('block');
    docked.toggle();
    expect(box().display).toBe('none');
    docked.focusCapture();
    expect(box().display).toBe('block');
    // Showing and hiding is the dock's own business: the frame hears only that capture wants focus.
    expect(posted()).toEqual([[{ hs: 'host', type: 'focus-capture' }, OWN_ORIGIN]]);
  });

  it('leaves the page when removed, and stops listening when the content script is replaced', () => {
    new ContentScriptContext('call-overlay');
    fromFrame({ hs: 'frame', type: 'place', right: 300, top: 300 });
    expect(box()).toMatchObject({ right: '16px', top: '72px' });
    docked.remove();
    expect(document.querySelector('iframe')).toBeNull();
  });
});

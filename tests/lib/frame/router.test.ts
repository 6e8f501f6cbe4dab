import { describe, expect, it, vi } from 'vitest';
import { DOCK_PORT, DOCK_PORT_RECONNECT, FRAME_PORT, FRAME_PORT_RECONNECT } from '@/lib/frame/protocol';
import { createDockRouter, type DockRecord, type RouterPort, type Sender } from '@/lib/frame/router';

const CALL = 'https://meet.google.com/abc-defg-hij';
const TOKEN = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
const OTHER = 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb';

function fakePort(name: string, sender: Sender) {
  const listeners: ((m: unknown) => void)[] = [];
  const closers: (() => void)[] = [];
  const got: unknown[] = [];
  const port: RouterPort & { got: unknown[]; send(m: unknown): Promise<void>; close(): void } = {
    name,
    sender,
    got,
    postMessage: (m) => got.push(m),
    onMessage: { addListener: (cb) => listeners.push(cb) },
    onDisconnect: { addListener: (cb) => closers.push(cb) },
    disconnect: vi.fn(),
    async send(m) {
      listeners.forEach((cb) => cb(m));
      await settle();
    },
    close: () => closers.forEach((cb) => cb()),
  };
  return port;
}

const settle = () => new Promise((r) => setTimeout(r, 0));

function setup(tokens = [TOKEN, OTHER]) {
  let stored: Record<string, DockRecord> = {};
  const store = {
    load: vi.fn(async () => structuredClone(stored)),
    save: vi.fn(async (d: Record<string, DockRecord>) => void (stored = structuredClone(d))),
  };
  const router = createDockRouter({
    store,
    newToken: () => tokens.shift()!,
    hostOf: (url) => (url.startsWith('https://meet.google.com/') ? 'meet.google.com' : null),
  });
  /** A new router over the same session storage: the worker after MV3 stopped it. */
  const restart = () => createDockRouter({ store, newToken: () => tokens.shift()!, hostOf: () => 'meet.google.com' });
  return { router, restart, stored: () => stored };
}

async function open(router: ReturnType<typeof createDockRouter>, name: string, sender: Sender) {
  const port = fakePort(name, sender);
  expect(router.accept(port)).toBe(true);
  await settle();
  return port;
}

const cs = { tab: { id: 7 }, frameId: 0, documentId: 'page-doc', url: CALL };
const overlay = { tab: { id: 7 }, frameId: 3, documentId: 'overlay-doc', url: 'chrome-extension://x/overlay.html' };

describe('the dock router', () => {
  it("gives a docking content script a token, and confirms the frame that redeems it — only that frame's messages pass", async () => {
    const { router } = setup();
    const host = await open(router, DOCK_PORT, cs);
    expect(host.got).toEqual([{ hs: 'worker', type: 'token', token: TOKEN }]);

    const frame = await open(router, FRAME_PORT, overlay);
    expect(frame.got).toEqual([]); // not confirmed before it redeems
    await frame.send({ hs: 'frame', type: 'redeem', token: TOKEN });
    expect(frame.got).toEqual([{ hs: 'worker', type: 'confirmed', host: 'meet.google.com' }]);
    expect(host.got.at(-1)).toEqual({ hs: 'worker', type: 'confirmed' });

    await frame.send({ hs: 'frame', type: 'place', right: 40, top: 50 });
    expect(host.got.at(-1)).toEqual({ hs: 'frame', type: 'place', right: 40, top: 50 });
    await host.send({ hs: 'host', type: 'focus-capture' });
    expect(frame.got.at(-1)).toEqual({ hs: 'host', type: 'focus-capture' });
    await frame.send({ hs: 'frame', type: 'text', text: 'client notes' });
    expect(host.got).toHaveLength(3);
  });

  it('never confirms a frame that does not hold the token: a wrong one, a spent one, one from another tab', async () => {
    const { router } = setup();
    const host = await open(router, DOCK_PORT, cs);
    const elsewhere = await open(router, FRAME_PORT, { ...overlay, tab: { id: 8 } });
    await elsewhere.send({ hs: 'frame', type: 'redeem', token: TOKEN });
    const guess = await open(router, FRAME_PORT, { ...overlay, frameId: 4 });
    await guess.send({ hs: 'frame', type: 'redeem', token: OTHER });
    await guess.send({ hs: 'frame', type: 'place', right: 1, top: 1 });
    expect([elsewhere.got, guess.got]).toEqual([[], []]);
    expect(host.got).toHaveLength(1); // the token only

    const real = await open(router, FRAME_PORT, overlay);
    await real.send({ hs: 'frame', type: 'redeem', token: TOKEN });
    expect(real.got).toHaveLength(1); // the control: the token works once…
    const again = await open(router, FRAME_PORT, { ...overlay, documentId: 'reloaded-doc' });
    await again.send({ hs: 'frame', type: 'redeem', token: TOKEN });
    expect(again.got).toEqual([]); // …and only once
  });

  it('refuses ports without a tab and frame, and content scripts off a call page', async () => {
    const { router } = setup();
    const noTab = fakePort(DOCK_PORT, { url: CALL });
    router.accept(noTab);
    const offCall = fakePort(DOCK_PORT, { ...cs, url: 'https://example.com/' });
    router.accept(offCall);
    expect(noTab.disconnect).toHaveBeenCalled();
    expect(offCall.disconnect).toHaveBeenCalled();
    expect(router.accept(fakePort('holdspace/changes', cs))).toBe(false);
  });

  it('after MV3 stopped the worker, knows the dock and its frame again from storage, and relays what waited', async () => {
    const { router, restart } = setup();
    const host = await open(router, DOCK_PORT, cs);
    const frame = await open(router, FRAME_PORT, overlay);
    await frame.send({ hs: 'frame', type: 'redeem', token: TOKEN });
    host.close();
    frame.close();

    const next = restart();
    const frameAgain = await open(next, FRAME_PORT_RECONNECT, overlay);
    expect(frameAgain.got).toEqual([{ hs: 'worker', type: 'confirmed', host: 'meet.google.com' }]);
    await frameAgain.send({ hs: 'frame', type: 'hide' }); // the content script has not reconnected yet
    const hostAgain = await open(next, DOCK_PORT_RECONNECT, cs);
    expect(hostAgain.got).toEqual([{ hs: 'frame', type: 'hide' }]);
    // A frame the browser reports as another document is not the one that was confirmed.
    const impostor = await open(next, FRAME_PORT_RECONNECT, { ...overlay, documentId: 'other-doc' });
    expect(impostor.got).toEqual([]);
  });

  it('a content script that starts anew (a reload) opens a new dock: the old frame is no longer confirmed', async () => {
    const { router } = setup();
    await open(router, DOCK_PORT, cs);
    const frame = await open(router, FRAME_PORT, overlay);
    await frame.send({ hs: 'frame', type: 'redeem', token: TOKEN });
    const reloaded = await open(router, DOCK_PORT, { ...cs, documentId: 'page-doc-2' });
    expect(reloaded.got).toEqual([{ hs: 'worker', type: 'token', token: OTHER }]);
    await frame.send({ hs: 'frame', type: 'place', right: 1, top: 1 });
    expect(reloaded.got).toHaveLength(1);
  });
});

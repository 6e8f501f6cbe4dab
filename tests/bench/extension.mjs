// The extension inside the bench's Chromium: its service worker (with the bench build's store handle),
// extension pages, and tabs on the fixture's call pages.
import { evaluate, waitFor } from './cdp.mjs';

export const MEET_CALL = 'https://meet.google.com/abc-defg-hij';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Attaches to the extension's service worker once it answers. A worker caught while the extension is
 * still installing can be replaced (its session reports a crash): then it attaches to the new one.
 */
export async function attachWorker(chromium, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const sw = (await chromium.targets()).find((t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'));
    if (sw) {
      // A worker target can go away between the listing and the attach (stopped, or replaced while starting).
      const session = await within(chromium.attach(sw.targetId), 5_000, 'Target.attachToTarget').catch(() => null);
      if (!session) {
        if (Date.now() > deadline) throw new Error('The extension service worker did not start (is the build loaded?)');
        await sleep(250);
        continue;
      }
      const answer = await Promise.race([
        session.send('Runtime.evaluate', { expression: '1' }).then(
          () => true,
          () => false,
        ),
        sleep(2_000).then(() => false),
      ]);
      if (answer) return { session, extensionId: new URL(sw.url).host, targetId: sw.targetId };
      await chromium.browser.send('Target.detachFromTarget', { sessionId: session.id }).catch(() => undefined);
    }
    if (Date.now() > deadline) throw new Error('The extension service worker did not start (is the build loaded?)');
    await sleep(250);
  }
}

/**
 * The worker of a bench build (`npx wxt build --mode bench`), once its script has run: a worker caught while
 * the extension installs may not have run it yet, or may be replaced, so it is asked again for a while.
 */
export async function benchWorker(chromium, what = 'the extension') {
  let worker = await attachWorker(chromium);
  for (
    let i = 0;
    !(await inWorker(worker, 'return Boolean(globalThis.__holdspaceBench?.api && globalThis.__holdspaceBench?.seedDirect)'));
    i++
  ) {
    if (i >= 40) throw new Error(`${what} is not a bench build (npx wxt build --mode bench)`);
    await sleep(250);
    worker = await attachWorker(chromium);
  }
  return worker;
}

/** `promise`, or a rejection naming `what` once `ms` have passed without an answer (no CDP call may hang the bench). */
export function within(promise, ms, what) {
  let timer;
  const late = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/**
 * Stops the extension's service worker, as MV3 does when it is idle, and resolves once Chromium reports it
 * stopped; the next message starts a fresh worker. `anyTabSession` must be a tab in the extension's storage
 * partition (an extension page, or a fresh about:blank tab); it is used for the ServiceWorker domain only.
 *
 * `ServiceWorker.stopAllWorkers` answers only once every worker it stops has stopped, so it is bounded, and
 * stopped is read from the domain's own `workerVersionUpdated` events (running status `stopped`) rather than
 * from the target list: a view whose change port closes reconnects at once and may start a fresh worker
 * right after, which a "no service worker target left" poll would wait for forever.
 */
export async function stopWorker(chromium, anyTabSession, timeoutMs = 30_000) {
  /** @type {Map<string, string>} versionId → runningStatus, for this extension's workers */
  const status = new Map();
  const off = anyTabSession.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const v of versions) if (v.scriptURL.startsWith('chrome-extension://')) status.set(v.versionId, v.runningStatus);
  });
  try {
    await within(anyTabSession.send('ServiceWorker.enable'), timeoutMs, 'ServiceWorker.enable');
    const running = () => [...status].filter(([, s]) => s !== 'stopped').map(([id]) => id);
    // The domain reports every version as soon as it is enabled; nothing running means nothing to stop.
    await sleep(50);
    const before = running();
    await within(anyTabSession.send('ServiceWorker.stopAllWorkers'), timeoutMs, 'ServiceWorker.stopAllWorkers').catch(async (error) => {
      // Stop them one by one instead (each answers once its worker is told to stop).
      for (const versionId of running())
        await within(anyTabSession.send('ServiceWorker.stopWorker', { versionId }), timeoutMs, 'ServiceWorker.stopWorker');
      if (running().length) throw error;
    });
    const deadline = Date.now() + timeoutMs;
    while (before.some((id) => status.get(id) !== 'stopped')) {
      if (Date.now() > deadline) throw new Error(`The service worker did not stop: ${JSON.stringify([...status])}`);
      await sleep(20);
    }
  } finally {
    off();
    await within(anyTabSession.send('ServiceWorker.disable'), 5_000, 'ServiceWorker.disable').catch(() => undefined);
  }
}

/** Runs `body` (the source of an async function body) in the worker; `__holdspaceBench` is `B` there. */
export function inWorker(worker, body) {
  return evaluate(worker.session, `(async () => { const B = globalThis.__holdspaceBench; ${body} })()`);
}

/**
 * Opens a tab at `url` and waits for its load event. `beforeLoad(session)` runs before navigation (to
 * register init scripts, emulation, auto-attach). Returns the tab's session and target id.
 */
export async function openTab(chromium, url, beforeLoad = async () => {}, { background = false } = {}) {
  const { targetId } = await chromium.browser.send('Target.createTarget', { url: 'about:blank', background });
  const session = await chromium.attach(targetId);
  await session.send('Page.enable');
  await beforeLoad(session);
  const loaded = waitFor(session, 'Page.loadEventFired');
  await session.send('Page.navigate', { url });
  await loaded;
  return { session, targetId, close: () => chromium.browser.send('Target.closeTarget', { targetId }).catch(() => undefined) };
}

/**
 * An extension page to call the API from, exactly as views do (runtime messages), with the app on it
 * unmounted first so that only the bench's calls reach the worker. The bench kit is injected.
 */
export async function openApiPage(chromium, extensionId, kit) {
  const tab = await openTab(chromium, `chrome-extension://${extensionId}/sidepanel.html`);
  // The panel loads its app as a chunk after a small entry (early reads): unmount it only once it has mounted,
  // or it stays live and answers every change with reads of its own, inflating the bench's write figures.
  for (let i = 0; i < 100 && !(await evaluate(tab.session, `(document.getElementById('app')?.childElementCount ?? 0) > 0`)); i++)
    await sleep(50);
  await evaluate(tab.session, `window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false })); true`);
  if (await evaluate(tab.session, `(document.getElementById('app')?.childElementCount ?? 0) > 0`))
    throw new Error('The API page could not unmount the app: its own reads would be timed with the bench calls');
  await evaluate(tab.session, `${kit}; true`);
  return tab;
}

/**
 * Follows the out-of-process frames of a tab: each new frame is held at its start until `onFrame` (given
 * its session and target info) has run, so domains it enables see the frame's very first script.
 */
export async function followFrames(chromium, tabSession, onFrame) {
  /** @type {{ session: any, info: any }[]} */
  const frames = [];
  tabSession.on('Target.attachedToTarget', async ({ sessionId, targetInfo }) => {
    const session = chromium.session(sessionId);
    try {
      if (targetInfo.type === 'iframe') {
        frames.push({ session, info: targetInfo });
        await onFrame(session, targetInfo);
      }
    } finally {
      await session.send('Runtime.runIfWaitingForDebugger').catch(() => undefined);
    }
  });
  await tabSession.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: true });
  return frames;
}

/** The overlay's frame among a tab's followed frames, once it has appeared (its URL names overlay.html). */
export async function overlayFrame(chromium, frames, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const frame of frames) {
      const { targetInfo } = await chromium.browser
        .send('Target.getTargetInfo', { targetId: frame.info.targetId })
        .catch(() => ({ targetInfo: null }));
      if (targetInfo?.url.includes('/overlay.html')) return frame;
    }
    if (Date.now() > deadline) throw new Error('The overlay frame did not appear on the call page');
    await sleep(50);
  }
}

export { evaluate, sleep };

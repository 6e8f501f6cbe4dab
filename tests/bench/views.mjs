// Time to an interactive view, measured inside the page with performance timestamps (not by polling from
// outside): the side panel page with the record loaded, and the overlay on the Meet call.
import { evaluate, followFrames, MEET_CALL, openTab, overlayFrame, sleep, stopWorker } from './extension.mjs';
import { median, round } from './stats.mjs';

/**
 * Runs at document start (`start`: nothing of the page's own has run yet); records when the "Client" combobox first exists (`first`) and when it is
 * interactive with the clients loaded — enabled, with its option list filled (`ready`), then the next
 * frame (`painted`). Times are absolute (timeOrigin + now) so they compare across processes.
 */
export const MARKS = `(() => {
  const at = () => performance.timeOrigin + performance.now();
  // start: this script runs as the document's context is made, before any of the page's own code: from
  // navigation to here is the browser's share (a renderer process, after a worker stop; the document).
  const marks = (globalThis.__hsMarks = { origin: performance.timeOrigin, start: at(), first: null, ready: null, painted: null });
  const observer = new MutationObserver(() => {
    const input = document.querySelector('input[role="combobox"][aria-label="Client"]');
    if (!input) return;
    if (marks.first === null) marks.first = at();
    const list = document.getElementById(input.getAttribute('aria-controls') || '');
    if (input.disabled || !list || !list.querySelector('[role="option"]')) return;
    marks.ready = at();
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => (marks.painted = at())));
  });
  observer.observe(document, { childList: true, subtree: true });
})()`;

export async function marksOf(session, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const marks = await evaluate(session, 'globalThis.__hsMarks ?? null').catch(() => null);
    if (marks?.painted) return marks;
    if (Date.now() > deadline) throw new Error(`The "Client" control did not become interactive: ${JSON.stringify(marks)}`);
    await sleep(100);
  }
}

/**
 * The side panel page in a 400 × 800 tab, `runs` fresh loads; with `stopWorkerFirst`, each load finds the
 * service worker stopped (as MV3 leaves it after 30 idle seconds).
 */
export async function panelReady({ chromium, extensionId, runs, stopWorkerFirst = false }) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const tab = await openTab(chromium, `chrome-extension://${extensionId}/sidepanel.html`, async (s) => {
      if (stopWorkerFirst) await stopWorker(chromium, s);
      await s.send('Emulation.setDeviceMetricsOverride', { width: 400, height: 800, deviceScaleFactor: 1, mobile: false });
      await s.send('Page.addScriptToEvaluateOnNewDocument', { source: MARKS });
    });
    const m = await marksOf(tab.session);
    const options = await evaluate(tab.session, `document.querySelectorAll('[role="option"]').length`);
    samples.push({
      startMs: m.start - m.origin,
      firstMs: m.first - m.origin,
      readyMs: m.ready - m.origin,
      paintedMs: m.painted - m.origin,
      options,
    });
    await tab.close();
  }
  return {
    panelReadyMs: median(samples.map((s) => s.readyMs)),
    panelFirstRenderMs: median(samples.map((s) => s.firstMs)),
    panelReadyPaintedMs: median(samples.map((s) => s.paintedMs)),
    panelScriptStartMs: median(samples.map((s) => s.startMs)),
    runs: samples.map((s) => ({
      startMs: round(s.startMs),
      firstMs: round(s.firstMs),
      readyMs: round(s.readyMs),
      paintedMs: round(s.paintedMs),
      options: s.options,
    })),
  };
}

/** The Meet call page, `runs` fresh loads: from the page's DOMContentLoaded to the overlay's "Client" control. */
export async function overlayMount({ chromium, runs }) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    let frames = [];
    const tab = await openTab(chromium, MEET_CALL, async (s) => {
      frames = await followFrames(chromium, s, async (frame) => {
        await frame.send('Page.enable');
        await frame.send('Page.addScriptToEvaluateOnNewDocument', { source: MARKS });
      });
    });
    const frame = await overlayFrame(chromium, frames);
    const m = await marksOf(frame.session);
    const page = await evaluate(
      tab.session,
      `(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      return { origin: performance.timeOrigin, dcl: performance.timeOrigin + nav.domContentLoadedEventStart };
    })()`,
    );
    samples.push({
      mountMs: m.ready - page.dcl,
      frameStartMs: m.origin - page.dcl,
      firstMs: m.first - page.dcl,
      paintedMs: m.painted - page.dcl,
      pageDclMs: page.dcl - page.origin,
    });
    await tab.close();
  }
  return {
    overlayMountMs: median(samples.map((s) => s.mountMs)),
    overlayFrameStartMs: median(samples.map((s) => s.frameStartMs)),
    overlayFirstRenderMs: median(samples.map((s) => s.firstMs)),
    overlayMountPaintedMs: median(samples.map((s) => s.paintedMs)),
    runs: samples.map((s) => Object.fromEntries(Object.entries(s).map(([k, v]) => [k, round(v)]))),
  };
}

// Script time the extension costs the call tab, from CDP Performance.getMetrics: the call page's own target
// (where the content script runs, in its isolated world) plus the overlay's out-of-process frame, each
// with the Performance domain enabled before its first script. The same page in the same Chromium binary
// without the extension is the baseline.
import { followFrames, MEET_CALL, openTab, sleep } from './extension.mjs';
import { median, round } from './stats.mjs';

const SETTLE_MS = 5_000;

async function metrics(session) {
  const { metrics: list } = await session.send('Performance.getMetrics');
  const m = Object.fromEntries(list.map((x) => [x.name, x.value]));
  return { scriptMs: (m.ScriptDuration ?? 0) * 1000, taskMs: (m.TaskDuration ?? 0) * 1000 };
}

async function sample(tab, frames) {
  const page = await metrics(tab.session);
  const framesNow = await Promise.all(frames.map((f) => metrics(f.session).catch(() => ({ scriptMs: 0, taskMs: 0 }))));
  return {
    pageScriptMs: page.scriptMs,
    pageTaskMs: page.taskMs,
    frameScriptMs: framesNow.reduce((s, f) => s + f.scriptMs, 0),
    frameTaskMs: framesNow.reduce((s, f) => s + f.taskMs, 0),
  };
}

const minus = (a, b) => Object.fromEntries(Object.keys(a).map((k) => [k, a[k] - b[k]]));

/** Opens the Meet call in a foreground tab with metrics on from the first script of the page and its frames. */
export async function openCallTab(chromium) {
  let frames = [];
  const tab = await openTab(chromium, MEET_CALL, async (s) => {
    await s.send('Performance.enable');
    frames = await followFrames(chromium, s, (frame) => frame.send('Performance.enable'));
  });
  await chromium.browser.send('Target.activateTarget', { targetId: tab.targetId });
  return { tab, frames };
}

/** Load and the first 5 s after the load event, `runs` fresh tabs: script time, median per part. */
export async function settle(chromium, runs) {
  const out = [];
  for (let i = 0; i < runs; i++) {
    const { tab, frames } = await openCallTab(chromium);
    await sleep(SETTLE_MS);
    out.push(await sample(tab, frames));
    await tab.close();
  }
  const pick = (k) => median(out.map((r) => r[k]));
  return {
    pageScriptMs: pick('pageScriptMs'),
    frameScriptMs: pick('frameScriptMs'),
    pageTaskMs: pick('pageTaskMs'),
    frameTaskMs: pick('frameTaskMs'),
    runs: out.map(rounded),
  };
}

const rounded = (r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, round(v)]));

/**
 * A call tab left alone for `idleMs` after settling: script and task time over that window. Garbage left
 * by earlier pages in the same renderer processes (closed panels, earlier runs) is collected first, so the
 * window shows the steady state rather than the bench's own leftovers.
 */
export async function idle(chromium, idleMs) {
  const { tab, frames } = await openCallTab(chromium);
  await sleep(SETTLE_MS);
  for (const s of [tab.session, ...frames.map((f) => f.session)]) await s.send('HeapProfiler.collectGarbage').catch(() => undefined);
  await sleep(2_000);
  const before = await sample(tab, frames);
  await sleep(idleMs);
  const after = await sample(tab, frames);
  await tab.close();
  return rounded(minus(after, before));
}

/** Scales a window's figures to 30 s. */
export function per30s(window, idleMs) {
  return Object.fromEntries(Object.entries(window).map(([k, v]) => [k, round((v * 30_000) / idleMs, 3)]));
}

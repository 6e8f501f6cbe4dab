// Timer accuracy with the call tab hidden and its CPU throttled. The session's start is moved 10 minutes
// into the past (so the overlay shows a timer 10 minutes in), the tab is hidden behind another tab (real
// Chromium background-tab timer throttling) with CDP CPU throttling ×4, and left for `hiddenMs` of real time.
// The digits shown are compared with the wall clock while hidden, and again on the first frame after the
// tab is shown. The display counts down whole seconds (mm:ss, floored), so a drift of 0 means it shows
// exactly the right second; a positive drift is how far the shown time lags the wall clock.
import { evaluate, followFrames, inWorker, MEET_CALL, openTab, overlayFrame, sleep } from './extension.mjs';
import { round } from './stats.mjs';

const BACKDATE_MS = 10 * 60_000;
const CPU_THROTTLE = 4;

/** Seconds shown by "mm:ss" or "h:mm:ss" (remaining time; null in overtime or when unreadable). */
export function shownSeconds(text) {
  const m = /^(?:(\d+):)?(\d{1,2}):(\d{2})$/.exec(text.trim());
  return m ? Number(m[1] ?? 0) * 3600 + Number(m[2]) * 60 + Number(m[3]) : null;
}

/**
 * How far the shown remaining time lags the true remaining time at `now` (ms; 0 when the right second
 * is shown, negative when it runs ahead).
 */
export function driftMs(text, now, timer) {
  const shown = shownSeconds(text);
  if (shown === null) return null;
  const remaining = timer.plannedMinutes * 60_000 - (now - timer.startedAt - timer.pausedTotalMs);
  if (remaining < shown * 1000) return shown * 1000 - remaining;
  if (remaining >= (shown + 1) * 1000) return -(remaining - (shown + 1) * 1000);
  return 0;
}

const READ = `(() => { const el = document.querySelector('[role="timer"]'); return el ? { text: el.textContent, now: Date.now(), visibility: document.visibilityState } : null; })()`;
const WATCH = `(() => {
  const el = document.querySelector('[role="timer"]');
  globalThis.__hsTicks = [];
  new MutationObserver(() => __hsTicks.push({ text: el.textContent, now: Date.now(), visibility: document.visibilityState }))
    .observe(el, { childList: true, characterData: true, subtree: true });
  return true;
})()`;

/** Hides the call tab behind another for `hiddenMs` with the CPU throttled, then shows it: drift at each step. */
async function hideAndShow(chromium, tab, frame, hiddenMs, timer) {
  const cover = await chromium.browser.send('Target.createTarget', { url: 'about:blank' });
  await chromium.browser.send('Target.activateTarget', { targetId: cover.targetId });
  for (const s of [tab.session, frame.session]) await s.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLE });
  await sleep(hiddenMs);
  const hidden = await evaluate(frame.session, READ);
  await chromium.browser.send('Target.activateTarget', { targetId: tab.targetId });
  const shown = await evaluate(
    frame.session,
    `new Promise((resolve) => {
    const read = () => requestAnimationFrame(() => resolve(${READ}));
    if (document.visibilityState === 'visible') read();
    else document.addEventListener('visibilitychange', read, { once: true });
  })`,
  );
  await sleep(2_100);
  const later = await evaluate(frame.session, READ);
  for (const s of [tab.session, frame.session]) await s.send('Emulation.setCPUThrottlingRate', { rate: 1 }).catch(() => undefined);
  await chromium.browser.send('Target.closeTarget', { targetId: cover.targetId }).catch(() => undefined);
  return {
    elapsedAtShowS: round((shown.now - timer.startedAt - timer.pausedTotalMs) / 1000, 1),
    hiddenMs: round(driftMs(hidden.text, hidden.now, timer)),
    onShowMs: round(driftMs(shown.text, shown.now, timer)),
    laterMs: round(driftMs(later.text, later.now, timer)),
    shown: { hidden: hidden.text, onShow: shown.text, later: later.text, visibilityWhileHidden: hidden.visibility },
  };
}

/** Needs a running session with its timer started (the idle-with-timer step leaves one). */
export async function timerDrift({ chromium, worker, sessionId, hiddenMs, rounds }) {
  const timer = await inWorker(
    worker,
    `
    const db = await B.db();
    const s = await db.get('sessions', ${JSON.stringify(sessionId)});
    s.timer = { ...s.timer, startedAt: s.timer.startedAt - ${BACKDATE_MS}, pausedAt: null, pausedTotalMs: 0 };
    s.startedAt -= ${BACKDATE_MS};
    await db.put('sessions', s);
    return s.timer;`,
  );
  let frames = [];
  const tab = await openTab(chromium, MEET_CALL, async (s) => {
    frames = await followFrames(chromium, s, async () => {});
  });
  await chromium.browser.send('Target.activateTarget', { targetId: tab.targetId });
  const frame = await overlayFrame(chromium, frames);
  for (let i = 0; !(await evaluate(frame.session, READ)); i++) {
    if (i > 100) throw new Error('The overlay shows no session timer');
    await sleep(100);
  }
  await sleep(1_200);
  const before = await evaluate(frame.session, READ);
  await evaluate(frame.session, WATCH);

  const cycles = [];
  for (let i = 0; i < rounds; i++) cycles.push(await hideAndShow(chromium, tab, frame, hiddenMs, timer));
  const ticks = await evaluate(frame.session, 'globalThis.__hsTicks');
  await tab.close();

  // Each change of the digits while hidden, against the moment that second began on the wall clock.
  const lateness = ticks
    .filter((t) => t.visibility === 'hidden' && shownSeconds(t.text) !== null)
    .map((t) => t.now - (timer.startedAt + timer.pausedTotalMs + timer.plannedMinutes * 60_000 - (shownSeconds(t.text) + 1) * 1000));
  const worst = (key) => Math.max(...cycles.map((c) => c[key]));
  return {
    timerDriftMs: worst('onShowMs'),
    timerDriftHiddenMs: worst('hiddenMs'),
    timerDriftBeforeHidingMs: round(driftMs(before.text, before.now, timer)),
    timerDriftAfterShownMs: worst('laterMs'),
    timerHiddenTicks: lateness.length,
    timerHiddenMaxLateMs: lateness.length ? round(Math.max(...lateness)) : null,
    cycles,
    method:
      `session start moved ${BACKDATE_MS / 60_000} min into the past; call tab hidden behind another tab (Chromium's own ` +
      `background-tab timer throttling) with CDP CPU throttling ×${CPU_THROTTLE} for ${hiddenMs / 1000} s of real time, ${rounds} times; ` +
      'shown digits compared with Date.now() while hidden, on the first animation frame after showing the tab, and 2 s later; ' +
      'the worst of the rounds is reported. ' +
      'Intensive throttling (one wake-up a minute) only starts after 5 real minutes hidden, so it is not exercised.',
  };
}

// Issue 9: what one contract keystroke costs with the overlay and the side panel both open on a running
// session that holds thousands of captured items, and what one tab switch in the overlay costs. Runs in its
// own Chromium (a fresh profile, so the record is exactly what is seeded here). API calls are counted on the
// worker (api-traffic.mjs). Fields and tabs are found by their accessible names (CDP Accessibility), so the
// views' markup can change underneath.
import { evaluate, launchChromium } from './cdp.mjs';
import { attachWorker, followFrames, inWorker, MEET_CALL, openTab, overlayFrame, sleep } from './extension.mjs';
import { countApiTraffic, mark, medianByView, medianCounts, QUIET_MS, scriptMsOf, settle, traffic } from './api-traffic.mjs';
import { median, round } from './stats.mjs';

/** What a keystroke types into "Topic": one character each, appended to what is there. */
const WORDS = 'Delegating the roadmap ';

/**
 * The worker once its script has run: right after launch the first worker can answer before its script
 * ran, or be replaced while the extension installs (an evaluation then never returns), so it is asked
 * again, with a deadline per attempt, until the bench hook is there.
 */
async function benchWorker(chromium, extensionDir, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const worker = await attachWorker(chromium);
    const probe = evaluate(worker.session, 'Boolean(globalThis.__holdspaceBench?.api && globalThis.__holdspaceBench.seedDirect)').catch(
      () => false,
    );
    if (await Promise.race([probe, sleep(3_000).then(() => false)])) return worker;
    await chromium.browser.send('Target.detachFromTarget', { sessionId: worker.session.id }).catch(() => undefined);
    if (Date.now() > deadline)
      throw new Error(`${extensionDir} is not a bench build (npx wxt build --mode bench), or its worker did not start`);
    await sleep(500);
  }
}

/**
 * Seeds one client whose running session holds `items` captured items (10 commitments, as in the main
 * record's sessions, and notes), with the contract still to be agreed (so the views show the contract
 * form, as right after the start).
 */
async function seedRunningSession(worker, items) {
  const commitments = Math.min(10, items);
  return inWorker(
    worker,
    `
    const db = await B.db();
    await B.seedDirect(db, { clients: 1, sessionsPerClient: 1, commitmentsPerSession: ${commitments}, notesPerSession: ${items - commitments}, now: Date.now() });
    const running = (await db.getAll('sessions')).find((s) => s.status === 'active');
    if (!running) throw new Error('no running session after seeding');
    const cleared = await B.api.updateContract({ sessionId: running.id, patch: { topic: '', desiredOutcome: '' } });
    if (!cleared.ok) throw new Error(cleared.error.message);
    return { sessionId: running.id, items: await db.count('items') };`,
  );
}

/** The DOM node (backend id) with this role and accessible name in a page or frame, or null. */
async function byName(session, role, name) {
  const doc = await session.send('DOM.getDocument', { depth: 0 });
  const { nodes } = await session.send('Accessibility.queryAXTree', { backendNodeId: doc.root.backendNodeId, role, accessibleName: name });
  const node = nodes.find((n) => !n.ignored && n.backendDOMNodeId);
  return node ? node.backendDOMNodeId : null;
}

/** `promise`, or a rejection after `ms` (CDP calls into a hidden page can wait for a frame that never comes). */
const within = (promise, ms, what) =>
  Promise.race([promise, sleep(ms).then(() => Promise.reject(new Error(`${what}: no answer in ${ms} ms`)))]);

async function callOn(session, backendNodeId, fn) {
  const { object } = await session.send('DOM.resolveNode', { backendNodeId });
  const { result } = await session.send('Runtime.callFunctionOn', {
    objectId: object.objectId,
    functionDeclaration: fn,
    returnByValue: true,
  });
  return result.value;
}

async function waitForName(session, role, name, what, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  let error = null;
  for (;;) {
    const id = await within(byName(session, role, name), 10_000, `${what}: ${role} "${name}"`).catch((e) => ((error = e), null));
    if (id) return id;
    if (Date.now() > deadline) {
      const page = await within(evaluate(session, SHOWN), 5_000, 'page state').catch((e) => e.message);
      throw new Error(
        `${what}: no ${role} named "${name}" (${error?.message ?? 'not in the accessibility tree'}; page: ${JSON.stringify(page)})`,
      );
    }
    await sleep(100);
  }
}

/** What a view shows, for error messages: visibility, the selected tabs, the labels on screen. */
const SHOWN = `({
  visibility: document.visibilityState,
  tabs: [...document.querySelectorAll('[role="tab"][aria-selected="true"]')].map((t) => t.textContent),
  labels: [...document.querySelectorAll('label')].map((l) => l.textContent).slice(0, 12),
  text: document.body ? document.body.innerText.slice(0, 300) : null,
})`;

/** A key press (down, up) sent to the focused element of the tab (and so of its focused frame). */
async function press(session, { key, code, text, alt = false, keyCode }) {
  const base = { key, code, windowsVirtualKeyCode: keyCode, modifiers: alt ? 1 : 0 };
  await session.send('Input.dispatchKeyEvent', { type: 'keyDown', ...base, ...(text ? { text, unmodifiedText: text } : {}) });
  await session.send('Input.dispatchKeyEvent', { type: 'keyUp', ...base });
}

const charKey = (ch) => {
  const upper = ch.toUpperCase();
  if (ch === ' ') return { key: ' ', code: 'Space', text: ' ', keyCode: 32 };
  return { key: ch, code: `Key${upper}`, text: ch, keyCode: upper.charCodeAt(0) };
};

/** Focuses the overlay's "Topic" field (a click on it, as the coach would) and returns its value. */
async function focusTopic(tab, frame) {
  const topic = await waitForName(frame.session, 'textbox', 'Topic', 'overlay');
  await frame.session.send('DOM.scrollIntoViewIfNeeded', { backendNodeId: topic }).catch(() => undefined);
  // The field's centre in the call page's coordinates: the overlay frame's box plus the field's box in it.
  const frameId = (await frame.session.send('Page.getFrameTree')).frameTree.frame.id;
  await tab.session.send('DOM.getDocument', { depth: -1, pierce: true });
  const owner = await tab.session.send('DOM.getFrameOwner', { frameId });
  const outer = (await tab.session.send('DOM.getBoxModel', { backendNodeId: owner.backendNodeId })).model.content;
  const inner = (await frame.session.send('DOM.getBoxModel', { backendNodeId: topic })).model.content;
  const x = outer[0] + (inner[0] + inner[4]) / 2,
    y = outer[1] + (inner[1] + inner[5]) / 2;
  for (const type of ['mousePressed', 'mouseReleased'])
    await tab.session.send('Input.dispatchMouseEvent', { type, x, y, button: 'left', clickCount: 1 });
  const focused = await callOn(frame.session, topic, 'function () { return document.activeElement === this && document.hasFocus(); }');
  if (!focused) throw new Error('The overlay\'s "Topic" field did not take focus');
  return callOn(frame.session, topic, 'function () { return this.value; }');
}

/** The views' main-thread task and script time so far (CDP Performance metrics of each view's target). */
async function viewMetrics(views) {
  const out = {};
  for (const [name, session] of Object.entries(views)) {
    const { metrics } = await session.send('Performance.getMetrics');
    const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
    out[name] = { taskMs: (m.TaskDuration ?? 0) * 1000, scriptMs: (m.ScriptDuration ?? 0) * 1000 };
  }
  return out;
}

/**
 * The views' renderer task time for one window. Chromium runs an extension's pages (the panel and the
 * overlay frame) in one renderer process, and CDP reports that process's main thread to each view's
 * target: then both deltas are the same time, counted once; views in two processes are added.
 */
function rendererTask(delta) {
  const [a, b] = [delta.overlay, delta.sidepanel];
  const shared = Math.abs(a - b) <= Math.max(5, 0.05 * Math.max(a, b));
  return { ms: shared ? Math.max(a, b) : a + b, shared };
}

/**
 * Opens the side panel page (in its own window, wide enough for two columns, so both views are visible at
 * once) and the Meet call with the overlay; waits for each to show the running session's contract.
 */
async function openViews(chromium, extensionId, panelWidth) {
  // The call first, in the browser's first window; then the panel in a window of its own (a tab opened
  // after it would land in the panel's window and hide it).
  let frames = [];
  const tab = await openTab(chromium, MEET_CALL, async (s) => {
    frames = await followFrames(chromium, s, (f) => f.send('Performance.enable'));
  });
  const frame = await overlayFrame(chromium, frames);
  const { targetId } = await chromium.browser.send('Target.createTarget', {
    url: 'about:blank',
    newWindow: true,
    width: panelWidth,
    height: 800,
  });
  const panel = await chromium.attach(targetId);
  await panel.send('Page.enable');
  await panel.send('Performance.enable');
  await panel.send('Page.navigate', { url: `chrome-extension://${extensionId}/sidepanel.html` });
  await chromium.browser.send('Target.activateTarget', { targetId: tab.targetId });
  await waitForName(panel, 'textbox', 'Topic', 'side panel');
  await waitForName(frame.session, 'textbox', 'Topic', 'overlay');
  const state = async (s) => evaluate(s, `({ visibility: document.visibilityState, width: innerWidth })`);
  const panelState = await state(panel),
    overlayState = await state(frame.session);
  if (panelState.visibility !== 'visible' || overlayState.visibility !== 'visible')
    throw new Error(`Both views must be visible: panel ${panelState.visibility}, overlay ${overlayState.visibility}`);
  return {
    panel,
    tab,
    frame,
    panelState,
    overlayState,
    closePanel: () => chromium.browser.send('Target.closeTarget', { targetId }).catch(() => undefined),
  };
}

/** The selected tab's name in the overlay's tab list. */
async function selectedTab(frame) {
  const doc = await frame.session.send('DOM.getDocument', { depth: 0 });
  const { nodes } = await frame.session.send('Accessibility.queryAXTree', { backendNodeId: doc.root.backendNodeId, role: 'tab' });
  const on = nodes.find((n) => n.properties?.some((p) => p.name === 'selected' && p.value.value === true));
  return on?.name?.value ?? null;
}

/** Resolves in a view once its main thread is idle (every queued task, change events included, has run). */
const IDLE = 'new Promise((resolve) => requestIdleCallback(() => resolve(true), { timeout: 10000 }))';

/** Whether each view has its deck and capture mounted (found by their accessible names, shown or not). */
const MOUNTED = `({ deck: Boolean(document.querySelector('[aria-label="Question deck"]')), capture: Boolean(document.querySelector('[aria-label="Capture"]')) })`;

/** Both views listed in a breakdown even when one sends nothing. */
const NO_CALLS = { overlay: {}, sidepanel: {} };

const rounded = (o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, round(v)]));

/**
 * The measurement. `keystrokes` characters are typed into the overlay's "Topic" field, each after the
 * previous one's traffic settled (so each autosaves once; a first keystroke before them warms up); then
 * `switches` rounds of Alt+2 (Deck), Alt+1 (Contract). With `profile`, the worker is sampled (1 ms) to
 * give its script time per keystroke.
 */
export async function keystrokeCost({
  extensionDir,
  fixturePort,
  items = 5_000,
  keystrokes = 10,
  switches = 3,
  panelWidth = 1000,
  profile = true,
  log = () => {},
}) {
  const chromium = await launchChromium({ extensionDir, fixturePort });
  try {
    const worker = await benchWorker(chromium, extensionDir);
    log(`keystroke: seeding a running session with ${items.toLocaleString('en-US')} items…`);
    const seeded = await seedRunningSession(worker, items);
    await countApiTraffic(worker);
    log('keystroke: opening the side panel (wide, its own window) and the overlay on the Meet call…');
    const views = await openViews(chromium, worker.extensionId, panelWidth);
    const mounted = { overlay: await evaluate(views.frame.session, MOUNTED), sidepanel: await evaluate(views.panel, MOUNTED) };
    if (!mounted.sidepanel.deck || !mounted.sidepanel.capture)
      throw new Error(`The wide side panel should show the deck and capture: ${JSON.stringify(mounted.sidepanel)}`);
    await inWorker(worker, 'await B.api.warmSearch(); return true;');
    const viewSessions = { overlay: views.frame.session, sidepanel: views.panel };
    const viewsIdle = async () => {
      for (const session of Object.values(viewSessions)) await within(evaluate(session, IDLE), 120_000, 'view idle');
    };
    let m = (await settle(worker, await mark(worker), { viewsIdle })).end;
    const profiler =
      profile &&
      (await worker.session
        .send('Profiler.enable')
        .then(() => worker.session.send('Profiler.setSamplingInterval', { interval: 1000 }))
        .then(
          () => true,
          () => false,
        ));

    const typed = [];
    let value = await focusTopic(views.tab, views.frame);
    log(`keystroke: typing ${keystrokes} + 1 characters into the overlay's "Topic", each once both views settled…`);
    for (let i = 0; i <= keystrokes; i++) {
      const ch = WORDS[i % WORDS.length];
      const before = await viewMetrics(viewSessions);
      if (profiler) await worker.session.send('Profiler.start');
      const startAt = await evaluate(views.frame.session, 'performance.timeOrigin + performance.now()');
      await press(views.tab.session, charKey(ch));
      const window = await settle(worker, m, { until: 'updateContract', startAt, viewsIdle });
      m = window.end;
      const sampled = profiler ? (await worker.session.send('Profiler.stop')).profile : null;
      const after = await viewMetrics(viewSessions);
      const now = await callOn(
        views.frame.session,
        await byName(views.frame.session, 'textbox', 'Topic'),
        'function () { return this.value; }',
      );
      if (now !== value + ch) throw new Error(`"Topic" holds ${JSON.stringify(now)}, expected ${JSON.stringify(value + ch)}`);
      value = now;
      const delta = Object.fromEntries(Object.keys(after).map((k) => [k, after[k].taskMs - before[k].taskMs]));
      if (i > 0)
        typed.push({ ...traffic(window, startAt), workerScriptMs: scriptMsOf(sampled), viewTaskMs: delta, renderer: rendererTask(delta) });
    }
    const stored = await inWorker(
      worker,
      `return (await (await B.db()).get('sessions', ${JSON.stringify(seeded.sessionId)})).contract.topic;`,
    );
    if (stored !== value) throw new Error(`The stored topic is ${JSON.stringify(stored)}, the field holds ${JSON.stringify(value)}`);

    log(`keystroke: ${switches} × Alt+2 (Deck), Alt+1 (Contract) in the overlay…`);
    const switched = [];
    for (let i = 0; i < switches; i++) {
      for (const [digit, name] of [
        ['2', 'Deck'],
        ['1', 'Contract'],
      ]) {
        const startAt = await evaluate(views.frame.session, 'performance.timeOrigin + performance.now()');
        await press(views.tab.session, { key: digit, code: `Digit${digit}`, keyCode: digit.charCodeAt(0), alt: true });
        const window = await settle(worker, m, { startAt, viewsIdle });
        m = window.end;
        const selected = await selectedTab(views.frame);
        if (selected !== name) throw new Error(`Alt+${digit} selected ${JSON.stringify(selected)}, not "${name}"`);
        switched.push({ key: `Alt+${digit}`, ...traffic(window, startAt) });
      }
    }
    await views.tab.close();
    await views.closePanel();

    const med = (list, f) => round(median(list.map(f)));
    return {
      keystrokeApiCalls: med(typed, (t) => t.calls),
      keystrokeWorkerBusyMs: med(typed, (t) => t.busyWallMs),
      keystrokeWorkerHandlerMs: med(typed, (t) => t.handlerMs),
      keystrokeWorkerScriptMs: profiler ? med(typed, (t) => t.workerScriptMs) : null,
      keystrokeSettledMs: med(typed, (t) => t.settledMs),
      keystrokeSaveToSettledMs: med(typed, (t) => t.saveToSettledMs),
      keystrokeViewsTaskMs: med(typed, (t) => t.renderer.ms),
      tabSwitchApiCalls: med(switched, (t) => t.calls),
      keystroke: {
        chromium: chromium.version.product,
        sessionItems: seeded.items,
        keystrokes: typed.length,
        warmUpKeystrokes: 1,
        quietMs: QUIET_MS,
        views: { overlay: { ...views.overlayState, ...mounted.overlay }, sidepanel: { ...views.panelState, ...mounted.sidepanel } },
        viewsShareRenderer: typed.every((t) => t.renderer.shared),
        callsByMethod: medianCounts(typed.map((t) => t.byMethod)),
        callsByView: { ...NO_CALLS, ...medianByView(typed.map((t) => t.byView)) },
        handlerMsByMethod: rounded(medianCounts(typed.map((t) => t.handlerByMethod))),
        viewTaskMs: Object.fromEntries(Object.keys(viewSessions).map((v) => [v, med(typed, (t) => t.viewTaskMs[v])])),
        unpairedRequests: typed.reduce((s, t) => s + t.calls - t.paired, 0),
        runs: typed.map((t) => ({
          calls: t.calls,
          busyWallMs: round(t.busyWallMs),
          handlerMs: round(t.handlerMs),
          workerScriptMs: round(t.workerScriptMs),
          settledMs: round(t.settledMs),
          saveToSettledMs: round(t.saveToSettledMs),
          viewTaskMs: rounded(t.viewTaskMs),
          byView: t.byView,
        })),
        tabSwitch: {
          rounds: switches,
          callsByMethod: medianCounts(switched.map((t) => t.byMethod)),
          callsByView: { ...NO_CALLS, ...medianByView(switched.map((t) => t.byView)) },
          handlerMs: med(switched, (t) => t.handlerMs),
          runs: switched.map((t) => ({ key: t.key, calls: t.calls, handlerMs: round(t.handlerMs), byView: t.byView })),
        },
      },
    };
  } finally {
    await chromium.close();
  }
}

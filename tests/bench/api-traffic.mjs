// API traffic as the bench build's worker sees it, recorded over CDP without changing lib/api: every
// request a view sends (method, sending view, arrival) through a second runtime.onMessage listener beside
// the dispatcher's, and every store call it causes (start, end) by wrapping the store's methods on the
// object the dispatcher calls them on. Then: waiting until the views have settled, and one action's
// traffic summed up (counts by method and view, the store's time).
import { evaluate } from './cdp.mjs';
import { sleep } from './extension.mjs';
import { median } from './stats.mjs';

/** No API call for this long (and none in flight) means both views have settled. */
export const QUIET_MS = 1_000;

/**
 * Installed in the worker: every API request with the view that sent it (from the sender's URL, else the
 * request's origin), and every store call with its start and end (absolute ms, comparable across
 * processes). Requests and store calls are paired later per method, in order.
 */
const COUNTER = `(() => {
  const B = globalThis.__holdspaceBench;
  if (B.__counter) return true;
  const at = () => performance.timeOrigin + performance.now();
  const c = (B.__counter = { requests: [], calls: [], inFlight: 0 });
  for (const method of Object.keys(B.api)) {
    const fn = B.api[method];
    if (typeof fn !== 'function') continue;
    B.api[method] = function (args) {
      const call = { method, start: at(), end: null };
      c.calls.push(call);
      c.inFlight++;
      const done = () => { call.end = at(); c.inFlight--; };
      const out = fn.call(this, args);
      Promise.resolve(out).then(done, done);
      return out;
    };
  }
  const viewOf = (url, origin) => {
    try { return new URL(url).pathname.replace(/^\\//, '').replace(/\\.html$/, ''); } catch {}
    return String(origin).split('#')[0].replace(/^\\//, '').replace(/\\.html$/, '') || 'unknown';
  };
  chrome.runtime.onMessage.addListener((message, sender) => {
    if (!message || message.channel !== 'holdspace/api') return undefined;
    c.requests.push({ method: message.method, view: viewOf(sender && sender.url, message.view), at: at() });
    return undefined;
  });
  return true;
})()`;

/** Worker-side state for the settle poll: counts so far, calls in flight, the last activity. */
const STATE = `(() => {
  const c = globalThis.__holdspaceBench.__counter;
  const last = c.calls.reduce((m, x) => Math.max(m, x.end ?? x.start), 0);
  return { requests: c.requests.length, calls: c.calls.length, inFlight: c.inFlight, lastAt: Math.max(last, c.requests.at(-1)?.at ?? 0), now: performance.timeOrigin + performance.now() };
})()`;

/** Starts counting in the worker (once per worker). */
export const countApiTraffic = (worker) => evaluate(worker.session, COUNTER);

/**
 * Waits until the views settled after an action at `startAt`: (when `until` names a method) that call was
 * seen, nothing is in flight and no request came for QUIET_MS, and then `viewsIdle()` (the views' main
 * threads idle, so no change event is still queued there) brought no new request. Returns the worker's
 * records from `mark` on, and in `end` the mark where the next window starts (windows follow each other
 * without a gap, so a late request is counted with the next action rather than lost).
 */
export async function settle(worker, mark, { until = null, startAt = 0, viewsIdle = async () => {}, timeoutMs = 180_000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const s = await evaluate(worker.session, STATE);
    const seen =
      !until ||
      (await evaluate(
        worker.session,
        `globalThis.__holdspaceBench.__counter.requests.slice(${mark.requests}).some((r) => r.method === ${JSON.stringify(until)})`,
      ));
    if (seen && s.inFlight === 0 && s.now - Math.max(s.lastAt, startAt) >= QUIET_MS) {
      await viewsIdle();
      await sleep(100);
      const again = await evaluate(worker.session, STATE);
      if (again.requests === s.requests && again.inFlight === 0) break;
    }
    if (Date.now() > deadline) throw new Error(`The views did not settle (waiting for ${until ?? 'quiet'}): ${JSON.stringify(s)}`);
    await sleep(50);
  }
  return evaluate(
    worker.session,
    `(() => {
    const c = globalThis.__holdspaceBench.__counter;
    return { requests: c.requests.slice(${mark.requests}), calls: c.calls.slice(${mark.calls}), end: { requests: c.requests.length, calls: c.calls.length } };
  })()`,
  );
}

/** Where the counters stand now: pass it to `settle` after the action. */
export const mark = (worker) => evaluate(worker.session, STATE);

/** The worker's script time (JS and GC, no idle) from a sampling profile of the window. */
export function scriptMsOf(profile) {
  if (!profile) return null;
  const idle = new Set(profile.nodes.filter((n) => ['(idle)', '(program)'].includes(n.callFrame.functionName)).map((n) => n.id));
  let us = 0;
  profile.samples.forEach((id, i) => {
    if (!idle.has(id)) us += profile.timeDeltas[i] ?? 0;
  });
  return us / 1000;
}

/**
 * One action's traffic: requests by method and by view, and the store's time for them. Store calls are
 * paired with requests per method in order (calls the worker makes on its own, e.g. warming the search
 * index when a view opens, have no request and are left out). Handler times are null when no store call
 * could be paired (the dispatcher no longer calls the store's methods through the object).
 */
export function traffic(window, startAt) {
  const byMethod = {},
    byView = {};
  for (const r of window.requests) {
    byMethod[r.method] = (byMethod[r.method] ?? 0) + 1;
    (byView[r.view] ??= {})[r.method] = (byView[r.view][r.method] ?? 0) + 1;
  }
  const want = { ...byMethod };
  const calls = window.calls.filter((c) => c.end !== null && want[c.method] > 0 && want[c.method]-- > 0);
  const handlerByMethod = {};
  for (const c of calls) handlerByMethod[c.method] = (handlerByMethod[c.method] ?? 0) + (c.end - c.start);
  // Wall time with at least one store call running (overlapping calls counted once).
  let wallMs = 0,
    reach = -Infinity;
  for (const c of [...calls].sort((a, b) => a.start - b.start)) {
    if (c.end > reach) {
      wallMs += c.end - Math.max(c.start, reach);
      reach = c.end;
    }
  }
  const timed = calls.length > 0 || window.requests.length === 0;
  const lastAt = Math.max(...calls.map((c) => c.end), ...window.requests.map((r) => r.at), startAt);
  const save = window.requests.find((r) => r.method === 'updateContract');
  return {
    calls: window.requests.length,
    paired: calls.length,
    byMethod,
    byView,
    handlerMs: timed ? calls.reduce((s, c) => s + (c.end - c.start), 0) : null,
    handlerByMethod,
    busyWallMs: timed ? wallMs : null,
    settledMs: lastAt - startAt,
    saveToSettledMs: save ? lastAt - save.at : null,
  };
}

/** Per-method (or per-view) medians over several windows: { key: median count }. */
export function medianCounts(list) {
  const keys = new Set(list.flatMap((x) => Object.keys(x)));
  return Object.fromEntries([...keys].sort().map((k) => [k, median(list.map((x) => x[k] ?? 0))]));
}

/** Per-view medians of per-method counts: { view: { method: median count } }. */
export function medianByView(list) {
  const views = new Set(list.flatMap((x) => Object.keys(x)));
  return Object.fromEntries([...views].sort().map((v) => [v, medianCounts(list.map((x) => x[v] ?? {}))]));
}

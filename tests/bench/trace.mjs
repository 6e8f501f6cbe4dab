// One traced load of the call page, to say what the content script's script time is made of: compiling
// it, running it, and inside the run the forced style/layout (reading the window size makes Blink lay the
// page out there and then, work the page would otherwise do in its first frame) and creating the iframe.
import { waitFor } from './cdp.mjs';
import { sleep } from './extension.mjs';
import { openCallTab } from './call-page.mjs';
import { round } from './stats.mjs';

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink', 'toplevel', '__metadata'];

async function traced(chromium, work) {
  const events = [];
  const off = chromium.browser.on('Tracing.dataCollected', (p) => events.push(...p.value));
  const done = waitFor(chromium.browser, 'Tracing.tracingComplete', () => true, 60_000);
  await chromium.browser.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES }, transferMode: 'ReportEvents' });
  try {
    await work();
  } finally {
    await chromium.browser.send('Tracing.end');
    await done;
    off();
  }
  return events;
}

/** Sum of the durations of `name` events nested in `outer` (outermost ones only). */
function nested(events, outer, name) {
  let end = -1;
  let total = 0;
  for (const e of events) {
    if (e.name !== name || e.ts < outer.ts || e.ts + e.dur > outer.ts + outer.dur || e.ts < end) continue;
    total += e.dur;
    end = e.ts + e.dur;
  }
  return total / 1000;
}

export async function contentScriptTrace(chromium) {
  let tab;
  const events = await traced(chromium, async () => {
    ({ tab } = await openCallTab(chromium));
    await sleep(2_000);
  });
  await tab?.close();
  const complete = events.filter((e) => e.ph === 'X' && typeof e.dur === 'number').sort((a, b) => a.ts - b.ts);
  const isOurs = (e) => String(e.args?.data?.url ?? e.args?.fileName ?? '').includes('/content-scripts/');
  const evaluate = complete.find((e) => e.name === 'EvaluateScript' && isOurs(e));
  const run = complete.find((e) => e.name === 'v8.run' && isOurs(e));
  if (!evaluate || !run) return null;
  const same = complete.filter((e) => e.pid === run.pid && e.tid === run.tid);
  const compile = same.filter((e) => e.name === 'v8.compile' && isOurs(e)).reduce((s, e) => s + e.dur / 1000, 0);
  const layout = nested(same, run, 'Document::UpdateStyleAndLayout');
  const iframe = nested(same, run, 'WebLocalFrameImpl::createChildframe');
  return {
    evaluateMs: round(evaluate.dur / 1000),
    compileMs: round(compile),
    runMs: round(run.dur / 1000),
    forcedStyleLayoutMs: round(layout),
    createIframeMs: round(iframe),
    ownScriptMs: round(evaluate.dur / 1000 - layout - iframe),
  };
}

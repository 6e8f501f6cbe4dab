// Issue 11 on the 200 × 50 record: the "Prepare" card's data for a picked client, a 50-session client's
// engagement (every session's follow-through, the chart's figures, with the report model built from it), and
// "Due this week" across all clients — each through messaging from an extension page (the views' path) and
// directly on the worker's store; then the "Due this week" list in the side panel page, from the press of
// its button to its cards on screen.
import { evaluate, inWorker, openTab, sleep } from './extension.mjs';
import { median, round, summarize } from './stats.mjs';

/** Gives every fourth client a two-week cadence and each of the first 20 clients two goals (the seeder makes none). */
export async function shapeEngagements({ worker, scale }) {
  return inWorker(
    worker,
    `
    for (let c = 0; c < ${scale.clients}; c++) {
      const clientId = 'seed-c' + c;
      if (c % 4 === 0) await B.api.updateEngagement({ clientId, patch: { cadenceWeeks: 2, sessionsPlanned: 60 } });
      if (c < 20) {
        await B.api.addGoal({ clientId, goal: { text: 'Lead the team with calm', measure: 'Survey up 20%' } });
        await B.api.addGoal({ clientId, goal: { text: 'Delegate the budget', measure: 'Sam owns Q1' } });
      }
    }
    const active = await B.api.activeSession({});
    if (active.ok && active.value) await B.api.endSession({ sessionId: active.value.session.id });
    return true;`,
  );
}

const RUN = (api, build) => `(async () => {
  const api = ${api};
  const out = [];
  for (const c of __calls) {
    const t = performance.now();
    const r = await api[c.method](c.args);
    ${build ? "if (r.ok && c.method === 'engagement') __hsKit.buildEngagementReport(r.value, {});" : ''}
    const ms = performance.now() - t;
    if (!r.ok) throw new Error(c.method + ': ' + r.error.message);
    out.push({ ms, size: c.method === 'dueThisWeek' ? r.value.groups.reduce((n, g) => n + g.commitments.length, 0) : 1 });
  }
  return out;
})()`;

async function timed(worker, page, calls, warm = 3) {
  const set = (session) => evaluate(session, `globalThis.__calls = ${JSON.stringify(calls)}; true`);
  await set(page.session);
  await set(worker.session);
  const pageRun = () => evaluate(page.session, RUN('__hsKit.messagingApi()', true));
  const workerRun = () => evaluate(worker.session, RUN('globalThis.__holdspaceBench.api', false));
  await evaluate(page.session, `globalThis.__calls = __calls.slice(0, ${warm}); true`);
  await pageRun();
  await set(page.session);
  const viaMessaging = await pageRun();
  await evaluate(worker.session, `globalThis.__calls = __calls.slice(0, ${warm}); true`);
  await workerRun();
  await set(worker.session);
  const viaWorker = await workerRun();
  return {
    messaging: summarize(viaMessaging.map((r) => r.ms)),
    direct: summarize(viaWorker.map((r) => r.ms)),
    meanResults: round(viaMessaging.reduce((s, r) => s + r.size, 0) / viaMessaging.length, 1),
  };
}

const calls = (method, n, argsFor) => Array.from({ length: n }, (_, i) => ({ method, args: argsFor(i) }));

/** From the press of "Due this week" to its first card (or its empty state) in the DOM, then the next frame. */
const PRESS = `new Promise((done, fail) => {
  const button = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Due this week');
  if (!button) return fail(new Error('no "Due this week" button'));
  const shown = () => document.querySelector('section.due-list [data-review-card]') || document.querySelector('section.due-list p.muted:not([aria-busy])');
  const t = performance.now();
  const observer = new MutationObserver(() => {
    if (!shown()) return;
    const ready = performance.now() - t;
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => done({ ready, painted: performance.now() - t, cards: document.querySelectorAll('section.due-list [data-review-card]').length })));
  });
  observer.observe(document.body, { childList: true, subtree: true });
  button.click();
})`;

export async function dueListInPanel({ chromium, extensionId, runs }) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const tab = await openTab(chromium, `chrome-extension://${extensionId}/sidepanel.html`, (s) =>
      s.send('Emulation.setDeviceMetricsOverride', { width: 400, height: 800, deviceScaleFactor: 1, mobile: false }),
    );
    for (let k = 0; k < 100; k++) {
      if (await evaluate(tab.session, `[...document.querySelectorAll('button')].some((b) => b.textContent.trim() === 'Due this week')`))
        break;
      await sleep(100);
    }
    await sleep(1_000); // the picker's own loading settles first
    samples.push(await evaluate(tab.session, PRESS));
    await tab.close();
  }
  return {
    dueListReadyMs: round(median(samples.map((s) => s.ready))),
    dueListPaintedMs: round(median(samples.map((s) => s.painted))),
    runs: samples.map((s) => ({ readyMs: round(s.ready), paintedMs: round(s.painted), cards: s.cards })),
  };
}

export async function engagementFigures({ chromium, worker, page, scale, samples, runs, log }) {
  const client = (i) => `seed-c${(i * 37) % scale.clients}`;
  samples = Math.min(samples, 30); // each call reads a whole 50-session client: 30 give a steady median
  log('engagement: prepare, engagement and due this week (messaging and direct)…');
  const prepare = await timed(
    worker,
    page,
    calls('prepare', samples, (i) => ({ clientId: client(i) })),
  );
  const engagement = await timed(
    worker,
    page,
    calls('engagement', samples, (i) => ({ clientId: client(i) })),
  );
  const due = await timed(
    worker,
    page,
    calls('dueThisWeek', Math.min(samples, 10), () => ({})),
  );
  log('engagement: "Due this week" in the side panel page, press → cards shown…');
  const panel = await dueListInPanel({ chromium, extensionId: worker.extensionId, runs });
  return {
    prepareMedianMs: prepare.messaging.median,
    prepareP95Ms: prepare.messaging.p95,
    prepareDirectMedianMs: prepare.direct.median,
    engagementViewMedianMs: engagement.messaging.median,
    engagementViewP95Ms: engagement.messaging.p95,
    engagementViewDirectMedianMs: engagement.direct.median,
    dueThisWeekMedianMs: due.messaging.median,
    dueThisWeekP95Ms: due.messaging.p95,
    dueThisWeekDirectMedianMs: due.direct.median,
    dueListReadyMs: panel.dueListReadyMs,
    engagementDetail: { prepare, engagement, dueThisWeek: due, dueListInPanel: panel, samplesEach: samples },
  };
}

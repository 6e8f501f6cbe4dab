// Issue 12 on the full record (`npm run bench -- --only lock`): turning the lock on for the 200 × 50 record
// (every record encrypted in place), then, with the lock on, unlocking to a usable side panel (the passphrase's
// key derivation included), autosave, a client's open commitments and search — each beside the same figure
// with the lock off, measured in the same run on the same record.
import { both, calls, PREFIXES, TYPOS } from './data-layer.mjs';
import { evaluate, inWorker, openTab, sleep } from './extension.mjs';
import { MARKS, marksOf, panelReady } from './views.mjs';
import { median, round } from './stats.mjs';

const PASSPHRASE = 'lantern harbour 42';
/** How long the record is left to settle after the lock turned on, before the lock-on figures (HS_LOCK_SETTLE_MS). */
const SETTLE_MS = Number(process.env.HS_LOCK_SETTLE_MS ?? 30_000);

/** The figures the issue sets targets for, over the same calls the full bench times (through messaging). */
async function figures({ worker, page, scale, samples, sessionId }) {
  const client = (i) => `seed-c${(i * 37) % scale.clients}`;
  const lookup = await both(
    worker,
    page,
    calls('openCommitments', samples, (i) => ({ clientId: client(i) })),
  );
  const prefix = await both(
    worker,
    page,
    calls('search', samples, (i) => ({ query: PREFIXES[i % PREFIXES.length], limit: 20 })),
  );
  const typo = await both(
    worker,
    page,
    calls('search', samples, (i) => ({ query: TYPOS[i % TYPOS.length], limit: 20 })),
  );
  const autosave = await both(
    worker,
    page,
    calls('updateContract', samples, (i) => ({ sessionId, patch: { whyItMatters: `Draft ${i}: because it matters` } })),
  );
  if (!(prefix.meanResults > 0)) throw new Error('Searches found nothing: the index does not hold the record');
  return { lookup, prefix, typo, autosave };
}

/** The first search after the index was dropped (a lock, or a worker start): rebuilt from the store. */
async function coldSearch(worker) {
  return inWorker(
    worker,
    `const t = performance.now(); const r = await B.api.search({ query: 'deleg', limit: 20 }); if (!r.ok) throw new Error(r.error.message);
    const ms = performance.now() - t;
    // An index built before the record was seeded finds nothing: a fast empty answer is no figure.
    if (r.value.length === 0) throw new Error('The first search found nothing: the index does not hold the record');
    return ms;`,
  );
}

/**
 * Locked side panel → passphrase typed → "Unlock" pressed → the "Client" control interactive with every client
 * listed. Timed inside the page from the press (the key derivation, the unlock, the app's first reads).
 */
async function unlockToPanel({ chromium, worker, extensionId, runs }) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    await inWorker(worker, `await B.api.lockNow({}); return true;`);
    const tab = await openTab(chromium, `chrome-extension://${extensionId}/sidepanel.html`, async (s) => {
      await s.send('Emulation.setDeviceMetricsOverride', { width: 400, height: 800, deviceScaleFactor: 1, mobile: false });
      await s.send('Page.addScriptToEvaluateOnNewDocument', { source: MARKS });
    });
    for (let w = 0; w < 100 && !(await evaluate(tab.session, `Boolean(document.querySelector('input[type="password"]'))`)); w++)
      await sleep(100);
    await evaluate(
      tab.session,
      `(async () => {
      const input = document.querySelector('input[type="password"]');
      if (!input) throw new Error('The locked panel shows no passphrase field');
      input.value = ${JSON.stringify(PASSPHRASE)};
      input.dispatchEvent(new Event('input', { bubbles: true }));
      // The typed passphrase renders into the form's state before the press (as between a coach's keystrokes).
      await new Promise((r) => setTimeout(r, 100));
      globalThis.__hsPressed = performance.timeOrigin + performance.now();
      input.form.requestSubmit();
      return true;
    })()`,
    );
    const m = await marksOf(tab.session, 30_000).catch(async (e) => {
      throw new Error(`${e.message}; the page shows: ${await evaluate(tab.session, 'document.body.innerText')}`);
    });
    const pressed = await evaluate(tab.session, 'globalThis.__hsPressed');
    const options = await evaluate(tab.session, `document.querySelectorAll('[role="option"]').length`);
    samples.push({ unlockMs: m.ready - pressed, paintedMs: m.painted - pressed, options });
    await tab.close();
  }
  return {
    unlockToPanelMs: median(samples.map((s) => s.unlockMs)),
    unlockToPanelPaintedMs: median(samples.map((s) => s.paintedMs)),
    runs: samples.map((s) => ({ unlockMs: round(s.unlockMs), paintedMs: round(s.paintedMs), options: s.options })),
  };
}

const flat = (prefix, f) => ({
  [`${prefix}LookupOpenCommitmentsMedianMs`]: f.lookup.messaging.median,
  [`${prefix}LookupOpenCommitmentsDirectMedianMs`]: f.lookup.direct.median,
  [`${prefix}SearchMedianMs`]: Math.max(f.prefix.messaging.median, f.typo.messaging.median),
  [`${prefix}SearchPrefixMedianMs`]: f.prefix.messaging.median,
  [`${prefix}SearchTypoMedianMs`]: f.typo.messaging.median,
  [`${prefix}AutosaveMedianMs`]: f.autosave.messaging.median,
});

export async function lockFigures({ chromium, worker, page, scale, samples, runs, log }) {
  const extensionId = worker.extensionId;
  const active = await inWorker(worker, 'const r = await B.api.activeSession({}); return r.ok && r.value ? r.value.session.id : null;');
  if (!active) throw new Error('The seeded record has no active session');
  // The API page's opening built an index from the still empty database; the record was seeded after it.
  await inWorker(worker, 'await B.api.rebuildSearch(); return true;');
  log('lock off: lookups, search, autosave (messaging and direct)…');
  const off = await figures({ worker, page, scale, samples, sessionId: active });
  await inWorker(worker, `await B.api.endSession({ sessionId: ${JSON.stringify(active)} }); return true;`);
  log('lock off: side panel ready…');
  const offPanel = await panelReady({ chromium, extensionId, runs });
  const second = await inWorker(worker, `const r = await B.api.startSession({ clientId: 'seed-c1' }); return r.value.id;`);

  log('turning the lock on (every record encrypted in place)…');
  const turnOn = await inWorker(
    worker,
    `const t = performance.now();
    const r = await B.api.turnOnLock({ passphrase: ${JSON.stringify(PASSPHRASE)}, repeat: ${JSON.stringify(PASSPHRASE)} });
    if (!r.ok) throw new Error(r.error.message);
    const ms = performance.now() - t;
    const s = await B.api.lockStatus({});
    return { ms, status: s.value };`,
  );
  log(`lock on in ${Math.round(turnOn.ms)} ms; first search right after (the index the worker holds)…`);
  const onColdSearchMs = await coldSearch(worker);
  log('lock on, at once: lookups, search, autosave (messaging and direct)…');
  const atOnce = await figures({ worker, page, scale, samples, sessionId: second });
  // Turning the lock on rewrote every record (~50 MB): the browser then writes that back into its database
  // files for a while (p95 up to 66 ms, single calls 220 ms, measured so), which a coach meets once, not in the
  // next session. The figures the issue sets targets for are taken once that has settled.
  log(`lock on: letting the rewritten record settle (${SETTLE_MS / 1000} s), then the same again…`);
  await sleep(SETTLE_MS);
  const on = await figures({ worker, page, scale, samples, sessionId: second });
  await inWorker(worker, `await B.api.endSession({ sessionId: ${JSON.stringify(second)} }); return true;`);
  log('lock on: side panel ready while unlocked…');
  const onPanel = await panelReady({ chromium, extensionId, runs });
  // The index as a coach's worker leaves it: saved (sealed with the data key) once the record is quiet.
  await inWorker(worker, 'await B.api.warmSearch(); await B.api.saveSearchIndex(); return true;');
  log('lock on: locked side panel → passphrase → Unlock → "Client" ready…');
  const unlock = await unlockToPanel({ chromium, worker, extensionId, runs });
  const afterUnlockColdSearchMs = await coldSearch(worker);

  return {
    turnOnLockMs: round(turnOn.ms),
    unlockToPanelMs: round(unlock.unlockToPanelMs),
    ...flat('lockOff', off),
    ...flat('lockOn', on),
    lockOffPanelReadyMs: round(offPanel.panelReadyMs),
    lockOnPanelReadyMs: round(onPanel.panelReadyMs),
    lockOnAtOnceLookupOpenCommitmentsMedianMs: atOnce.lookup.messaging.median,
    lockOnAtOnceLookupOpenCommitmentsP95Ms: atOnce.lookup.messaging.p95,
    lockOnFirstSearchMs: round(onColdSearchMs),
    lockOnFirstSearchAfterUnlockMs: round(afterUnlockColdSearchMs),
    lock: { turnOn, unlock, off, atOnce, on, offPanel, onPanel, samplesEach: samples, settleMs: SETTLE_MS },
  };
}

/**
 * Injection: a client name and notes made of HTML, script, `javascript:` links and markdown tricks render
 * as the very text typed in the overlay, the side panel, search results and the summary; nothing runs
 * (window.__pwned stays undefined in every frame), no element is made from them; and every export keeps
 * them inert (the Markdown file from the browser; plain text and JSON from the pure exporters, fed the
 * session exactly as the store holds it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { buildSummary } from '../../../lib/export/summary-model';
import { toSessionJson } from '../../../lib/export/json';
import { toPlainText } from '../../../lib/export/text';
import { api, openPanel } from '../harness/api';
import { launch, MEET_CALL, overlayFrame, screenshot, type Launched } from '../harness/browser';
import { frozenBuild } from '../harness/build';
import { captureBox, capturedWords } from '../harness/fields';
import { addCaptures, downloadFrom, endSession, startByName, writeOutcome } from '../harness/short-session';

const CLIENT = '<img src=x onerror="window.__pwned=1">';
const OUTCOME = '<svg onload="window.__pwned=1"></svg> **not bold**';
const NOTES = [
  '<script>window.__pwned=1</script>',
  '[click](javascript:window.__pwned=1)',
  '![pixel](https://evil.example/p.png) # not a heading <b>not bold</b>',
  '<a href="javascript:window.__pwned=1">link</a> &lt;i&gt; ${7*7} {{7*7}}',
];
const COMMITMENT = '<iframe src="javascript:window.__pwned=1"></iframe> - [x] fake done';
const ALL = [CLIENT, OUTCOME, ...NOTES, COMMITMENT];

const build = frozenBuild();
let browser: Launched;
let page: Page;
let frame: Frame;
let panel: Page;
let sessionId: string;

/** Elements a hostile string would have made, and whether a handler ran, in one document. */
async function damage(where: Page | Frame) {
  return where.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: unknown }).__pwned,
    made: document.querySelectorAll(
      '[onerror], [onload], img[src="x"], iframe[src^="javascript:" i], a[href^="javascript:" i], svg[onload], b',
    ).length,
    scripts: [...document.scripts].filter((s) => s.textContent?.includes('__pwned')).length,
  }));
}

async function expectNoDamage(): Promise<void> {
  await new Promise((r) => setTimeout(r, 300)); // an onerror of a broken image would have fired by now
  for (const where of [page, frame, panel]) {
    expect(await damage(where), where.url()).toEqual({ pwned: undefined, made: 0, scripts: 0 });
  }
}

beforeAll(async () => {
  browser = await launch({ extensionDir: build.dir });
  page = await browser.context.newPage();
  await page.goto(MEET_CALL);
  frame = await overlayFrame(page);
  await frame.getByRole('combobox', { name: 'Client', exact: true }).fill(CLIENT);
  await frame.getByText(`New client: ${CLIENT}.`, { exact: true }).waitFor(); // the preview, as text
  await startByName(frame, CLIENT);
  await writeOutcome(frame, OUTCOME);
  await addCaptures(frame, NOTES, 'Note');
  await addCaptures(frame, [COMMITMENT], 'Commitment');
  sessionId = (await api(frame, 'activeSession', {}))!.session.id;
  panel = await openPanel(browser.context, browser.extensionId);
});
afterAll(async () => {
  await browser?.dispose();
  build.remove();
});

describe('hostile text renders as text', () => {
  it('in the overlay on the call', async () => {
    await frame.getByText(CLIENT, { exact: true }).first().waitFor();
    await captureBox(frame);
    expect((await capturedWords(frame)).sort()).toEqual([...NOTES, COMMITMENT].sort());
    await expectNoDamage();
  });

  it('in the side panel', async () => {
    await panel.getByText(CLIENT, { exact: true }).first().waitFor();
    // The captured list loads apart from the session the client's name comes with.
    await expect.poll(async () => (await capturedWords(panel)).sort()).toEqual([...NOTES, COMMITMENT].sort());
    await panel.getByText(OUTCOME, { exact: true }).first().waitFor();
    await expectNoDamage();
  });

  it('in search results', async () => {
    const box = panel.getByRole('searchbox', { name: 'Search everything', exact: true });
    const results = panel.getByRole('list', { name: 'Search results', exact: true });
    for (const [query, expected] of [
      ['onerror', CLIENT],
      ['click', NOTES[1]!],
      ['pixel', NOTES[2]!],
      ['iframe', COMMITMENT],
    ] as const) {
      await box.fill(query);
      await results.locator('.result__title').getByText(expected, { exact: true }).first().waitFor();
      // What matched is marked, as text inside <mark>: the hostile words around it stay words.
      const marks = await results.locator('.result__title mark').allTextContents();
      expect(marks.some((m) => m.toLowerCase().includes(query))).toBe(true);
      if (query === 'onerror') await screenshot(panel, 'injection-search-marked');
    }
    await expectNoDamage();
  });

  it('in the summary, and in the Markdown file it downloads', async () => {
    const summary = await endSession(frame);
    await summary.getByText(CLIENT, { exact: true }).waitFor();
    const wordings = () => summary.locator('textarea').evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value));
    await expect.poll(wordings).toEqual(expect.arrayContaining([...NOTES, COMMITMENT]));
    await expectNoDamage();

    const md = await downloadFrom(page, frame, 'Download Markdown');
    expect(md.match(/(?<!\\)<(?!https?:\/\/)/g), 'a raw < outside an autolink').toBeNull();
    expect(md.match(/(?<!\\)\[(?! \]|x\])/g), 'a raw [ other than a task checkbox').toBeNull();
    expect(md).not.toMatch(/^\s*- \[x\] fake done/m);
    expect(md).toContain('\\*\\*not bold\\*\\*');
    expect(md).not.toMatch(/!\[[^\]]*\]\(/); // no image: a typed URL may only become a plain autolink
  });

  it('in the plain text and JSON exports, exactly as typed', async () => {
    const bundle = await api(panel, 'getSessionBundle', { sessionId });
    const doc = buildSummary(bundle, { clientVersion: false });
    const text = toPlainText(doc);
    for (const raw of ALL) expect(text).toContain(raw);
    const json = JSON.stringify(JSON.parse(toSessionJson(doc)));
    for (const raw of ALL) expect(json).toContain(JSON.stringify(raw).slice(1, -1));
  });

  it('the probe can tell: the same strings as markup do run and make elements (control)', async () => {
    const blank = await browser.context.newPage();
    await blank.setContent(`<html><body>${CLIENT}${NOTES[3]}</body></html>`);
    await expect.poll(async () => (await damage(blank)).pwned).toBe(1);
    expect((await damage(blank)).made).toBeGreaterThan(0);
    await blank.close();
  });
});

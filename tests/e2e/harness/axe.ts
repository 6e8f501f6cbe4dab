/**
 * axe-core in Chromium, inside an extension page or the overlay's frame.
 *
 * How it gets in: extension pages carry `script-src 'self'`, so `addScriptTag` (an inline <script>) is
 * refused there ("Executing inline script violates … script-src 'self'"). Playwright's `evaluate` with the
 * source as a string runs it through the DevTools protocol (Runtime.evaluate), which the page's CSP does
 * not govern, so axe loads without loosening the extension's CSP. The call page's Trusted Types policy
 * never applies: the overlay is its own extension document.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Frame, Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(resolve('node_modules/axe-core/axe.min.js'), 'utf8');

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] }[];
}

/** Every axe violation in the document of `target` (all default rules, colour contrast included), as readable lines. */
export async function axeViolations(target: Frame | Page): Promise<string[]> {
  if ((await target.evaluate('typeof window.axe')) !== 'object') await target.evaluate(AXE_SOURCE);
  const result = await target.evaluate(async () => {
    // Colours are measured once the state on screen has settled: a control that just changed state (a
    // button pressed after its write came back) may still be in its 120 ms colour transition.
    const finite = document.getAnimations().filter((a) => a.effect?.getComputedTiming().endTime !== Infinity);
    const settled = Promise.all(finite.map((a) => a.finished.catch(() => undefined)));
    await Promise.race([settled, new Promise((done) => setTimeout(done, 2000))]); // a page that paints no frames
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<AxeResult> } }).axe;
    return axe.run(document, { resultTypes: ['violations'] });
  });
  return result.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')} — ${(n.failureSummary ?? '').replace(/\s+/g, ' ')}`).join('\n')}`,
  );
}

/** The colour scheme the document really sees (emulation reaches out-of-process frames too, or this says so). */
export function prefersDark(target: Frame | Page): Promise<boolean> {
  return target.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches);
}

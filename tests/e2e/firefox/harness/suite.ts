/**
 * One Firefox per test file (a launch takes 6–9 s, far more on a busy machine), around one view: launched
 * before the file's tests, a screenshot kept of any failed step, closed after.
 */
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Page } from 'puppeteer-core';
import { snap, type View } from './coach';
import { launchFirefox, type Firefox } from './firefox';

export interface FirefoxSuite {
  v: View;
  /** Console errors and uncaught page errors of the view's page so far. */
  errors(): string[];
  firefox(): Firefox;
}

/** Collects console errors and page errors of a page, to assert there are none. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e instanceof Error ? e.message : String(e)}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return errors;
}

export function firefoxSuite(prefix: string, open: (ff: Firefox) => Promise<View>): FirefoxSuite {
  const v = {} as View;
  let errors: string[] = [];
  let ff: Firefox | undefined;
  beforeAll(async () => {
    ff = await launchFirefox();
    Object.assign(v, await open(ff));
    errors = watchErrors(v.page);
  });
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail')
      await snap(v, `${prefix}-failed-${ctx.task.name.slice(0, 24).replace(/\W+/g, '-')}`).catch(() => {});
  });
  afterAll(async () => {
    await ff?.close();
  });
  return {
    v,
    errors: () => errors,
    firefox() {
      if (!ff) throw new Error('Firefox is not launched yet');
      return ff;
    },
  };
}

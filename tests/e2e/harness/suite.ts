/**
 * One browser per test file, around one view: launched before the file's tests, a screenshot kept of any
 * failed step, disposed after. The returned view is filled in (and kept current across reloads) in place.
 */
import { afterAll, afterEach, beforeAll } from 'vitest';
import { launch, watchErrors, type Launched } from './browser';
import { snap, type View } from './coach';

export interface ViewSuite {
  v: View;
  /** Console and page errors of the view's page so far. */
  errors(): string[];
  browser(): Launched;
}

export function viewSuite(prefix: string, open: (browser: Launched) => Promise<View>): ViewSuite {
  const v = {} as View;
  let errors: string[] = [];
  let browser: Launched | undefined;
  beforeAll(async () => {
    browser = await launch();
    Object.assign(v, await open(browser));
    errors = watchErrors(v.page);
  });
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail')
      await snap(v, `${prefix}-failed-${ctx.task.name.slice(0, 24).replace(/\W+/g, '-')}`).catch(() => {});
  });
  afterAll(async () => {
    await browser?.dispose();
  });
  return {
    v,
    errors: () => errors,
    browser() {
      if (!browser) throw new Error('The browser is not launched yet');
      return browser;
    },
  };
}

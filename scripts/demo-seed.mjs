// Seeds the demo record (scripts/demo/demo-seed.ts) from an extension page, through Holdspace's own API client.
import { bundlePageScript } from './page-script.mjs';

export async function seedDemo(page) {
  await page.evaluate(await bundlePageScript('scripts/demo/demo-seed.ts', '__hsDemo'));
  await page.evaluate(() => globalThis.__hsDemo.seedDemo());
}

// Used by `npm run test:e2e` and `npm run bench`: stop with one clear line when no browser can be had.
import { ensureChromium } from './chromium.mjs';

try {
  console.log(`Chromium: ${ensureChromium()}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}

// Bundles tests/bench/kit/page-kit.ts (the views' API client, the seeder, exporters) into one script the
// bench injects into an extension page over CDP: `globalThis.__hsKit`.
import { bundlePageScript } from '../../scripts/page-script.mjs';

/** @returns {Promise<string>} the kit as an IIFE that sets `globalThis.__hsKit` */
export function buildKit() {
  return bundlePageScript('tests/bench/kit/page-kit.ts', '__hsKit');
}

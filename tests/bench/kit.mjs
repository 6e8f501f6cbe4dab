// Bundles tests/bench/kit/page-kit.ts (the views' API client, the seeder, exporters) into one script the
// bench injects into an extension page over CDP: `globalThis.__hsKit`. Rolldown ships with Vite (WXT's bundler).
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { rolldown } from 'rolldown';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** @returns {Promise<string>} the kit as an IIFE that sets `globalThis.__hsKit` */
export async function buildKit() {
  const bundle = await rolldown({
    input: resolve(root, 'tests/bench/kit/page-kit.ts'),
    resolve: { alias: { '@': root } },
    platform: 'browser',
    logLevel: 'silent',
  });
  const { output } = await bundle.generate({ format: 'iife', name: '__hsKit', minify: false });
  await bundle.close();
  return `${output[0].code}\nglobalThis.__hsKit = __hsKit;`;
}

// Bundles a TypeScript module into one script to run inside an extension page (page.evaluate / CDP), so
// scripts and tests that drive Holdspace from outside use its own typed code rather than spelling its wire
// format by hand. Rolldown ships with Vite (WXT's bundler).
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { rolldown } from 'rolldown';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** @returns {Promise<string>} the module as an IIFE that sets `globalThis[globalName]` to its exports */
export async function bundlePageScript(entry, globalName) {
  const bundle = await rolldown({
    input: resolve(root, entry),
    resolve: { alias: { '@': root } },
    platform: 'browser',
    logLevel: 'silent',
  });
  const { output } = await bundle.generate({ format: 'iife', name: globalName, minify: false });
  await bundle.close();
  return `${output[0].code}\nglobalThis.${globalName} = ${globalName};`;
}

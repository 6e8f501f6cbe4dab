import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const SHIM_ID = '\0holdspace-native-browser';
const CONTEXT = fileURLToPath(new URL('../lib/platform/content-script-context.ts', import.meta.url));

/**
 * Keeps the content script bundle tiny:
 * - `wxt/browser` (aliased to the webextension polyfill) becomes the native extension object: the content
 *   script only calls `runtime.id`, `runtime.getURL` and `runtime.onMessage`, which behave the same on
 *   `chrome` and `browser`;
 * - WXT's ContentScriptContext becomes lib/platform/content-script-context.ts, which keeps only what the
 *   call-page script uses (measured: WXT's runtime was half of the 6.3 KB bundle).
 */
export function contentScriptBrowserShim(): Plugin {
  return {
    name: 'holdspace:content-script-browser-shim',
    enforce: 'pre',
    resolveId(id) {
      if (id === 'wxt/browser' || id === '@wxt-dev/webextension-polyfill/browser') return SHIM_ID;
      if (id === 'wxt/utils/content-script-context') return CONTEXT;
      return null;
    },
    load(id) {
      if (id === SHIM_ID) return 'export const browser = globalThis.browser?.runtime?.id ? globalThis.browser : globalThis.chrome;';
      return null;
    },
  };
}

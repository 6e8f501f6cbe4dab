import type { Plugin } from 'vite';

const SHIM_ID = '\0holdspace-native-browser';

/**
 * Replaces `wxt/browser` (aliased to the webextension polyfill) with the native extension object in the
 * content script bundle. The content script only calls `runtime.id`, `runtime.getURL` and
 * `runtime.onMessage.addListener`, which behave the same on `chrome` and `browser`.
 */
export function contentScriptBrowserShim(): Plugin {
  return {
    name: 'holdspace:content-script-browser-shim',
    enforce: 'pre',
    resolveId(id) {
      if (id === 'wxt/browser' || id === '@wxt-dev/webextension-polyfill/browser') return SHIM_ID;
      return null;
    },
    load(id) {
      if (id === SHIM_ID) return 'export const browser = globalThis.browser?.runtime?.id ? globalThis.browser : globalThis.chrome;';
      return null;
    },
  };
}

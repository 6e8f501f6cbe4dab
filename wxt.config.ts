import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { contentScriptBrowserShim } from './scripts/content-script-browser-shim';
import { CALL_ORIGIN_MATCHES } from './lib/hosts/matches';
import { manifestCommands } from './lib/keymap/keymap';

// Holdspace build configuration. The manifest asks for the least that works:
// storage (settings), sidePanel (Chrome only), offscreen (Chrome only), the call hosts for the tiny content
// script, and downloads only when the coach turns automatic backups on.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: (env) => {
    // The bench build is the production build plus the bench's store handle: without this, Vite leaves
    // NODE_ENV unset for a mode other than "production" and Preact's preset emits development JSX and its
    // devtools hook (a views chunk of 321 KB instead of 246 KB), so the bench's view figures would overstate.
    if (env.mode === 'bench') process.env.NODE_ENV = 'production';
    return { plugins: [preact()] };
  },
  webExt: { disabled: true },
  hooks: {
    // The content script must stay tiny: it never needs the promise polyfill, so it gets a
    // two-line shim over the native `chrome`/`browser` object instead.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (entrypoints.every((e) => e.type === 'content-script')) {
        config.plugins = [contentScriptBrowserShim(), ...(config.plugins ?? [])];
      }
    },
  },
  manifest: ({ browser, manifestVersion }) => ({
    name: 'Holdspace',
    description:
      'The session contract, a question deck, a private timer and quick capture beside your Meet or Zoom call. Nothing leaves your machine.',
    // offscreen (Chrome, no warning): hands an automatic backup's bytes to the downloads API. downloads is
    // optional: asked for only when the coach turns automatic backups on (Settings).
    permissions: browser === 'firefox' ? ['storage'] : ['storage', 'sidePanel', 'offscreen'],
    optional_permissions: ['downloads'],
    action: { default_title: 'Open Holdspace' },
    // The browser commands (Alt+Shift+O, Ctrl+Shift+Y) are the keymap's browser entries.
    commands: manifestCommands(),
    web_accessible_resources:
      manifestVersion === 3
        ? [{ resources: ['overlay.html'], matches: CALL_ORIGIN_MATCHES, use_dynamic_url: browser !== 'firefox' }]
        : ['overlay.html'],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'holdspace@holdspace.app',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});

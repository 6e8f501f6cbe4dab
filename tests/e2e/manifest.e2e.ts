/**
 * Least privilege and a strict CSP, read from the built manifests (Chrome MV3 and Firefox MV2). Any
 * permission, host access or exposure beyond the documented list fails here.
 *
 * The documented list:
 * - permissions: `storage` (the settings), and on Chrome `sidePanel` and `offscreen` (automatic backups' blob
 *   URL). Nothing else: no `tabs`, `scripting`, `activeTab`, `webRequest`, `cookies`, `<all_urls>`,
 *   `unlimitedStorage`; one optional permission, `downloads`, asked for when automatic backups are turned on.
 * - host access: only through the content script on the three call patterns. Chrome lists no
 *   `host_permissions`; Firefox MV2 grants a content script's `matches` implicitly, so its `permissions`
 *   hold no host pattern either.
 * - web_accessible_resources: only overlay.html. Chrome: for the call origins only, with `use_dynamic_url`.
 *   Firefox MV2's format has no `matches` (a resource is reachable from any page that knows the per-install
 *   random moz-extension UUID); it lists overlay.html alone, and the page holds no data of its own.
 * - no `externally_connectable`: no web page or other extension can message the worker.
 * - CSP for extension pages: the manifest's, or the platform default when absent (Chrome MV3:
 *   `script-src 'self' 'wasm-unsafe-eval'; object-src 'self'`, Firefox MV2: `script-src 'self'; object-src
 *   'self'`). Never 'unsafe-eval', 'unsafe-inline' or a remote script source.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const CALL_MATCHES = ['https://*.zoom.us/wc/*', 'https://app.zoom.us/wc/*', 'https://meet.google.com/*'];
const CALL_ORIGINS = ['https://*.zoom.us/*', 'https://app.zoom.us/*', 'https://meet.google.com/*'];
const FORBIDDEN = [
  '<all_urls>',
  'tabs',
  'activeTab',
  'scripting',
  'webRequest',
  'webRequestBlocking',
  'cookies',
  'history',
  'downloads',
  'clipboardRead',
  'nativeMessaging',
  'unlimitedStorage',
  'debugger',
  'management',
];
const CHROME_DEFAULT_CSP = "script-src 'self' 'wasm-unsafe-eval'; object-src 'self';";
const FIREFOX_DEFAULT_CSP = "script-src 'self'; object-src 'self';";

type Manifest = Record<string, unknown> & {
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  content_scripts?: { matches: string[]; js?: string[]; css?: string[]; world?: string; all_frames?: boolean }[];
  web_accessible_resources?: unknown[];
  content_security_policy?: string | { extension_pages?: string; sandbox?: string };
};

const read = (dir: string): Manifest => JSON.parse(readFileSync(resolve('.output', dir, 'manifest.json'), 'utf8'));
const chrome = read('chrome-mv3');
const firefox = read('firefox-mv2');

/** The sources of one directive of a CSP string. */
function directive(csp: string, name: string): string[] {
  const found = csp
    .split(';')
    .map((d) => d.trim().split(/\s+/))
    .find(([n]) => n === name);
  return found ? found.slice(1) : [];
}

function expectStrictCsp(csp: string): void {
  const tokens = csp.split(/[\s;]+/);
  for (const loose of ["'unsafe-eval'", "'unsafe-inline'", "'unsafe-hashes'"]) expect(tokens, csp).not.toContain(loose);
  const scripts = directive(csp, 'script-src');
  expect(scripts.length, `script-src in "${csp}"`).toBeGreaterThan(0);
  for (const source of scripts) expect(["'self'", "'wasm-unsafe-eval'", "'none'"], `script source ${source}`).toContain(source);
  expect(directive(csp, 'object-src').every((s) => s === "'self'" || s === "'none'")).toBe(true);
}

describe.each([
  ['Chrome MV3', chrome, ['storage', 'sidePanel', 'offscreen']],
  ['Firefox MV2', firefox, ['storage']],
] as const)('%s manifest', (_name, manifest, permissions) => {
  it('asks for exactly the documented permissions and no host access of its own', () => {
    expect([...(manifest.permissions ?? [])].sort()).toEqual([...permissions].sort());
    expect(manifest.optional_permissions ?? []).toEqual(['downloads']); // asked for when automatic backups are turned on
    expect(manifest.host_permissions ?? []).toEqual([]);
    expect(manifest.optional_host_permissions ?? []).toEqual([]);
    const text = JSON.stringify(manifest);
    for (const word of FORBIDDEN) expect(manifest.permissions ?? [], word).not.toContain(word);
    expect(text).not.toContain('<all_urls>');
    expect(text).not.toMatch(/"\*:\/\/\*\/\*"|"https?:\/\/\*\/\*"/);
  });

  it('runs its one content script on the three call patterns only, in its isolated world', () => {
    expect(manifest.content_scripts).toHaveLength(1);
    const [script] = manifest.content_scripts!;
    expect([...script!.matches].sort()).toEqual(CALL_MATCHES);
    expect(script!.js).toEqual(['content-scripts/call-overlay.js']);
    expect(script!.world ?? 'ISOLATED').toBe('ISOLATED');
    expect(script!.all_frames ?? false).toBe(false);
  });

  it('is not reachable from outside: no externally_connectable, no update or key tricks', () => {
    expect(manifest).not.toHaveProperty('externally_connectable');
    expect(manifest).not.toHaveProperty('update_url');
    expect(manifest).not.toHaveProperty('oauth2');
  });
});

describe('web accessible resources', () => {
  it('Chrome exposes only overlay.html, to the call origins, under a dynamic URL', () => {
    expect(chrome.web_accessible_resources).toEqual([{ resources: ['overlay.html'], matches: expect.any(Array), use_dynamic_url: true }]);
    const [entry] = chrome.web_accessible_resources as { matches: string[] }[];
    expect([...entry!.matches].sort()).toEqual(CALL_ORIGINS);
  });

  it('Firefox MV2 lists overlay.html alone (its format has no per-origin matches)', () => {
    expect(firefox.web_accessible_resources).toEqual(['overlay.html']);
  });
});

describe('Firefox specifics', () => {
  it('declares its gecko id and that it collects no data', () => {
    const gecko = (firefox.browser_specific_settings as { gecko?: Record<string, unknown> } | undefined)?.gecko;
    expect(gecko?.id).toMatch(/^[^@\s]+@[^@\s]+$/);
    expect(gecko?.data_collection_permissions).toEqual({ required: ['none'] });
  });
});

describe('Content Security Policy of extension pages', () => {
  it('Chrome: no unsafe-eval, no inline or remote script', () => {
    const csp = chrome.content_security_policy;
    expect(typeof csp === 'string', 'MV3 takes an object, never a string').toBe(false);
    expect(csp && typeof csp === 'object' ? Object.keys(csp).filter((k) => k !== 'extension_pages') : []).toEqual([]);
    expectStrictCsp((csp as { extension_pages?: string } | undefined)?.extension_pages ?? CHROME_DEFAULT_CSP);
  });

  it('Firefox: no unsafe-eval, no inline or remote script', () => {
    const csp = firefox.content_security_policy;
    expectStrictCsp(typeof csp === 'string' ? csp : FIREFOX_DEFAULT_CSP);
  });

  it('the strictness check itself refuses loose policies', () => {
    expect(() => expectStrictCsp("script-src 'self' 'unsafe-eval'; object-src 'self'")).toThrow();
    expect(() => expectStrictCsp("script-src 'self' https://cdn.example.com; object-src 'self'")).toThrow();
    expect(() => expectStrictCsp("object-src 'self'")).toThrow();
  });
});

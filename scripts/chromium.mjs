// Finding (and, on Debian as root, installing) the Chromium that `npm start`, the browser tests and the
// benchmark drive. Order: CHROME_PATH, Debian's chromium, the usual Chrome/Chromium install paths.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const CANDIDATES = [
  '/usr/lib/chromium/chromium',
  '/usr/lib/chromium-browser/chromium-browser',
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/** @returns {string | null} */
export function findChromium(env = process.env) {
  if (env.CHROME_PATH) return existsSync(env.CHROME_PATH) ? env.CHROME_PATH : null;
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

/** The hosts the local fixture server stands in for (see tests/fixtures/server.mjs). */
export const FIXTURE_HOSTS = ['meet.google.com', 'app.zoom.us', '*.zoom.us'];

/**
 * The flags every headless run here uses (browser tests, benchmark): the extension loaded from
 * `extensionDir` (none when null), the call hosts mapped to the fixture server on `fixturePort`, and
 * Chromium's calls home turned off.
 * @param {{ extensionDir: string | null, fixturePort: number }} options
 * @returns {string[]}
 */
export function chromiumArgs({ extensionDir, fixturePort }) {
  const map = FIXTURE_HOSTS.map((h) => `MAP ${h} 127.0.0.1:${fixturePort}`).join(', ');
  return [
    ...(extensionDir ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : ['--disable-extensions']),
    '--no-first-run',
    '--no-sandbox',
    '--disable-sync',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-gpu',
    '--disable-quic',
    `--host-resolver-rules=${map}`,
    '--ignore-certificate-errors',
  ];
}

/** Finds Chromium; on a Debian machine run as root with none present, installs Debian's package. */
export function ensureChromium() {
  const found = findChromium();
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (process.env.CHROME_PATH) throw new Error(`CHROME_PATH is set to ${process.env.CHROME_PATH}, which does not exist.`);
  if (isRoot && existsSync('/etc/debian_version')) {
    console.log("No Chromium found: installing Debian's chromium (apt-get install chromium)…");
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    const installed = findChromium();
    if (installed) return installed;
  }
  throw new Error(
    'No Chromium or Chrome found. Install Chromium (Debian: apt-get install chromium) or set CHROME_PATH to a Chrome/Chromium binary.',
  );
}

// Finding (and, on Debian as root, installing) the Firefox that the Firefox browser tests drive.
// Order: FIREFOX_PATH, Debian's firefox-esr, the usual Firefox install paths. It must be at least the
// manifest's `strict_min_version` (wxt.config.ts), or Firefox refuses to install the add-on.
import { existsSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CANDIDATES = [
  '/usr/bin/firefox-esr',
  '/usr/lib/firefox-esr/firefox-esr',
  '/usr/bin/firefox',
  '/usr/lib/firefox/firefox',
  '/opt/firefox/firefox',
  '/Applications/Firefox.app/Contents/MacOS/firefox',
];

/** The add-on's `strict_min_version`, read from wxt.config.ts (the one place it is written). */
export function minimumFirefox() {
  const config = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', 'wxt.config.ts'), 'utf8');
  const found = /strict_min_version:\s*['"]([\d.]+)['"]/.exec(config);
  if (!found)
    throw new Error('wxt.config.ts names no gecko strict_min_version: the Firefox tests cannot tell which Firefox is new enough.');
  return found[1];
}

/** `[major, minor]` of a version such as `153.8.0esr`, `153.8.0esr-1~deb12u1` or `142.0`; null if none. */
export function parseVersion(text) {
  const m = /(\d+)(?:\.(\d+))?/.exec(text ?? '');
  return m ? [Number(m[1]), Number(m[2] ?? 0)] : null;
}

/** Whether `version` (any of the forms above) is at least `minimum`. */
export function atLeast(version, minimum) {
  const v = parseVersion(version);
  const min = parseVersion(minimum);
  if (!v || !min) return false;
  return v[0] !== min[0] ? v[0] > min[0] : v[1] >= min[1];
}

/** The version a Firefox binary reports (`Mozilla Firefox 153.8.0esr` → `153.8.0esr`), or null. */
export function firefoxVersion(path) {
  try {
    const out = execFileSync(path, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 60_000 });
    return /Firefox\s+(\S+)/.exec(out)?.[1] ?? null;
  } catch {
    return null;
  }
}

/** @returns {string | null} the first Firefox binary present (FIREFOX_PATH when set). */
export function findFirefox(env = process.env) {
  if (env.FIREFOX_PATH) return existsSync(env.FIREFOX_PATH) ? env.FIREFOX_PATH : null;
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

/**
 * Every version in the version table of `apt-cache policy firefox-esr`'s output, as apt lists them
 * (newest first).
 * @param {string} policy
 * @returns {string[]}
 */
export function offeredVersions(policy) {
  const table = policy.split('Version table:')[1] ?? '';
  return [...table.matchAll(/^\s*(?:\*\*\*\s+)?(\d\S*)\s+-?\d+\s*$/gm)].map((m) => m[1]);
}

/**
 * Finds a Firefox at least as new as the manifest asks; on a Debian machine run as root, installs (or
 * upgrades to) the newest firefox-esr apt offers that is. Throws one sentence saying how to fix it.
 * @returns {{ path: string, version: string }}
 */
export function ensureFirefox() {
  const min = minimumFirefox();
  const found = findFirefox();
  const version = found ? firefoxVersion(found) : null;
  if (found && version && atLeast(version, min)) return { path: found, version };
  if (process.env.FIREFOX_PATH) {
    throw new Error(
      found
        ? `FIREFOX_PATH is ${found}, Firefox ${version ?? '(version unknown)'}: the add-on needs Firefox ${min} or newer.`
        : `FIREFOX_PATH is set to ${process.env.FIREFOX_PATH}, which does not exist.`,
    );
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const have = found ? `${found} is Firefox ${version ?? '(version unknown)'}` : 'no Firefox is installed';
  if (!isRoot || !existsSync('/etc/debian_version')) {
    throw new Error(
      `The Firefox tests need Firefox ${min} or newer and ${have}: install firefox-esr ${min}+ (Debian: apt-get install firefox-esr from the security suite) or set FIREFOX_PATH.`,
    );
  }
  console.log(`Firefox tests: ${have}; looking for firefox-esr ${min}+ with apt-get…`);
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  const offers = offeredVersions(execFileSync('apt-cache', ['policy', 'firefox-esr'], { encoding: 'utf8' }));
  const pick = offers.find((v) => atLeast(v, min));
  if (!pick) {
    throw new Error(
      `Debian offers firefox-esr ${offers.join(', ') || '(none)'}, below the add-on's strict_min_version ${min}: add the security suite (deb http://deb.debian.org/debian-security <release>-security main) to apt's sources, or set FIREFOX_PATH to Firefox ${min}+.`,
    );
  }
  execFileSync('apt-get', ['install', '-y', '-qq', `firefox-esr=${pick}`], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  const installed = findFirefox();
  const now = installed ? firefoxVersion(installed) : null;
  if (installed && now && atLeast(now, min)) return { path: installed, version: now };
  throw new Error(
    `apt-get installed firefox-esr ${pick}, yet no Firefox ${min}+ runs here (found ${installed ?? 'none'}, ${now ?? 'no version'}).`,
  );
}

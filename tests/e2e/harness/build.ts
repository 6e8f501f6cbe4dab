/**
 * A private, frozen copy of the Chrome build for one test file. Chromium reads an unpacked extension's
 * files lazily (pages, chunks), so a rebuild of .output/chrome-mv3 during a long test (a developer's
 * `wxt build`, another run) would swap files under a running browser. Relaunches on the same profile must
 * also load the same path: the extension id, and so the IndexedDB origin, derive from it.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXTENSION_DIR } from './browser';

/** Every file a page or the manifest names exists in `dir` (the copy is not half of a rebuild). */
function complete(dir: string): boolean {
  if (!existsSync(join(dir, 'manifest.json'))) return false;
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { background?: { service_worker?: string } };
  const worker = manifest.background?.service_worker;
  if (worker && !existsSync(join(dir, worker))) return false;
  for (const html of readdirSync(dir).filter((f) => f.endsWith('.html'))) {
    const refs = [...readFileSync(join(dir, html), 'utf8').matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
    if (refs.some((ref) => !existsSync(join(dir, ref)))) return false;
  }
  return true;
}

/** Copies the current build into a temporary folder (retrying while a rebuild is under way). */
export function frozenBuild(): { dir: string; remove(): void } {
  for (let attempt = 0; attempt < 20; attempt++) {
    const dir = mkdtempSync(join(tmpdir(), 'holdspace-build-'));
    try {
      cpSync(EXTENSION_DIR, dir, { recursive: true });
      if (complete(dir)) return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
    } catch {
      // a file vanished mid-copy: a rebuild is running
    }
    rmSync(dir, { recursive: true, force: true });
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
  }
  throw new Error(`No complete build at ${EXTENSION_DIR}: run \`npm run build\` first.`);
}

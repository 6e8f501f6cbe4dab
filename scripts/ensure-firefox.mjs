// Used by `npm run test:e2e:firefox` and .ci/run: find (or, on Debian as root, install) a Firefox new enough
// for the add-on, or stop with one clear line.
import { ensureFirefox } from './firefox.mjs';

try {
  const { path, version } = ensureFirefox();
  console.log(`Firefox: ${path} (${version})`);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}

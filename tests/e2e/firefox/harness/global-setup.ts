import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { startFixtureServer } from '../../../fixtures/server.mjs';
import { FIXTURE_PORT } from '../../harness/browser';

/** Starts the fixture server once for all Firefox tests; the Firefox build must have been made first. */
export default async function setup() {
  if (!existsSync(resolve('.output/firefox-mv2/manifest.json'))) {
    throw new Error('No build at .output/firefox-mv2: run `npm run build:firefox` first (npm test does).');
  }
  const server = await startFixtureServer({ port: FIXTURE_PORT });
  return () => server.close();
}

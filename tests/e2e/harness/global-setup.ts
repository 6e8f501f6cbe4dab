import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { startFixtureServer } from '../../fixtures/server.mjs';
import { FIXTURE_PORT } from './browser';

/** Starts the fixture server once for all browser tests; the extension must have been built first. */
export default async function setup() {
  if (!existsSync(resolve('.output/chrome-mv3/manifest.json'))) {
    throw new Error('No build at .output/chrome-mv3: run `npm run build` first (npm test does).');
  }
  const server = await startFixtureServer({ port: FIXTURE_PORT });
  return () => server.close();
}

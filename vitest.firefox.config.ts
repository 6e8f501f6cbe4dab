import { defineConfig } from 'vitest/config';

// Browser tests in Firefox: the built Firefox add-on in Debian's firefox-esr via puppeteer-core over
// WebDriver BiDi. One file at a time: each launches its own Firefox, and this machine has two cores.
export default defineConfig({
  test: {
    include: ['tests/e2e/firefox/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    globalSetup: ['tests/e2e/firefox/harness/global-setup.ts'],
  },
});

import { defineConfig } from 'vitest/config';

// Browser tests: the built extension in Debian Chromium via playwright-core. One file at a time:
// each launches its own Chromium, and this machine has two cores.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    exclude: ['tests/e2e/firefox/**', 'node_modules/**'], // Firefox's own run: vitest.firefox.config.ts
    environment: 'node',
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 90_000,
    globalSetup: ['tests/e2e/harness/global-setup.ts'],
  },
});

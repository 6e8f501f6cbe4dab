// `npm start`: builds Holdspace, opens Chromium with it loaded on the demo Meet call (a local stand-in).
// With a display the browser stays open until you close it; without one it runs headless, saves screenshots
// of the overlay and the side panel, and prints their paths.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { ensureChromium } from './chromium.mjs';
import { startFixtureServer } from '../tests/fixtures/server.mjs';
import { seedDemo } from './demo-seed.mjs';

const PORT = Number(process.env.HS_FIXTURE_PORT ?? 8443);
const MEET_CALL = 'https://meet.google.com/abc-defg-hij';
const extensionDir = resolve('.output/chrome-mv3');
const hasDisplay =
  Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) || process.platform === 'darwin' || process.platform === 'win32';
const headless = process.env.HEADLESS === '1' || !hasDisplay;

console.log('Building Holdspace…');
execFileSync(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['wxt', 'build'], { stdio: 'inherit' });
const executablePath = ensureChromium();
const server = await startFixtureServer({ port: PORT });
const hostMap = ['meet.google.com', 'app.zoom.us', '*.zoom.us'].map((h) => `MAP ${h} 127.0.0.1:${PORT}`).join(', ');

const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'holdspace-demo-')), {
  executablePath,
  headless,
  viewport: headless ? { width: 1280, height: 800 } : null,
  colorScheme: 'dark',
  args: [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-first-run',
    '--disable-sync',
    '--disable-background-networking',
    '--disable-component-update',
    `--host-resolver-rules=${hostMap}`,
    '--ignore-certificate-errors',
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  ],
});
const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
const extensionId = new URL(worker.url()).host;
const panel = await context.newPage();
await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
await seedDemo(panel);
const call = await context.newPage();
await call.goto(MEET_CALL);

if (headless) {
  const out = resolve('.output/screenshots');
  mkdirSync(out, { recursive: true });
  const frame = await waitForOverlay(call);
  await frame.locator('body').waitFor();
  await call.waitForTimeout(800);
  await call.screenshot({ path: join(out, 'overlay-on-meet.png') });
  await panel.setViewportSize({ width: 420, height: 800 });
  await panel.reload();
  await panel.waitForTimeout(800);
  await panel.screenshot({ path: join(out, 'side-panel.png') });
  console.log('\nNo display here, so Holdspace ran headless. Screenshots:');
  console.log(`  ${join(out, 'overlay-on-meet.png')}`);
  console.log(`  ${join(out, 'side-panel.png')}`);
  console.log('\nTo use it in your own browser: chrome://extensions → Developer mode → Load unpacked → .output/chrome-mv3');
  console.log(
    'Firefox: npm run build:firefox, then about:debugging → This Firefox → Load Temporary Add-on → .output/firefox-mv2/manifest.json',
  );
  await context.close();
  await server.close();
} else {
  await call.bringToFront();
  console.log(`\nHoldspace is open on the demo Meet call (${MEET_CALL}, served locally).`);
  console.log('The side panel page is open in the other tab. Close the browser to stop.');
  context.on('close', () => void server.close().then(() => process.exit(0)));
}

async function waitForOverlay(page) {
  for (let i = 0; i < 150; i++) {
    const frame = page.frames().find((f) => f.url().includes('/overlay.html'));
    if (frame) return frame;
    await page.waitForTimeout(100);
  }
  throw new Error('The overlay did not mount on the demo call.');
}

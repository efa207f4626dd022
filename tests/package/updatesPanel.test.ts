import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, expect, type Browser, type Page } from '@playwright/test';
import { afterAll, beforeAll, test } from 'vitest';
import { createCore } from '../../src/main/core/app';
import { FeedUpdateEngine } from '../../src/main/core/updates';
import { startHeadlessServer } from '../../src/main/core/servers';
import { defaultState, FileSecretStore } from '../../src/main/core/settings';
import { startOpenAIFixture } from '../fixtures/openaiServer';
import { startUpdateFeedServer } from '../fixtures/updateFeedServer';
import { addFixtureProvider, lastAssistant, send } from '../e2e/support/appFixtures';

const RENDERER_DIR = fileURLToPath(new URL('../../out/renderer', import.meta.url));

/**
 * The Updates panel against a real update: the built page (out/renderer) and the core of
 * browser mode in this process, given the engine an installed copy would have
 * (FeedUpdateEngine on a local feed instead of electron-updater on GitHub). Here rather than in
 * tests/e2e because the core's JSON imports load in vitest, not in Playwright's test loader.
 */
let browser: Browser;
let page: Page;
beforeAll(async () => {
  // Debian's Chromium, as tests/e2e/playwright.config.ts; BROOK_CHROMIUM=playwright uses Playwright's build.
  browser = await chromium.launch({
    executablePath: process.env.BROOK_CHROMIUM === 'playwright' ? undefined : '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 820 } });
});
afterAll(() => browser?.close());

test('Check now downloads a new version, shows its notes as text, and waits for a streaming answer', { timeout: 90_000 }, async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'brook-e2e-update-feed-'));
  const feed = await startUpdateFeedServer();
  const openai = await startOpenAIFixture();
  feed.publish({
    version: '0.9.0',
    releaseNotes: '<h2>Brook 0.9.0</h2><p>Faster streaming.</p><script>document.title = "pwned"</script>',
    files: { 'Brook-Setup-0.9.0.exe': new Uint8Array(512 * 1024).map((_, i) => i % 256) },
  });
  const applied: string[] = [];
  const core = createCore({
    dataDir,
    settingsBackend: { store: { ...defaultState() } },
    secrets: new FileSecretStore(join(dataDir, 'keys.json')),
    info: { mode: 'browser', version: '0.1.0', systemLocale: 'en' },
    autoTitle: false,
    firstUpdateCheckDelayMs: 60 * 60 * 1000,
    updateEngine: new FeedUpdateEngine({
      feedUrl: `${feed.url}/releases/`,
      currentVersion: '0.1.0',
      cacheDir: join(dataDir, 'pending-update'),
      platform: 'win32',
      arch: 'x64',
      apply: (file, when) => applied.push(`${when}:${file}`),
    }),
  });
  const server = await startHeadlessServer({ core, rendererDir: RENDERER_DIR });
  try {
    await page.goto(server.url);
    await addFixtureProvider(page, openai.url);
    await page.getByTestId('new-chat').click();
    await send(page, '/slow tell me about brooks');
    await expect(lastAssistant(page)).toHaveAttribute('data-status', 'streaming');

    await page.getByTestId('open-settings').click();
    // The updates panel sits in Settings → General.
    await page.getByTestId('settings-nav-general').click();
    const panel = page.getByTestId('updates-panel');
    await expect(panel.getByTestId('updates-auto')).toBeChecked();
    await panel.getByTestId('updates-check').click();
    await expect(panel).toContainText('Brook 0.9.0 is ready to install.');
    await panel.locator('summary').click();
    await expect(panel).toContainText('Faster streaming.');
    // Release notes are text: the script in them is neither run nor shown.
    expect(await page.title()).not.toBe('pwned');
    await expect(panel).not.toContainText('pwned');
    await expect(panel.locator('h2')).toHaveCount(0);

    await panel.getByTestId('updates-restart').click();
    await expect(panel.getByTestId('updates-deferred')).toHaveText(/installs? when you quit Brook/);
    expect(applied).toEqual([`onQuit:${join(dataDir, 'pending-update', 'Brook-Setup-0.9.0.exe')}`]);
    if (process.env.BROOK_SHOTS) {
      for (const width of [420, 1280]) {
        await page.setViewportSize({ width, height: 800 });
        await panel.scrollIntoViewIfNeeded();
        await page.screenshot({ path: join(process.env.BROOK_SHOTS, `updates-ready-${width}.png`) });
      }
    }
  } finally {
    await server.close();
    await core.shutdown();
    await openai.close();
    await feed.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

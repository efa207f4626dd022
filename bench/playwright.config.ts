import { defineConfig } from '@playwright/test';

// Playwright is only the harness here: the benchmark prints figures and asserts nothing.
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.bench.ts',
  outputDir: '../test-results/bench',
  workers: 1,
  timeout: 30 * 60_000,
  reporter: [['line']],
  use: {
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1280, height: 900 },
    launchOptions: {
      executablePath: process.env.BROOK_CHROMIUM === 'playwright' ? undefined : '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
});

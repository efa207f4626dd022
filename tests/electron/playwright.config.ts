import { defineConfig } from '@playwright/test';

// Electron end-to-end tests. They launch the built app (run `npm run build` and
// `node scripts/electron-native.mjs` first — `npm run test:electron` does the latter) through
// Playwright's `_electron`, so no browser is needed or downloaded: nothing here uses the
// `page`/`browser` fixtures. Where the Electron binary is not installed every test reports
// itself skipped, with the reason. On Linux without a display, run under `xvfb-run -a`.
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: '../../test-results/electron',
  fullyParallel: false,
  // One Electron app at a time: each test launches its own, and CI machines have 2 cores.
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
});

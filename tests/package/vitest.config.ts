import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Tests of the built app (`npm run build` first), so `npm test` runs them after the build, apart
// from the unit tests that run before it: electron-builder packing out/, the start script, and
// the Updates panel of out/renderer against a local update feed.
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    environment: 'node',
    include: ['tests/package/**/*.test.ts'],
    testTimeout: 60_000,
  },
});

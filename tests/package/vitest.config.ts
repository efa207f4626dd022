import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Packaging tests: they read the real build output (`npm run build` first), so `npm test` runs
// them after the build, apart from the unit tests that run before it.
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    environment: 'node',
    include: ['tests/package/**/*.test.ts'],
    testTimeout: 60_000,
  },
});

import { defineConfig } from 'vitest/config';

// Vitest is only the harness here (for benches of the core, which imports JSON strings): they print figures and assert nothing.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['bench/**/*.corebench.ts'],
    testTimeout: 30 * 60_000,
    hookTimeout: 60_000,
    reporters: ['default'],
    disableConsoleIntercept: true,
  },
});

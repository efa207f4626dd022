import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

/**
 * Everything the core loads before it listens, bundled into the main chunk: as separate packages
 * Node resolved and compiled about 400 files on every start (ajv and semver via conf, zod's
 * modules one by one). What loads on first use (undici, https-proxy-agent, linkedom, the MCP
 * SDK, pg, mysql2, sharp, unpdf, mammoth) and native modules (better-sqlite3) stay external.
 */
const BUNDLED_IN_MAIN = [
  'zod',
  'conf',
  'electron-store',
  'jsonpath-rfc9535',
  'marked',
  'eventsource-parser',
  'fflate',
  '@streamparser/json',
  'ws',
  'js-yaml',
  'semver',
];

export default defineConfig({
  main: {
    build: {
      externalizeDeps: { exclude: BUNDLED_IN_MAIN },
      rollupOptions: {
        // serve.js is the headless core for browser mode: same code, no Electron.
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          serve: resolve(__dirname, 'src/main/serve.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload can require nothing but electron: each entry is one self-contained
      // file, with zod and the contract bundled in.
      externalizeDeps: false,
      isolatedEntries: true,
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/preload/index.ts'),
          quick: resolve(__dirname, 'src/preload/quick.ts'),
        },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    plugins: [react()],
    build: {
      // electron-vite leaves the renderer unminified: 2 MB of vendor code to parse on every start.
      minify: true,
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/renderer/index.html'),
          quick: resolve(__dirname, 'src/renderer/quick.html'),
        },
      },
    },
  },
});

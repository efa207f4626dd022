import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

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

const FIRST_PAINT_ENTRY = resolve(__dirname, 'src/renderer/src/firstPaint/main.ts');
let graph: Set<string> | null = null;

/**
 * Puts the first-paint script (src/renderer/src/firstPaint/main.ts, its own small entry) at the
 * top of the main window's page, async: it runs as soon as it is in, without waiting for the
 * app's much larger scripts, and draws the list from browser mode's copy (issue #13, cold start).
 */
function firstPaintScript(): Plugin {
  return {
    name: 'brook-first-paint',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (!ctx.filename.endsWith('/index.html')) return html;
        let src = '/src/firstPaint/main.ts';
        let imports: string[] = [];
        if (ctx.bundle) {
          const entry = Object.values(ctx.bundle).find((c) => c.type === 'chunk' && c.isEntry && c.name === 'firstPaint');
          if (!entry || entry.type !== 'chunk') throw new Error('the first-paint entry is missing from the renderer build');
          src = `./${entry.fileName}`;
          imports = entry.imports.map((file) => `./${file}`);
        }
        // Right after the title: under the page's CSP, and asked for (with what it imports) before the app's files.
        const tags = [
          `<script type="module" async crossorigin src="${src}"></script>`,
          ...imports.map((href) => `<link rel="modulepreload" crossorigin href="${href}">`),
        ];
        // Vite names those imports again among the app's: once, first, is enough.
        const preload = (href: string) => new RegExp(`\\n\\s*<link rel="modulepreload" crossorigin href="${href.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}">`);
        const rest = imports.reduce((page, href) => page.replace(preload(href), ''), html);
        return rest.replace('</title>', `</title>\n    ${tags.join('\n    ')}`);
      },
    },
  };
}

/** Module ids the first-paint entry imports, directly or not (worked out once per build). */
function firstPaintGraph(getModuleInfo: (id: string) => { importedIds: readonly string[] } | null): Set<string> {
  const seen = new Set<string>();
  const visit = (id: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    for (const next of getModuleInfo(id)?.importedIds ?? []) visit(next);
  };
  visit(FIRST_PAINT_ENTRY);
  return seen;
}

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
    plugins: [react(), firstPaintScript()],
    build: {
      // electron-vite leaves the renderer unminified: 2 MB of vendor code to parse on every start.
      minify: true,
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/renderer/index.html'),
          quick: resolve(__dirname, 'src/renderer/quick.html'),
          firstPaint: FIRST_PAINT_ENTRY,
        },
        output: {
          codeSplitting: {
            groups: [
              {
                // What the first-paint script imports, in one file beside it (the page asks for
                // both first): it must not wait for the app's chunks, and the app imports these
                // from it. The entry stays apart: its code runs the first paint, which the quick
                // window (it imports some of these too) must not.
                name: (id, ctx) => {
                  graph ??= firstPaintGraph((m) => ctx.getModuleInfo(m));
                  return id !== FIRST_PAINT_ENTRY && graph.has(id) ? 'firstPaintShared' : null;
                },
              },
            ],
          },
        },
      },
    },
  },
});

/**
 * Cold start with a big history: from spawning the built core (browser mode) to the sidebar's
 * first row painted in the page, with BENCH_CONVERSATIONS conversations (10,000 by default) of
 * four messages each. Chromium is already running, as a window would be by the time Electron's
 * page loads; each run is a new core process and a new page. Two cases, alternated: the data
 * folder as a clean quit leaves it (with its copy of the first screen, first-screen.json), and
 * without that copy. Figures are printed, never asserted.
 *
 *   npm run bench:start
 *   BENCH_SERVE_JS=/other/tree/out/main/serve.js npx playwright test -c bench/playwright.config.ts start.bench.ts
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, test } from '@playwright/test';
import { message, rng } from './historyCorpus';
import { seedHistory } from './seedHistory';

const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 10);
/** Another build to compare against (`BENCH_SERVE_JS=/elsewhere/out/main/serve.js`); this tree's by default. */
const SERVE_JS = process.env.BENCH_SERVE_JS ?? resolve(dirname(fileURLToPath(import.meta.url)), '../out/main/serve.js');

function pct(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function buildHistory(dataDir: string): void {
  const r = rng(7);
  const now = Date.now();
  seedHistory(dataDir, (write) => {
    for (let c = 0; c < CONVERSATIONS; c++) {
      write(`c${c}`, `Conversation ${c}: ${message(r).slice(0, 40)}`, Array.from({ length: 4 }, () => message(r)), now - c * 3_600_000);
    }
  });
}

/** Spawns serve.js and resolves with its URL and the milliseconds from spawn to that line (the page is served from then on; the core may still be loading). */
function spawnCore(dataDir: string): Promise<{ url: string; listenMs: number; stop: () => Promise<void> }> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [SERVE_JS, '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, BROOK_PORT: '' } });
  const stop = () =>
    new Promise<void>((r) => {
      if (child.exitCode !== null) return r();
      child.once('exit', () => r());
      child.kill('SIGTERM');
    });
  return new Promise((resolveStart, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Brook is running at (\S+)/.exec(out);
      if (match) resolveStart({ url: match[1]!, listenMs: performance.now() - t0, stop });
    });
    child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}:\n${out}`)));
  });
}

/**
 * Runs in the page before its own scripts: notes the page's clock when the first sidebar row is
 * in the DOM and two frames later (painted). Read by the page's clock, the time does not include
 * Playwright's polling and round trips, which on a loaded machine added 100–400 ms.
 */
const PAINT_PROBE = `(() => {
  const done = () => requestAnimationFrame(() => requestAnimationFrame(() => { window.__listPaintedAt = performance.now(); }));
  const check = () => {
    if (!document.querySelector('[data-testid="conversation-item"]')) return false;
    done();
    return true;
  };
  new MutationObserver((_, observer) => { if (check()) observer.disconnect(); })
    .observe(document, { childList: true, subtree: true });
})();`;

/** Opens Brook on `dataDir` once and quits it cleanly, as a user's last session would have: it keeps its copy of the first screen. */
async function quitOnce(browser: Browser, dataDir: string): Promise<void> {
  const core = await spawnCore(dataDir);
  const page = await browser.newPage();
  await page.goto(core.url);
  await page.locator('[data-testid="conversation-item"]').first().waitFor({ timeout: 60_000 });
  await page.close();
  await core.stop();
  if (!existsSync(join(dataDir, 'first-screen.json'))) throw new Error('a clean quit kept no copy of the first screen');
}

interface Figures {
  listen: number[];
  painted: number[];
  inPage: number[];
  pageOnly: number[];
}

async function oneStart(browser: Browser, seed: string, figures: Figures): Promise<void> {
  // A copy per run: each start sees the same cold files (with their times, which the copy of the first screen is checked against), and nothing a run wrote carries over.
  const dataDir = mkdtempSync(join(tmpdir(), 'brook-bench-run-'));
  cpSync(seed, dataDir, { recursive: true, preserveTimestamps: true });
  const page = await browser.newPage();
  await page.addInitScript(PAINT_PROBE);
  const t0 = performance.now();
  const core = await spawnCore(dataDir);
  const navigating = performance.now() - t0;
  await page.goto(core.url);
  await page.locator('[data-testid="conversation-item"]').first().waitFor({ timeout: 60_000 });
  // Painted, not only in the DOM: the next animation frame has been drawn.
  await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
  figures.painted.push(performance.now() - t0);
  const pageMs = (await page.waitForFunction('window.__listPaintedAt', null, { timeout: 60_000 }).then((h) => h.jsonValue())) as number;
  figures.pageOnly.push(pageMs);
  figures.inPage.push(navigating + pageMs);
  figures.listen.push(core.listenMs);
  await page.close();
  await core.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

test('cold start to a painted conversation list', async ({ browser }) => {
  // Two histories: as a clean quit leaves it (with its copy of the first screen), and without
  // that copy (the first start after an update, or after a crash).
  const quit = mkdtempSync(join(tmpdir(), 'brook-bench-start-'));
  const fresh = mkdtempSync(join(tmpdir(), 'brook-bench-start-'));
  buildHistory(fresh);
  cpSync(fresh, quit, { recursive: true, preserveTimestamps: true });
  await quitOnce(browser, quit);
  const cases = [
    { name: 'after a clean quit', seed: quit, figures: { listen: [], painted: [], inPage: [], pageOnly: [] } as Figures },
    { name: 'without a copy of the first screen', seed: fresh, figures: { listen: [], painted: [], inPage: [], pageOnly: [] } as Figures },
  ];
  try {
    // Alternated, so both cases see the same load.
    for (let run = 0; run < RUNS; run++) for (const c of cases) await oneStart(browser, c.seed, c.figures);
  } finally {
    rmSync(quit, { recursive: true, force: true });
    rmSync(fresh, { recursive: true, force: true });
  }
  const row = (name: string, v: number[]) =>
    `  ${name.padEnd(34)} p50 ${pct(v, 50).toFixed(0).padStart(6)} ms   p95 ${pct(v, 95).toFixed(0).padStart(6)} ms   max ${Math.max(...v).toFixed(0).padStart(6)} ms`;
  console.log(`\nCold start, ${CONVERSATIONS.toLocaleString('en')} conversations, ${RUNS} runs each`);
  for (const { name, figures } of cases) {
    console.log(name);
    console.log(row('spawn → page served (URL printed)', figures.listen));
    console.log(row('page: navigation → list painted', figures.pageOnly));
    console.log(row('spawn → list painted (page clock)', figures.inPage));
    console.log(row('spawn → list painted (Playwright)', figures.painted));
  }
});

/**
 * Cold start with a big history: from spawning the built core (browser mode) to the sidebar's
 * first row painted in the page (browser mode's first paint from the copy, or the app's; the
 * app's own row is reported beside it), with BENCH_CONVERSATIONS conversations (10,000 by default) of
 * four messages each. Chromium is already running, as a window would be by the time Electron's
 * page loads; each run is a new core process and a new page. Three cases, alternated: the data
 * folder as a clean quit leaves it (with its copy of the first screen, first-screen.json),
 * without that copy, and the floor (startFloor.mjs: the same first screen as a static page from
 * a bare Node server, which is what this machine allows anything by this path). Figures are
 * printed, never asserted.
 * Then the quick-ask window opened beside a running core (Electron creates it on its first
 * show): navigation → question box ready, and → model picker drawn (the window's state is in).
 *
 *   npm run bench:start
 *   BENCH_SERVE_JS=/other/tree/out/main/serve.js npx playwright test -c bench/playwright.config.ts start.bench.ts
 */
import { spawn } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type Page, test } from '@playwright/test';
import { filesNamedBy } from '../src/main/core/servers/headless/firstScreen';
import { WsContractClient } from '../tests/support/wsContractClient';
import { message, rng } from './historyCorpus';
import { seedHistory } from './seedHistory';

const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 10);
/** Another build to compare against (`BENCH_SERVE_JS=/elsewhere/out/main/serve.js`); this tree's by default. */
const SERVE_JS = process.env.BENCH_SERVE_JS ?? resolve(dirname(fileURLToPath(import.meta.url)), '../out/main/serve.js');
const FLOOR_JS = resolve(dirname(fileURLToPath(import.meta.url)), 'startFloor.mjs');

function pct(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function row(name: string, v: number[]): string {
  return `${name.padEnd(34)} p50 ${pct(v, 50).toFixed(0).padStart(6)} ms   p95 ${pct(v, 95).toFixed(0).padStart(6)} ms   max ${Math.max(...v).toFixed(0).padStart(6)} ms`;
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
function spawnCore(dataDir: string, script = SERVE_JS): Promise<{ url: string; listenMs: number; stop: () => Promise<void> }> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [script, '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, BROOK_PORT: '' } });
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
 * Runs in the page before its own scripts: notes the page's clock two frames after (painted)
 * the first sidebar row is in the DOM, whoever drew it (browser mode's first paint from the
 * copy, or the app), and the same for the app's own row. Read by the page's clock, the times do
 * not include Playwright's polling and round trips, which on a loaded machine added 100–400 ms.
 */
const PAINT_PROBE = `(() => {
  const painted = (key) => requestAnimationFrame(() => requestAnimationFrame(() => { window[key] = performance.now(); }));
  let any = false;
  new MutationObserver((_, observer) => {
    if (!any && document.querySelector('[data-testid="conversation-item"], [data-testid="first-paint-item"]')) { any = true; painted('__listPaintedAt'); }
    if (document.querySelector('[data-testid="conversation-item"]')) { painted('__appListPaintedAt'); observer.disconnect(); }
  }).observe(document, { childList: true, subtree: true });
})();`;

/**
 * Writes the floor's folder (startFloor.mjs): the page as the app has drawn its first screen, as
 * static HTML with the built stylesheets and no script, in the same window size.
 */
async function writeFloorPage(page: Page, floorDir: string): Promise<void> {
  const renderer = join(dirname(SERVE_JS), '../renderer');
  const sheets = filesNamedBy(readFileSync(join(renderer, 'index.html'), 'utf8')).filter((f) => f.endsWith('.css'));
  for (const sheet of sheets) copyFileSync(join(renderer, sheet), join(floorDir, basename(sheet)));
  // A string: this file is typed for Node, without the DOM's names.
  const { root, theme, lang } = (await page.evaluate(
    "({ root: document.getElementById('root').innerHTML, theme: document.documentElement.dataset.theme ?? '', lang: document.documentElement.lang })",
  )) as { root: string; theme: string; lang: string };
  const links = sheets.map((f) => `<link rel="stylesheet" href="/${basename(f)}">`).join('');
  writeFileSync(
    join(floorDir, 'index.html'),
    `<!doctype html><html lang="${lang}" data-theme="${theme}"><head><meta charset="UTF-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="color-scheme" content="light dark"><title>Brook</title>${links}</head><body><div id="root">${root}</div></body></html>`,
  );
}

/** Opens Brook on `dataDir` once and quits it cleanly, as a user's last session would have: it keeps its copy of the first screen. */
async function quitOnce(browser: Browser, dataDir: string, floorDir: string): Promise<void> {
  const core = await spawnCore(dataDir);
  const page = await browser.newPage();
  await page.goto(core.url);
  await page.locator('[data-testid="conversation-item"]').first().waitFor({ timeout: 60_000 });
  await writeFloorPage(page, floorDir);
  await page.close();
  await core.stop();
  // An older build (BENCH_SERVE_JS) keeps none: its "after a clean quit" is then what it does after one.
  if (!existsSync(join(dataDir, 'first-screen.json'))) console.log(`note: ${SERVE_JS} kept no copy of the first screen at a clean quit`);
}

interface Figures {
  listen: number[];
  painted: number[];
  inPage: number[];
  pageOnly: number[];
  appInPage: number[];
}

async function oneStart(browser: Browser, seed: string, figures: Figures, script = SERVE_JS): Promise<void> {
  // A copy per run: each start sees the same cold files (with their times, which the copy of the first screen is checked against), and nothing a run wrote carries over.
  const dataDir = mkdtempSync(join(tmpdir(), 'brook-bench-run-'));
  cpSync(seed, dataDir, { recursive: true, preserveTimestamps: true });
  const page = await browser.newPage();
  await page.addInitScript(PAINT_PROBE);
  const t0 = performance.now();
  const core = await spawnCore(dataDir, script);
  const navigating = performance.now() - t0;
  await page.goto(core.url);
  await page.locator('[data-testid="conversation-item"], [data-testid="first-paint-item"]').first().waitFor({ timeout: 60_000 });
  // Painted, not only in the DOM: the next animation frame has been drawn.
  await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
  figures.painted.push(performance.now() - t0);
  const pageMs = (await page.waitForFunction('window.__listPaintedAt', null, { timeout: 60_000 }).then((h) => h.jsonValue())) as number;
  figures.pageOnly.push(pageMs);
  figures.inPage.push(navigating + pageMs);
  const appMs = (await page.waitForFunction('window.__appListPaintedAt', null, { timeout: 60_000 }).then((h) => h.jsonValue())) as number;
  figures.appInPage.push(navigating + appMs);
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
  const floor = mkdtempSync(join(tmpdir(), 'brook-bench-floor-'));
  buildHistory(fresh);
  cpSync(fresh, quit, { recursive: true, preserveTimestamps: true });
  await quitOnce(browser, quit, floor);
  const none = (): Figures => ({ listen: [], painted: [], inPage: [], pageOnly: [], appInPage: [] });
  const cases = [
    { name: 'after a clean quit', seed: quit, figures: none(), script: SERVE_JS },
    { name: 'without a copy of the first screen', seed: fresh, figures: none(), script: SERVE_JS },
    // Not Brook: the same page as static HTML from a bare Node server, no script (startFloor.mjs).
    { name: 'floor: that first screen as a static page from a bare Node server', seed: floor, figures: none(), script: FLOOR_JS },
  ];
  try {
    // Alternated, so both cases see the same load.
    for (let run = 0; run < RUNS; run++) for (const c of cases) await oneStart(browser, c.seed, c.figures, c.script);
  } finally {
    for (const dir of [quit, fresh, floor]) rmSync(dir, { recursive: true, force: true });
  }
  console.log(`\nCold start, ${CONVERSATIONS.toLocaleString('en')} conversations, ${RUNS} runs each`);
  for (const { name, figures } of cases) {
    console.log(name);
    console.log(`  ${row('spawn → page served (URL printed)', figures.listen)}`);
    console.log(`  ${row('page: navigation → list painted', figures.pageOnly)}`);
    console.log(`  ${row('spawn → list painted (page clock)', figures.inPage)}`);
    console.log(`  ${row('spawn → list painted (Playwright)', figures.painted)}`);
    console.log(`  ${row('spawn → the app\'s list (page clock)', figures.appInPage)}`);
  }
});

/**
 * In the quick page before its scripts: its clock right after the frame that first shows the box
 * taking keys (enabled, focused), and the picker. A task queued from that frame's animation
 * callback runs once it is painted, before the idle time in which the window loads its message
 * list (a second frame would wait for that).
 */
const QUICK_PROBE = `(() => {
  const painted = (key) => requestAnimationFrame(() => setTimeout(() => { window[key] = performance.now(); }, 0));
  let input = false;
  let picker = false;
  new MutationObserver((_, observer) => {
    const box = document.querySelector('[data-testid="quick-input"]');
    if (!input && box && !box.disabled && document.activeElement === box) { input = true; painted('__inputReadyAt'); }
    if (!picker && document.querySelector('[data-testid="quick-model-picker"]')) { picker = true; painted('__pickerAt'); }
    if (input && picker) observer.disconnect();
  }).observe(document, { childList: true, subtree: true, attributes: true });
})();`;

test('quick-ask window: open → question box ready, beside a running core', async ({ browser }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'brook-bench-quick-'));
  const core = await spawnCore(dataDir);
  const inputReady: number[] = [];
  const pickerDrawn: number[] = [];
  try {
    // A provider, so the window shows its picker (nothing is sent to it); the answer also means the core has loaded.
    const url = new URL(core.url);
    const api = await WsContractClient.connect(`ws://${url.host}/ws?token=${new URLSearchParams(url.hash.slice(1)).get('token')!}`, { origin: url.origin });
    await api.request('providers.save', { draft: { name: 'Bench', presetId: 'custom', baseUrl: 'http://127.0.0.1:9/v1', defaultModel: 'bench' } });
    api.close();
    for (let run = 0; run < RUNS; run++) {
      // A new context each run: nothing cached, like the window's first show.
      const page = await browser.newPage({ viewport: { width: 680, height: 460 } });
      await page.addInitScript(QUICK_PROBE);
      await page.goto(`${url.origin}/quick.html${url.hash}`);
      // Functions, not strings: the quick page's CSP refuses eval.
      const probe = (key: '__inputReadyAt' | '__pickerAt') =>
        page.waitForFunction((k) => (globalThis as Record<string, unknown>)[k], key, { timeout: 60_000 }).then(async (h) => (await h.jsonValue()) as number);
      inputReady.push(await probe('__inputReadyAt'));
      pickerDrawn.push(await probe('__pickerAt'));
      await page.close();
    }
  } finally {
    await core.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  const renderer = join(dirname(SERVE_JS), '../renderer');
  const named = filesNamedBy(readFileSync(join(renderer, 'quick.html'), 'utf8'));
  const kb = named.reduce((sum, file) => sum + readFileSync(join(renderer, file)).length, 0) / 1024;
  console.log(`\nQuick-ask window, ${RUNS} runs; quick.html names ${named.length} files, ${kb.toFixed(0)} KiB`);
  console.log(row('navigation → question box ready', inputReady));
  console.log(row('navigation → model picker drawn', pickerDrawn));
});

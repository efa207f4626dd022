/**
 * Streams a long markdown answer from the fixture server through the real app (browser mode)
 * and prints what the user would feel: frame times, long tasks, how much markdown is
 * re-rendered per update, and how far the screen lags behind the arriving stream.
 *
 *   npm run bench:stream            (BENCH_TOKENS=20000 BENCH_RATES=100,1000 by default)
 *   BENCH_SHOTS=/tmp/shots          screenshots of the first run, halfway and at the end
 *
 * Then a 200,000-character unbroken line (BENCH_LONG_LINE=…, 0 skips it) streamed and reopened:
 * frame times, long tasks and whether the page got wider than the window.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, type CDPSession, type Page } from '@playwright/test';
import { startOpenAIFixture, type OpenAIFixture } from '../tests/fixtures/openaiServer';
import { startBrook } from '../tests/e2e/support/brookProcess';
import { WsContractClient } from '../tests/support/wsContractClient';
import { markdownAnswer } from './markdownCorpus';

const TOKENS = Number(process.env.BENCH_TOKENS ?? 20_000);
const RATES = (process.env.BENCH_RATES ?? '100,1000').split(',').map(Number).filter((rate) => rate > 0);
const LONG_LINE = Number(process.env.BENCH_LONG_LINE ?? 200_000);
/** A file to write the long line's streaming phase to as a CPU profile (opens in Chrome DevTools). */
const PROFILE = process.env.BENCH_PROFILE;
/** A folder for screenshots of the first markdown run, halfway through and at the end (to look at what was measured). */
const SHOTS = process.env.BENCH_SHOTS;

/** One unbroken run of letters and digits (a base64 blob, a minified line) between two paragraphs. */
function longLineTokens(length: number): string[] {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let line = '';
  for (let i = 0; line.length < length; i++) line += alphabet[(i * 37 + (i >> 6)) % alphabet.length];
  const tokens = ['Here is the blob:\n\n'];
  for (let i = 0; i < line.length; i += 60) tokens.push(line.slice(i, i + 60));
  tokens.push('\n\nThat was all of it.');
  return tokens;
}

const RESET = 'Object.assign(window.__bench, { frames: [], longTasks: [], arrivals: [], domUpdates: [], recording: true })';
const STOP = `(() => {
  const b = window.__bench;
  b.recording = false;
  const list = document.querySelector('.message-list');
  return { frames: b.frames, longTasks: b.longTasks, pageWidth: document.documentElement.scrollWidth, windowWidth: innerWidth,
    listOverflow: list ? list.scrollWidth - list.clientWidth : 0 };
})()`;

interface LongLineFigures {
  frames: number[];
  longTasks: number[];
  pageWidth: number;
  windowWidth: number;
  listOverflow: number;
}

/** Chromium's own counters (CDP Performance.getMetrics): how many layouts ran and the time they and scripts took. */
type Counters = Record<'LayoutCount' | 'LayoutDuration' | 'RecalcStyleDuration' | 'ScriptDuration' | 'TaskDuration' | 'ThreadTime', number>;

async function counters(cdp: CDPSession): Promise<Counters> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const value = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
  return {
    LayoutCount: value('LayoutCount'),
    LayoutDuration: value('LayoutDuration'),
    RecalcStyleDuration: value('RecalcStyleDuration'),
    ScriptDuration: value('ScriptDuration'),
    TaskDuration: value('TaskDuration'),
    ThreadTime: value('ThreadTime'),
  };
}

function describeLongLine(label: string, f: LongLineFigures, work: { before: Counters; after: Counters }, extra = ''): string {
  const longest = f.longTasks.length ? Math.max(...f.longTasks) : 0;
  const layouts = work.after.LayoutCount - work.before.LayoutCount;
  const spent = (name: keyof Counters) => ms((work.after[name] - work.before[name]) * 1000);
  return [
    `${label.padEnd(16)} frame p50 ${ms(pct(f.frames, 50))}  p95 ${ms(pct(f.frames, 95))}  max ${ms(Math.max(0, ...f.frames))}; tasks > 50 ms ${f.longTasks.filter((d) => d > 50).length}, longest ${ms(longest)}${extra}`,
    `${''.padEnd(16)} ${f.frames.length} frames: ${layouts} layouts (${(layouts / Math.max(1, f.frames.length)).toFixed(2)} per frame), layout ${spent('LayoutDuration')}, style ${spent('RecalcStyleDuration')}, script ${spent('ScriptDuration')}; main thread busy ${spent('TaskDuration')} (CPU ${spent('ThreadTime')})`,
    `${''.padEnd(16)} page ${f.pageWidth} px wide in a ${f.windowWidth} px window; message list overflows sideways by ${f.listOverflow} px   (aim: not wider)`,
  ].join('\n');
}

interface PageFigures {
  frames: number[];
  longTasks: number[];
  arrivals: number[];
  domUpdates: { t: number; blocksTouched: number }[];
  blockCount: number;
  finalLength: number;
}

function pct(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
const ms = (v: number) => (Number.isNaN(v) ? '—' : `${v.toFixed(1)} ms`);

/** Streams the long line into a fresh conversation, then opens another one and comes back. */
async function longLineRun(page: Page, api: WsContractClient, fixture: OpenAIFixture, url: string): Promise<string> {
  const item = (id: string) => page.locator(`[data-testid="conversation-item"][data-id="${id}"]`);
  const conversation = await api.request('conversations.create', {});
  await api.request('conversations.rename', { id: conversation.id, title: 'long line' });
  const other = await api.request('conversations.create', {});
  await api.request('conversations.rename', { id: other.id, title: 'elsewhere' });
  await page.goto(url);
  await item(conversation.id).click();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  // The same page doing nothing, for reference: on a loaded machine frames are late without any work of ours.
  await page.evaluate(RESET);
  const idleWork = { before: await counters(cdp), after: await counters(cdp) };
  await page.waitForTimeout(3000);
  const idle = (await page.evaluate(STOP)) as LongLineFigures;
  idleWork.after = await counters(cdp);
  fixture.setScenario({ kind: 'answer', tokens: longLineTokens(LONG_LINE), tokensPerSecond: 1000 });
  await page.evaluate(RESET);
  const streamWork = { before: await counters(cdp), after: await counters(cdp) };
  if (PROFILE) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  await page.getByTestId('composer-input').fill('a long line, please');
  await page.getByTestId('composer-input').press('Enter');
  const done = page.locator('[data-testid="message"][data-role="assistant"][data-status="done"]');
  await done.waitFor({ timeout: 600_000 });
  const streamed = (await page.evaluate(STOP)) as LongLineFigures;
  streamWork.after = await counters(cdp);
  if (PROFILE) writeFileSync(PROFILE, JSON.stringify((await cdp.send('Profiler.stop')).profile));
  await item(other.id).click();
  await done.waitFor({ state: 'detached' });
  await page.evaluate(RESET);
  const reopenWork = { before: await counters(cdp), after: await counters(cdp) };
  const t0 = Date.now();
  await item(conversation.id).click();
  await done.waitFor({ state: 'visible', timeout: 600_000 });
  const openMs = Date.now() - t0;
  await page.waitForTimeout(1000); // the frames after the answer is in the page: layout and paint
  const reopened = (await page.evaluate(STOP)) as LongLineFigures;
  reopenWork.after = await counters(cdp);
  await cdp.detach();
  return [
    `\n== a ${LONG_LINE.toLocaleString('en')}-character unbroken line (aim: frame p95 ≤ 16.7 ms, no task over 50 ms) ==`,
    describeLongLine('idle (reference)', idle, idleWork),
    describeLongLine('streamed 1000/s', streamed, streamWork),
    describeLongLine('reopened', reopened, reopenWork, `; click → on screen ${openMs} ms`),
  ].join('\n');
}

test('stream a long markdown answer into the UI', async ({ page }) => {
  const fixture = await startOpenAIFixture();
  const brook = await startBrook();
  const text = markdownAnswer(TOKENS);
  const results: Record<string, unknown>[] = [];
  try {
    const url = new URL(brook.url);
    const token = new URLSearchParams(url.hash.slice(1)).get('token')!;
    const api = await WsContractClient.connect(`ws://${url.host}/ws?token=${token}`, { origin: url.origin });
    await api.request('providers.save', { draft: { name: 'Bench', presetId: 'custom', baseUrl: fixture.url, defaultModel: 'fixture-chat' } });
    await page.addInitScript({ path: join(dirname(fileURLToPath(import.meta.url)), 'pageInstrument.browser.js') });

    for (const rate of RATES) {
      const conversation = await api.request('conversations.create', {});
      await api.request('conversations.rename', { id: conversation.id, title: `bench ${rate} tok/s` });
      await page.goto(brook.url);
      await page.locator(`[data-testid="conversation-item"][data-id="${conversation.id}"]`).click();
      fixture.setScenario({ kind: 'answer', text, tokensPerSecond: rate });
      // Fresh counters per run: going to the same URL again is a same-document navigation.
      await page.evaluate('Object.assign(window.__bench, { frames: [], longTasks: [], arrivals: [], domUpdates: [], recording: true })');
      await page.getByTestId('composer-input').fill('benchmark');
      const started = Date.now();
      await page.getByTestId('composer-input').press('Enter');
      const answer = page.locator('[data-testid="message"][data-role="assistant"]').last();
      if (SHOTS && rate === RATES[0]) {
        mkdirSync(SHOTS, { recursive: true });
        await page.waitForTimeout((TOKENS / rate) * 500);
        await page.screenshot({ path: join(SHOTS, `stream-${rate}-halfway.png`) });
      }
      await answer.locator('xpath=self::*[@data-status="done"]').waitFor({ timeout: (TOKENS / rate) * 2000 + 60_000 });
      const wall = Date.now() - started;
      if (SHOTS && rate === RATES[0]) await page.screenshot({ path: join(SHOTS, `stream-${rate}-done.png`) });
      const figures = (await page.evaluate(`(() => {
        const b = window.__bench;
        b.recording = false;
        const md = document.querySelectorAll('[data-testid="message"][data-role="assistant"] .markdown');
        const last = md[md.length - 1];
        const blocks = last ? last.querySelectorAll(':scope > .md-group > *').length || last.children.length : 0;
        return { ...b, blockCount: blocks, finalLength: last ? last.textContent.length : 0 };
      })()`)) as PageFigures;
      // Each arrival is on screen at the first DOM update after it.
      const lags: number[] = [];
      let u = 0;
      for (const t of figures.arrivals) {
        while (u < figures.domUpdates.length && figures.domUpdates[u]!.t < t) u++;
        if (u < figures.domUpdates.length) lags.push(figures.domUpdates[u]!.t - t);
      }
      const touched = figures.domUpdates.map((d) => d.blocksTouched);
      const row = {
        rate,
        tokens: TOKENS,
        wallSeconds: +(wall / 1000).toFixed(1),
        frameP50: pct(figures.frames, 50),
        frameP95: pct(figures.frames, 95),
        frameMax: Math.max(...figures.frames),
        longTasksOver50ms: figures.longTasks.filter((d) => d > 50).length,
        longestTask: figures.longTasks.length ? Math.max(...figures.longTasks) : 0,
        updates: figures.domUpdates.length,
        textFrames: figures.arrivals.length,
        blocksTouchedPerUpdateMean: touched.reduce((a, b) => a + b, 0) / Math.max(1, touched.length),
        blocksTouchedPerUpdateMax: Math.max(0, ...touched),
        finalBlocks: figures.blockCount,
        lagP50: pct(lags, 50),
        lagP95: pct(lags, 95),
        lagMax: lags.length ? Math.max(...lags) : NaN,
      };
      results.push(row);
      console.log(
        [
          `\n== ${rate} tokens/s, ${TOKENS} tokens of markdown (${row.wallSeconds} s) ==`,
          `frame time       p50 ${ms(row.frameP50)}  p95 ${ms(row.frameP95)}  max ${ms(row.frameMax)}   (aim: p95 ≤ 16.7 ms)`,
          `tasks > 50 ms    ${row.longTasksOver50ms}   longest ${ms(row.longestTask)}   (aim: 0)`,
          `markdown work    ${row.updates} screen updates for ${row.textFrames} text frames; blocks re-rendered per update: mean ${row.blocksTouchedPerUpdateMean.toFixed(2)}, max ${row.blocksTouchedPerUpdateMax} (of ${row.finalBlocks} blocks)`,
          `screen lag       p50 ${ms(row.lagP50)}  p95 ${ms(row.lagP95)}  max ${ms(row.lagMax)}   (aim: < 250 ms)`,
        ].join('\n'),
      );
    }
    if (LONG_LINE > 0) console.log(await longLineRun(page, api, fixture, brook.url));
    api.close();
  } finally {
    await brook.stop();
    await fixture.close();
  }
  mkdirSync('bench/results', { recursive: true });
  const file = `bench/results/stream-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
  writeFileSync(file, JSON.stringify(results, null, 2));
  console.log(`\nfigures written to ${file}`);
});

/**
 * Opening long things, as the reader sees it (browser mode, the built app, a seeded data folder):
 * - click → paint of a 10,000-message conversation (BENCH_OPEN_MESSAGES), from another one, and
 *   of the conversation holding a 50,000-token answer (BENCH_OPEN_TOKENS) followed by 40 short
 *   messages (it opens at its end, where the long answer is out of view);
 * - scrolling back to that answer, twice: the virtualized list drops it when it leaves the
 *   view. The first time after a reload it is parsed, the second time it comes from the
 *   rendered-answer cache. A long finished answer is drawn part by part (GROUP_SIZE blocks a
 *   task), so both the first part and the whole answer (no `data-pending`) are timed.
 * Times are taken in the page, from the click or scroll to the second animation frame after the
 * content is in the DOM (painted). Printed, never asserted.
 *
 *   npm run bench:open
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, type Page } from '@playwright/test';
import { startBrook } from '../tests/e2e/support/brookProcess';
import { WsContractClient } from '../tests/support/wsContractClient';
import { message, rng } from './historyCorpus';
import { markdownAnswer } from './markdownCorpus';
import { seedHistory } from './seedHistory';

const MESSAGES = Number(process.env.BENCH_OPEN_MESSAGES ?? 10_000);
const TOKENS = Number(process.env.BENCH_OPEN_TOKENS ?? 50_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 10);
/** Short messages after the long answer: enough that at the end the long answer is out of the list's DOM. */
const AFTER_LONG = 40;

function pct(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Three conversations: `small` (4 messages), `big` (MESSAGES), `long` (a TOKENS-token answer, then AFTER_LONG short ones). */
function seed(dataDir: string): void {
  const r = rng(11);
  const now = Date.now();
  seedHistory(dataDir, (write) => {
    write('small', 'Small conversation', Array.from({ length: 4 }, () => message(r)), now - 3_000_000);
    write('big', `${MESSAGES} messages`, Array.from({ length: MESSAGES }, () => message(r)), now - 2_000_000);
    write('long', 'A long answer', ['Write it all out, please.', markdownAnswer(TOKENS), ...Array.from({ length: AFTER_LONG }, () => message(r))], now);
  });
}

/** Runs `act` in the page and resolves with the ms until `ready()` holds and two frames have been drawn. */
function timeInPage(page: Page, act: string, ready: string): Promise<number> {
  return page.evaluate(`new Promise((resolve) => {
    const t0 = performance.now();
    ${act};
    const check = () => {
      if (!(${ready})) return requestAnimationFrame(check);
      requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - t0)));
    };
    check();
  })`) as Promise<number>;
}

/** Like timeInPage, with a second condition that holds later: resolves with both times. */
function timeTwoInPage(page: Page, act: string, first: string, whole: string): Promise<[number, number]> {
  return page.evaluate(`new Promise((resolve) => {
    const t0 = performance.now();
    ${act};
    let t1 = -1;
    let seen = false;
    const check = () => {
      if (!seen && (${first})) {
        seen = true;
        requestAnimationFrame(() => requestAnimationFrame(() => (t1 = performance.now() - t0)));
      }
      if (!(${whole})) return requestAnimationFrame(check);
      requestAnimationFrame(() => requestAnimationFrame(() => {
        const t2 = performance.now() - t0;
        resolve([t1 < 0 ? t2 : t1, t2]);
      }));
    };
    check();
  })`) as Promise<[number, number]>;
}

/** The row's first button opens the conversation (the row itself only handles keys). */
const item = (id: string) => `document.querySelector('[data-testid="conversation-item"][data-id="${id}"] button')`;
const shown = (messageId: string) => `document.querySelector('[data-testid="message"][data-id="${messageId}"]')`;
const row = (ms: number[]) => `p50 ${pct(ms, 50).toFixed(0).padStart(6)} ms   p95 ${pct(ms, 95).toFixed(0).padStart(6)} ms   max ${Math.max(...ms).toFixed(0).padStart(6)} ms`;

test('open a 10k-message conversation and scroll back to a long answer', async ({ page }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'brook-bench-open-'));
  seed(dataDir);
  const brook = await startBrook(dataDir);
  try {
    // Without a provider the window shows its welcome screen instead of a conversation. Nothing is sent to it.
    const url = new URL(brook.url);
    const token = new URLSearchParams(url.hash.slice(1)).get('token')!;
    const api = await WsContractClient.connect(`ws://${url.host}/ws?token=${token}`, { origin: url.origin });
    await api.request('providers.save', { draft: { name: 'Bench', presetId: 'custom', baseUrl: 'http://127.0.0.1:9/v1', defaultModel: 'bench' } });
    api.close();
    await page.goto(brook.url);
    await page.locator('[data-testid="conversation-item"][data-id="small"]').waitFor();

    const open: number[] = [];
    const openLong: number[] = [];
    const openSmall: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      await timeInPage(page, `${item('small')}.click()`, shown('small-m3'));
      open.push(await timeInPage(page, `${item('big')}.click()`, shown(`big-m${MESSAGES - 1}`)));
      openLong.push(await timeInPage(page, `${item('long')}.click()`, shown(`long-m${AFTER_LONG + 1}`)));
      openSmall.push(await timeInPage(page, `${item('small')}.click()`, shown('small-m3')));
    }

    // The long answer: open its conversation (at the end, the answer is out of the DOM), scroll to the top.
    const list = `document.querySelector('.message-list')`;
    const longContent = `${shown('long-m1')}?.querySelector('[data-testid="message-content"]')`;
    const longShown = `${longContent}?.childElementCount > 0`;
    const longWhole = `${longShown} && !${longContent}.hasAttribute('data-pending')`;
    const first: number[] = [];
    const firstWhole: number[] = [];
    const again: number[] = [];
    const againWhole: number[] = [];
    for (let run = 0; run < Math.max(1, Math.floor(RUNS / 2)); run++) {
      await page.reload();
      await page.locator('[data-testid="conversation-item"][data-id="long"]').waitFor();
      await timeInPage(page, `${item('long')}.click()`, shown(`long-m${AFTER_LONG + 1}`));
      if (await page.evaluate(`!!${shown('long-m1')}`)) throw new Error('the long answer is still in the DOM at the end of its conversation');
      const [part, whole] = await timeTwoInPage(page, `${list}.scrollTop = 0`, longShown, longWhole);
      first.push(part);
      firstWhole.push(whole);
      await timeInPage(page, `${list}.scrollTop = ${list}.scrollHeight`, `!${shown('long-m1')}`);
      const [partAgain, wholeAgain] = await timeTwoInPage(page, `${list}.scrollTop = 0`, longShown, longWhole);
      again.push(partAgain);
      againWhole.push(wholeAgain);
    }

    console.log(`\n== opening (${RUNS} runs; a conversation's newest page is read first, older pages on scroll) ==`);
    console.log(`click → paint, ${MESSAGES.toLocaleString('en')} messages   ${row(open)}   (aim: p95 ≤ 200 ms)`);
    console.log(`click → paint, 4 messages (reference)  ${row(openSmall)}`);
    console.log(`click → paint, ${TOKENS.toLocaleString('en')}-token answer + ${AFTER_LONG}  ${row(openLong)}`);
    console.log(`\n== scrolling back to a ${TOKENS.toLocaleString('en')}-token answer (${first.length} runs) ==`);
    console.log(`first scroll back, first part drawn   ${row(first)}`);
    console.log(`first scroll back, whole answer       ${row(firstWhole)}`);
    console.log(`second scroll back, first part drawn  ${row(again)}`);
    console.log(`second scroll back, whole answer      ${row(againWhole)}`);
  } finally {
    await brook.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

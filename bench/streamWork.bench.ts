/**
 * Work per streamed update and memory, Brook's <Markdown> beside react-markdown re-rendering
 * the whole answer (what peers do), in one page: the same answer, the same pieces, each update
 * timed from setting the text to layout done. Figures are printed, never asserted.
 *
 *   npm run bench:stream      (BENCH_WORK_TOKENS=2000,10000,20000,50000, BENCH_WORK_TIMED=40)
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from '@playwright/test';
import { rolldown } from 'rolldown';
import { splitTokens } from '../tests/fixtures/httpFixtureKit';
import { markdownAnswer } from './markdownCorpus';

const HERE = dirname(fileURLToPath(import.meta.url));
const SIZES = (process.env.BENCH_WORK_TOKENS ?? '2000,10000,20000,50000').split(',').map(Number);
const TIMED = Number(process.env.BENCH_WORK_TIMED ?? 40);
/** Tokens per update: about one frame's worth at 600 tokens/s (the app batches per frame). */
const TOKENS_PER_UPDATE = 10;

test.use({ launchOptions: { executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--js-flags=--expose-gc', '--enable-precise-memory-info'] } });

async function harnessScript(): Promise<string> {
  const bundle = await rolldown({
    input: join(HERE, 'markdownHarness.tsx'),
    transform: { define: { 'process.env.NODE_ENV': '"production"' } },
    logLevel: 'warn',
  });
  const { output } = await bundle.generate({ format: 'iife' });
  await bundle.close();
  return output[0].code;
}

function pieces(tokens: number): string[] {
  const all = splitTokens(markdownAnswer(tokens));
  const out: string[] = [];
  for (let i = 0; i < all.length; i += TOKENS_PER_UPDATE) out.push(all.slice(i, i + TOKENS_PER_UPDATE).join(''));
  return out;
}

function pct(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
/** What markdownHarness.tsx puts on the page's window. */
interface Harness {
  stream(kind: 'brook' | 'baseline', pieces: string[], timed: number): number[];
  heapAfter(mode: 'streamed' | 'once', pieces: string[]): Promise<number>;
}
const harness = () => (globalThis as unknown as { __harness: Harness }).__harness;

const f1 = (v: number) => v.toFixed(1).padStart(7);
const mib = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MiB`;

test('markdown work per update and heap, Brook beside a full re-render', async ({ page }) => {
  const styles = ['theme.css', 'app.css', 'markdown.css'].map((f) => readFileSync(join(HERE, '../src/renderer/src/styles', f), 'utf8'));
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.setContent(`<!doctype html><html><head><style>${styles.join('\n')}</style></head><body><div class="message-list" style="height:900px"><div class="message-list__inner" id="stage"></div></div></body></html>`);
  await page.addScriptTag({ content: await harnessScript() });
  console.log(`\nper update: ${TOKENS_PER_UPDATE} tokens; the last ${TIMED} updates at each size, set text → layout done (ms)`);
  console.log('tokens    Brook p50     p95   max │ react-markdown p50     p95     max │ ratio p50 │ heap streamed  rendered once');
  let firstBrook = 0;
  for (const tokens of SIZES) {
    const answer = pieces(tokens);
    const timed = Math.min(TIMED, answer.length);
    const brook = await page.evaluate(`(${harness})().stream('brook', ${JSON.stringify(answer)}, ${timed})`) as number[];
    const base = await page.evaluate(`(${harness})().stream('baseline', ${JSON.stringify(answer)}, ${Math.min(timed, 15)})`) as number[];
    // The median of three of each: a single reading moved by a fifth between runs.
    const heapOf = async (mode: 'streamed' | 'once') => {
      const readings: number[] = [];
      for (let i = 0; i < 3; i++) readings.push((await page.evaluate(`(${harness})().heapAfter('${mode}', ${JSON.stringify(answer)})`)) as number);
      return pct(readings, 50);
    };
    const streamed = await heapOf('streamed');
    const once = await heapOf('once');
    if (firstBrook === 0) firstBrook = pct(brook, 50);
    console.log(
      `${String(tokens).padStart(6)} ${f1(pct(brook, 50))} ${f1(pct(brook, 95))} ${f1(Math.max(...brook))} │     ${f1(pct(base, 50))} ${f1(pct(base, 95))} ${f1(Math.max(...base))} │ ${(pct(base, 50) / pct(brook, 50)).toFixed(0).padStart(6)}×   │ ${mib(streamed).padStart(12)}  ${mib(once).padStart(12)}`,
    );
  }
  console.log(`(aims: Brook p50 at the largest size within 1.5× of the smallest — first was ${firstBrook.toFixed(1)} ms; heap streamed within 2× of rendered once)`);
});


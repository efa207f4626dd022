/**
 * Imports a ~115 MB ChatGPT export (generated, seeded: tests/fixtures/chatgptExport.ts) into
 * the built app in browser mode over its real WebSocket, the way the window sends it (1 MB
 * parts), while a second connection keeps asking `settings.get` and `conversations.list` as
 * a window would. Prints the latency of those requests (idle first, then during the import),
 * the import's duration and the serve process's peak memory (VmHWM), then asserts nothing.
 *
 *   npm run bench:import            (BENCH_IMPORT_MB=115 by default)
 */
import { readFileSync } from 'node:fs';
import { test } from '@playwright/test';
import { IMPORT_CHUNK_CHARS } from '../src/shared/contract';
import { startBrook } from '../tests/e2e/support/brookProcess';
import { chatgptExport } from '../tests/fixtures/chatgptExport';
import { WsContractClient } from '../tests/support/wsContractClient';

const MB = Number(process.env.BENCH_IMPORT_MB ?? 115);
/** Pause between two probe requests: a busy window, not a flood. */
const PROBE_GAP_MS = 20;

function pct(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
const ms = (v: number) => `${v.toFixed(1)} ms`;
const line = (label: string, v: number[]) =>
  `${label.padEnd(34)} n ${String(v.length).padStart(5)}  p50 ${ms(pct(v, 50))}  p95 ${ms(pct(v, 95))}  max ${ms(Math.max(0, ...v))}`;

/** Peak and current resident memory of a process, MiB (Linux). */
function memory(pid: number): { peak: number; now: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
  return { peak: kib('VmHWM') / 1024, now: kib('VmRSS') / 1024 };
}

/** Asks settings.get and conversations.list in turn until stopped; returns each one's latency. */
function probe(api: WsContractClient) {
  const times = { settings: [] as number[], list: [] as number[] };
  let running = true;
  const done = (async () => {
    for (let i = 0; running; i++) {
      const t0 = performance.now();
      if (i % 2 === 0) await api.request('settings.get', {});
      else await api.request('conversations.list', {});
      (i % 2 === 0 ? times.settings : times.list).push(performance.now() - t0);
      api.frames.length = 0; // the client keeps every frame; thousands of lists filled its heap
      await new Promise((r) => setTimeout(r, PROBE_GAP_MS));
    }
  })();
  return {
    times,
    stop: async () => {
      running = false;
      await done;
    },
  };
}

test('import a large ChatGPT export while other requests are answered', async () => {
  const generated = chatgptExport(MB * 1_000_000);
  const text = generated.text;
  const brook = await startBrook(undefined, { startTimeoutMs: 60_000 });
  try {
    const url = new URL(brook.url);
    const token = new URLSearchParams(url.hash.slice(1)).get('token')!;
    const connect = () => WsContractClient.connect(`ws://${url.host}/ws?token=${token}`, { origin: url.origin });
    const importer = await connect();
    const other = await connect();

    const idle = probe(other);
    await new Promise((r) => setTimeout(r, 3000));
    await idle.stop();
    const before = memory(brook.pid);

    const busy = probe(other);
    let peak = before.peak;
    const sampler = setInterval(() => (peak = Math.max(peak, memory(brook.pid).now)), 250);
    const uploadId = `bench-${Date.now()}`;
    const parts = Math.ceil(text.length / IMPORT_CHUNK_CHARS);
    const t0 = performance.now();
    let result = null;
    for (let index = 0; index < parts; index++) {
      result = await importer.request('transfer.importChunk', {
        uploadId,
        index,
        last: index === parts - 1,
        text: text.slice(index * IMPORT_CHUNK_CHARS, (index + 1) * IMPORT_CHUNK_CHARS),
        total: text.length,
      });
    }
    const seconds = (performance.now() - t0) / 1000;
    clearInterval(sampler);
    await busy.stop();
    const after = memory(brook.pid);
    importer.close();
    other.close();

    const all = [...busy.times.settings, ...busy.times.list];
    console.log(
      [
        `\n== importing a ${(text.length / 1e6).toFixed(1)} MB ChatGPT export (${generated.conversations.toLocaleString('en')} conversations, ${generated.messages.toLocaleString('en')} messages) ==`,
        `import           ${seconds.toFixed(1)} s (${(text.length / 1e6 / seconds).toFixed(2)} MB/s); result ${JSON.stringify(result)}`,
        line('idle: settings.get', idle.times.settings),
        line('idle: conversations.list', idle.times.list),
        line('during: settings.get', busy.times.settings),
        line('during: conversations.list', busy.times.list),
        line('during: all requests (aim p95 < 100)', all),
        `memory (serve)   RSS before ${before.now.toFixed(0)} MiB; peak during the import ${Math.max(peak, after.peak).toFixed(0)} MiB (VmHWM); after ${after.now.toFixed(0)} MiB`,
      ].join('\n'),
    );
  } finally {
    await brook.stop();
  }
});

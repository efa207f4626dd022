/**
 * 5,000 mixed requests to the local API (model lists, streamed and whole chat completions,
 * some saved to history), 200 at a time, against a local OpenAI-compatible fixture, with the
 * settings in a real conf file as in browser mode. Prints p50/p95/max per kind and where the
 * time went. Figures are printed, never asserted.
 *
 *   npm run bench:localapi (BENCH_REQUESTS=5000 BENCH_CONCURRENCY=200 BENCH_SAVED=0.25)
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { test } from 'vitest';
import { createCore } from '../src/main/core/app/createCore';
import { defaultState, FileSecretStore } from '../src/main/core/settings';
import { startOpenAIFixture } from '../tests/fixtures/openaiServer';

const TOTAL = Number(process.env.BENCH_REQUESTS ?? 5000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 200);
const SAVED_SHARE = Number(process.env.BENCH_SAVED ?? 0.25);

type Kind = 'models' | 'stream' | 'whole';

function pct(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

test('local API under 5,000 mixed requests', async () => {
  const fixture = await startOpenAIFixture();
  const dataDir = mkdtempSync(join(tmpdir(), 'brook-bench-api-'));
  const core = createCore({
    dataDir,
    settingsBackend: new Conf<Record<string, unknown>>({ cwd: dataDir, configName: 'config', projectName: 'brook-bench', defaults: { ...defaultState() } }),
    secrets: new FileSecretStore(join(dataDir, 'keys.json')),
    info: { mode: 'browser', version: 'bench', systemLocale: 'en-US' },
    autoTitle: false,
  });
  core.handlers['providers.save']({
    draft: { name: 'Fixture', kind: 'openai-compatible', presetId: 'custom', baseUrl: fixture.url, defaultModel: 'fixture-chat' },
  });
  core.handlers['settings.update']({ localApi: { enabled: true, saveToHistory: false } });
  await core.local.apply();
  const { port, key } = core.local.status().api;
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });

  const send = (kind: Kind, i: number): Promise<number> =>
    new Promise((resolve, reject) => {
      const started = performance.now();
      const body = kind === 'models' ? undefined : JSON.stringify({ model: 'Fixture/fixture-chat', stream: kind === 'stream', messages: [{ role: 'user', content: `hello ${i}` }] });
      const req = request(
        { host: '127.0.0.1', port: port!, agent, method: body ? 'POST' : 'GET', path: kind === 'models' ? '/v1/models' : '/v1/chat/completions', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' } },
        (res) => {
          res.resume();
          res.on('end', () => (res.statusCode === 200 ? resolve(performance.now() - started) : reject(new Error(`HTTP ${res.statusCode}`))));
        },
      );
      req.on('error', reject);
      req.end(body);
    });

  const kinds: Kind[] = ['models', 'stream', 'whole'];
  const times: Record<Kind, number[]> = { models: [], stream: [], whole: [] };
  let failures = 0;
  let next = 0;
  let savedToggles = 0;
  const profile = process.env.BENCH_PROFILE ? new Session() : null;
  if (profile) {
    profile.connect();
    await profile.post('Profiler.enable');
    await profile.post('Profiler.start');
  }
  const elu = performance.eventLoopUtilization();
  const started = performance.now();
  const worker = async () => {
    while (next < TOTAL) {
      const i = next++;
      const kind = kinds[i % 3]!;
      // A share of the completions is saved, as with "save to history" on (switched in batches).
      if (i % 500 === 0) {
        const saved = (i / 500) % Math.round(1 / SAVED_SHARE) === 0;
        core.handlers['settings.update']({ localApi: { saveToHistory: saved } });
        savedToggles++;
      }
      try {
        const t0 = performance.now() - started;
        const ms = await send(kind, i);
        times[kind].push(ms);
        if (process.env.BENCH_SLOW && ms > 10_000) console.log(`slow #${i} ${kind} started at ${t0.toFixed(0)} ms took ${ms.toFixed(0)} ms`);
      } catch {
        failures++;
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const totalMs = performance.now() - started;
  const busy = performance.eventLoopUtilization(elu).utilization;
  if (profile) {
    const { profile: cpu } = await profile.post('Profiler.stop');
    writeFileSync(process.env.BENCH_PROFILE!, JSON.stringify(cpu));
    console.log(`CPU profile written to ${process.env.BENCH_PROFILE}`);
  }

  const all = [...times.models, ...times.stream, ...times.whole];
  console.log(`\nlocal API: ${TOTAL} requests, ${CONCURRENCY} at a time, ${failures} failed, in ${(totalMs / 1000).toFixed(1)} s (${Math.round(TOTAL / (totalMs / 1000))}/s); event loop busy ${(busy * 100).toFixed(0)} %; save-to-history switched ${savedToggles}×`);
  for (const k of [...kinds, 'all'] as const) {
    const v = k === 'all' ? all : times[k];
    console.log(`  ${k.padEnd(7)} n=${String(v.length).padStart(5)}  p50 ${pct(v, 50).toFixed(0).padStart(6)} ms  p95 ${pct(v, 95).toFixed(0).padStart(6)} ms  max ${pct(v, 100).toFixed(0).padStart(6)} ms`);
  }
  agent.destroy();
  await core.shutdown();
  await fixture.close();
});

/**
 * Core throughput (issue #13, item 7): tokens per second from a provider's SSE stream through
 * Brook's core — provider, StreamManager, the checkpoints to SQLite, the window batching, the
 * bus — to a browser-mode WebSocket client, beside a bare SSE client (fetch, eventsource-parser,
 * JSON.parse, concatenation) reading the same stream. The stream is one prebuilt OpenAI body
 * served from memory, so the server's own work is the same for both. Figures are printed,
 * never asserted.
 *
 *   npm run bench:throughput (BENCH_TOKENS=200000 BENCH_ROUNDS=3; BENCH_PROFILE=file.cpuprofile
 *   profiles one more Brook round and prints where its time went, by function and by file)
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createParser } from 'eventsource-parser';
import { test } from 'vitest';
import WebSocket from 'ws';
import { createCore } from '../src/main/core/app/createCore';
import { startHeadlessServer } from '../src/main/core/servers/headless/headlessServer';
import { defaultState, FileSecretStore } from '../src/main/core/settings';

const TOKENS = Number(process.env.BENCH_TOKENS ?? 200_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const WORDS = ['the', ' brook', ' keeps', ' flowing', ',', ' one', ' small', ' token', ' at', ' a', ' time', '.\n'];

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
}

/** Self time by function and by file, the largest first. */
function summarize(cpu: CpuProfile): string {
  const byNode = new Map(cpu.nodes.map((n) => [n.id, n.callFrame]));
  const fns = new Map<string, number>();
  const files = new Map<string, number>();
  for (const id of cpu.samples) {
    const frame = byNode.get(id)!;
    const file = frame.url.replace(/^.*\/(node_modules\/(@[^/]+\/)?[^/]+|src)\//, '$1/') || '(native)';
    const fn = `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}`;
    fns.set(fn, (fns.get(fn) ?? 0) + 1);
    const module = file.startsWith('node_modules/') ? file.split('/').slice(0, file.startsWith('node_modules/@') ? 3 : 2).join('/') : file;
    files.set(module, (files.get(module) ?? 0) + 1);
  }
  const top = (m: Map<string, number>, n: number) =>
    [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `  ${((v / cpu.samples.length) * 100).toFixed(1).padStart(5)} %  ${k}`).join('\n');
  return `by function (self):\n${top(fns, 25)}\nby file (self):\n${top(files, 15)}`;
}

function sseBody(tokens: number): Buffer {
  const parts: string[] = [];
  const chunk = (delta: Record<string, unknown>, finish: string | null = null) =>
    `data: ${JSON.stringify({ id: 'chatcmpl-bench', object: 'chat.completion.chunk', created: 1700000000, model: 'bench', system_fingerprint: 'fp_bench', choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }] })}\n\n`;
  parts.push(chunk({ role: 'assistant', content: '' }));
  for (let i = 0; i < tokens; i++) parts.push(chunk({ content: WORDS[i % WORDS.length] }));
  parts.push(chunk({}, 'stop'), 'data: [DONE]\n\n');
  return Buffer.from(parts.join(''));
}

test('core throughput: provider stream → socket and database, beside a bare SSE client', async () => {
  const body = sseBody(TOKENS);
  const provider = createServer((req, res) => {
    req.resume();
    res.on('error', () => undefined);
    if (req.url?.endsWith('/models')) return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"object":"list","data":[]}');
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.end(body);
  });
  await new Promise<void>((r) => provider.listen(0, '127.0.0.1', () => r()));
  const url = `http://127.0.0.1:${(provider.address() as AddressInfo).port}/v1`;

  // CPU time of this process (both sides of every socket are in it) says more than wall time on a shared machine.
  const cpuMs = (since: NodeJS.CpuUsage) => {
    const used = process.cpuUsage(since);
    return (used.user + used.system) / 1000;
  };
  const bare = async (): Promise<{ ms: number; cpu: number }> => {
    const cpu = process.cpuUsage();
    const started = performance.now();
    const res = await fetch(`${url}/chat/completions`, { method: 'POST', body: '{}' });
    let text = '';
    const parser = createParser({
      onEvent: (event) => {
        if (event.data === '[DONE]') return;
        const delta = (JSON.parse(event.data) as { choices: { delta: { content?: string } }[] }).choices[0]?.delta.content;
        if (delta) text += delta;
      },
    });
    const decoder = new TextDecoder();
    for await (const part of res.body!) parser.feed(decoder.decode(part as Uint8Array, { stream: true }));
    if (text.length === 0) throw new Error('no text');
    return { ms: performance.now() - started, cpu: cpuMs(cpu) };
  };

  const dataDir = mkdtempSync(join(tmpdir(), 'brook-bench-throughput-'));
  const core = createCore({
    dataDir,
    settingsBackend: { store: { ...defaultState() } },
    secrets: new FileSecretStore(join(dataDir, 'keys.json')),
    info: { mode: 'browser', version: 'bench', systemLocale: 'en-US' },
    autoTitle: false,
  });
  const server = await startHeadlessServer({ core, rendererDir: join(dataDir, 'no-renderer') });
  const record = await core.handlers['providers.save']({ draft: { name: 'Bench', kind: 'openai-compatible', presetId: 'custom', baseUrl: url, defaultModel: 'bench' } });
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}/ws?token=${encodeURIComponent(server.token)}`, { origin: `http://127.0.0.1:${server.port}` });
  await new Promise<void>((resolve, reject) => ws.once('open', () => resolve()).once('error', reject));
  let frames = 0;
  let onEnd: ((messageId: string) => void) | null = null;
  ws.on('message', (data: Buffer) => {
    frames++;
    const text = data.toString();
    // Only the end frame is parsed; the window stream's text frames are counted.
    if (!text.includes('"type":"end"')) return;
    const frame = JSON.parse(text) as { kind: string; name: string; payload: { messageId: string; event: { type: string } } };
    if (frame.kind === 'event' && frame.name === 'stream' && frame.payload.event.type === 'end') onEnd?.(frame.payload.messageId);
  });

  const brook = async (): Promise<{ ms: number; cpu: number; frames: number }> => {
    const conversation = await core.handlers['conversations.create']({ providerId: record.id, model: 'bench' });
    frames = 0;
    const cpu = process.cpuUsage();
    const started = performance.now();
    const { assistantMessage } = await core.handlers['chat.send']({ conversationId: conversation.id, text: 'go', attachmentIds: [] });
    await new Promise<void>((resolve) => {
      onEnd = (id) => id === assistantMessage.id && resolve();
    });
    const ms = performance.now() - started;
    const used = cpuMs(cpu);
    const saved = core.history.getMessage(assistantMessage.id)!;
    if (saved.status !== 'done' || saved.content.length < TOKENS) throw new Error(`answer ${saved.status}, ${saved.content.length} chars`);
    return { ms, cpu: used, frames };
  };

  const rate = (ms: number) => `${((TOKENS / ms) * 1000 / 1000).toFixed(0).padStart(5)}k tok/s`;
  await bare();
  await brook();
  const lines: string[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const b = await bare();
    const r = await brook();
    lines.push(
      `round ${round}: bare SSE client ${b.ms.toFixed(0).padStart(5)} ms ${rate(b.ms)} (CPU ${b.cpu.toFixed(0).padStart(5)} ms)` +
        `   Brook core → socket + SQLite ${r.ms.toFixed(0).padStart(5)} ms ${rate(r.ms)} (CPU ${r.cpu.toFixed(0).padStart(5)} ms, ${r.frames} socket frames)` +
        `   ratio wall ${(r.ms / b.ms).toFixed(2)}×  CPU ${(r.cpu / b.cpu).toFixed(2)}×`,
    );
  }
  console.log(`${TOKENS} tokens, ${(body.length / 1e6).toFixed(1)} MB of SSE\n${lines.join('\n')}`);
  if (process.env.BENCH_PROFILE) {
    const session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
    await brook();
    const { profile: cpu } = await session.post('Profiler.stop');
    writeFileSync(process.env.BENCH_PROFILE, JSON.stringify(cpu));
    console.log(summarize(cpu as CpuProfile));
  }
  ws.close();
  await server.close();
  await core.shutdown();
  await new Promise((r) => provider.close(r));
});

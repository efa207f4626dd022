/**
 * The provider contract: one suite, run against every provider over TCP against its own
 * protocol fixture (tests/fixtures/*Server.ts). An adapter per provider says how to build the
 * provider against its fixture and how to script each scenario in that protocol; the tests
 * themselves are the same for all. Provider-specific behaviour lives in <provider>.test.ts.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { anthropicFactory } from '../../../src/main/core/providers/anthropic';
import { geminiFactory } from '../../../src/main/core/providers/gemini';
import { openAICompatibleFactory } from '../../../src/main/core/providers/openaiCompatible';
import type { Provider, ProviderEvent, ProviderRequest } from '../../../src/main/core/providers/provider';
import { QianfanTokenCache, QianfanProvider } from '../../../src/main/core/providers/qianfan';
import { PROVIDER_FACTORIES } from '../../../src/main/core/providers/registry';
import { sparkFactory } from '../../../src/main/core/providers/spark';
import type { ProviderKind } from '../../../src/shared/domain';
import { startAnthropicFixture, type AnthropicFixture } from '../../fixtures/anthropicServer';
import { startGeminiFixture, type GeminiFixture } from '../../fixtures/geminiServer';
import { splitTokens, startOpenAIFixture, type OpenAIFixture } from '../../fixtures/openaiServer';
import { startQianfanFixture, type QianfanFixture } from '../../fixtures/qianfanServer';
import { startSparkFixture, type SparkFixture } from '../../fixtures/sparkServer';
import {
  cutAt,
  decodeAlone,
  expectAbortError,
  expectAppError,
  expectNoSecrets,
  insideChar,
  outcome,
  recordingFetch,
  run,
  sleep,
  utf8,
} from './providerTestKit';

interface AnswerScript {
  text: string;
  reasoning?: string;
  tokensPerSecond?: number;
}

interface ContractAdapter {
  kind: ProviderKind;
  model: string;
  /** What a request needs to get reasoning back (some protocols have a switch). */
  reasoningRequest: Partial<ProviderRequest>;
  /** HTTP providers take an injected fetch, so the test can see the raw chunks. */
  http: boolean;
  /** Only the OpenAI-compatible protocol carries reasoning inline as `<think>` tags. */
  inlineThinkTags: boolean;
  start(): Promise<void>;
  stop(): Promise<void>;
  reset(): void;
  provider(opts?: { fetch?: typeof fetch; wrongCredentials?: boolean }): Provider;
  /** The right and the wrong secrets: none may appear in any error. */
  secrets: string[];
  answer(s: AnswerScript): void;
  /** Sends `tokens`, but a server-side failure replaces the token at index `after`. */
  failAfter(tokens: string[], after: number): void;
  dropAfter(tokens: string[], after: number): void;
  /** Accepts the request, then sends nothing at all. */
  silence(): void;
  /** Wire frames (SSE events / WebSocket messages) of a whole answer whose text deltas are `pieces`. */
  encode(pieces: string[]): string[];
  /** Plays `frames`, cutting frame i at the byte offsets `cuts[i]` into separate network pieces. */
  play(frames: string[], cuts: Record<number, number[]>): void;
  /** Whether the server saw the client go away before the answer was complete. */
  closedEarly(): boolean | undefined;
}

const enc = new TextEncoder();

/** Bytes of each frame, cut where asked, as the chunks a raw scenario writes one by one. */
function rawChunks(frames: string[], cuts: Record<number, number[]>): (string | Uint8Array)[] {
  return frames.flatMap((f, i): (string | Uint8Array)[] => (cuts[i] ? cutAt(enc.encode(f), cuts[i]) : [f]));
}

// ---------------------------------------------------------------------------------------------
// Adapters

function openAIAdapter(): ContractAdapter {
  const KEY = 'sk-contract-openai-key-1234';
  const WRONG = 'sk-contract-wrong-key-9876';
  let fx: OpenAIFixture;
  const frame = (delta: Record<string, unknown>, finish: string | null = null): string =>
    `data: ${JSON.stringify({ id: 'c', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
  return {
    kind: 'openai-compatible',
    model: 'fixture-chat',
    reasoningRequest: {},
    http: true,
    inlineThinkTags: true,
    secrets: [KEY, WRONG],
    async start() {
      fx = await startOpenAIFixture({ apiKey: KEY });
    },
    stop: () => fx.close(),
    reset() {
      fx.setScenario(null);
      fx.clearRequests();
    },
    provider: (o = {}) => openAICompatibleFactory.create({ baseUrl: fx.url, apiKey: o.wrongCredentials ? WRONG : KEY }, { fetch: o.fetch ?? fetch }),
    answer: (s) => fx.setScenario({ kind: 'answer', text: s.text, reasoning: s.reasoning, tokensPerSecond: s.tokensPerSecond }),
    failAfter: (tokens, after) =>
      fx.setScenario({ kind: 'answer', tokens, interrupt: { afterTokens: after, kind: 'error', error: { message: 'The model crashed.', type: 'server_error' } } }),
    dropAfter: (tokens, after) => fx.setScenario({ kind: 'answer', tokens, interrupt: { afterTokens: after, kind: 'drop' } }),
    silence: () => fx.setScenario({ kind: 'raw', chunks: [], after: 'hang' }),
    encode: (pieces) => [frame({ role: 'assistant', content: '' }), ...pieces.map((p) => frame({ content: p })), frame({}, 'stop'), 'data: [DONE]\n\n'],
    play: (frames, cuts) => fx.setScenario({ kind: 'raw', chunks: rawChunks(frames, cuts) }),
    closedEarly: () => fx.requests.at(-1)?.closedEarly,
  };
}

function anthropicAdapter(): ContractAdapter {
  const KEY = 'sk-ant-contract-key-1234';
  const WRONG = 'sk-ant-contract-wrong-9876';
  let fx: AnthropicFixture;
  const ev = (type: string, data: Record<string, unknown> = {}): string => `event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`;
  return {
    kind: 'anthropic',
    model: 'claude-fixture-4',
    reasoningRequest: { reasoning: true },
    http: true,
    inlineThinkTags: false,
    secrets: [KEY, WRONG],
    async start() {
      fx = await startAnthropicFixture({ apiKey: KEY });
    },
    stop: () => fx.close(),
    reset() {
      fx.setScenario(null);
      fx.clearRequests();
    },
    provider: (o = {}) => anthropicFactory.create({ baseUrl: fx.url, apiKey: o.wrongCredentials ? WRONG : KEY }, { fetch: o.fetch ?? fetch }),
    answer: (s) => fx.setScenario({ kind: 'answer', text: s.text, thinking: s.reasoning, tokensPerSecond: s.tokensPerSecond }),
    failAfter: (tokens, after) => fx.setScenario({ kind: 'answer', tokens, interrupt: { afterTokens: after, kind: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } } }),
    dropAfter: (tokens, after) => fx.setScenario({ kind: 'answer', tokens, interrupt: { afterTokens: after, kind: 'drop' } }),
    silence: () => fx.setScenario({ kind: 'raw', chunks: [], after: 'hang' }),
    encode: (pieces) => [
      ev('message_start', { message: { id: 'msg_1', type: 'message', role: 'assistant', content: [], model: 'm', usage: { input_tokens: 2, output_tokens: 1 } } }),
      ev('content_block_start', { index: 0, content_block: { type: 'text', text: '' } }),
      ...pieces.map((p) => ev('content_block_delta', { index: 0, delta: { type: 'text_delta', text: p } })),
      ev('content_block_stop', { index: 0 }),
      ev('message_delta', { delta: { stop_reason: 'end_turn' }, usage: { output_tokens: pieces.length } }),
      ev('message_stop'),
    ],
    play: (frames, cuts) => fx.setScenario({ kind: 'raw', chunks: rawChunks(frames, cuts) }),
    closedEarly: () => fx.requests.at(-1)?.closedEarly,
  };
}

function geminiAdapter(): ContractAdapter {
  const KEY = 'AIza-contract-key-1234';
  const WRONG = 'AIza-contract-wrong-9876';
  let fx: GeminiFixture;
  const frame = (text: string, finish?: string): string =>
    `data: ${JSON.stringify({
      candidates: [{ content: { parts: [{ text }], role: 'model' }, index: 0, ...(finish ? { finishReason: finish } : {}) }],
      ...(finish ? { usageMetadata: { promptTokenCount: 2, candidatesTokenCount: 2, totalTokenCount: 4 } } : {}),
    })}\r\n\r\n`;
  return {
    kind: 'gemini',
    model: 'gemini-fixture-flash',
    reasoningRequest: { reasoning: true },
    http: true,
    inlineThinkTags: false,
    secrets: [KEY, WRONG],
    async start() {
      fx = await startGeminiFixture({ apiKey: KEY });
    },
    stop: () => fx.close(),
    reset() {
      fx.setScenario(null);
      fx.clearRequests();
    },
    provider: (o = {}) => geminiFactory.create({ baseUrl: fx.url, apiKey: o.wrongCredentials ? WRONG : KEY }, { fetch: o.fetch ?? fetch }),
    answer: (s) => fx.setScenario({ kind: 'answer', text: s.text, thoughts: s.reasoning, tokensPerSecond: s.tokensPerSecond }),
    failAfter: (tokens, after) => fx.setScenario({ kind: 'answer', tokens, interrupt: { afterTokens: after, kind: 'error' } }),
    dropAfter: (tokens, after) => fx.setScenario({ kind: 'answer', tokens, interrupt: { afterTokens: after, kind: 'drop' } }),
    silence: () => fx.setScenario({ kind: 'raw', chunks: [], after: 'hang' }),
    encode: (pieces) => pieces.map((p, i) => frame(p, i === pieces.length - 1 ? 'STOP' : undefined)),
    play: (frames, cuts) => fx.setScenario({ kind: 'raw', chunks: rawChunks(frames, cuts) }),
    closedEarly: () => fx.requests.at(-1)?.closedEarly,
  };
}

function sparkAdapter(): ContractAdapter {
  const creds = { appId: 'app0001', apiKey: 'spark-contract-apikey-1234', apiSecret: 'spark-contract-secret-5678' };
  const WRONG = 'spark-contract-wrong-secret-9876';
  let fx: SparkFixture;
  const frame = (content: string, status: number): string =>
    JSON.stringify({
      header: { code: 0, message: 'Success', sid: 'cht000contract', status },
      payload: {
        choices: { status, seq: 0, text: [{ content, role: 'assistant', index: 0 }] },
        ...(status === 2 ? { usage: { text: { prompt_tokens: 2, completion_tokens: 2, total_tokens: 4 } } } : {}),
      },
    });
  return {
    kind: 'spark',
    model: 'generalv3.5',
    reasoningRequest: {},
    http: false,
    inlineThinkTags: false,
    secrets: [creds.apiKey, creds.apiSecret, WRONG],
    async start() {
      fx = await startSparkFixture(creds);
    },
    stop: () => fx.close(),
    reset() {
      fx.setScenario(null);
      fx.clearRequests();
    },
    provider: (o = {}) => sparkFactory.create({ baseUrl: fx.url, ...creds, apiSecret: o.wrongCredentials ? WRONG : creds.apiSecret }, { fetch }),
    answer: (s) => fx.setScenario({ kind: 'answer', text: s.text, reasoning: s.reasoning, tokensPerSecond: s.tokensPerSecond }),
    failAfter: (tokens, after) => fx.setScenario({ kind: 'answer', tokens, interrupt: { afterTokens: after, kind: 'error', code: 10012, message: 'EngineInternalError' } }),
    dropAfter: (tokens, after) => fx.setScenario({ kind: 'answer', tokens, interrupt: { afterTokens: after, kind: 'drop' } }),
    silence: () => fx.setScenario({ kind: 'raw', frames: [], after: 'hang' }),
    encode: (pieces) => pieces.map((p, i) => frame(p, i === pieces.length - 1 ? 2 : i === 0 ? 0 : 1)),
    // A WebSocket message cut into fragments: FIN=0 frames, then the FIN=1 one.
    play: (frames, cuts) =>
      fx.setScenario({ kind: 'raw', frames: frames.map((f, i) => (cuts[i] ? { fragments: cutAt(enc.encode(f), cuts[i]) } : f)) }),
    closedEarly: () => fx.requests.at(-1)?.closedEarly,
  };
}

function qianfanAdapter(): ContractAdapter {
  const creds = { apiKey: 'qianfan-contract-ak-1234', apiSecret: 'qianfan-contract-sk-5678' };
  const WRONG = 'qianfan-contract-wrong-sk-9876';
  let fx: QianfanFixture;
  const tokens = new QianfanTokenCache();
  const frame = (result: string, end: boolean): string =>
    `data: ${JSON.stringify({
      id: 'as-1',
      object: 'chat.completion',
      created: 1,
      sentence_id: 0,
      is_end: end,
      is_truncated: false,
      result,
      need_clear_history: false,
      finish_reason: 'normal',
      usage: { prompt_tokens: 2, completion_tokens: 2, total_tokens: 4 },
    })}\n\n`;
  return {
    kind: 'qianfan',
    model: 'ERNIE-3.5-8K',
    reasoningRequest: {},
    http: true,
    inlineThinkTags: false,
    secrets: [creds.apiKey, creds.apiSecret, WRONG],
    async start() {
      fx = await startQianfanFixture({ apiKey: creds.apiKey, secretKey: creds.apiSecret });
    },
    stop: () => fx.close(),
    reset() {
      fx.setScenario(null);
      fx.clearRequests();
    },
    provider: (o = {}) =>
      new QianfanProvider({ baseUrl: fx.url, ...creds, apiSecret: o.wrongCredentials ? WRONG : creds.apiSecret }, { fetch: o.fetch ?? fetch }, tokens),
    answer: (s) => fx.setScenario({ kind: 'answer', text: s.text, reasoning: s.reasoning, tokensPerSecond: s.tokensPerSecond }),
    failAfter: (tokens, after) => fx.setScenario({ kind: 'answer', tokens, interrupt: { afterTokens: after, kind: 'error', errorCode: 336100, errorMsg: 'system is busy' } }),
    dropAfter: (tokens, after) => fx.setScenario({ kind: 'answer', tokens, interrupt: { afterTokens: after, kind: 'drop' } }),
    silence: () => fx.setScenario({ kind: 'raw', chunks: [], after: 'hang' }),
    encode: (pieces) => pieces.map((p, i) => frame(p, i === pieces.length - 1)),
    play: (frames, cuts) => fx.setScenario({ kind: 'raw', chunks: rawChunks(frames, cuts) }),
    closedEarly: () => fx.requests.filter((r) => r.path.includes('/chat/')).at(-1)?.closedEarly,
  };
}

const ADAPTERS: ContractAdapter[] = [openAIAdapter(), anthropicAdapter(), geminiAdapter(), sparkAdapter(), qianfanAdapter()];

it('covers every registered provider kind', () => {
  // The custom kind speaks whatever the user describes (no usage, no fixed error envelope): its
  // own suite, tests/unit/providers/customEndpoint.test.ts, runs it against each described shape.
  const fixedProtocols = PROVIDER_FACTORIES.map((f) => f.kind).filter((k) => k !== 'custom');
  expect(ADAPTERS.map((a) => a.kind).sort()).toEqual(fixedProtocols.sort());
});

// ---------------------------------------------------------------------------------------------
// The contract

describe.each(ADAPTERS)('$kind provider contract', (adapter) => {
  beforeAll(() => adapter.start());
  afterAll(() => adapter.stop());
  afterEach(() => adapter.reset());

  const ask = (extra: Partial<ProviderRequest> = {}): ProviderRequest => ({
    model: adapter.model,
    messages: [{ role: 'user', content: 'hello there' }],
    ...extra,
  });
  const lastTwo = (events: ProviderEvent[]): string[] => events.slice(-2).map((e) => e.type);

  describe('a plain answer', () => {
    it.each([
      ['English', 'Hello brave new world, streamed token by token.'],
      ['Chinese', '你好，世界！这是一个用中文写的回答，一段一段地流出来。'],
    ])('%s streams in order and ends with done', async (_lang, text) => {
      adapter.answer({ text });
      const out = await run(adapter.provider(), ask());
      expect(out.error).toBeUndefined();
      expect(out.text).toBe(text);
      expect(out.reasoning).toBe('');
      expect(out.events.filter((e) => e.type === 'text').length).toBeGreaterThan(1);
      expect(out.events.at(-1)).toEqual({ type: 'done', finishReason: 'stop' });
    });
  });

  it('surfaces reasoning as reasoning, before the answer, never as text', async () => {
    const reasoning = 'First I weigh the question, then I answer it.';
    adapter.answer({ text: 'The answer is 42.', reasoning });
    const out = await run(adapter.provider(), ask(adapter.reasoningRequest));
    expect(out.error).toBeUndefined();
    expect(out.reasoning).toBe(reasoning);
    expect(out.text).toBe('The answer is 42.');
    const types = out.events.map((e) => e.type);
    expect(types.lastIndexOf('reasoning')).toBeLessThan(types.indexOf('text'));
  });

  it('reports usage once, just before done, with the server’s counts', async () => {
    const text = 'Counting every token of this answer.';
    adapter.answer({ text });
    const out = await run(adapter.provider(), ask());
    expect(out.error).toBeUndefined();
    const usages = out.events.filter((e) => e.type === 'usage');
    expect(usages).toHaveLength(1);
    expect(lastTwo(out.events)).toEqual(['usage', 'done']);
    const n = splitTokens(text).length;
    expect(usages[0]).toEqual({ type: 'usage', usage: { promptTokens: 2, completionTokens: n, totalTokens: 2 + n } });
  });

  describe('abort', () => {
    it('mid-stream rejects with the AbortError (not an AppError) and closes the connection', async () => {
      adapter.answer({ text: 'slow '.repeat(400), tokensPerSecond: 20 });
      const controller = new AbortController();
      const events: ProviderEvent[] = [];
      let error: unknown;
      try {
        for await (const e of adapter.provider().stream(ask(), controller.signal)) {
          events.push(e);
          if (events.filter((x) => x.type === 'text').length === 2) controller.abort();
        }
      } catch (err) {
        error = err;
      }
      expectAbortError(error);
      expect(events.filter((e) => e.type === 'text')).toHaveLength(2);
      await expect.poll(() => adapter.closedEarly(), { timeout: 2_000 }).toBe(true);
    }, 5_000); // the answer would take 20 s: only a prompt abort passes

    it('before the start rejects with the AbortError and yields nothing', async () => {
      adapter.answer({ text: 'never read' });
      const controller = new AbortController();
      controller.abort();
      const out = await run(adapter.provider(), ask(), controller.signal);
      expectAbortError(out.error);
      expect(out.events).toEqual([]);
    });

    it('releases the connection when the consumer stops iterating early', async () => {
      adapter.answer({ text: 'slow '.repeat(400), tokensPerSecond: 20 });
      for await (const e of adapter.provider().stream(ask(), new AbortController().signal)) {
        if (e.type === 'text') break;
      }
      await expect.poll(() => adapter.closedEarly(), { timeout: 2_000 }).toBe(true);
    }, 5_000);
  });

  it('an error before the stream (wrong credentials) is auth, not retryable, and leaks no secret', async () => {
    adapter.answer({ text: 'not for you' });
    const out = await run(adapter.provider({ wrongCredentials: true }), ask());
    expect(out.events).toEqual([]);
    const err = expectAppError(out.error);
    expect(err.code).toBe('auth');
    expect(err.retryable).toBe(false);
    expect(err.detail).toBeTruthy();
    expectNoSecrets(err, adapter.secrets);
  });

  it('an error in the stream keeps the text before it and ends without done', async () => {
    adapter.failAfter(['one', ' two', ' three', ' four'], 3);
    const out = await run(adapter.provider(), ask());
    expect(out.text).toBe('one two three');
    const err = expectAppError(out.error);
    expect(err.code).toBe('provider');
    expect(err.retryable).toBe(true);
    expect(err.detail).toBeTruthy();
    expect(out.events.some((e) => e.type === 'done')).toBe(false);
  });

  it('a dropped connection is a retryable network error after the partial text', async () => {
    adapter.dropAfter(['Partial', ' answer', ' here', ' never'], 3);
    const out = await run(adapter.provider(), ask());
    expect(out.text).toBe('Partial answer here');
    const err = expectAppError(out.error);
    expect(err.code).toBe('network');
    expect(err.retryable).toBe(true);
    expect(err.messageKey).toBe('errors.providerConnectionLost');
    expect(out.events.some((e) => e.type === 'done')).toBe(false);
  });

  it('silence: the provider keeps waiting (no timeout of its own) and a Stop ends it at once', async () => {
    adapter.silence();
    const controller = new AbortController();
    const events: ProviderEvent[] = [];
    let error: unknown;
    let settled = false;
    const done = (async () => {
      try {
        for await (const e of adapter.provider().stream(ask(), controller.signal)) events.push(e);
      } catch (err) {
        error = err;
      } finally {
        settled = true;
      }
    })();
    await sleep(600);
    expect(settled).toBe(false);
    expect(events).toEqual([]);
    const stoppedAt = Date.now();
    controller.abort();
    await done;
    expect(Date.now() - stoppedAt).toBeLessThan(500);
    expectAbortError(error);
    await expect.poll(() => adapter.closedEarly(), { timeout: 2_000 }).toBe(true);
  }, 5_000);

  if (adapter.http) {
    it('a Stop ends a silent stream even when the injected fetch ignores the signal', async () => {
      adapter.silence();
      // Electron's net.fetch or a proxy wrapper may not tie the body to the signal.
      const deaf: typeof fetch = (input, init) => fetch(input, { ...init, signal: undefined });
      const controller = new AbortController();
      const done = run(adapter.provider({ fetch: deaf }), ask(), controller.signal);
      await sleep(300);
      const stoppedAt = Date.now();
      controller.abort();
      expectAbortError((await done).error);
      expect(Date.now() - stoppedAt).toBeLessThan(500);
      await expect.poll(() => adapter.closedEarly(), { timeout: 2_000 }).toBe(true);
    }, 5_000);
  }

  describe('awkward chunk boundaries', () => {
    it('decodes UTF-8 characters cut in two on the wire', async () => {
      const frames = adapter.encode(['你好', ' 🌊 world!']);
      const a = frames.findIndex((f) => f.includes('你好'));
      const b = frames.findIndex((f) => f.includes('🌊'));
      adapter.play(frames, { [a]: [insideChar(frames[a] ?? '', '你')], [b]: [insideChar(frames[b] ?? '', '🌊'), insideChar(frames[b] ?? '', '🌊') + 1] });
      const received: Uint8Array[] = [];
      const out = await run(adapter.provider({ fetch: recordingFetch(received) }), ask());
      // The cut really reached the client (HTTP: visible in the body chunks; WebSocket: `ws`
      // reassembles the fragments before the provider sees the message).
      if (adapter.http) expect(received.some((c) => decodeAlone(c).includes('\uFFFD'))).toBe(true);
      expect(out.error).toBeUndefined();
      expect(out.text).toBe('你好 🌊 world!');
    });

    it('joins a JSON payload cut in the middle and before its line end', async () => {
      const frames = adapter.encode(['split ', 'JSON works']);
      const i = frames.findIndex((f) => f.includes('JSON works'));
      const f = frames[i] ?? '';
      adapter.play(frames, { [i]: [utf8(f.slice(0, f.indexOf('JSON works') + 3)).length, utf8(f).length - 1] });
      const received: Uint8Array[] = [];
      const out = await run(adapter.provider({ fetch: recordingFetch(received) }), ask());
      if (adapter.http) expect(received.some((c) => decodeAlone(c).endsWith('JSO'))).toBe(true);
      expect(out.error).toBeUndefined();
      expect(out.text).toBe('split JSON works');
    });

    if (adapter.inlineThinkTags) {
      it('splits <think> reasoning out even when the tags are cut across chunks', async () => {
        adapter.play(adapter.encode(['<thi', 'nk>\nWeighing it.', ' Done weighing.</th', 'ink>\n\nThe answer', '.']), {});
        const out = await run(adapter.provider(), ask());
        expect(out.error).toBeUndefined();
        expect(out.reasoning).toBe('Weighing it. Done weighing.');
        expect(out.text).toBe('The answer.');
        expect(outcome(out.events, undefined).text).not.toContain('think');
      });
    }
  });
});

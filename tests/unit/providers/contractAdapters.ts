/**
 * One adapter per provider for the provider contract suite (contract.test.ts): how to build
 * the provider against its own protocol fixture over TCP, and how to script each scenario in
 * that protocol (answers, failures, drops, silence, raw frames cut at chosen bytes).
 */
import { anthropicFactory } from '../../../src/main/core/providers/anthropic';
import { geminiFactory } from '../../../src/main/core/providers/gemini';
import { openAICompatibleFactory } from '../../../src/main/core/providers/openaiCompatible';
import type { Provider, ProviderRequest } from '../../../src/main/core/providers/provider';
import { QianfanTokenCache, QianfanProvider } from '../../../src/main/core/providers/qianfan';
import { sparkFactory } from '../../../src/main/core/providers/spark';
import type { ProviderKind } from '../../../src/shared/domain';
import { startAnthropicFixture, type AnthropicFixture } from '../../fixtures/anthropicServer';
import { startGeminiFixture, type GeminiFixture } from '../../fixtures/geminiServer';
import { startOpenAIFixture, type OpenAIFixture } from '../../fixtures/openaiServer';
import { startQianfanFixture, type QianfanFixture } from '../../fixtures/qianfanServer';
import { startSparkFixture, type SparkFixture } from '../../fixtures/sparkServer';
import { cutAt } from './providerTestKit';

export interface AnswerScript {
  text: string;
  reasoning?: string;
  tokensPerSecond?: number;
}

export interface ContractAdapter {
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
  /**
   * Plays `frames`, cutting frame i at the byte offsets `cuts[i]` into separate network pieces;
   * `hang` then keeps the connection open without another byte.
   */
  play(frames: string[], cuts: Record<number, number[]>, hang?: boolean): void;
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
    play: (frames, cuts, hang) => fx.setScenario({ kind: 'raw', chunks: rawChunks(frames, cuts), ...(hang ? { after: 'hang' as const } : {}) }),
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
    play: (frames, cuts, hang) => fx.setScenario({ kind: 'raw', chunks: rawChunks(frames, cuts), ...(hang ? { after: 'hang' as const } : {}) }),
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
    play: (frames, cuts, hang) => fx.setScenario({ kind: 'raw', chunks: rawChunks(frames, cuts), ...(hang ? { after: 'hang' as const } : {}) }),
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
    play: (frames, cuts, hang) =>
      fx.setScenario({ kind: 'raw', frames: frames.map((f, i) => (cuts[i] ? { fragments: cutAt(enc.encode(f), cuts[i]) } : f)), ...(hang ? { after: 'hang' as const } : {}) }),
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
    play: (frames, cuts, hang) => fx.setScenario({ kind: 'raw', chunks: rawChunks(frames, cuts), ...(hang ? { after: 'hang' as const } : {}) }),
    closedEarly: () => fx.requests.filter((r) => r.path.includes('/chat/')).at(-1)?.closedEarly,
  };
}

export const ADAPTERS: ContractAdapter[] = [openAIAdapter(), anthropicAdapter(), geminiAdapter(), sparkAdapter(), qianfanAdapter()];

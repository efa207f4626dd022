/**
 * Thinking with tool rounds, against each family's protocol fixture: the thinking that came with
 * the calls (Anthropic `thinking` + `signature` and `redacted_thinking` blocks, Gemini
 * `thoughtSignature`s, DeepSeek `reasoning_content`) is captured from a stream cut every few
 * bytes — inside JSON, inside UTF-8 characters, between `data:` and its line end — and the next
 * request sends it back in the family's exact shape.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { anthropicFactory } from '../../../src/main/core/providers/anthropic';
import { geminiFactory } from '../../../src/main/core/providers/gemini';
import { openAICompatibleFactory } from '../../../src/main/core/providers/openaiCompatible';
import type { OfferedTool, ProviderEvent, ProviderRequest } from '../../../src/main/core/providers/provider';
import type { RoundThinking } from '../../../src/shared/roundThinking';
import { startAnthropicFixture, type AnthropicFixture } from '../../fixtures/anthropicServer';
import { startGeminiFixture, type GeminiFixture } from '../../fixtures/geminiServer';
import { startOpenAIFixture, type OpenAIFixture } from '../../fixtures/openaiServer';
import { run } from './providerTestKit';

const ECHO: OfferedTool = { name: 'echo', description: 'Echoes a message', parameters: { type: 'object', properties: { message: { type: 'string' } } } };

/** The SSE text cut into 5-byte pieces: every boundary a parser must survive. */
function awkward(events: string[]): Uint8Array[] {
  const bytes = Buffer.from(events.join(''));
  const out: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += 5) out.push(bytes.subarray(i, i + 5));
  return out;
}

function doneOf(events: ProviderEvent[]): Extract<ProviderEvent, { type: 'done' }> {
  const done = events.find((e) => e.type === 'done');
  if (done?.type !== 'done') throw new Error('no done event');
  return done;
}

/** The request after the model's round: the question, then the round with its result and thinking. */
function nextRound(model: string, callId: string, thinking: RoundThinking | undefined, extra: Partial<ProviderRequest> = {}): ProviderRequest {
  return {
    model,
    tools: [ECHO],
    messages: [
      { role: 'user', content: 'use the tool' },
      { role: 'assistant', content: '', toolRounds: [{ text: 'Calling.', calls: [{ id: callId, name: 'echo', arguments: '{"message":"日本"}', result: 'Echo: 日本', isError: false }], thinking }] },
    ],
    ...extra,
  };
}

describe('Anthropic extended thinking', () => {
  let fx: AnthropicFixture;
  beforeAll(async () => {
    fx = await startAnthropicFixture();
  });
  afterAll(() => fx.close());
  afterEach(() => {
    fx.setScenario(null);
    fx.clearRequests();
  });
  const provider = () => anthropicFactory.create({ baseUrl: fx.url, apiKey: 'k' }, { fetch });
  const sse = (type: string, data: Record<string, unknown>) => `event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`;

  it('sends the thinking and redacted_thinking blocks back, unchanged and first, with the tool round', async () => {
    fx.setScenario({
      kind: 'raw',
      gapMs: 0,
      chunks: awkward([
        sse('message_start', { message: { id: 'm', type: 'message', role: 'assistant', content: [], usage: { input_tokens: 5, output_tokens: 1 } } }),
        sse('content_block_start', { index: 0, content_block: { type: 'thinking', thinking: '', signature: '' } }),
        sse('content_block_delta', { index: 0, delta: { type: 'thinking_delta', thinking: '想一想: ' } }),
        sse('content_block_delta', { index: 0, delta: { type: 'thinking_delta', thinking: 'the echo tool.' } }),
        sse('content_block_delta', { index: 0, delta: { type: 'signature_delta', signature: 'EqQBCgIYAhIM+sig/part==' } }),
        sse('content_block_stop', { index: 0 }),
        sse('content_block_start', { index: 1, content_block: { type: 'redacted_thinking', data: 'EmwKAhgBEgy3va3pzix/LafPsn4a' } }),
        sse('content_block_stop', { index: 1 }),
        sse('content_block_start', { index: 2, content_block: { type: 'text', text: '' } }),
        sse('content_block_delta', { index: 2, delta: { type: 'text_delta', text: 'Calling.' } }),
        sse('content_block_stop', { index: 2 }),
        sse('content_block_start', { index: 3, content_block: { type: 'tool_use', id: 'toolu_1', name: 'echo', input: {} } }),
        sse('content_block_delta', { index: 3, delta: { type: 'input_json_delta', partial_json: '{"message":' } }),
        sse('content_block_delta', { index: 3, delta: { type: 'input_json_delta', partial_json: '"日本"}' } }),
        sse('content_block_stop', { index: 3 }),
        sse('message_delta', { delta: { stop_reason: 'tool_use' }, usage: { output_tokens: 40 } }),
        sse('message_stop', {}),
      ]),
    });
    const first = await run(provider(), { model: 'claude-fixture', reasoning: true, tools: [ECHO], messages: [{ role: 'user', content: 'use the tool' }] });
    expect(first.error).toBeUndefined();
    expect(first.reasoning).toBe('想一想: the echo tool.');
    const thinking = doneOf(first.events).thinking;
    expect(thinking).toEqual({
      family: 'anthropic',
      model: 'claude-fixture',
      blocks: [
        { type: 'thinking', thinking: '想一想: the echo tool.', signature: 'EqQBCgIYAhIM+sig/part==' },
        { type: 'redacted_thinking', data: 'EmwKAhgBEgy3va3pzix/LafPsn4a' },
      ],
    });

    fx.setScenario({ kind: 'answer', text: 'Done.' });
    await run(provider(), nextRound('claude-fixture', 'toolu_1', thinking, { reasoning: true }));
    const sent = fx.requests.at(-1)!.body as { messages: unknown[]; thinking: unknown };
    expect(sent.thinking).toMatchObject({ type: 'enabled' });
    expect(sent.messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'use the tool' }] },
      {
        role: 'assistant',
        content: [
          { type: 'thinking', thinking: '想一想: the echo tool.', signature: 'EqQBCgIYAhIM+sig/part==' },
          { type: 'redacted_thinking', data: 'EmwKAhgBEgy3va3pzix/LafPsn4a' },
          { type: 'text', text: 'Calling.' },
          { type: 'tool_use', id: 'toolu_1', name: 'echo', input: { message: '日本' } },
        ],
      },
      { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_1', content: 'Echo: 日本' }] },
    ]);
  });

  it('sends no thinking blocks to another model, or with thinking off', async () => {
    const thinking: RoundThinking = { family: 'anthropic', model: 'claude-fixture', blocks: [{ type: 'thinking', thinking: 'x', signature: 's' }] };
    fx.setScenario({ kind: 'answer', text: 'Done.' });
    await run(provider(), nextRound('claude-other', 'toolu_1', thinking, { reasoning: true }));
    await run(provider(), nextRound('claude-fixture', 'toolu_1', thinking));
    for (const request of fx.requests) {
      const assistant = (request.body as { messages: { role: string; content: { type: string }[] }[] }).messages[1]!;
      expect(assistant.content.map((b) => b.type)).toEqual(['text', 'tool_use']);
    }
  });
});

describe('Gemini thought signatures', () => {
  let fx: GeminiFixture;
  beforeAll(async () => {
    fx = await startGeminiFixture({ models: [{ name: 'gemini-3-fixture' }] });
  });
  afterAll(() => fx.close());
  afterEach(() => {
    fx.setScenario(null);
    fx.clearRequests();
  });
  const provider = () => geminiFactory.create({ baseUrl: fx.url, apiKey: 'k' }, { fetch });
  const frame = (parts: unknown[], finishReason?: string) => `data: ${JSON.stringify({ candidates: [{ content: { role: 'model', parts }, ...(finishReason ? { finishReason } : {}) }] })}\r\n\r\n`;

  it('returns each functionCall part with its thoughtSignature, and the text with its own', async () => {
    fx.setScenario({
      kind: 'raw',
      gapMs: 0,
      chunks: awkward([
        frame([{ text: '先想: which tool?', thought: true }]),
        frame([{ text: 'Calling.', thoughtSignature: 'c2lnLXRleHQ=' }]),
        frame([
          { functionCall: { name: 'echo', args: { message: '日本' } }, thoughtSignature: 'c2lnLWNhbGwtMQ==' },
          { functionCall: { name: 'echo', args: { message: 'two' } } },
        ], 'STOP'),
      ]),
    });
    const first = await run(provider(), { model: 'gemini-3-fixture', tools: [ECHO], messages: [{ role: 'user', content: 'use the tool' }] });
    expect(first.error).toBeUndefined();
    expect(first.reasoning).toBe('先想: which tool?');
    const thinking = doneOf(first.events).thinking;
    expect(thinking).toEqual({ family: 'gemini', model: 'gemini-3-fixture', textSignature: 'c2lnLXRleHQ=', callSignatures: { 'gemini-call-1': 'c2lnLWNhbGwtMQ==' } });

    fx.setScenario({ kind: 'answer', text: 'Done.' });
    const request = nextRound('gemini-3-fixture', 'gemini-call-1', thinking);
    const round = request.messages[1]!.toolRounds![0]!;
    round.calls.push({ id: 'gemini-call-2', name: 'echo', arguments: '{"message":"two"}', result: 'Echo: two', isError: false });
    await run(provider(), request);
    const sent = fx.requests.at(-1)!.body as { contents: unknown[] };
    expect(sent.contents).toEqual([
      { role: 'user', parts: [{ text: 'use the tool' }] },
      {
        role: 'model',
        parts: [
          { text: 'Calling.', thoughtSignature: 'c2lnLXRleHQ=' },
          { functionCall: { name: 'echo', args: { message: '日本' } }, thoughtSignature: 'c2lnLWNhbGwtMQ==' },
          // Only the first of parallel calls is signed; the others go back as they came.
          { functionCall: { name: 'echo', args: { message: 'two' } } },
        ],
      },
      {
        role: 'user',
        parts: [
          { functionResponse: { name: 'echo', response: { result: 'Echo: 日本' } } },
          { functionResponse: { name: 'echo', response: { result: 'Echo: two' } } },
        ],
      },
    ]);
  });

  it('sends another model no signatures', async () => {
    fx.setScenario({ kind: 'answer', text: 'Done.' });
    await run(provider(), nextRound('gemini-2.5-flash', 'gemini-call-1', { family: 'gemini', model: 'gemini-3-fixture', textSignature: 't', callSignatures: { 'gemini-call-1': 'c' } }));
    expect(JSON.stringify(fx.requests.at(-1)!.body)).not.toContain('thoughtSignature');
  });
});

describe('DeepSeek reasoning_content', () => {
  let fx: OpenAIFixture;
  beforeAll(async () => {
    fx = await startOpenAIFixture();
  });
  afterAll(() => fx.close());
  afterEach(() => {
    fx.setScenario(null);
    fx.clearRequests();
  });
  const provider = () => openAICompatibleFactory.create({ baseUrl: fx.url, apiKey: null }, { fetch });
  const chunk = (delta: Record<string, unknown>, reason: string | null = null) =>
    `data: ${JSON.stringify({ id: 'x', object: 'chat.completion.chunk', choices: [{ index: 0, delta, finish_reason: reason }] })}\n\n`;

  it('sends the reasoning back as reasoning_content on the assistant message with the tool_calls', async () => {
    fx.setScenario({
      kind: 'raw',
      gapMs: 0,
      chunks: awkward([
        chunk({ role: 'assistant', content: null, reasoning_content: '用户要' }),
        chunk({ content: null, reasoning_content: ' the echo tool.' }),
        chunk({ content: 'Calling.', reasoning_content: null }),
        chunk({ tool_calls: [{ index: 0, id: 'call_1', type: 'function', function: { name: 'echo', arguments: '{"message":' } }] }),
        chunk({ tool_calls: [{ index: 0, function: { arguments: '"日本"}' } }] }),
        chunk({}, 'tool_calls'),
        'data: [DONE]\n\n',
      ]),
    });
    const first = await run(provider(), { model: 'deepseek-reasoner', tools: [ECHO], messages: [{ role: 'user', content: 'use the tool' }] });
    expect(first.error).toBeUndefined();
    const thinking = doneOf(first.events).thinking;
    expect(thinking).toEqual({ family: 'openai', field: 'reasoning_content', text: '用户要 the echo tool.' });

    fx.setScenario({ kind: 'answer', text: 'Done.' });
    await run(provider(), nextRound('deepseek-reasoner', 'call_1', thinking));
    expect((fx.requests.at(-1)!.body as { messages: unknown[] }).messages).toEqual([
      { role: 'user', content: 'use the tool' },
      {
        role: 'assistant',
        content: 'Calling.',
        reasoning_content: '用户要 the echo tool.',
        tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'echo', arguments: '{"message":"日本"}' } }],
      },
      { role: 'tool', tool_call_id: 'call_1', content: 'Echo: 日本' },
    ]);
  });

  it('an answer without calls carries no thinking, and a server that sent none gets none back', async () => {
    fx.setScenario({ kind: 'answer', text: 'Plain.', reasoning: 'Just think.' });
    const plain = await run(provider(), { model: 'deepseek-reasoner', messages: [{ role: 'user', content: 'hi' }] });
    expect(doneOf(plain.events).thinking).toBeUndefined();
    fx.setScenario({ kind: 'answer', text: 'Done.' });
    await run(provider(), nextRound('gpt-fixture', 'call_1', undefined));
    const assistant = (fx.requests.at(-1)!.body as { messages: Record<string, unknown>[] }).messages[1]!;
    expect(Object.keys(assistant).sort()).toEqual(['content', 'role', 'tool_calls']);
  });
});

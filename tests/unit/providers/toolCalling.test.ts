/**
 * Tool calling in each family's own wire shape, against the protocol fixtures: calls streamed in
 * pieces (also cut inside a UTF-8 character), two calls in one turn, results sent back in the
 * exact form each protocol wants, and the kinds without tool calling refusing before sending.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { anthropicFactory } from '../../../src/main/core/providers/anthropic';
import { geminiFactory } from '../../../src/main/core/providers/gemini';
import { openAICompatibleFactory } from '../../../src/main/core/providers/openaiCompatible';
import type { OfferedTool, ProviderEvent, ProviderRequest } from '../../../src/main/core/providers/provider';
import { qianfanFactory } from '../../../src/main/core/providers/qianfan';
import { sparkFactory } from '../../../src/main/core/providers/spark';
import { startAnthropicFixture, type AnthropicFixture } from '../../fixtures/anthropicServer';
import { startGeminiFixture, type GeminiFixture } from '../../fixtures/geminiServer';
import { startOpenAIFixture, type OpenAIFixture } from '../../fixtures/openaiServer';
import { expectAppError, run } from './providerTestKit';

const ECHO: OfferedTool = { name: 'echo', description: 'Echoes a message', parameters: { type: 'object', properties: { message: { type: 'string' } } } };
const ADD: OfferedTool = { name: 'add', description: 'Adds numbers', parameters: { type: 'object', properties: { a: { type: 'number' }, b: { type: 'number' } } } };
const ask = (extra: Partial<ProviderRequest> = {}): ProviderRequest => ({ model: 'fixture-chat', messages: [{ role: 'user', content: 'use the tools' }], tools: [ECHO, ADD], ...extra });
const calls = (events: ProviderEvent[]) => events.flatMap((e) => (e.type === 'tool.call' ? [e.call] : []));
const finish = (events: ProviderEvent[]) => events.flatMap((e) => (e.type === 'done' ? [e.finishReason] : []));

/** The second request of a tool turn: the user's question, then the round the model asked for with its results. */
const SECOND_ROUND: ProviderRequest = {
  model: 'fixture-chat',
  tools: [ECHO, ADD],
  messages: [
    { role: 'user', content: 'use the tools' },
    {
      role: 'assistant',
      content: '',
      toolRounds: [
        {
          text: 'Calling both.',
          calls: [
            { id: 'call_a', name: 'echo', arguments: '{"message":"日本"}', result: 'Echo: 日本', isError: false },
            { id: 'call_b', name: 'add', arguments: '{"a":1,"b":2}', result: 'The user denied this call.', isError: true },
          ],
        },
      ],
    },
  ],
};

describe('OpenAI-compatible', () => {
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

  it('offers `tools` and joins two interleaved calls from argument pieces, in index order', async () => {
    fx.setScenario({
      kind: 'answer',
      text: 'Let me check.',
      toolCalls: [
        { id: 'call_a', name: 'echo', arguments: '{"message":"héllo 日本"}', pieces: 4 },
        { id: 'call_b', name: 'add', arguments: '{"a":1,"b":2}', pieces: 3 },
      ],
    });
    const out = await run(provider(), ask());
    expect(out.error).toBeUndefined();
    const sent = fx.requests.at(-1)!.body as Record<string, unknown>;
    expect(sent.tools).toEqual([
      { type: 'function', function: { name: 'echo', description: ECHO.description, parameters: ECHO.parameters } },
      { type: 'function', function: { name: 'add', description: ADD.description, parameters: ADD.parameters } },
    ]);
    expect(out.text).toBe('Let me check.');
    expect(calls(out.events)).toEqual([
      { id: 'call_a', name: 'echo', arguments: '{"message":"héllo 日本"}' },
      { id: 'call_b', name: 'add', arguments: '{"a":1,"b":2}' },
    ]);
    expect(finish(out.events)).toEqual(['tool_calls']);
  });

  it('keeps a character whole when the bytes of a piece are cut inside it', async () => {
    const frame = (delta: Record<string, unknown>, reason: string | null = null) =>
      `data: ${JSON.stringify({ id: 'x', object: 'chat.completion.chunk', choices: [{ index: 0, delta, finish_reason: reason }] })}\n\n`;
    const piece = Buffer.from(frame({ tool_calls: [{ index: 0, function: { arguments: '{"message":"日本"}' } }] }));
    const cut = piece.indexOf(Buffer.from('日')) + 1;
    fx.setScenario({
      kind: 'raw',
      chunks: [
        frame({ tool_calls: [{ index: 0, id: 'call_u', type: 'function', function: { name: 'echo', arguments: '' } }] }),
        piece.subarray(0, cut),
        piece.subarray(cut),
        frame({}, 'tool_calls'),
        'data: [DONE]\n\n',
      ],
    });
    const out = await run(provider(), ask());
    expect(calls(out.events)).toEqual([{ id: 'call_u', name: 'echo', arguments: '{"message":"日本"}' }]);
  });

  it('sends a tool round back as an assistant message with tool_calls and one tool message per call', async () => {
    fx.setScenario({ kind: 'answer', text: 'Done.' });
    const out = await run(provider(), SECOND_ROUND);
    expect(out.text).toBe('Done.');
    const sent = fx.requests.at(-1)!.body as { messages: unknown[] };
    expect(sent.messages).toEqual([
      { role: 'user', content: 'use the tools' },
      {
        role: 'assistant',
        content: 'Calling both.',
        tool_calls: [
          { id: 'call_a', type: 'function', function: { name: 'echo', arguments: '{"message":"日本"}' } },
          { id: 'call_b', type: 'function', function: { name: 'add', arguments: '{"a":1,"b":2}' } },
        ],
      },
      { role: 'tool', tool_call_id: 'call_a', content: 'Echo: 日本' },
      { role: 'tool', tool_call_id: 'call_b', content: 'The user denied this call.' },
    ]);
  });

  it('sends no tools field when none are offered', async () => {
    fx.setScenario({ kind: 'answer', text: 'Plain.' });
    await run(provider(), ask({ tools: undefined }));
    expect((fx.requests.at(-1)!.body as Record<string, unknown>).tools).toBeUndefined();
  });
});

describe('Anthropic', () => {
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

  it('offers tools with input_schema and joins input_json_delta pieces of two tool_use blocks', async () => {
    fx.setScenario({
      kind: 'answer',
      text: 'Checking.',
      toolUses: [
        { id: 'toolu_1', name: 'echo', input: '{"message":"héllo 日本"}', pieces: 5 },
        { id: 'toolu_2', name: 'add', input: '{"a":1,"b":2}', pieces: 2 },
      ],
    });
    const out = await run(provider(), ask());
    expect(out.error).toBeUndefined();
    const sent = fx.requests.at(-1)!.body as Record<string, unknown>;
    expect(sent.tools).toEqual([
      { name: 'echo', description: ECHO.description, input_schema: ECHO.parameters },
      { name: 'add', description: ADD.description, input_schema: ADD.parameters },
    ]);
    expect(calls(out.events)).toEqual([
      { id: 'toolu_1', name: 'echo', arguments: '{"message":"héllo 日本"}' },
      { id: 'toolu_2', name: 'add', arguments: '{"a":1,"b":2}' },
    ]);
    expect(finish(out.events)).toEqual(['tool_calls']);
  });

  it('sends a tool round back as tool_use blocks, then tool_result blocks in a user message', async () => {
    fx.setScenario({ kind: 'answer', text: 'Done.' });
    const out = await run(provider(), { ...SECOND_ROUND, model: 'claude-fixture-4' });
    expect(out.text).toBe('Done.');
    const sent = fx.requests.at(-1)!.body as { messages: unknown[] };
    expect(sent.messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'use the tools' }] },
      {
        role: 'assistant',
        content: [
          { type: 'text', text: 'Calling both.' },
          { type: 'tool_use', id: 'call_a', name: 'echo', input: { message: '日本' } },
          { type: 'tool_use', id: 'call_b', name: 'add', input: { a: 1, b: 2 } },
        ],
      },
      {
        role: 'user',
        content: [
          { type: 'tool_result', tool_use_id: 'call_a', content: 'Echo: 日本' },
          { type: 'tool_result', tool_use_id: 'call_b', content: 'The user denied this call.', is_error: true },
        ],
      },
    ]);
  });
});

describe('Gemini', () => {
  let fx: GeminiFixture;
  beforeAll(async () => {
    fx = await startGeminiFixture({ models: [{ name: 'gemini-fixture' }] });
  });
  afterAll(() => fx.close());
  afterEach(() => {
    fx.setScenario(null);
    fx.clearRequests();
  });
  const provider = () => geminiFactory.create({ baseUrl: fx.url, apiKey: 'k' }, { fetch });

  it('offers functionDeclarations and turns two functionCall parts into calls with made-up ids', async () => {
    fx.setScenario({
      kind: 'answer',
      text: 'Checking.',
      functionCalls: [
        { name: 'echo', args: { message: '日本' } },
        { name: 'add', args: { a: 1, b: 2 } },
      ],
    });
    const out = await run(provider(), ask({ model: 'gemini-fixture' }));
    expect(out.error).toBeUndefined();
    const sent = fx.requests.at(-1)!.body as Record<string, unknown>;
    expect(sent.tools).toEqual([
      {
        functionDeclarations: [
          { name: 'echo', description: ECHO.description, parametersJsonSchema: ECHO.parameters },
          { name: 'add', description: ADD.description, parametersJsonSchema: ADD.parameters },
        ],
      },
    ]);
    expect(calls(out.events)).toEqual([
      { id: 'gemini-call-1', name: 'echo', arguments: '{"message":"日本"}' },
      { id: 'gemini-call-2', name: 'add', arguments: '{"a":1,"b":2}' },
    ]);
    expect(finish(out.events)).toEqual(['tool_calls']);
  });

  it('sends a tool round back as functionCall parts, then functionResponse parts in a user turn', async () => {
    fx.setScenario({ kind: 'answer', text: 'Done.' });
    const out = await run(provider(), { ...SECOND_ROUND, model: 'gemini-fixture' });
    expect(out.text).toBe('Done.');
    const sent = fx.requests.at(-1)!.body as { contents: unknown[] };
    expect(sent.contents).toEqual([
      { role: 'user', parts: [{ text: 'use the tools' }] },
      {
        role: 'model',
        parts: [{ text: 'Calling both.' }, { functionCall: { name: 'echo', args: { message: '日本' } } }, { functionCall: { name: 'add', args: { a: 1, b: 2 } } }],
      },
      {
        role: 'user',
        parts: [
          { functionResponse: { name: 'echo', response: { result: 'Echo: 日本' } } },
          { functionResponse: { name: 'add', response: { error: 'The user denied this call.' } } },
        ],
      },
    ]);
  });
});

describe('kinds without tool calling', () => {
  it('Spark chat and Qianfan v1 refuse tools with a translated error before sending anything', async () => {
    let fetched = 0;
    const counting: typeof fetch = (...args) => {
      fetched++;
      return fetch(...args);
    };
    const spark = sparkFactory.create({ baseUrl: 'ws://127.0.0.1:9', apiKey: 'k', apiSecret: 's', appId: 'a' }, { fetch: counting });
    const qianfan = qianfanFactory.create({ baseUrl: 'http://127.0.0.1:9', apiKey: 'k', apiSecret: 's' }, { fetch: counting });
    for (const provider of [spark, qianfan]) {
      const out = await run(provider, ask({ model: 'ernie-4.0-8k' }));
      const error = expectAppError(out.error);
      expect(error.messageKey).toBe('toolCalls.errors.noToolCalling');
      expect(out.events).toEqual([]);
    }
    expect(fetched).toBe(0);
  });
});

import OpenAI from 'openai';
import type { ChatCompletionMessageParam, ChatCompletionTool } from 'openai/resources/chat/completions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/main/core/app/createCore';
import { startAnthropicFixture, type AnthropicFixture } from '../../fixtures/anthropicServer';
import { startGeminiFixture, type GeminiFixture } from '../../fixtures/geminiServer';
import { startOpenAIFixture, type OpenAIFixture } from '../../fixtures/openaiServer';
import { startCore } from '../../support/coreKit';

let fixture: OpenAIFixture;
let anthropic: AnthropicFixture;
let gemini: GeminiFixture;
let core: Core;
let client: OpenAI;

const ECHO: ChatCompletionTool = {
  type: 'function',
  function: { name: 'client_echo', description: 'Echoes a message', parameters: { type: 'object', properties: { message: { type: 'string' } }, required: ['message'] } },
};

beforeAll(async () => {
  fixture = await startOpenAIFixture({ apiKey: 'sk-p' });
  anthropic = await startAnthropicFixture();
  gemini = await startGeminiFixture({ apiKey: 'g-key' });
  core = startCore().core;
  core.handlers['providers.save']({ draft: { name: 'Fixture', kind: 'openai-compatible', presetId: 'custom', baseUrl: fixture.url, defaultModel: 'fixture-chat', apiKey: 'sk-p', contextWindow: 8192 } });
  core.handlers['providers.save']({ draft: { name: 'Claude', kind: 'anthropic', presetId: 'anthropic', baseUrl: anthropic.url, defaultModel: 'claude-sonnet-4-5', apiKey: 'sk-ant' } });
  core.handlers['providers.save']({ draft: { name: 'Gemini', kind: 'gemini', presetId: 'gemini', baseUrl: gemini.url, defaultModel: 'gemini-fixture-flash', apiKey: 'g-key' } });
  core.handlers['providers.save']({ draft: { name: 'Spark', kind: 'spark', presetId: 'spark', baseUrl: 'ws://127.0.0.1:9', defaultModel: 'generalv3.5', apiKey: 'k', apiSecret: 's', appId: 'a' } });
  core.handlers['providers.save']({ draft: { name: 'ERNIE', kind: 'qianfan', presetId: 'qianfan', baseUrl: 'http://127.0.0.1:9', defaultModel: 'ernie-4.0-8k', apiKey: 'ak', apiSecret: 'sk' } });
  // Saving is on: requests with a client's tools are still answered unsaved.
  core.handlers['settings.update']({ localApi: { enabled: true, saveToHistory: true } });
  await core.local.apply();
  const status = core.local.status().api;
  client = new OpenAI({ baseURL: status.baseUrl!, apiKey: status.key!, maxRetries: 0, timeout: 10_000 });
});

afterAll(async () => {
  await core.shutdown();
  await fixture.close();
  await anthropic.close();
  await gemini.close();
});

const ask: ChatCompletionMessageParam = { role: 'user', content: '/tool hi there' };

describe('local API: a client’s own tools pass through to the provider', () => {
  it('streams the model’s call as delta.tool_calls with finish_reason tool_calls, and sends the tool as given', async () => {
    fixture.clearRequests();
    const stream = await client.chat.completions.create({ model: 'Fixture', messages: [ask], tools: [ECHO], stream: true });
    let text = '';
    let finish: string | null = null;
    const calls: unknown[] = [];
    for await (const chunk of stream) {
      const choice = chunk.choices[0];
      text += choice?.delta.content ?? '';
      calls.push(...(choice?.delta.tool_calls ?? []));
      finish = choice?.finish_reason ?? finish;
    }
    expect(text).toBe('Let me call the echo tool.');
    expect(finish).toBe('tool_calls');
    expect(calls).toEqual([{ index: 0, id: expect.stringMatching(/^call_\d+$/), type: 'function', function: { name: 'client_echo', arguments: '{"message":"hi there"}' } }]);
    expect(fixture.requests).toHaveLength(1);
    expect((fixture.requests[0]!.body as { tools: unknown }).tools).toEqual([ECHO]);
    expect(await core.handlers['conversations.list']({ origin: 'api' })).toEqual([]);
  });

  it('answers without streaming with message.tool_calls, then takes the tool result back for the final answer', async () => {
    const first = await client.chat.completions.create({ model: 'Fixture', messages: [ask], tools: [ECHO] });
    const message = first.choices[0]!.message;
    expect(first.choices[0]!.finish_reason).toBe('tool_calls');
    expect(message.content).toBe('Let me call the echo tool.');
    expect(message.tool_calls).toEqual([{ id: expect.stringMatching(/^call_\d+$/), type: 'function', function: { name: 'client_echo', arguments: '{"message":"hi there"}' } }]);
    const callId = message.tool_calls![0]!.id;

    fixture.clearRequests();
    const second = await client.chat.completions.create({
      model: 'Fixture',
      tools: [ECHO],
      messages: [ask, message, { role: 'tool', tool_call_id: callId, content: 'echo: hi there' }],
    });
    expect(second.choices[0]).toMatchObject({ finish_reason: 'stop', message: { role: 'assistant', content: 'The tool answered: echo: hi there' } });
    expect(second.choices[0]!.message.tool_calls).toBeUndefined();
    expect((fixture.requests[0]!.body as { messages: unknown }).messages).toEqual([
      { role: 'user', content: '/tool hi there' },
      { role: 'assistant', content: 'Let me call the echo tool.', tool_calls: [{ id: callId, type: 'function', function: { name: 'client_echo', arguments: '{"message":"hi there"}' } }] },
      { role: 'tool', tool_call_id: callId, content: 'echo: hi there' },
    ]);
    expect(await core.handlers['conversations.list']({ origin: 'api' })).toEqual([]);
  });

  it('sends an earlier round before that turn’s final text, in Anthropic’s tool_use / tool_result blocks', async () => {
    anthropic.setScenario({ kind: 'answer', text: '', toolUses: [{ id: 'toolu_1', name: 'client_echo', input: '{"message":"again"}' }] });
    anthropic.clearRequests();
    const answer = await client.chat.completions.create({
      model: 'Claude',
      tools: [ECHO],
      messages: [
        ask,
        { role: 'assistant', content: null, tool_calls: [{ id: 'toolu_0', type: 'function', function: { name: 'client_echo', arguments: '{"message":"hi"}' } }] },
        { role: 'tool', tool_call_id: 'toolu_0', content: 'echo: hi' },
        { role: 'assistant', content: 'It said hi.' },
        { role: 'user', content: 'once more' },
      ],
    });
    expect(answer.choices[0]).toMatchObject({ finish_reason: 'tool_calls', message: { content: null, tool_calls: [{ id: 'toolu_1', type: 'function', function: { name: 'client_echo', arguments: '{"message":"again"}' } }] } });
    const body = anthropic.requests[0]!.body as { tools: unknown; messages: unknown };
    expect(body.tools).toEqual([{ name: 'client_echo', description: 'Echoes a message', input_schema: ECHO.function.parameters }]);
    expect(body.messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: '/tool hi there' }] },
      { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_0', name: 'client_echo', input: { message: 'hi' } }] },
      { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_0', content: 'echo: hi' }] },
      { role: 'assistant', content: [{ type: 'text', text: 'It said hi.' }] },
      { role: 'user', content: [{ type: 'text', text: 'once more' }] },
    ]);
  });

  it('streams a Gemini functionCall to the client, and sends the result back as functionResponse', async () => {
    gemini.setScenario({ kind: 'answer', text: '', functionCalls: [{ name: 'client_echo', args: { message: 'hey' } }] });
    const calls: unknown[] = [];
    let finish: string | null = null;
    for await (const chunk of await client.chat.completions.create({ model: 'Gemini', messages: [ask], tools: [ECHO], stream: true })) {
      calls.push(...(chunk.choices[0]?.delta.tool_calls ?? []));
      finish = chunk.choices[0]?.finish_reason ?? finish;
    }
    expect(calls).toEqual([{ index: 0, id: 'gemini-call-1', type: 'function', function: { name: 'client_echo', arguments: '{"message":"hey"}' } }]);
    expect(finish).toBe('tool_calls');

    gemini.setScenario({ kind: 'answer', text: 'Done.' });
    gemini.clearRequests();
    let text = '';
    for await (const chunk of await client.chat.completions.create({
      model: 'Gemini',
      tools: [ECHO],
      stream: true,
      messages: [ask, { role: 'assistant', content: null, tool_calls: [{ id: 'gemini-call-1', type: 'function', function: { name: 'client_echo', arguments: '{"message":"hey"}' } }] }, { role: 'tool', tool_call_id: 'gemini-call-1', content: 'echo: hey' }],
    })) {
      text += chunk.choices[0]?.delta.content ?? '';
    }
    expect(text).toBe('Done.');
    const body = gemini.requests[0]!.body as { tools: unknown; contents: unknown };
    expect(body.tools).toEqual([{ functionDeclarations: [{ name: 'client_echo', description: 'Echoes a message', parametersJsonSchema: ECHO.function.parameters }] }]);
    expect(body.contents).toEqual([
      { role: 'user', parts: [{ text: '/tool hi there' }] },
      { role: 'model', parts: [{ functionCall: { name: 'client_echo', args: { message: 'hey' } } }] },
      { role: 'user', parts: [{ functionResponse: { name: 'client_echo', response: { result: 'echo: hey' } } }] },
    ]);
  });

  it('weighs tool results against the model’s window: one too big for it is context_length_exceeded, sending nothing', async () => {
    fixture.clearRequests();
    const call = { id: 'call_big', type: 'function' as const, function: { name: 'client_echo', arguments: '{}' } };
    const big = 'lorem ipsum dolor sit amet '.repeat(4000);
    const refused = await client.chat.completions
      .create({ model: 'Fixture', tools: [ECHO], messages: [ask, { role: 'assistant', content: null, tool_calls: [call] }, { role: 'tool', tool_call_id: 'call_big', content: big }] })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(OpenAI.BadRequestError);
    expect((refused as InstanceType<typeof OpenAI.BadRequestError>).code).toBe('context_length_exceeded');
    expect(fixture.requests).toEqual([]);
  });

  it('refuses tools for Spark and Qianfan v1 with a 400 that says so, sending nothing', async () => {
    for (const model of ['Spark', 'ERNIE']) {
      const refused = await client.chat.completions.create({ model, messages: [ask], tools: [ECHO] }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(OpenAI.BadRequestError);
      expect((refused as InstanceType<typeof OpenAI.BadRequestError>).code).toBe('tools_not_supported');
      expect((refused as Error).message).toMatch(/cannot call tools: send the request without "tools"/);
    }
  });

  it('rejects malformed tools and unanswered or unknown tool calls with clear 400s', async () => {
    fixture.clearRequests();
    const call = { id: 'call_9', type: 'function' as const, function: { name: 'client_echo', arguments: '{}' } };
    const cases: [Parameters<typeof client.chat.completions.create>[0], RegExp][] = [
      [{ model: 'Fixture', messages: [ask], tools: [{ type: 'function', function: { name: 'has space' } }] }, /tools\.0\.function\.name: tool names are 1 to 64/],
      [{ model: 'Fixture', messages: [ask], tools: [ECHO, ECHO] }, /"client_echo" is offered twice/],
      [{ model: 'Fixture', messages: [ask], tools: Array.from({ length: 129 }, () => ECHO) }, /tools:/],
      [{ model: 'Fixture', messages: [ask], tools: [ECHO], tool_choice: 'required' }, /tool_choice: only "auto"/],
      [{ model: 'Fixture', messages: [ask, { role: 'assistant', content: null, tool_calls: [call] }, ask] }, /messages\.2: the tool calls "call_9" need a "tool" message/],
      [{ model: 'Fixture', messages: [ask, { role: 'tool', tool_call_id: 'nope', content: 'x' }] }, /messages\.1\.tool_call_id: "nope" answers no tool call/],
      [{ model: 'Fixture', messages: [ask, { role: 'assistant', content: null, tool_calls: [call] }] }, /the tool calls "call_9" need a "tool" message/],
      [{ model: 'Fixture', messages: [ask, { role: 'assistant', content: null, tool_calls: [call] }, { role: 'tool', tool_call_id: 'call_9', content: 'x' }] }, /tools: the messages carry tool calls, so offer the tools too/],
    ];
    for (const [request, message] of cases) {
      const refused = await client.chat.completions.create({ ...request, stream: false }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(OpenAI.BadRequestError);
      expect((refused as Error).message).toMatch(message);
    }
    expect(fixture.requests).toEqual([]);
  });
});

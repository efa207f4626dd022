/** Anthropic Messages specifics, against tests/fixtures/anthropicServer.ts. The shared behaviour is in contract.test.ts. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ANTHROPIC_DEFAULT_MAX_TOKENS, ANTHROPIC_VERSION, anthropicFactory } from '../../../src/main/core/providers/anthropic';
import type { Provider, ProviderRequest } from '../../../src/main/core/providers/provider';
import { startAnthropicFixture, type AnthropicFixture } from '../../fixtures/anthropicServer';
import { splitTokens } from '../../fixtures/openaiServer';
import { expectAppError, expectNoSecrets, run } from './providerTestKit';

const KEY = 'sk-ant-fixture-key-1234';
let fx: AnthropicFixture;
beforeAll(async () => {
  fx = await startAnthropicFixture({ apiKey: KEY, models: ['m-5', 'm-4', 'm-3', 'm-2', 'm-1'], modelsPageLimit: 2 });
});
afterAll(() => fx.close());
afterEach(() => {
  fx.setScenario(null);
  fx.clearRequests();
});

const provider = (baseUrl = fx.url, apiKey: string | null = KEY): Provider => anthropicFactory.create({ baseUrl, apiKey }, { fetch });
const ask = (extra: Partial<ProviderRequest> = {}): ProviderRequest => ({
  model: 'claude-fixture-4',
  messages: [{ role: 'user', content: 'hello there' }],
  ...extra,
});
const body = (): Record<string, unknown> => fx.requests.at(-1)?.body as Record<string, unknown>;
const ev = (type: string, data: Record<string, unknown> = {}): string => `event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`;
const START = ev('message_start', { message: { id: 'msg', type: 'message', role: 'assistant', content: [], usage: { input_tokens: 5, output_tokens: 1 } } });
const textDelta = (text: string): string => ev('content_block_delta', { index: 0, delta: { type: 'text_delta', text } });

describe('request', () => {
  it('sends x-api-key, anthropic-version, top-level system, and a default max_tokens', async () => {
    fx.setScenario({ kind: 'answer', text: 'ok' });
    const out = await run(
      provider(),
      ask({
        system: 'Be brief.',
        messages: [
          { role: 'system', content: 'Answer in English.' },
          { role: 'assistant', content: 'a greeting nobody asked for' },
          { role: 'user', content: 'first' },
          { role: 'user', content: 'second (the answer in between failed)' },
          { role: 'assistant', content: 'reply' },
          { role: 'user', content: 'third' },
        ],
        temperature: 0.4,
        topP: 0.8,
        topK: 5,
      }),
    );
    expect(out.error).toBeUndefined();
    const req = fx.requests.at(-1);
    expect(req?.path).toBe('/v1/messages');
    expect(req?.headers['x-api-key']).toBe(KEY);
    expect(req?.headers['anthropic-version']).toBe(ANTHROPIC_VERSION);
    expect(req?.headers.authorization).toBeUndefined();
    expect(body()).toEqual({
      model: 'claude-fixture-4',
      max_tokens: ANTHROPIC_DEFAULT_MAX_TOKENS,
      stream: true,
      system: 'Be brief.\n\nAnswer in English.',
      messages: [
        { role: 'user', content: 'first\n\nsecond (the answer in between failed)' },
        { role: 'assistant', content: 'reply' },
        { role: 'user', content: 'third' },
      ],
      temperature: 0.4,
      top_p: 0.8,
      top_k: 5,
    });
  });

  it('accepts a base URL that already ends in /v1', async () => {
    fx.setScenario({ kind: 'answer', text: 'ok' });
    expect((await run(provider(`${fx.url}/v1/`), ask())).text).toBe('ok');
    expect(fx.requests.at(-1)?.path).toBe('/v1/messages');
  });

  it('asks for thinking with a budget below max_tokens and drops the sampling it forbids', async () => {
    fx.setScenario({ kind: 'answer', text: 'ok', thinking: 'hmm' });
    const out = await run(provider(), ask({ reasoning: true, temperature: 0.3, topK: 4 }));
    expect(out.reasoning).toBe('hmm');
    expect(body().thinking).toEqual({ type: 'enabled', budget_tokens: 8192 });
    expect(body().max_tokens).toBe(16384);
    expect(body()).not.toHaveProperty('temperature');
    expect(body()).not.toHaveProperty('top_k');
  });

  it('sends the user\'s thinking budget, streams the thinking, and keeps max_tokens above the budget', async () => {
    fx.setScenario({ kind: 'answer', text: 'ok', thinking: 'let me see', forceThinking: true });
    const out = await run(provider(), ask({ thinkingBudget: 20000, maxOutputTokens: 8000, temperature: 0.3, topK: 4, topP: 0.97 }));
    expect(out.reasoning).toBe('let me see');
    expect(out.text).toBe('ok');
    expect(body()).toEqual({
      model: 'claude-fixture-4',
      max_tokens: 21024,
      stream: true,
      messages: [{ role: 'user', content: 'hello there' }],
      thinking: { type: 'enabled', budget_tokens: 20000 },
      top_p: 0.97,
    });
  });

  it('keeps a max_tokens already above the budget, and drops a top_p thinking does not allow', async () => {
    fx.setScenario({ kind: 'answer', text: 'ok' });
    await run(provider(), ask({ thinkingBudget: 2048, maxOutputTokens: 6000, topP: 0.5 }));
    expect(body().thinking).toEqual({ type: 'enabled', budget_tokens: 2048 });
    expect(body().max_tokens).toBe(6000);
    expect(body()).not.toHaveProperty('top_p');
  });

  it('sends no thinking with a budget when continuing a prefill', async () => {
    fx.setScenario({ kind: 'answer', text: 'rest' });
    await run(provider(), ask({ thinkingBudget: 4096, prefill: 'start', temperature: 0.2 }));
    expect(body()).not.toHaveProperty('thinking');
    expect(body().temperature).toBe(0.2);
  });

  it('does not ask for thinking when max_tokens leaves no room for the minimum budget', async () => {
    fx.setScenario({ kind: 'answer', text: 'ok' });
    await run(provider(), ask({ reasoning: true, maxOutputTokens: 1000 }));
    expect(body()).not.toHaveProperty('thinking');
    expect(body().max_tokens).toBe(1000);
  });
});

describe('continue (prefill)', () => {
  it('sends the partial answer as the final assistant message and yields only the continuation', async () => {
    fx.setScenario({ kind: 'answer', tokens: [' lazy', ' dog.'] });
    const out = await run(provider(), ask({ prefill: 'The quick brown fox jumps over the' }));
    expect(out.text).toBe(' lazy dog.');
    expect((body().messages as unknown[]).at(-1)).toEqual({ role: 'assistant', content: 'The quick brown fox jumps over the' });
  });

  it('cuts trailing whitespace the API rejects, and drops the same whitespace from the continuation', async () => {
    fx.setScenario({ kind: 'answer', tokens: ['\n', '\nSecond', ' paragraph.'] });
    const out = await run(provider(), ask({ prefill: 'First paragraph.\n\n' }));
    expect((body().messages as unknown[]).at(-1)).toEqual({ role: 'assistant', content: 'First paragraph.' });
    // 'First paragraph.\n\n' + out.text must read as the model meant it.
    expect(out.text).toBe('Second paragraph.');
  });

  it('keeps whitespace the model did not repeat', async () => {
    fx.setScenario({ kind: 'answer', tokens: ['word', ' two'] });
    const out = await run(provider(), ask({ prefill: 'one ' }));
    expect(out.text).toBe('word two');
  });

  it('turns thinking off, which cannot be combined with a prefill', async () => {
    fx.setScenario({ kind: 'answer', text: 'rest' });
    await run(provider(), ask({ reasoning: true, prefill: 'start' }));
    expect(body()).not.toHaveProperty('thinking');
  });
});

describe('stream', () => {
  it('ignores pings anywhere, unknown events and unknown delta types', async () => {
    fx.setScenario({
      kind: 'raw',
      chunks: [
        START,
        ev('ping'),
        ev('content_block_start', { index: 0, content_block: { type: 'text', text: '' } }),
        textDelta('Hello'),
        ev('ping'),
        ev('content_block_delta', { index: 0, delta: { type: 'citations_delta', citation: { url: 'x' } } }),
        ev('brand_new_event', { stuff: 1 }),
        textDelta(' there'),
        ev('content_block_stop', { index: 0 }),
        ev('message_delta', { delta: { stop_reason: 'end_turn' }, usage: { output_tokens: 2 } }),
        ev('message_stop'),
      ],
      gapMs: 2,
    });
    const out = await run(provider(), ask());
    expect(out.error).toBeUndefined();
    expect(out.text).toBe('Hello there');
  });

  it('overwrites cumulative usage from several message_delta events instead of adding, and counts cache reads as input', async () => {
    fx.setScenario({ kind: 'answer', text: 'one two three four', messageDeltas: 3, usage: { input: 10, cacheRead: 100, cacheCreation: 5 } });
    const out = await run(provider(), ask());
    const n = splitTokens('one two three four').length;
    expect(out.events.filter((e) => e.type === 'usage')).toEqual([
      { type: 'usage', usage: { promptTokens: 115, completionTokens: n, totalTokens: 115 + n } },
    ]);
  });

  it.each([
    ['max_tokens', 'length'],
    ['end_turn', 'stop'],
    ['stop_sequence', 'stop'],
    ['refusal', 'content_filter'],
    ['tool_use', 'tool_calls'],
    ['pause_turn', 'pause_turn'],
  ])('maps stop_reason %s to finishReason %s', async (stopReason, finishReason) => {
    fx.setScenario({ kind: 'answer', text: 'cut here', stopReason });
    expect((await run(provider(), ask())).events.at(-1)).toEqual({ type: 'done', finishReason });
  });

  it('reads a thinking block that already carries text in content_block_start', async () => {
    fx.setScenario({
      kind: 'raw',
      chunks: [
        START,
        ev('content_block_start', { index: 0, content_block: { type: 'thinking', thinking: 'Already ' } }),
        ev('content_block_delta', { index: 0, delta: { type: 'thinking_delta', thinking: 'thinking.' } }),
        ev('content_block_delta', { index: 0, delta: { type: 'signature_delta', signature: 'abc' } }),
        ev('content_block_stop', { index: 0 }),
        ev('content_block_start', { index: 1, content_block: { type: 'redacted_thinking', data: 'opaque' } }),
        ev('content_block_stop', { index: 1 }),
        ev('content_block_start', { index: 2, content_block: { type: 'text', text: 'Answer' } }),
        ev('content_block_stop', { index: 2 }),
        ev('message_delta', { delta: { stop_reason: 'end_turn' }, usage: { output_tokens: 3 } }),
        ev('message_stop'),
      ],
      gapMs: 2,
    });
    const out = await run(provider(), ask());
    expect(out.reasoning).toBe('Already thinking.');
    expect(out.text).toBe('Answer');
  });

  it('a clean end without message_stop is a lost connection', async () => {
    fx.setScenario({ kind: 'answer', text: 'almost done', omitMessageStop: true });
    const out = await run(provider(), ask());
    expect(out.text).toBe('almost done');
    const err = expectAppError(out.error);
    expect(err.code).toBe('network');
    expect(err.detail).toMatch(/message_stop/);
  });
});

describe('error events after HTTP 200', () => {
  it.each([
    [{ type: 'overloaded_error', message: 'Overloaded' }, 'provider', true],
    [{ type: 'rate_limit_error', message: 'Slow down' }, 'rate_limit', true],
    [{ type: 'api_error', message: 'Internal server error' }, 'provider', true],
    [{ type: 'timeout_error', message: 'Timed out' }, 'timeout', true],
    [{ type: 'invalid_request_error', message: 'prompt is too long: 210000 tokens > 200000 maximum' }, 'context_too_long', false],
  ])('%o before any text becomes %s', async (error, code, retryable) => {
    fx.setScenario({ kind: 'answer', text: 'never shown', interrupt: { afterTokens: 0, kind: 'error', error } });
    const out = await run(provider(), ask());
    expect(out.events).toEqual([]);
    const err = expectAppError(out.error);
    expect({ code: err.code, retryable: err.retryable, detail: err.detail }).toEqual({ code, retryable, detail: error.message });
  });

  it('after some thinking keeps the reasoning and throws', async () => {
    fx.setScenario({ kind: 'answer', thinking: 'a b c', text: 'x', forceThinking: true, interrupt: { afterTokens: 2, kind: 'error' } });
    const out = await run(provider(), ask());
    expect(out.reasoning).toBe('a b');
    expect(expectAppError(out.error).code).toBe('provider');
  });
});

describe('HTTP errors', () => {
  it('maps 401 to auth without the key, even when the server echoes it', async () => {
    const wrong = 'sk-ant-wrong-key-98765';
    const out = await run(provider(fx.url, wrong), ask());
    const err = expectAppError(out.error);
    expect(err.code).toBe('auth');
    expect(err.status).toBe(401);
    expectNoSecrets(err, [wrong]);
  });

  it.each([
    [429, { type: 'error', error: { type: 'rate_limit_error', message: 'Number of requests has exceeded your rate limit' } }, { 'retry-after': '12' }, 'rate_limit', 12000],
    [
      429,
      { type: 'error', error: { type: 'rate_limit_error', message: 'Spend limit reached', details: { error_code: 'enforced_spend_limit_reached' } } },
      {},
      'quota',
      undefined,
    ],
    [529, { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } }, {}, 'provider', undefined],
    [400, { type: 'error', error: { type: 'billing_error', message: 'Your credit balance is too low' } }, {}, 'quota', undefined],
    [403, { type: 'error', error: { type: 'permission_error', message: 'Not allowed' } }, {}, 'auth', undefined],
    [404, { type: 'error', error: { type: 'not_found_error', message: 'model: claude-nope' } }, {}, 'not_found', undefined],
    [400, { type: 'error', error: { type: 'invalid_request_error', message: 'prompt is too long: 250000 tokens > 200000 maximum' } }, {}, 'context_too_long', undefined],
  ])('maps %i %j', async (status, errorBody, headers, code, retryAfterMs) => {
    fx.setScenario({ kind: 'http-error', status, body: errorBody, headers });
    const err = expectAppError((await run(provider(), ask())).error);
    expect({ code: err.code, status: err.status, retryAfterMs: err.retryAfterMs }).toEqual({ code, status, retryAfterMs });
    expect(err.detail).toBe(errorBody.error.message);
  });

  it('a wrong path is not_found with the generic key (not "not OpenAI-compatible")', async () => {
    const err = expectAppError((await run(provider(`${fx.url}/wrong`), ask())).error);
    expect(err.code).toBe('not_found');
    expect(err.messageKey).toBe('errors.not_found');
  });
});

describe('listModels', () => {
  it('follows has_more/after_id pages and returns the ids sorted', async () => {
    const models = await provider().listModels(new AbortController().signal);
    expect(models).toEqual(['m-1', 'm-2', 'm-3', 'm-4', 'm-5']);
    expect(fx.requests.filter((r) => r.path.startsWith('/v1/models'))).toHaveLength(3);
    expect(fx.requests.at(-1)?.path).toContain('after_id=m-2');
    expect(fx.requests.at(-1)?.headers['x-api-key']).toBe(KEY);
  });

  it('maps a wrong key to auth', async () => {
    const err = await provider(fx.url, 'sk-ant-not-right-000').listModels(new AbortController().signal).catch((e: unknown) => e);
    expect(expectAppError(err).code).toBe('auth');
  });
});

/** Gemini specifics, against tests/fixtures/geminiServer.ts. The shared behaviour is in contract.test.ts. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { geminiFactory, geminiThinksByDefault } from '../../../src/main/core/providers/gemini';
import type { Provider, ProviderRequest } from '../../../src/main/core/providers/provider';
import { startGeminiFixture, type GeminiFixture } from '../../fixtures/geminiServer';
import { expectAppError, expectNoSecrets, run } from './providerTestKit';

const KEY = 'AIza-fixture-key-1234';
let fx: GeminiFixture;
beforeAll(async () => {
  fx = await startGeminiFixture({
    apiKey: KEY,
    models: [
      { name: 'gemini-fixture-flash', methods: ['generateContent', 'countTokens'] },
      { name: 'gemini-2.5-fixture-pro', methods: ['generateContent'] },
      { name: 'embedding-fixture', methods: ['embedContent'] },
      { name: 'aqa-fixture' },
    ],
    modelsPageLimit: 3,
  });
});
afterAll(() => fx.close());
afterEach(() => {
  fx.setScenario(null);
  fx.clearRequests();
});

const provider = (apiKey: string | null = KEY, baseUrl = fx.url): Provider => geminiFactory.create({ baseUrl, apiKey }, { fetch });
const ask = (extra: Partial<ProviderRequest> = {}): ProviderRequest => ({
  model: 'gemini-fixture-flash',
  messages: [{ role: 'user', content: 'hello there' }],
  ...extra,
});
const body = (): Record<string, unknown> => fx.requests.at(-1)?.body as Record<string, unknown>;
const frame = (payload: unknown): string => `data: ${JSON.stringify(payload)}\r\n\r\n`;
const candidate = (parts: unknown[], finishReason?: string): Record<string, unknown> => ({
  candidates: [{ content: { parts, role: 'model' }, index: 0, ...(finishReason ? { finishReason } : {}) }],
});

describe('request', () => {
  it('posts to models/{model}:streamGenerateContent?alt=sse with x-goog-api-key and Gemini’s body', async () => {
    fx.setScenario({ kind: 'answer', text: 'ok' });
    const out = await run(
      provider(),
      ask({
        model: 'models/gemini-fixture-flash',
        system: 'Be brief.',
        messages: [
          { role: 'user', content: 'first' },
          { role: 'assistant', content: 'reply' },
          { role: 'system', content: 'Answer in English.' },
          { role: 'user', content: 'second' },
        ],
        temperature: 1.5,
        topP: 0.9,
        topK: 32,
        maxOutputTokens: 500,
      }),
    );
    expect(out.error).toBeUndefined();
    const req = fx.requests.at(-1);
    expect(req?.path).toBe('/v1beta/models/gemini-fixture-flash:streamGenerateContent?alt=sse');
    expect(req?.headers['x-goog-api-key']).toBe(KEY);
    expect(req?.path).not.toContain(KEY);
    expect(body()).toEqual({
      contents: [
        { role: 'user', parts: [{ text: 'first' }] },
        { role: 'model', parts: [{ text: 'reply' }] },
        { role: 'user', parts: [{ text: 'second' }] },
      ],
      systemInstruction: { parts: [{ text: 'Be brief.\n\nAnswer in English.' }] },
      generationConfig: { temperature: 1.5, topP: 0.9, topK: 32, maxOutputTokens: 500 },
    });
  });

  it('asks thinking models for their thoughts by default, and others only when told', async () => {
    expect(geminiThinksByDefault('gemini-2.5-flash')).toBe(true);
    expect(geminiThinksByDefault('gemini-3-pro-preview')).toBe(true);
    expect(geminiThinksByDefault('gemini-2.0-flash')).toBe(false);

    fx.setScenario({ kind: 'answer', text: 'ok', thoughts: 'deep' });
    const pro = await run(provider(), ask({ model: 'gemini-2.5-fixture-pro' }));
    expect(body().generationConfig).toEqual({ thinkingConfig: { includeThoughts: true } });
    expect(pro.reasoning).toBe('deep');

    const flash = await run(provider(), ask());
    expect(body()).not.toHaveProperty('generationConfig');
    expect(flash.reasoning).toBe('');

    await run(provider(), ask({ model: 'gemini-2.5-fixture-pro', reasoning: false }));
    expect(body()).not.toHaveProperty('generationConfig');
  });

  it('refuses a prefill: Continue must be an explicit request', async () => {
    const err = expectAppError((await run(provider(), ask({ prefill: 'partial' }))).error);
    expect(err.code).toBe('bad_request');
    expect(fx.requests).toHaveLength(0);
  });
});

describe('no end marker', () => {
  it('a stream that simply ends after a finishReason is a complete answer', async () => {
    fx.setScenario({ kind: 'answer', text: 'complete and over' });
    const out = await run(provider(), ask());
    expect(out.error).toBeUndefined();
    expect(out.events.at(-1)).toEqual({ type: 'done', finishReason: 'stop' });
  });

  it('a stream that ends without any finishReason is a lost connection, after the partial text', async () => {
    fx.setScenario({ kind: 'answer', text: 'cut before the', omitFinishReason: true });
    const out = await run(provider(), ask());
    expect(out.text).toBe('cut before the');
    const err = expectAppError(out.error);
    expect(err.code).toBe('network');
    expect(err.retryable).toBe(true);
    expect(err.detail).toMatch(/finishReason/);
  });

  it('an empty 200 body is a lost connection too', async () => {
    fx.setScenario({ kind: 'raw', chunks: [] });
    expect(expectAppError((await run(provider(), ask())).error).code).toBe('network');
  });
});

describe('frames', () => {
  it('reads every part of a frame, thoughts first, with LF or CRLF framing', async () => {
    fx.setScenario({ kind: 'answer', thoughts: 'one two three', text: 'four five six', partsPerFrame: 2, lineEnding: '\n' });
    const out = await run(provider(), ask({ reasoning: true }));
    expect(out.reasoning).toBe('one two three');
    expect(out.text).toBe('four five six');
  });

  it('keeps the last usageMetadata whether it comes on every frame or only the last', async () => {
    for (const usageOn of ['every-frame', 'last-frame'] as const) {
      fx.setScenario({ kind: 'answer', thoughts: 'a b', text: 'c d e', usageOn });
      const out = await run(provider(), ask({ reasoning: true }));
      // completion = candidates + thoughts tokens; the total is the server's.
      expect(out.events.filter((e) => e.type === 'usage')).toEqual([{ type: 'usage', usage: { promptTokens: 2, completionTokens: 5, totalTokens: 7 } }]);
    }
  });

  it.each([
    ['MAX_TOKENS', 'length'],
    ['STOP', 'stop'],
    ['SAFETY', 'content_filter'],
    ['RECITATION', 'content_filter'],
    ['MALFORMED_FUNCTION_CALL', 'malformed_function_call'],
  ])('maps finishReason %s to %s', async (finishReason, expected) => {
    fx.setScenario({ kind: 'answer', text: 'some text', finishReason });
    expect((await run(provider(), ask())).events.at(-1)).toEqual({ type: 'done', finishReason: expected });
  });

  it('a safety stop before any text is a content_filter error, not an empty answer', async () => {
    fx.setScenario({ kind: 'raw', chunks: [frame(candidate([], 'SAFETY'))] });
    const err = expectAppError((await run(provider(), ask())).error);
    expect(err.code).toBe('content_filter');
  });

  it('a blocked prompt is a content_filter error naming the reason', async () => {
    fx.setScenario({ kind: 'answer', text: 'x', blockPrompt: 'PROHIBITED_CONTENT' });
    const err = expectAppError((await run(provider(), ask())).error);
    expect(err.code).toBe('content_filter');
    expect(err.retryable).toBe(false);
    expect(err.detail).toContain('PROHIBITED_CONTENT');
  });

  it('ignores unknown fields and parts without text (function calls, signatures)', async () => {
    fx.setScenario({
      kind: 'raw',
      chunks: [
        frame({ ...candidate([{ text: 'Hi', thoughtSignature: 'c2ln' }, { functionCall: { name: 'f', args: {} } }]), brandNew: { x: 1 } }),
        frame(candidate([{ text: '!' }], 'STOP')),
      ],
    });
    const out = await run(provider(), ask());
    expect(out.error).toBeUndefined();
    expect(out.text).toBe('Hi!');
  });
});

describe('errors', () => {
  it('a wrong key (400 API_KEY_INVALID) is auth, without the key', async () => {
    const wrong = 'AIza-wrong-key-98765';
    const err = expectAppError((await run(provider(wrong), ask())).error);
    expect(err.code).toBe('auth');
    expect(err.status).toBe(400);
    expect(err.detail).toMatch(/API key not valid/);
    expectNoSecrets(err, [wrong]);
  });

  it('a missing key (403 PERMISSION_DENIED) is auth', async () => {
    expect(expectAppError((await run(provider(null), ask())).error).code).toBe('auth');
  });

  it('429 RESOURCE_EXHAUSTED is rate_limit with the RetryInfo delay', async () => {
    fx.setScenario({
      kind: 'http-error',
      status: 429,
      body: {
        error: {
          code: 429,
          message: 'You exceeded your current quota.',
          status: 'RESOURCE_EXHAUSTED',
          details: [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '37s' }],
        },
      },
    });
    const err = expectAppError((await run(provider(), ask())).error);
    expect({ code: err.code, retryAfterMs: err.retryAfterMs }).toEqual({ code: 'rate_limit', retryAfterMs: 37000 });
  });

  it('reads the error array form `[{"error": …}]`', async () => {
    fx.setScenario({ kind: 'http-error', status: 400, body: [{ error: { code: 400, message: 'Request contains an invalid argument.', status: 'INVALID_ARGUMENT' } }] });
    const err = expectAppError((await run(provider(), ask())).error);
    expect(err.code).toBe('bad_request');
    expect(err.detail).toBe('Request contains an invalid argument.');
  });

  it('an unknown model is not_found with Google’s message', async () => {
    const err = expectAppError((await run(provider(), ask({ model: 'gemini-nope' }))).error);
    expect(err.code).toBe('not_found');
    expect(err.detail).toMatch(/gemini-nope is not found/);
  });

  it('a wrong base URL (an HTML 404) is not_found with the generic key', async () => {
    const err = expectAppError((await run(provider(KEY, fx.url.replace(/\/v1beta$/, '/v1nope')), ask())).error);
    expect(err.code).toBe('not_found');
    expect(err.messageKey).toBe('errors.not_found');
  });

  it.each([false, true])('an error object mid-stream (bare JSON: %s) keeps the text before it', async (bare) => {
    fx.setScenario({
      kind: 'answer',
      tokens: ['a', 'b', 'c'],
      interrupt: { afterTokens: 2, kind: 'error', bare, error: { code: 503, message: 'The model is overloaded.', status: 'UNAVAILABLE' } },
    });
    const out = await run(provider(), ask());
    expect(out.text).toBe('ab');
    const err = expectAppError(out.error);
    expect(err.code).toBe('provider');
    expect(err.detail).toBe('The model is overloaded.');
  });
});

describe('listModels', () => {
  it('follows nextPageToken, keeps generateContent models and strips `models/`', async () => {
    const models = await provider().listModels(new AbortController().signal);
    expect(models).toEqual(['aqa-fixture', 'gemini-2.5-fixture-pro', 'gemini-fixture-flash']);
    expect(fx.requests.filter((r) => r.path.startsWith('/v1beta/models?'))).toHaveLength(2);
  });

  it('maps a wrong key to auth', async () => {
    const err = await provider('AIza-nope-0000').listModels(new AbortController().signal).catch((e: unknown) => e);
    expect(expectAppError(err).code).toBe('auth');
  });
});

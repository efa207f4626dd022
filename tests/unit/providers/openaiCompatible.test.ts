/**
 * The OpenAI-compatible provider against a real HTTP server over TCP: plain answers, the request
 * it sends, chunk boundaries on the wire, reasoning and HTTP errors (openaiCompatibleKit.ts).
 */
import { describe, expect, it } from 'vitest';
import { openAICompatibleFactory } from '../../../src/main/core/providers/openaiCompatible';
import { splitTokens, startOpenAIFixture } from '../../fixtures/openaiServer';
import { DONE, KEY, ask, enc, expectAppError, frame, recordingFetch, run, useOpenAIFixture } from './openaiCompatibleKit';

const kit = useOpenAIFixture();

describe('streaming a plain answer', () => {
  it('yields the text token by token, then usage, then done', async () => {
    const text = 'Hello brave new world, streamed.';
    kit.fx.setScenario({ kind: 'answer', text });
    const out = await run(kit.provider());

    expect(out.error).toBeUndefined();
    expect(out.text).toBe(text);
    const textEvents = out.events.filter((e) => e.type === 'text');
    expect(textEvents.length).toBe(splitTokens(text).length);
    expect(out.events.at(-2)).toEqual({
      type: 'usage',
      usage: { promptTokens: 2, completionTokens: splitTokens(text).length, totalTokens: 2 + splitTokens(text).length },
    });
    expect(out.events.at(-1)).toEqual({ type: 'done', finishReason: 'stop' });
  });

  it('sends the request OpenAI expects, with a trailing slash stripped from the base URL', async () => {
    kit.fx.setScenario({ kind: 'answer', text: 'ok' });
    const p = kit.provider({ baseUrl: `${kit.fx.url}/` });
    for await (const _ of p.stream({ ...ask, temperature: 0.3, maxOutputTokens: 99 }, new AbortController().signal)) {
      // drain
    }
    const req = kit.fx.requests.at(-1);
    expect(req?.method).toBe('POST');
    expect(req?.path).toBe('/v1/chat/completions');
    expect(req?.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(req?.headers['content-type']).toContain('application/json');
    expect(req?.body).toEqual({
      model: 'fixture-chat',
      messages: ask.messages,
      stream: true,
      stream_options: { include_usage: true },
      temperature: 0.3,
      max_tokens: 99,
    });
  });

  it('sends the reasoning effort the user chose', async () => {
    kit.fx.setScenario({ kind: 'answer', text: 'ok' });
    for await (const _ of kit.provider().stream({ ...ask, reasoningEffort: 'high' }, new AbortController().signal)) {
      // drain
    }
    expect(kit.fx.requests.at(-1)?.body).toEqual({
      model: 'fixture-chat',
      messages: ask.messages,
      stream: true,
      stream_options: { include_usage: true },
      reasoning_effort: 'high',
    });
  });

  it('sends no reasoning_effort unless one is chosen', async () => {
    kit.fx.setScenario({ kind: 'answer', text: 'ok' });
    for await (const _ of kit.provider().stream(ask, new AbortController().signal)) {
      // drain
    }
    expect(kit.fx.requests.at(-1)?.body).not.toHaveProperty('reasoning_effort');
  });

  it('sends no Authorization header when the connection has no key', async () => {
    const open = await startOpenAIFixture();
    try {
      const p = openAICompatibleFactory.create({ baseUrl: open.url, apiKey: null }, { fetch });
      const out = await run(p);
      expect(out.text).toBe('You said: hello there');
      expect(open.requests[0]?.headers.authorization).toBeUndefined();
      expect(open.requests[0]?.body).not.toHaveProperty('temperature');
      expect(open.requests[0]?.body).not.toHaveProperty('max_tokens');
    } finally {
      await open.close();
    }
  });

  it('takes the last non-null finish_reason and ignores unknown fields and empty choices', async () => {
    kit.fx.setScenario({
      kind: 'raw',
      chunks: [
        frame({ role: 'assistant', content: '' }),
        frame({ content: 'cut', refusal: null, brand_new_field: { x: 1 } }),
        frame({}, 'length'),
        'data: {"id":"x","object":"chat.completion.chunk","choices":[],"obfuscation":"abc"}\n\n',
        frame({}, null),
        DONE,
      ],
      gapMs: 1,
    });
    const out = await run(kit.provider());
    expect(out.error).toBeUndefined();
    expect(out.text).toBe('cut');
    expect(out.events.filter((e) => e.type === 'usage')).toEqual([]);
    expect(out.events.at(-1)).toEqual({ type: 'done', finishReason: 'length' });
  });

  it('stops at [DONE] even if the server keeps the connection open and sends more', async () => {
    kit.fx.setScenario({
      kind: 'raw',
      chunks: [frame({ content: 'before' }), frame({}, 'stop'), DONE, frame({ content: ' after' })],
      gapMs: 5,
      after: 'hang',
    });
    const out = await run(kit.provider());
    expect(out.error).toBeUndefined();
    expect(out.text).toBe('before');
    expect(out.events.at(-1)).toEqual({ type: 'done', finishReason: 'stop' });
  }, 5_000);
});

describe('chunk boundaries', () => {
  it('decodes a UTF-8 character split across two network reads', async () => {
    const bytes = enc.encode(frame({ content: '你好 🌊!' }));
    const cut1 = bytes.indexOf(0xe4) + 1; // inside 你 (E4 BD A0)
    const cut2 = bytes.indexOf(0xf0) + 2; // inside 🌊 (F0 9F 8C 8A)
    kit.fx.setScenario({
      kind: 'raw',
      chunks: [bytes.slice(0, cut1), bytes.slice(cut1, cut2), bytes.slice(cut2), DONE],
    });
    const received: Uint8Array[] = [];
    const out = await run(kit.provider({ fetch: recordingFetch(received) }));

    // The split really happened on the wire: decoded alone, a chunk shows a broken character.
    expect(received.some((c) => new TextDecoder().decode(c).includes('\uFFFD'))).toBe(true);
    expect(out.error).toBeUndefined();
    expect(out.text).toBe('你好 🌊!');
  });

  it('joins a JSON line split across reads', async () => {
    const line = frame({ content: 'split JSON works' });
    const cut = line.indexOf('"content"') + 4;
    kit.fx.setScenario({ kind: 'raw', chunks: [line.slice(0, cut), line.slice(cut, -1), line.slice(-1), DONE] });
    const received: Uint8Array[] = [];
    const out = await run(kit.provider({ fetch: recordingFetch(received) }));

    const texts = received.map((c) => new TextDecoder().decode(c));
    expect(texts.some((t) => t.startsWith('data: {') && !t.includes('\n'))).toBe(true);
    expect(out.error).toBeUndefined();
    expect(out.text).toBe('split JSON works');
  });

  it('handles CRLF line ends, including a CR and LF that arrive in different reads', async () => {
    const a = frame({ content: 'one ' }, null, '\r\n');
    const b = frame({ content: 'two' }, null, '\r\n');
    kit.fx.setScenario({
      kind: 'raw',
      chunks: [a.slice(0, -3), a.slice(-3, -1), a.slice(-1) + b.slice(0, -1), b.slice(-1), 'data: [DONE]\r\n\r\n'],
    });
    const out = await run(kit.provider());
    expect(out.error).toBeUndefined();
    expect(out.text).toBe('one two');
    expect(out.events.filter((e) => e.type === 'text')).toHaveLength(2);
    expect(out.events.at(-1)?.type).toBe('done');
  });

  it('handles a whole answer with CRLF line ends', async () => {
    kit.fx.setScenario({ kind: 'answer', text: 'carriage returns everywhere', lineEnding: '\r\n' });
    const out = await run(kit.provider());
    expect(out.text).toBe('carriage returns everywhere');
    expect(out.events.at(-1)).toEqual({ type: 'done', finishReason: 'stop' });
  });

  it('ignores `: keep-alive` comments before and between chunks', async () => {
    kit.fx.setScenario({ kind: 'answer', text: 'kept alive all along', keepAlive: { before: 3, every: 1 } });
    const received: Uint8Array[] = [];
    const out = await run(kit.provider({ fetch: recordingFetch(received) }));
    const wire = received.map((c) => new TextDecoder().decode(c)).join('');
    expect(wire.split(': keep-alive').length - 1).toBeGreaterThanOrEqual(6);
    expect(out.error).toBeUndefined();
    expect(out.text).toBe('kept alive all along');
  });
});

describe('reasoning', () => {
  it.each(['reasoning_content', 'reasoning'] as const)('reads delta.%s as reasoning, before the text', async (field) => {
    kit.fx.setScenario({ kind: 'answer', reasoning: 'Think first, then speak.', reasoningField: field, text: 'Spoken.' });
    const out = await run(kit.provider());
    expect(out.error).toBeUndefined();
    expect(out.reasoning).toBe('Think first, then speak.');
    expect(out.text).toBe('Spoken.');
    const firstText = out.events.findIndex((e) => e.type === 'text');
    const lastReasoning = out.events.map((e) => e.type).lastIndexOf('reasoning');
    expect(lastReasoning).toBeLessThan(firstText);
  });

  it('does not double reasoning sent under both field names', async () => {
    kit.fx.setScenario({ kind: 'raw', chunks: [frame({ reasoning_content: 'once', reasoning: 'once' }), frame({}, 'stop'), DONE], gapMs: 1 });
    const out = await run(kit.provider());
    expect(out.reasoning).toBe('once');
  });
});

describe('HTTP errors', () => {
  it('maps 401 to auth and keeps the key out of the error, even when the server echoes it', async () => {
    const wrongKey = 'sk-wrong-secret-key-98765';
    // The fixture echoes the offered key, like the worst real servers do.
    const raw = await fetch(`${kit.fx.url}/models`, { headers: { authorization: `Bearer ${wrongKey}` } });
    expect(await raw.text()).toContain(wrongKey);

    const out = await run(kit.provider({ apiKey: wrongKey }));
    const err = expectAppError(out.error);
    expect(err.code).toBe('auth');
    expect(err.status).toBe(401);
    expect(err.retryable).toBe(false);
    expect(err.detail).toContain('Incorrect API key provided');
    expect(JSON.stringify(err)).not.toContain(wrongKey);
    expect(err.message).not.toContain(wrongKey);
    expect(String(err.detail)).not.toContain(wrongKey);
  });

  it('maps 429 to rate_limit with retry-after in seconds', async () => {
    kit.fx.setScenario({ kind: 'http-error', status: 429, headers: { 'retry-after': '7' } });
    const err = expectAppError((await run(kit.provider())).error);
    expect(err.code).toBe('rate_limit');
    expect(err.retryable).toBe(true);
    expect(err.retryAfterMs).toBe(7000);
  });

  it('maps 429 with retry-after as an HTTP date', async () => {
    const at = new Date(Date.now() + 30_000).toUTCString();
    kit.fx.setScenario({ kind: 'http-error', status: 429, headers: { 'retry-after': at } });
    const err = expectAppError((await run(kit.provider())).error);
    expect(err.code).toBe('rate_limit');
    expect(err.retryAfterMs).toBeGreaterThan(25_000);
    expect(err.retryAfterMs).toBeLessThanOrEqual(30_000);
  });

  it.each([
    { status: 402, body: undefined, code: 'quota', key: 'errors.quota', retryable: false },
    { status: 403, body: undefined, code: 'auth', key: 'errors.auth', retryable: false },
    {
      status: 429,
      body: { error: { message: 'You exceeded your current quota', type: 'insufficient_quota', code: 'insufficient_quota' } },
      code: 'quota',
      key: 'errors.quota',
      retryable: false,
    },
    {
      status: 404,
      body: { error: { message: 'The model `nope` does not exist', type: 'invalid_request_error', code: 'model_not_found' } },
      code: 'not_found',
      key: 'errors.not_found',
      retryable: false,
    },
    {
      status: 400,
      body: { error: { message: "This model's maximum context length is 8192 tokens.", type: 'invalid_request_error', code: 'context_length_exceeded' } },
      code: 'context_too_long',
      key: 'errors.context_too_long',
      retryable: false,
    },
    {
      status: 400,
      body: { error: { message: 'Please reduce the length of the messages: too many tokens.', type: 'invalid_request_error', code: null } },
      code: 'context_too_long',
      key: 'errors.context_too_long',
      retryable: false,
    },
    { status: 400, body: undefined, code: 'bad_request', key: 'errors.bad_request', retryable: false },
    { status: 500, body: undefined, code: 'provider', key: 'errors.provider', retryable: true },
    { status: 503, body: 'upstream unavailable', code: 'provider', key: 'errors.provider', retryable: true },
  ])('maps $status ($code)', async ({ status, body, code, key, retryable }) => {
    kit.fx.setScenario({ kind: 'http-error', status, body });
    const err = expectAppError((await run(kit.provider())).error);
    expect({ code: err.code, key: err.messageKey, retryable: err.retryable, status: err.status }).toEqual({ code, key, retryable, status });
    expect(err.detail).toBeTruthy();
  });

  it('puts the server message into detail, truncated', async () => {
    kit.fx.setScenario({ kind: 'http-error', status: 500, body: { error: { message: 'x'.repeat(5000) } } });
    const err = expectAppError((await run(kit.provider())).error);
    expect(err.detail?.startsWith('xxxx')).toBe(true);
    expect(err.detail?.length).toBeLessThanOrEqual(501);
  });

  it('says "not OpenAI-compatible" when the path is wrong (base URL without /v1)', async () => {
    const out = await run(kit.provider({ baseUrl: kit.fx.url.replace(/\/v1$/, '') }));
    const err = expectAppError(out.error);
    expect(err.code).toBe('not_found');
    expect(err.messageKey).toBe('errors.notOpenAICompatible');
  });

  it('rejects a 200 that is not an event stream as not OpenAI-compatible', async () => {
    kit.fx.setScenario({ kind: 'raw', chunks: ['<html><body>Welcome to my router</body></html>'], headers: { 'content-type': 'text/html' } });
    const err = expectAppError((await run(kit.provider())).error);
    expect(err.code).toBe('provider');
    expect(err.messageKey).toBe('errors.notOpenAICompatible');
  });

  it('accepts a server that ignored stream:true and answered with one JSON completion', async () => {
    const completion = {
      id: 'chatcmpl-1',
      object: 'chat.completion',
      choices: [{ index: 0, message: { role: 'assistant', content: 'whole answer' }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 },
    };
    kit.fx.setScenario({ kind: 'raw', chunks: [JSON.stringify(completion)], headers: { 'content-type': 'application/json' } });
    const out = await run(kit.provider());
    expect(out.events).toEqual([
      { type: 'text', text: 'whole answer' },
      { type: 'usage', usage: { promptTokens: 3, completionTokens: 2, totalTokens: 5 } },
      { type: 'done', finishReason: 'stop' },
    ]);
  });
});

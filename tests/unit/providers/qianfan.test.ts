/**
 * Baidu Qianfan v1 specifics, against tests/fixtures/qianfanServer.ts (which issues tokens with
 * an expiry and expires or revokes them on demand). The shared behaviour is in contract.test.ts.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { QIANFAN_MODELS } from '../../../src/shared/providerCatalog';
import type { ProviderConnection, ProviderRequest } from '../../../src/main/core/providers/provider';
import {
  qianfanFactory,
  QianfanProvider,
  QianfanTokenCache,
  sharedQianfanTokens,
  TOKEN_REFRESH_MARGIN_MS,
} from '../../../src/main/core/providers/qianfan';
import type { ErrorCode } from '../../../src/shared/errors';
import { startQianfanFixture, type QianfanFixture } from '../../fixtures/qianfanServer';
import { expectAppError, expectNoSecrets, run } from './providerTestKit';

const AK = 'qianfan-fixture-ak-0123456789';
const SK = 'qianfan-fixture-sk-abcdefghij';
const LIFETIME_S = 2592000;
let fx: QianfanFixture;
let tokens: QianfanTokenCache;
let clock: number;

beforeAll(async () => {
  fx = await startQianfanFixture({ apiKey: AK, secretKey: SK, tokenLifetimeSeconds: LIFETIME_S });
});
afterAll(() => fx.close());
beforeEach(() => {
  tokens = new QianfanTokenCache();
  clock = Date.UTC(2025, 0, 1);
});
afterEach(() => {
  fx.setScenario(null);
  fx.clearRequests();
});

const provider = (connection: Partial<ProviderConnection> = {}): QianfanProvider =>
  new QianfanProvider({ baseUrl: fx.url, apiKey: AK, apiSecret: SK, ...connection }, { fetch, now: () => clock }, tokens);
const ask = (extra: Partial<ProviderRequest> = {}): ProviderRequest => ({
  model: 'ERNIE-3.5-8K',
  messages: [{ role: 'user', content: 'hello there' }],
  ...extra,
});
const chatRequests = (): typeof fx.requests => fx.requests.filter((r) => r.path.includes('/wenxinworkshop/chat/'));

describe('access token', () => {
  it('is fetched once with client_credentials and reused across provider instances and turns', async () => {
    fx.setScenario({ kind: 'answer', text: 'ok' });
    expect((await run(provider(), ask())).text).toBe('ok');
    expect((await run(provider(), ask())).text).toBe('ok');
    expect(fx.tokenRequests()).toBe(1);
    const tokenUrl = new URL(fx.requests[0]?.path ?? '', 'http://x');
    expect(tokenUrl.pathname).toBe('/oauth/2.0/token');
    expect(Object.fromEntries(tokenUrl.searchParams)).toEqual({ grant_type: 'client_credentials', client_id: AK, client_secret: SK });
    expect(fx.requests[0]?.method).toBe('POST');
    for (const r of chatRequests()) expect(new URL(r.path, 'http://x').searchParams.get('access_token')).toBe(fx.issuedTokens.at(-1));
  });

  it('the factory’s providers share one cache, keyed by base URL and keys', async () => {
    sharedQianfanTokens.clear();
    fx.setScenario({ kind: 'answer', text: 'ok' });
    const make = (): ReturnType<typeof qianfanFactory.create> => qianfanFactory.create({ baseUrl: fx.url, apiKey: AK, apiSecret: SK }, { fetch });
    await run(make(), ask());
    await run(make(), ask());
    expect(fx.tokenRequests()).toBe(1);
    sharedQianfanTokens.clear();
  });

  it('is fetched once for answers that start at the same time', async () => {
    fx.setScenario({ kind: 'answer', text: 'ok' });
    const outs = await Promise.all([run(provider(), ask()), run(provider(), ask()), run(provider(), ask())]);
    expect(outs.map((o) => o.text)).toEqual(['ok', 'ok', 'ok']);
    expect(fx.tokenRequests()).toBe(1);
  });

  it('is kept until shortly before it expires, then fetched anew', async () => {
    fx.setScenario({ kind: 'answer', text: 'ok' });
    await run(provider(), ask());
    clock += LIFETIME_S * 1000 - TOKEN_REFRESH_MARGIN_MS - 1000; // still inside
    await run(provider(), ask());
    expect(fx.tokenRequests()).toBe(1);
    clock += 2000; // within the margin before expiry
    await run(provider(), ask());
    expect(fx.tokenRequests()).toBe(2);
    expect(new URL(chatRequests().at(-1)?.path ?? '', 'http://x').searchParams.get('access_token')).toBe(fx.issuedTokens.at(-1));
  });

  it.each([
    ['expired (111)', (): void => fx.expireTokens()],
    ['revoked (110)', (): void => fx.revokeTokens()],
  ])('when the server says the cached token is %s: one refresh, one retry, and the answer streams', async (_what, invalidate) => {
    fx.setScenario({ kind: 'answer', text: 'first' });
    await run(provider(), ask());
    invalidate();
    fx.setScenario({ kind: 'answer', text: 'after refresh' });
    const out = await run(provider(), ask());
    expect(out.error).toBeUndefined();
    expect(out.text).toBe('after refresh');
    expect(fx.tokenRequests()).toBe(2);
    expect(chatRequests()).toHaveLength(3);
  });

  it('retries only once: a second token error is auth', async () => {
    fx.setScenario({ kind: 'api-error', errorCode: 111, errorMsg: 'Access token expired' });
    const out = await run(provider(), ask());
    const err = expectAppError(out.error);
    expect(err.code).toBe('auth');
    expect(err.detail).toContain('111');
    expect(fx.tokenRequests()).toBe(2);
    expect(chatRequests()).toHaveLength(2);
  });

  it('does not retry once text has been shown (a token error mid-answer is auth)', async () => {
    fx.setScenario({ kind: 'answer', tokens: ['a', 'b', 'c'], interrupt: { afterTokens: 2, kind: 'error', errorCode: 110, errorMsg: 'Access token invalid' } });
    const out = await run(provider(), ask());
    expect(out.text).toBe('ab');
    expect(expectAppError(out.error).code).toBe('auth');
    expect(chatRequests()).toHaveLength(1);
  });

  it.each([
    ['an unknown API Key', { apiKey: 'qianfan-wrong-ak-000000' }, /API Key is not known/],
    ['a wrong Secret Key', { apiSecret: 'qianfan-wrong-sk-000000' }, /Secret Key does not match/],
  ])('refuses %s as auth, saying which key, and leaks neither', async (_what, wrong, says) => {
    const out = await run(provider(wrong), ask());
    const err = expectAppError(out.error);
    expect(err.code).toBe('auth');
    expect(err.retryable).toBe(false);
    expect(err.detail).toMatch(says);
    expectNoSecrets(err, [AK, SK, ...Object.values(wrong)]);
    expect(chatRequests()).toHaveLength(0);
  });

  it('needs both keys', async () => {
    expect(expectAppError((await run(provider({ apiSecret: null }), ask())).error).code).toBe('auth');
    expect(fx.requests).toHaveLength(0);
  });
});

describe('request', () => {
  it('posts to the model’s endpoint with alternating turns, a top-level system and v1’s parameter names', async () => {
    fx.setScenario({ kind: 'answer', text: 'ok' });
    const out = await run(
      provider(),
      ask({
        model: 'ERNIE-4.0-8K',
        system: '你是一个助手。',
        messages: [
          { role: 'assistant', content: 'greeting before any question' },
          { role: 'user', content: '第一个问题' },
          { role: 'user', content: '补充' },
          { role: 'assistant', content: '回答' },
          { role: 'user', content: '第二个问题' },
        ],
        temperature: 0.7,
        topP: 0.8,
        maxOutputTokens: 1024,
        topK: 3,
      }),
    );
    expect(out.error).toBeUndefined();
    const req = chatRequests().at(-1);
    expect(new URL(req?.path ?? '', 'http://x').pathname).toBe('/rpc/2.0/ai_custom/v1/wenxinworkshop/chat/completions_pro');
    expect(req?.body).toEqual({
      messages: [
        { role: 'user', content: '第一个问题\n\n补充' },
        { role: 'assistant', content: '回答' },
        { role: 'user', content: '第二个问题' },
      ],
      stream: true,
      system: '你是一个助手。',
      temperature: 0.7,
      top_p: 0.8,
      max_output_tokens: 1024,
    });
  });

  it.each([
    ['ERNIE-Bot-turbo', 'eb-instant'],
    ['ernie-3.5-8k', 'completions'],
    ['ERNIE-3.5-8K-0701', 'ernie-3.5-8k-0701'],
    ['ERNIE-Speed-128K', 'ernie-speed-128k'],
  ])('%s goes to /chat/%s', async (model, endpoint) => {
    fx.setScenario({ kind: 'answer', text: 'ok' });
    expect((await run(provider(), ask({ model }))).error).toBeUndefined();
    expect(new URL(chatRequests().at(-1)?.path ?? '', 'http://x').pathname.endsWith(`/chat/${endpoint}`)).toBe(true);
  });

  it('an endpoint the server does not have is an error from the server, not a crash', async () => {
    const err = expectAppError((await run(provider(), ask({ model: 'my-custom-endpoint' }))).error);
    expect(err.code).toBe('bad_request');
    expect(err.detail).toContain('Unsupported openapi method');
  });

  it('refuses a request whose last turn is not the user’s, and a prefill', async () => {
    const endsWithAnswer = ask({ messages: [{ role: 'user', content: 'q' }, { role: 'assistant', content: 'a' }] });
    expect(expectAppError((await run(provider(), endsWithAnswer)).error).code).toBe('bad_request');
    expect(expectAppError((await run(provider(), ask({ prefill: 'partial' }))).error).code).toBe('bad_request');
    expect(fx.requests).toHaveLength(0);
  });
});

describe('stream', () => {
  it('ends at is_end with the last cumulative usage', async () => {
    fx.setScenario({ kind: 'answer', text: '一 二 三 四' });
    const out = await run(provider(), ask());
    expect(out.text).toBe('一 二 三 四');
    expect(out.events.filter((e) => e.type === 'usage')).toEqual([{ type: 'usage', usage: { promptTokens: 2, completionTokens: 4, totalTokens: 6 } }]);
    expect(out.events.at(-1)).toEqual({ type: 'done', finishReason: 'stop' });
  });

  it.each([
    ['length', {}, 'length'],
    ['content_filter', {}, 'content_filter'],
    ['normal', { needClearHistory: true }, 'content_filter'],
  ])('finish_reason %s %o → %s', async (finishReason, extra, expected) => {
    fx.setScenario({ kind: 'answer', text: 'cut', finishReason, ...extra });
    expect((await run(provider(), ask())).events.at(-1)).toEqual({ type: 'done', finishReason: expected });
  });

  it('a clean end without is_end is a lost connection', async () => {
    fx.setScenario({ kind: 'answer', text: 'a b c', omitEnd: true });
    const out = await run(provider(), ask());
    expect(out.text).toBe('a b');
    const err = expectAppError(out.error);
    expect(err.code).toBe('network');
    expect(err.detail).toMatch(/is_end/);
  });
});

describe('error codes', () => {
  // Written out here rather than read from QIANFAN_ERROR_CODES, so a wrong entry there fails.
  const EXPECTED: [number, string, ErrorCode, boolean][] = [
    [2, 'Service temporarily unavailable', 'provider', true],
    [4, 'Open api request limit reached', 'rate_limit', true],
    [6, 'No permission to access data', 'auth', false],
    [13, 'Get service token failed', 'auth', false],
    [14, 'IAM Certification failed', 'auth', false],
    [17, 'Open api daily request limit reached', 'quota', false],
    [18, 'Open api qps request limit reached', 'rate_limit', true],
    [19, 'Open api total request limit reached', 'quota', false],
    [100, 'Invalid parameter', 'bad_request', false],
    [336000, 'Internal error', 'provider', true],
    [336003, 'invalid parameter temperature', 'bad_request', false],
    [336003, 'the max length of current question is 4800', 'context_too_long', false],
    [336005, 'API name not exist', 'not_found', false],
    [336100, 'system is busy, please try again later', 'provider', true],
    [336501, 'Rate limit reached for RPM', 'rate_limit', true],
    [336502, 'Rate limit reached for TPM', 'rate_limit', true],
    [777, 'something new', 'provider', true],
  ];

  it.each(EXPECTED)('before the stream: %i "%s" → %s (retryable %s)', async (code, message, appCode, retryable) => {
    fx.setScenario({ kind: 'api-error', errorCode: code, errorMsg: message });
    const out = await run(provider(), ask());
    expect(out.events).toEqual([]);
    const err = expectAppError(out.error);
    expect({ code: err.code, retryable: err.retryable }).toEqual({ code: appCode, retryable });
    expect(err.detail).toContain(String(code));
    expect(err.detail).toContain(message);
  });

  it.each([false, true])('mid-stream (as a data: line: %s) keeps the text before it', async (asData) => {
    fx.setScenario({ kind: 'answer', tokens: ['a', 'b', 'c'], interrupt: { afterTokens: 2, kind: 'error', errorCode: 336501, errorMsg: 'Rate limit reached for RPM', asData } });
    const out = await run(provider(), ask());
    expect(out.text).toBe('ab');
    expect(expectAppError(out.error).code).toBe('rate_limit');
  });

  it('never shows the access token in an error', async () => {
    fx.setScenario({ kind: 'answer', text: 'ok' });
    await run(provider(), ask());
    const token = fx.issuedTokens.at(-1) ?? '';
    fx.setScenario({ kind: 'api-error', errorCode: 336000, errorMsg: `internal error for access_token=${token}` });
    const err = expectAppError((await run(provider(), ask())).error);
    expectNoSecrets(err, [token]);
  });
});

describe('listModels', () => {
  it('proves the keys by getting a token, then lists the known models', async () => {
    expect(await provider().listModels(new AbortController().signal)).toEqual(QIANFAN_MODELS.map((m) => m.id));
    expect(fx.tokenRequests()).toBe(1);
  });

  it('fails with auth for wrong keys', async () => {
    const err = await provider({ apiSecret: 'qianfan-nope-0000' }).listModels(new AbortController().signal).catch((e: unknown) => e);
    expect(expectAppError(err).code).toBe('auth');
  });
});

describe('content types', () => {
  it('reads a stream served without an event-stream content type', async () => {
    fx.setScenario({
      kind: 'raw',
      headers: { 'content-type': 'text/plain;charset=utf-8' },
      chunks: [`data: ${JSON.stringify({ result: 'plain ', is_end: false })}\n\n`, `data: ${JSON.stringify({ result: 'text', is_end: true })}\n\n`],
    });
    const out = await run(provider(), ask());
    expect(out.error).toBeUndefined();
    expect(out.text).toBe('plain text');
  });

  it('reads a whole JSON answer from a server that ignored `stream`', async () => {
    fx.setScenario({
      kind: 'raw',
      headers: { 'content-type': 'application/json' },
      chunks: [JSON.stringify({ id: 'as-1', result: 'whole answer', is_end: true, usage: { prompt_tokens: 2, completion_tokens: 2, total_tokens: 4 } })],
    });
    const out = await run(provider(), ask());
    expect(out.events).toEqual([
      { type: 'text', text: 'whole answer' },
      { type: 'usage', usage: { promptTokens: 2, completionTokens: 2, totalTokens: 4 } },
      { type: 'done', finishReason: 'stop' },
    ]);
  });
});

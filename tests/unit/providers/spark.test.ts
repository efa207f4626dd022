/**
 * iFlytek Spark specifics, against tests/fixtures/sparkServer.ts (a real `ws` server that checks
 * signatures and dates like xfyun's gateway). The shared behaviour is in contract.test.ts.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SPARK_PRODUCTS } from '../../../src/shared/providerCatalog';
import type { Provider, ProviderConnection, ProviderDeps, ProviderRequest } from '../../../src/main/core/providers/provider';
import { rfc1123, sparkAuthorization, sparkFactory, signSparkUrl } from '../../../src/main/core/providers/spark';
import type { ErrorCode } from '../../../src/shared/errors';
import { startSparkFixture, type SparkFixture } from '../../fixtures/sparkServer';
import { expectAbortError, expectAppError, expectNoSecrets, run, sleep } from './providerTestKit';

const CREDS = { appId: 'a1b2c3d4', apiKey: 'spark-fixture-apikey-0123456789ab', apiSecret: 'spark-fixture-secret-0123456789ab' };
let fx: SparkFixture;
beforeAll(async () => {
  fx = await startSparkFixture(CREDS);
});
afterAll(() => fx.close());
afterEach(() => {
  fx.setScenario(null);
  fx.clearRequests();
});

const provider = (connection: Partial<ProviderConnection> = {}, deps: Partial<ProviderDeps> = {}): Provider =>
  sparkFactory.create({ baseUrl: fx.url, ...CREDS, ...connection }, { fetch, ...deps });
const ask = (extra: Partial<ProviderRequest> = {}): ProviderRequest => ({
  model: 'generalv3.5',
  messages: [{ role: 'user', content: 'hello there' }],
  ...extra,
});
const frame = (): Record<string, unknown> => fx.requests.at(-1)?.frame as Record<string, unknown>;

describe('URL signing', () => {
  it('matches the worked example in xfyun’s authentication doc', () => {
    // The doc signs an HTTP API (POST line); Spark's WebSocket uses the same scheme with GET.
    const authorization = sparkAuthorization(
      { apiKey: 'apikeyXXXXXXXXXXXXXXXXXXXXXXXXXX', apiSecret: 'apisecretXXXXXXXXXXXXXXXXXXXXXXX' },
      'api.xf-yun.com',
      'Fri, 23 Apr 2021 02:35:47 GMT',
      'POST /v1/private/s782b4996 HTTP/1.1',
    );
    expect(authorization).toBe(
      'YXBpX2tleT0iYXBpa2V5WFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFgiLCBhbGdvcml0aG09ImhtYWMtc2hhMjU2IiwgaGVhZGVycz0iaG9zdCBkYXRlIHJlcXVlc3QtbGluZSIsIHNpZ25hdHVyZT0iMWp3UWJJQUttUUU3SndJSDBJRHhpQzFwZWpybE4rVnBIWERXT0ZWeTVOTT0i',
    );
  });

  it('puts authorization, an RFC 1123 GMT date and the host in the query, percent-encoded', () => {
    const date = rfc1123(Date.UTC(2023, 4, 5, 10, 43, 39));
    expect(date).toBe('Fri, 05 May 2023 10:43:39 GMT');
    const url = new URL(signSparkUrl(new URL('wss://spark-api.xf-yun.com/v3.5/chat'), CREDS, date));
    expect(url.pathname).toBe('/v3.5/chat');
    expect(url.searchParams.get('date')).toBe(date);
    expect(url.searchParams.get('host')).toBe('spark-api.xf-yun.com');
    expect(url.search).not.toContain(' ');
    const decoded = Buffer.from(url.searchParams.get('authorization') ?? '', 'base64').toString('utf8');
    expect(decoded).toMatch(/^api_key="spark-fixture-apikey-0123456789ab", algorithm="hmac-sha256", headers="host date request-line", signature="[A-Za-z0-9+/]{43}="$/);
    expect(decoded).not.toContain(CREDS.apiSecret);
  });
});

describe('handshake', () => {
  it('is accepted by a server that checks the signature like xfyun’s gateway', async () => {
    fx.setScenario({ kind: 'answer', text: 'signed ok' });
    const out = await run(provider(), ask());
    expect(out.text).toBe('signed ok');
    const req = fx.requests.at(-1);
    expect(req?.handshake).toBe('accepted');
    expect(req?.query.host).toBe(req?.headers.host);
  });

  it.each([
    ['a wrong APISecret', { apiSecret: 'spark-wrong-secret-aaaaaaaaaaaaaa' }, 401, 'HMAC signature does not match'],
    ['a wrong APIKey', { apiKey: 'spark-wrong-apikey-bbbbbbbbbbbbbb' }, 401, 'HMAC signature cannot be verified'],
  ])('refuses %s with 401 → auth, leaking no secret', async (_what, wrong, status, message) => {
    const out = await run(provider(wrong), ask());
    expect(fx.requests.at(-1)?.handshake).toEqual({ status, message });
    const err = expectAppError(out.error);
    expect({ code: err.code, status: err.status, retryable: err.retryable }).toEqual({ code: 'auth', status, retryable: false });
    expect(err.detail).toContain(message);
    expectNoSecrets(err, [CREDS.apiKey, CREDS.apiSecret, ...Object.values(wrong)]);
  });

  it.each([
    ['301 s behind', 'refused', -301_000],
    ['301 s ahead', 'refused', 301_000],
    ['200 s behind', 'accepted', -200_000],
    ['290 s ahead', 'accepted', 290_000],
  ])('a clock %s is %s (the gateway allows 300 s)', async (_what, verdict, skewMs) => {
    const accepted = verdict === 'accepted';
    fx.setScenario({ kind: 'answer', text: 'on time' });
    const out = await run(provider({}, { now: () => Date.now() + skewMs }), ask());
    if (accepted) {
      expect(out.text).toBe('on time');
      return;
    }
    expect(fx.requests.at(-1)?.handshake).toMatchObject({ status: 403 });
    const err = expectAppError(out.error);
    expect(err.code).toBe('auth');
    expect(err.status).toBe(403);
    expect(err.detail).toMatch(/clock/);
  });

  it('needs all three credentials and says which is missing, before connecting', async () => {
    const err = expectAppError((await run(provider({ appId: null }), ask())).error);
    expect(err.code).toBe('auth');
    expect(err.detail).toContain('APPID');
    expect(fx.requests).toHaveLength(0);
  });

  it.each([
    [500, 'upstream error', 'provider'],
    [429, '{"message":"API rate limit exceeded"}', 'rate_limit'],
  ])('maps a %i refusal to %s', async (status, body, code) => {
    fx.setScenario({ kind: 'handshake-error', status, body });
    expect(expectAppError((await run(provider(), ask())).error).code).toBe(code);
  });

  it('maps connection refused to network / unreachable', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const err = expectAppError((await run(provider({ baseUrl: `ws://127.0.0.1:${port}` }), ask())).error);
    expect(err.code).toBe('network');
    expect(err.messageKey).toBe('errors.unreachable');
  });
});

describe('endpoints', () => {
  it.each(SPARK_PRODUCTS.map((p) => [p.name, p.domain, new URL(p.url).pathname]))(
    '%s (%s) is reached at %s with its domain',
    async (_name, domain, path) => {
      fx.setScenario({ kind: 'answer', text: 'ok' });
      const out = await run(provider(), ask({ model: domain }));
      // The fixture has its own copy of the documented table and refuses a mismatch.
      expect(out.error).toBeUndefined();
      expect(fx.requests.at(-1)?.path).toBe(path);
      expect((frame().parameter as Record<string, Record<string, unknown>>).chat?.domain).toBe(domain);
    },
  );

  it('uses a base URL with a path as the exact endpoint and the model as the domain', async () => {
    fx.setScenario({ kind: 'answer', text: 'custom ok' });
    const out = await run(provider({ baseUrl: `${fx.url}/custom/chat` }), ask({ model: 'xdeepseekv3' }));
    expect(out.text).toBe('custom ok');
    expect(fx.requests.at(-1)?.path).toBe('/custom/chat');
    expect((frame().parameter as Record<string, Record<string, unknown>>).chat?.domain).toBe('xdeepseekv3');
  });

  it('reads an http:// base URL as ws://', async () => {
    fx.setScenario({ kind: 'answer', text: 'ok' });
    expect((await run(provider({ baseUrl: fx.url.replace(/^ws:/, 'http:') }), ask())).text).toBe('ok');
  });

  it('says which products exist when the model is not one of them', async () => {
    const err = expectAppError((await run(provider(), ask({ model: 'gpt-4o' }))).error);
    expect(err.code).toBe('not_found');
    expect(err.detail).toContain('generalv3.5');
    expect(fx.requests).toHaveLength(0);
  });
});

describe('request frame', () => {
  it('carries app_id, a fresh 32-character uid, the sampling parameters and the roles', async () => {
    fx.setScenario({ kind: 'answer', text: 'ok' });
    await run(
      provider(),
      ask({
        system: 'Be brief.',
        messages: [
          { role: 'user', content: 'first' },
          { role: 'user', content: 'again' },
          { role: 'assistant', content: 'reply' },
          { role: 'user', content: 'second' },
        ],
        temperature: 0.5,
        topK: 4,
        maxOutputTokens: 1024,
        topP: 0.9,
      }),
    );
    const first = frame();
    expect(first).toMatchObject({
      header: { app_id: CREDS.appId },
      parameter: { chat: { domain: 'generalv3.5', temperature: 0.5, top_k: 4, max_tokens: 1024 } },
      payload: {
        message: {
          text: [
            { role: 'system', content: 'Be brief.' },
            { role: 'user', content: 'first\n\nagain' },
            { role: 'assistant', content: 'reply' },
            { role: 'user', content: 'second' },
          ],
        },
      },
    });
    expect((first.parameter as Record<string, Record<string, unknown>>).chat).not.toHaveProperty('top_p');
    const uid = (first.header as Record<string, string>).uid;
    expect(uid).toMatch(/^[0-9a-f]{32}$/);
    await run(provider(), ask());
    expect((frame().header as Record<string, string>).uid).not.toBe(uid);
  });

  it('a top_k the server rejects comes back as bad_request (10005)', async () => {
    const err = expectAppError((await run(provider(), ask({ topK: 9 }))).error);
    expect(err.code).toBe('bad_request');
    expect(err.detail).toContain('10005');
  });

  it('an APPID that is not the key’s is auth', async () => {
    const err = expectAppError((await run(provider({ appId: 'zzzzzzzz' }), ask())).error);
    expect(err.code).toBe('auth');
    expect(err.detail).toContain('10313');
  });

  it('refuses a prefill: Continue must be an explicit request', async () => {
    expect(expectAppError((await run(provider(), ask({ prefill: 'partial' }))).error).code).toBe('bad_request');
    expect(fx.requests).toHaveLength(0);
  });
});

describe('in-band error codes', () => {
  // Written out here rather than read from SPARK_ERROR_CODES, so a wrong entry there fails.
  const EXPECTED: [number, ErrorCode, boolean][] = [
    [10000, 'provider', true],
    [10001, 'provider', true],
    [10002, 'provider', true],
    [10003, 'bad_request', false],
    [10004, 'bad_request', false],
    [10005, 'bad_request', false],
    [10006, 'rate_limit', true],
    [10007, 'rate_limit', true],
    [10008, 'provider', true],
    [10009, 'provider', true],
    [10010, 'provider', true],
    [10011, 'provider', true],
    [10012, 'provider', true],
    [10013, 'content_filter', false],
    [10014, 'content_filter', false],
    [10015, 'auth', false],
    [10016, 'auth', false],
    [10017, 'provider', true],
    [10019, 'content_filter', false],
    [10110, 'provider', true],
    [10163, 'bad_request', false],
    [10222, 'provider', true],
    [10313, 'auth', false],
    [10907, 'context_too_long', false],
    [11200, 'quota', false],
    [11201, 'quota', false],
    [11202, 'rate_limit', true],
    [11203, 'rate_limit', true],
    [11500, 'auth', false],
    [11501, 'bad_request', false],
    [99999, 'provider', true],
  ];

  it.each(EXPECTED)('%i → %s (retryable %s), with the code, the server message and the sid in the detail', async (code, appCode, retryable) => {
    fx.setScenario({ kind: 'answer', text: 'never', interrupt: { afterTokens: 0, kind: 'error', code, message: `server says ${code}` } });
    const out = await run(provider(), ask());
    expect(out.events).toEqual([]);
    const err = expectAppError(out.error);
    expect({ code: err.code, retryable: err.retryable }).toEqual({ code: appCode, retryable });
    expect(err.detail).toContain(String(code));
    expect(err.detail).toContain(`server says ${code}`);
    expect(err.detail).toMatch(/sid cht000fixture@dx\d{8}/);
    expect(err.params).toEqual({ providerCode: code });
  });

  it('an output review stop (10014) mid-answer keeps the text shown so far', async () => {
    fx.setScenario({ kind: 'answer', tokens: ['一', '二', '三'], interrupt: { afterTokens: 2, kind: 'error', code: 10014, message: 'output sensitive' } });
    const out = await run(provider(), ask());
    expect(out.text).toBe('一二');
    expect(expectAppError(out.error).code).toBe('content_filter');
  });
});

describe('response frames', () => {
  const ok = (status: number, content: string, extra: Record<string, unknown> = {}): string =>
    JSON.stringify({ header: { code: 0, message: 'Success', sid: 'cht000raw', status }, payload: { choices: { status, seq: 0, text: [{ content, role: 'assistant', index: 0 }] }, ...extra } });

  it('reads usage from payload.usage.text on the last frame and ignores unknown payload keys', async () => {
    fx.setScenario({
      kind: 'raw',
      frames: [
        ok(0, 'Hel'),
        ok(1, 'lo', { plugins: { text: [{ name: 'search' }] } }),
        ok(2, '!', { usage: { text: { question_tokens: 4, prompt_tokens: 7, completion_tokens: 3, total_tokens: 10 } } }),
      ],
      gapMs: 2,
    });
    const out = await run(provider(), ask());
    expect(out.text).toBe('Hello!');
    expect(out.events.slice(-2)).toEqual([
      { type: 'usage', usage: { promptTokens: 7, completionTokens: 3, totalTokens: 10 } },
      { type: 'done', finishReason: 'stop' },
    ]);
  });

  it('a clean close before the status-2 frame is a lost connection naming the sid', async () => {
    fx.setScenario({ kind: 'answer', tokens: ['a', 'b', 'c'], closeBeforeLast: true });
    const out = await run(provider(), ask());
    expect(out.text).toBe('ab');
    const err = expectAppError(out.error);
    expect(err.code).toBe('network');
    expect(err.retryable).toBe(true);
    expect(err.detail).toMatch(/status 2.*sid cht000fixture/);
  });

  it('joins a JSON frame that arrives split over two WebSocket messages', async () => {
    const whole = ok(2, '完整');
    fx.setScenario({ kind: 'raw', frames: [whole.slice(0, 20), whole.slice(20)], gapMs: 5 });
    const out = await run(provider(), ask());
    expect(out.error).toBeUndefined();
    expect(out.text).toBe('完整');
  });

  it('stops reading at status 2 even if the server keeps the socket open', async () => {
    fx.setScenario({ kind: 'raw', frames: [ok(0, 'done'), ok(2, '.'), ok(1, 'ignored')], after: 'hang' });
    const out = await run(provider(), ask());
    expect(out.text).toBe('done.');
    await expect.poll(() => fx.requests.at(-1)?.clientCloseCode).toBe(1000);
  });
});

describe('abort', () => {
  it('closes the socket with a normal close (1000) and rejects with the AbortError', async () => {
    fx.setScenario({ kind: 'answer', text: 'slow '.repeat(100), tokensPerSecond: 20 });
    const controller = new AbortController();
    const done = run(provider(), ask(), controller.signal);
    await sleep(200);
    controller.abort();
    expectAbortError((await done).error);
    await expect.poll(() => fx.requests.at(-1)?.clientCloseCode, { timeout: 2_000 }).toBe(1000);
    expect(fx.requests.at(-1)?.closedEarly).toBe(true);
  });
});

describe('listModels', () => {
  it('proves the keys with a handshake only, then lists the product domains', async () => {
    const models = await provider().listModels(new AbortController().signal);
    expect(models).toEqual(SPARK_PRODUCTS.map((p) => p.domain));
    expect(fx.requests.at(-1)?.handshake).toBe('accepted');
    await expect.poll(() => fx.requests.at(-1)?.clientCloseCode).toBe(1000);
    expect(fx.requests.at(-1)?.frame).toBeUndefined();
  });

  it('fails with auth when the signature is refused', async () => {
    const err = await provider({ apiSecret: 'spark-wrong-secret-cccccccccccccc' }).listModels(new AbortController().signal).catch((e: unknown) => e);
    expect(expectAppError(err).code).toBe('auth');
  });

  it('returns no list for a custom endpoint (its domain is the user’s)', async () => {
    expect(await provider({ baseUrl: `${fx.url}/custom/chat` }).listModels(new AbortController().signal)).toEqual([]);
  });
});

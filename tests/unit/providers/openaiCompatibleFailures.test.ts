/**
 * The OpenAI-compatible provider when things go wrong after the answer started: errors and drops
 * mid-stream, abort, unreachable servers, model lists, and the fixture's own magic prefixes.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { ProviderEvent } from '../../../src/main/core/providers/provider';
import { openAICompatibleFactory } from '../../../src/main/core/providers/openaiCompatible';
import { getProviderFactory, PROVIDER_FACTORIES } from '../../../src/main/core/providers/registry';
import { AppError } from '../../../src/shared/errors';
import { KEY, ask, expectAppError, frame, run, useOpenAIFixture } from './openaiCompatibleKit';

const kit = useOpenAIFixture();

describe('failures mid-stream', () => {
  it('throws the error object sent mid-stream, after yielding the text before it', async () => {
    kit.fx.setScenario({
      kind: 'answer',
      tokens: ['one', ' two', ' three', ' four'],
      interrupt: { afterTokens: 3, kind: 'error', error: { message: 'The model crashed.', type: 'server_error' } },
    });
    const out = await run(kit.provider());
    expect(out.text).toBe('one two three');
    const err = expectAppError(out.error);
    expect(err.code).toBe('provider');
    expect(err.detail).toBe('The model crashed.');
    expect(out.events.some((e) => e.type === 'done')).toBe(false);
  });

  it('throws an SSE `event: error`, mapped by its code', async () => {
    kit.fx.setScenario({
      kind: 'answer',
      tokens: ['a', 'b'],
      interrupt: { afterTokens: 1, kind: 'error', asSseEvent: true, error: { message: 'Slow down', type: 'rate_limit_error', code: 'rate_limit_exceeded' } },
    });
    const out = await run(kit.provider());
    expect(out.text).toBe('a');
    const err = expectAppError(out.error);
    expect(err.code).toBe('rate_limit');
    expect(err.detail).toBe('Slow down');
  });

  it('reports a dropped connection as a retryable network error, after the partial text', async () => {
    kit.fx.setScenario({ kind: 'answer', tokens: ['Partial', ' answer', ' here', ' never'], interrupt: { afterTokens: 3, kind: 'drop' } });
    const out = await run(kit.provider());
    expect(out.text).toBe('Partial answer here');
    const err = expectAppError(out.error);
    expect(err.code).toBe('network');
    expect(err.retryable).toBe(true);
    expect(err.messageKey).toBe('errors.providerConnectionLost');
    expect(err.detail).toMatch(/closed mid-answer/);
  });

  it('reports a clean close without [DONE] and without a finish_reason as a lost connection', async () => {
    kit.fx.setScenario({ kind: 'raw', chunks: [frame({ content: 'half an ans' })], gapMs: 1 });
    const out = await run(kit.provider());
    expect(out.text).toBe('half an ans');
    const err = expectAppError(out.error);
    expect(err.code).toBe('network');
    expect(err.retryable).toBe(true);
  });

  it('accepts a clean close without [DONE] once the finish chunk arrived', async () => {
    kit.fx.setScenario({ kind: 'answer', text: 'complete but no done', omitDone: true });
    const out = await run(kit.provider());
    expect(out.error).toBeUndefined();
    expect(out.text).toBe('complete but no done');
    expect(out.events.at(-1)).toEqual({ type: 'done', finishReason: 'stop' });
  });
});

describe('abort', () => {
  it('rejects with the AbortError (not an AppError) soon after abort, and releases the connection', async () => {
    kit.fx.setScenario({ kind: 'answer', text: 'slow '.repeat(400), tokensPerSecond: 20 });
    const controller = new AbortController();
    const events: ProviderEvent[] = [];
    let error: unknown;
    try {
      for await (const e of kit.provider().stream(ask, controller.signal)) {
        events.push(e);
        if (events.filter((x) => x.type === 'text').length === 2) controller.abort();
      }
    } catch (err) {
      error = err;
    }
    expect(error).not.toBeInstanceOf(AppError);
    expect((error as Error).name).toBe('AbortError');
    expect(events.filter((e) => e.type === 'text')).toHaveLength(2);
    await expect.poll(() => kit.fx.requests.at(-1)?.closedEarly, { timeout: 2_000 }).toBe(true);
  }, 5_000); // the answer would take 20 s: only a prompt abort passes

  it('rejects with AbortError when aborted before the response arrives', async () => {
    kit.fx.setScenario({ kind: 'answer', text: 'never read' });
    const controller = new AbortController();
    controller.abort();
    const out = await run(kit.provider(), controller.signal);
    expect(out.error).not.toBeInstanceOf(AppError);
    expect((out.error as Error).name).toBe('AbortError');
    expect(out.events).toEqual([]);
  });

  it('releases the connection when the consumer stops iterating early', async () => {
    kit.fx.setScenario({ kind: 'answer', text: 'slow '.repeat(400), tokensPerSecond: 20 });
    for await (const e of kit.provider().stream(ask, new AbortController().signal)) {
      if (e.type === 'text') break;
    }
    await expect.poll(() => kit.fx.requests.at(-1)?.closedEarly, { timeout: 2_000 }).toBe(true);
  }, 5_000);
});

describe('connection failures', () => {
  it('maps connection refused to network / errors.unreachable', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));

    const err = expectAppError((await run(kit.provider({ baseUrl: `http://127.0.0.1:${port}/v1` }))).error);
    expect(err.code).toBe('network');
    expect(err.messageKey).toBe('errors.unreachable');
    expect(err.retryable).toBe(true);
  });

  it('maps certificate failures to network / errors.tls', async () => {
    const tlsFailure: typeof fetch = () =>
      Promise.reject(
        new TypeError('fetch failed', { cause: Object.assign(new Error('self-signed certificate'), { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }) }),
      );
    const err = expectAppError((await run(kit.provider({ fetch: tlsFailure }))).error);
    expect(err.code).toBe('network');
    expect(err.messageKey).toBe('errors.tls');
    expect(err.detail).toContain('self-signed certificate');
  });

  it('rejects a base URL that is not http(s)', async () => {
    const err = expectAppError((await run(kit.provider({ baseUrl: 'ftp://example.com/v1' }))).error);
    expect(err.messageKey).toBe('errors.badUrl');
  });
});

describe('listModels', () => {
  it('returns the model ids sorted', async () => {
    const models = await kit.provider().listModels(new AbortController().signal);
    expect(models).toEqual(['alpha-model', 'mid-model', 'zeta-model']);
    expect(kit.fx.requests.at(-1)?.path).toBe('/v1/models');
    expect(kit.fx.requests.at(-1)?.headers.authorization).toBe(`Bearer ${KEY}`);
  });

  it('maps errors the same way as chat', async () => {
    const err = await kit.provider({ apiKey: 'sk-not-the-right-one' })
      .listModels(new AbortController().signal)
      .catch((e: unknown) => e);
    expect(expectAppError(err).code).toBe('auth');
    expect(JSON.stringify(err)).not.toContain('sk-not-the-right-one');
  });
});

describe('fixture magic prefixes (used by e2e tests)', () => {
  it.each([
    ['/md please', /\| Provider \| Protocol \|[\s\S]*```typescript/],
    ['/reason now', /^Here is the answer after thinking\.$/],
    ['just chatting', /^You said: just chatting$/],
  ])('%s', async (message, expected) => {
    const p = kit.provider();
    const out: string[] = [];
    for await (const e of p.stream({ model: 'm', messages: [{ role: 'user', content: message }] }, new AbortController().signal)) {
      if (e.type === 'text') out.push(e.text);
    }
    expect(out.join('')).toMatch(expected);
  });
});

describe('fixture magic prefixes that fail or crawl', () => {
  const say = (content: string): AsyncIterable<ProviderEvent> =>
    kit.provider().stream({ model: 'm', messages: [{ role: 'user', content }] }, new AbortController().signal);

  it.each([
    ['/error', 'provider'],
    ['/drop', 'network'],
  ])('%s ends with %s after some text', async (message, code) => {
    const out: string[] = [];
    const err = await (async () => {
      for await (const e of say(message)) if (e.type === 'text') out.push(e.text);
    })().catch((e: unknown) => e);
    expect(out.length).toBeGreaterThan(0);
    expect(expectAppError(err).code).toBe(code);
  });

  it('/slow streams a long answer', async () => {
    const out: string[] = [];
    for await (const e of say('/slow')) {
      if (e.type === 'text') out.push(e.text);
      if (out.length === 3) break;
    }
    expect(out.join('')).toBe('The brook keeps');
  });
});

describe('registry', () => {
  it('lists the OpenAI-compatible factory and finds it by kind', () => {
    expect(PROVIDER_FACTORIES).toContain(openAICompatibleFactory);
    expect(getProviderFactory('openai-compatible')).toBe(openAICompatibleFactory);
  });
});

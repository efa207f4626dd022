/**
 * The provider contract: one suite, run against every provider over TCP against its own
 * protocol fixture (tests/fixtures/*Server.ts). An adapter per provider (contractAdapters.ts)
 * says how to build the provider against its fixture and how to script each scenario in that
 * protocol; the tests themselves are the same for all. Provider-specific behaviour lives in <provider>.test.ts.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ProviderEvent, ProviderRequest } from '../../../src/main/core/providers/provider';
import { PROVIDER_FACTORIES } from '../../../src/main/core/providers/registry';
import { splitTokens } from '../../fixtures/openaiServer';
import { ADAPTERS } from './contractAdapters';
import { decodeAlone, expectAbortError, expectAppError, expectNoSecrets, insideChar, outcome, recordingFetch, run, sleep, utf8 } from './providerTestKit';

it('covers every registered provider kind', () => {
  // The custom kind speaks whatever the user describes (no usage, no fixed error envelope): its
  // own suite, tests/unit/providers/customEndpoint.test.ts, runs it against each described shape.
  const fixedProtocols = PROVIDER_FACTORIES.map((f) => f.kind).filter((k) => k !== 'custom');
  expect(ADAPTERS.map((a) => a.kind).sort()).toEqual(fixedProtocols.sort());
});

// ---------------------------------------------------------------------------------------------
// The contract

describe.each(ADAPTERS)('$kind provider contract', (adapter) => {
  beforeAll(() => adapter.start());
  afterAll(() => adapter.stop());
  afterEach(() => adapter.reset());

  const ask = (extra: Partial<ProviderRequest> = {}): ProviderRequest => ({
    model: adapter.model,
    messages: [{ role: 'user', content: 'hello there' }],
    ...extra,
  });
  const lastTwo = (events: ProviderEvent[]): string[] => events.slice(-2).map((e) => e.type);

  describe('a plain answer', () => {
    it.each([
      ['English', 'Hello brave new world, streamed token by token.'],
      ['Chinese', '你好，世界！这是一个用中文写的回答，一段一段地流出来。'],
    ])('%s streams in order and ends with done', async (_lang, text) => {
      adapter.answer({ text });
      const out = await run(adapter.provider(), ask());
      expect(out.error).toBeUndefined();
      expect(out.text).toBe(text);
      expect(out.reasoning).toBe('');
      expect(out.events.filter((e) => e.type === 'text').length).toBeGreaterThan(1);
      expect(out.events.at(-1)).toEqual({ type: 'done', finishReason: 'stop' });
    });
  });

  it('surfaces reasoning as reasoning, before the answer, never as text', async () => {
    const reasoning = 'First I weigh the question, then I answer it.';
    adapter.answer({ text: 'The answer is 42.', reasoning });
    const out = await run(adapter.provider(), ask(adapter.reasoningRequest));
    expect(out.error).toBeUndefined();
    expect(out.reasoning).toBe(reasoning);
    expect(out.text).toBe('The answer is 42.');
    const types = out.events.map((e) => e.type);
    expect(types.lastIndexOf('reasoning')).toBeLessThan(types.indexOf('text'));
  });

  it('reports usage once, just before done, with the server’s counts', async () => {
    const text = 'Counting every token of this answer.';
    adapter.answer({ text });
    const out = await run(adapter.provider(), ask());
    expect(out.error).toBeUndefined();
    const usages = out.events.filter((e) => e.type === 'usage');
    expect(usages).toHaveLength(1);
    expect(lastTwo(out.events)).toEqual(['usage', 'done']);
    const n = splitTokens(text).length;
    expect(usages[0]).toEqual({ type: 'usage', usage: { promptTokens: 2, completionTokens: n, totalTokens: 2 + n } });
  });

  describe('abort', () => {
    it('mid-stream rejects with the AbortError (not an AppError) and closes the connection', async () => {
      adapter.answer({ text: 'slow '.repeat(400), tokensPerSecond: 20 });
      const controller = new AbortController();
      const events: ProviderEvent[] = [];
      let error: unknown;
      try {
        for await (const e of adapter.provider().stream(ask(), controller.signal)) {
          events.push(e);
          if (events.filter((x) => x.type === 'text').length === 2) controller.abort();
        }
      } catch (err) {
        error = err;
      }
      expectAbortError(error);
      expect(events.filter((e) => e.type === 'text')).toHaveLength(2);
      await expect.poll(() => adapter.closedEarly(), { timeout: 2_000 }).toBe(true);
    }, 5_000); // the answer would take 20 s: only a prompt abort passes

    it('before the start rejects with the AbortError and yields nothing', async () => {
      adapter.answer({ text: 'never read' });
      const controller = new AbortController();
      controller.abort();
      const out = await run(adapter.provider(), ask(), controller.signal);
      expectAbortError(out.error);
      expect(out.events).toEqual([]);
    });

    it('releases the connection when the consumer stops iterating early', async () => {
      adapter.answer({ text: 'slow '.repeat(400), tokensPerSecond: 20 });
      for await (const e of adapter.provider().stream(ask(), new AbortController().signal)) {
        if (e.type === 'text') break;
      }
      await expect.poll(() => adapter.closedEarly(), { timeout: 2_000 }).toBe(true);
    }, 5_000);
  });

  it('an error before the stream (wrong credentials) is auth, not retryable, and leaks no secret', async () => {
    adapter.answer({ text: 'not for you' });
    const out = await run(adapter.provider({ wrongCredentials: true }), ask());
    expect(out.events).toEqual([]);
    const err = expectAppError(out.error);
    expect(err.code).toBe('auth');
    expect(err.retryable).toBe(false);
    expect(err.detail).toBeTruthy();
    expectNoSecrets(err, adapter.secrets);
  });

  it('an error in the stream keeps the text before it and ends without done', async () => {
    adapter.failAfter(['one', ' two', ' three', ' four'], 3);
    const out = await run(adapter.provider(), ask());
    expect(out.text).toBe('one two three');
    const err = expectAppError(out.error);
    expect(err.code).toBe('provider');
    expect(err.retryable).toBe(true);
    expect(err.detail).toBeTruthy();
    expect(out.events.some((e) => e.type === 'done')).toBe(false);
  });

  it('a dropped connection is a retryable network error after the partial text', async () => {
    adapter.dropAfter(['Partial', ' answer', ' here', ' never'], 3);
    const out = await run(adapter.provider(), ask());
    expect(out.text).toBe('Partial answer here');
    const err = expectAppError(out.error);
    expect(err.code).toBe('network');
    expect(err.retryable).toBe(true);
    expect(err.messageKey).toBe('errors.providerConnectionLost');
    expect(out.events.some((e) => e.type === 'done')).toBe(false);
  });

  // Providers hand on a network read's events together (providers/batchedEvents.ts): that must
  // never hold them back until the next read comes.
  it('hands on what arrived at once, while the server sends nothing more', async () => {
    const frames = adapter.encode(['Hello', ' world', ' end']);
    adapter.play(frames.slice(0, frames.findIndex((f) => f.includes(' world'))), {}, true);
    const controller = new AbortController();
    const events: ProviderEvent[] = [];
    const done = (async () => {
      for await (const e of adapter.provider().stream(ask(), controller.signal)) events.push(e);
    })().catch(() => undefined);
    await expect.poll(() => events.map((e) => (e.type === 'text' ? e.text : '')).join(''), { timeout: 2_000 }).toBe('Hello');
    controller.abort();
    await done;
  });

  it('silence: the provider keeps waiting (no timeout of its own) and a Stop ends it at once', async () => {
    adapter.silence();
    const controller = new AbortController();
    const events: ProviderEvent[] = [];
    let error: unknown;
    let settled = false;
    const done = (async () => {
      try {
        for await (const e of adapter.provider().stream(ask(), controller.signal)) events.push(e);
      } catch (err) {
        error = err;
      } finally {
        settled = true;
      }
    })();
    await sleep(600);
    expect(settled).toBe(false);
    expect(events).toEqual([]);
    const stoppedAt = Date.now();
    controller.abort();
    await done;
    expect(Date.now() - stoppedAt).toBeLessThan(500);
    expectAbortError(error);
    await expect.poll(() => adapter.closedEarly(), { timeout: 2_000 }).toBe(true);
  }, 5_000);

  if (adapter.http) {
    it('a Stop ends a silent stream even when the injected fetch ignores the signal', async () => {
      adapter.silence();
      // Electron's net.fetch or a proxy wrapper may not tie the body to the signal.
      const deaf: typeof fetch = (input, init) => fetch(input, { ...init, signal: undefined });
      const controller = new AbortController();
      const done = run(adapter.provider({ fetch: deaf }), ask(), controller.signal);
      await sleep(300);
      const stoppedAt = Date.now();
      controller.abort();
      expectAbortError((await done).error);
      expect(Date.now() - stoppedAt).toBeLessThan(500);
      await expect.poll(() => adapter.closedEarly(), { timeout: 2_000 }).toBe(true);
    }, 5_000);
  }

  describe('awkward chunk boundaries', () => {
    it('decodes UTF-8 characters cut in two on the wire', async () => {
      const frames = adapter.encode(['你好', ' 🌊 world!']);
      const a = frames.findIndex((f) => f.includes('你好'));
      const b = frames.findIndex((f) => f.includes('🌊'));
      adapter.play(frames, { [a]: [insideChar(frames[a] ?? '', '你')], [b]: [insideChar(frames[b] ?? '', '🌊'), insideChar(frames[b] ?? '', '🌊') + 1] });
      const received: Uint8Array[] = [];
      const out = await run(adapter.provider({ fetch: recordingFetch(received) }), ask());
      // The cut really reached the client (HTTP: visible in the body chunks; WebSocket: `ws`
      // reassembles the fragments before the provider sees the message).
      if (adapter.http) expect(received.some((c) => decodeAlone(c).includes('\uFFFD'))).toBe(true);
      expect(out.error).toBeUndefined();
      expect(out.text).toBe('你好 🌊 world!');
    });

    it('joins a JSON payload cut in the middle and before its line end', async () => {
      const frames = adapter.encode(['split ', 'JSON works']);
      const i = frames.findIndex((f) => f.includes('JSON works'));
      const f = frames[i] ?? '';
      adapter.play(frames, { [i]: [utf8(f.slice(0, f.indexOf('JSON works') + 3)).length, utf8(f).length - 1] });
      const received: Uint8Array[] = [];
      const out = await run(adapter.provider({ fetch: recordingFetch(received) }), ask());
      if (adapter.http) expect(received.some((c) => decodeAlone(c).endsWith('JSO'))).toBe(true);
      expect(out.error).toBeUndefined();
      expect(out.text).toBe('split JSON works');
    });

    if (adapter.inlineThinkTags) {
      it('splits <think> reasoning out even when the tags are cut across chunks', async () => {
        adapter.play(adapter.encode(['<thi', 'nk>\nWeighing it.', ' Done weighing.</th', 'ink>\n\nThe answer', '.']), {});
        const out = await run(adapter.provider(), ask());
        expect(out.error).toBeUndefined();
        expect(out.reasoning).toBe('Weighing it. Done weighing.');
        expect(out.text).toBe('The answer.');
        expect(outcome(out.events, undefined).text).not.toContain('think');
      });
    }
  });
});

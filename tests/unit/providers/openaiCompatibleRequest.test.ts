/**
 * The OpenAI-compatible provider's additions for the multi-provider interface: system prompt,
 * top_p, prefill ("continue"), inline `<think>` tags, bare JSON errors. The original
 * behaviour is covered by openaiCompatible.test.ts and the contract suite.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openAICompatibleFactory } from '../../../src/main/core/providers/openaiCompatible';
import type { Provider } from '../../../src/main/core/providers/provider';
import { startOpenAIFixture, type OpenAIFixture } from '../../fixtures/openaiServer';
import { expectAppError, HELLO, run } from './providerTestKit';

const KEY = 'sk-openai-request-key-1234';
let fx: OpenAIFixture;
beforeAll(async () => {
  fx = await startOpenAIFixture({ apiKey: KEY });
});
afterAll(() => fx.close());
afterEach(() => {
  fx.setScenario(null);
  fx.clearRequests();
});

const provider = (): Provider => openAICompatibleFactory.create({ baseUrl: fx.url, apiKey: KEY }, { fetch });
const frame = (delta: Record<string, unknown>, finish: string | null = null): string =>
  `data: ${JSON.stringify({ id: 'c', object: 'chat.completion.chunk', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;

describe('request', () => {
  it('puts the system prompt first, sends top_p, and leaves top_k out (OpenAI rejects unknown fields)', async () => {
    fx.setScenario({ kind: 'answer', text: 'ok' });
    await run(provider(), { ...HELLO, system: 'Be brief.', topP: 0.9, topK: 3 });
    const body = fx.requests.at(-1)?.body as Record<string, unknown>;
    expect(body.messages).toEqual([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'hello there' },
    ]);
    expect(body.top_p).toBe(0.9);
    expect(body).not.toHaveProperty('top_k');
  });

  it('sends a prefill as the last, assistant message (servers that honour it continue it)', async () => {
    fx.setScenario({ kind: 'answer', text: ' and then some.' });
    const out = await run(provider(), { ...HELLO, prefill: 'The story so far' });
    expect(out.text).toBe(' and then some.');
    const body = fx.requests.at(-1)?.body as Record<string, unknown>;
    expect(body.messages).toEqual([
      { role: 'user', content: 'hello there' },
      { role: 'assistant', content: 'The story so far' },
    ]);
  });
});

describe('inline <think> tags', () => {
  it('are reasoning in a streamed answer, with usage and done after the held-back tail', async () => {
    fx.setScenario({
      kind: 'raw',
      chunks: [
        frame({ role: 'assistant', content: '<think>' }),
        frame({ content: 'Hmm, let me see.</' }),
        frame({ content: 'think>Seen: 4' }),
        frame({}, 'stop'),
        `data: ${JSON.stringify({ id: 'c', choices: [], usage: { prompt_tokens: 2, completion_tokens: 5, total_tokens: 7 } })}\n\n`,
        'data: [DONE]\n\n',
      ],
      gapMs: 5,
    });
    const out = await run(provider(), HELLO);
    expect(out.error).toBeUndefined();
    expect(out.reasoning).toBe('Hmm, let me see.');
    expect(out.text).toBe('Seen: 4');
    expect(out.events.slice(-2).map((e) => e.type)).toEqual(['usage', 'done']);
  });

  it('give back a held tag prefix as text when the stream ends on it', async () => {
    fx.setScenario({ kind: 'raw', chunks: [frame({ content: ' ' }), frame({ content: '<thi' }), frame({}, 'stop'), 'data: [DONE]\n\n'], gapMs: 5 });
    const out = await run(provider(), HELLO);
    expect(out.text).toBe(' <thi');
  });

  it('are reasoning in a non-streamed answer too', async () => {
    const completion = { choices: [{ index: 0, message: { role: 'assistant', content: '<think>why</think>\n\nbecause' }, finish_reason: 'stop' }] };
    fx.setScenario({ kind: 'raw', chunks: [JSON.stringify(completion)], headers: { 'content-type': 'application/json' } });
    const out = await run(provider(), HELLO);
    expect(out.reasoning).toBe('why');
    expect(out.text).toBe('because');
  });
});

describe('errors', () => {
  it('reads a bare JSON error line inside the event stream', async () => {
    fx.setScenario({ kind: 'raw', chunks: [frame({ content: 'partial' }), '{"error":{"message":"model runner crashed","type":"api_error"}}\n'], gapMs: 5 });
    const out = await run(provider(), HELLO);
    expect(out.text).toBe('partial');
    const err = expectAppError(out.error);
    expect(err.code).toBe('provider');
    expect(err.detail).toBe('model runner crashed');
  });

  it('reads a bare JSON error with no final newline at the very end of the body', async () => {
    fx.setScenario({ kind: 'raw', chunks: [frame({ content: 'partial' }), '{"error":"out of memory"}'], gapMs: 5 });
    const err = expectAppError((await run(provider(), HELLO)).error);
    expect(err.detail).toBe('out of memory');
  });
});

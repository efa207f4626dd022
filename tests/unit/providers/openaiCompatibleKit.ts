/**
 * The OpenAI-compatible provider's tests share one real HTTP fixture server over TCP
 * (tests/fixtures/openaiServer.ts) and these helpers. Chunk-boundary tests also record the byte
 * chunks the client actually received, so they prove the split happened on the wire.
 */
import { afterAll, afterEach, beforeAll } from 'vitest';
import { openAICompatibleFactory } from '../../../src/main/core/providers/openaiCompatible';
import type { Provider, ProviderEvent } from '../../../src/main/core/providers/provider';
import { startOpenAIFixture, type OpenAIFixture } from '../../fixtures/openaiServer';

export const KEY = 'sk-fixture-correct-key-1234';

export interface OpenAIKit {
  /** The fixture server of this test file (started before its first test). */
  readonly fx: OpenAIFixture;
  provider(opts?: { apiKey?: string | null; baseUrl?: string; fetch?: typeof fetch }): Provider;
}

/** Starts the fixture for the calling test file, and resets its scenario after each test. */
export function useOpenAIFixture(): OpenAIKit {
  let fx: OpenAIFixture | null = null;
  const current = (): OpenAIFixture => {
    if (!fx) throw new Error('the OpenAI fixture is not started yet');
    return fx;
  };
  beforeAll(async () => {
    fx = await startOpenAIFixture({ apiKey: KEY, models: ['zeta-model', 'alpha-model', 'mid-model'] });
  });
  afterAll(async () => {
    await fx?.close();
  });
  afterEach(() => {
    fx?.setScenario(null);
    fx?.clearRequests();
  });
  return {
    get fx() {
      return current();
    },
    provider: (opts = {}) =>
      openAICompatibleFactory.create(
        { baseUrl: opts.baseUrl ?? current().url, apiKey: opts.apiKey === undefined ? KEY : opts.apiKey },
        { fetch: opts.fetch ?? fetch },
      ),
  };
}

export const ask = { model: 'fixture-chat', messages: [{ role: 'user' as const, content: 'hello there' }] };

export interface Outcome {
  events: ProviderEvent[];
  text: string;
  reasoning: string;
  error: unknown;
}

export async function run(p: Provider, signal = new AbortController().signal): Promise<Outcome> {
  const events: ProviderEvent[] = [];
  let error: unknown;
  try {
    for await (const e of p.stream(ask, signal)) events.push(e);
  } catch (err) {
    error = err;
  }
  const join = (type: 'text' | 'reasoning'): string => events.map((e) => (e.type === type ? e.text : '')).join('');
  return { events, text: join('text'), reasoning: join('reasoning'), error };
}

// The same helpers every provider's tests use.
export { expectAppError, recordingFetch } from './providerTestKit';

export const enc = new TextEncoder();

/** One real-looking OpenAI chunk frame. */
export function frame(delta: Record<string, unknown>, finishReason: string | null = null, eol = '\n'): string {
  const chunk = {
    id: 'chatcmpl-raw',
    object: 'chat.completion.chunk',
    created: 1700000000,
    model: 'fixture-chat',
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
  };
  return `data: ${JSON.stringify(chunk)}${eol}${eol}`;
}

export const DONE = 'data: [DONE]\n\n';

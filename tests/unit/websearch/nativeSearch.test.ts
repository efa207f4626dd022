/**
 * Provider-native search: Gemini grounding, Anthropic's web_search tool, Spark's web_search
 * tool and Qianfan v2's web_search option, streamed by the fixture servers byte for byte,
 * become the same step and source events as Brook's own search.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anthropicFactory } from '../../../src/main/core/providers/anthropic';
import { geminiFactory } from '../../../src/main/core/providers/gemini';
import type { ProviderEvent } from '../../../src/main/core/providers/provider';
import { startAnthropicFixture, type AnthropicFixture } from '../../fixtures/anthropicServer';
import { startGeminiFixture, type GeminiFixture } from '../../fixtures/geminiServer';
import { openAICompatibleFactory } from '../../../src/main/core/providers/openaiCompatible';
import { sparkFactory } from '../../../src/main/core/providers/spark';
import { hasNativeSearch, nativeSearchPreset } from '../../../src/shared/webSearch';
import { PROVIDER_PRESETS } from '../../../src/shared/presets';
import { startOpenAIFixture, type OpenAIFixture } from '../../fixtures/openaiServer';
import { requestedWebSearch, startSparkFixture, type SparkFixture } from '../../fixtures/sparkServer';

const KEY = 'native-search-key-1234';
const SPARK = { appId: 'app-native-1', apiKey: 'spark-native-apikey-0123456789', apiSecret: 'spark-native-secret-0123456789' };
let gemini: GeminiFixture;
let anthropic: AnthropicFixture;
let spark: SparkFixture;
let openai: OpenAIFixture;
beforeAll(async () => {
  [gemini, anthropic, spark, openai] = await Promise.all([
    startGeminiFixture({ apiKey: KEY }),
    startAnthropicFixture({ apiKey: KEY }),
    startSparkFixture(SPARK),
    startOpenAIFixture({ apiKey: KEY }),
  ]);
});
afterAll(() => Promise.all([gemini.close(), anthropic.close(), spark.close(), openai.close()]));

async function collect(events: AsyncIterable<ProviderEvent>): Promise<ProviderEvent[]> {
  const out: ProviderEvent[] = [];
  for await (const e of events) out.push(e);
  return out;
}
const text = (events: ProviderEvent[]) => events.map((e) => (e.type === 'text' ? e.text : '')).join('');
const steps = (events: ProviderEvent[]) => events.flatMap((e) => (e.type === 'search.step' ? [e.step] : []));
const sources = (events: ProviderEvent[]) => events.flatMap((e) => (e.type === 'search.source' ? [e.source] : []));
const ask = { model: 'gemini-fixture-flash', messages: [{ role: 'user' as const, content: 'Which river carries the most water?' }] };

describe('Gemini grounding', () => {
  const frame = (payload: unknown): string => `data: ${JSON.stringify(payload)}\r\n\r\n`;
  const grounding = {
    webSearchQueries: ['largest river by discharge', 'amazon river volume'],
    groundingChunks: [
      { web: { uri: 'https://vertexaisearch.cloud.google.com/grounding-api-redirect/abc', title: 'wikipedia.org' } },
      { web: { uri: 'https://vertexaisearch.cloud.google.com/grounding-api-redirect/def', title: 'britannica.com' } },
    ],
    groundingSupports: [{ segment: { startIndex: 0, endIndex: 30, text: 'The Amazon carries the most water.' }, groundingChunkIndices: [0, 1] }],
  };

  it('asks for Google Search and reports its queries and sources', async () => {
    gemini.setScenario({
      kind: 'raw',
      chunks: [
        frame({ candidates: [{ content: { role: 'model', parts: [{ text: 'The Amazon carries the most water.' }] } }] }),
        frame({ candidates: [{ content: { role: 'model', parts: [{ text: '' }] }, finishReason: 'STOP', groundingMetadata: grounding }] }),
      ],
    });
    const events = await collect(geminiFactory.create({ baseUrl: gemini.url, apiKey: KEY }, { fetch }).stream({ ...ask, webSearch: true }, new AbortController().signal));
    expect(gemini.requests.at(-1)!.body).toMatchObject({ tools: [{ googleSearch: {} }] });
    expect(text(events)).toBe('The Amazon carries the most water.');
    expect(steps(events).map((s) => [s.id, s.status, s.args])).toEqual([
      ['queries', 'done', ['largest river by discharge', 'amazon river volume']],
      ['search-1', 'done', ['largest river by discharge']],
      ['search-2', 'done', ['amazon river volume']],
    ]);
    expect(sources(events).map((s) => [s.n, s.title, s.excerpt])).toEqual([
      [1, 'wikipedia.org', 'The Amazon carries the most water.'],
      [2, 'britannica.com', 'The Amazon carries the most water.'],
    ]);
    expect(events.at(-1)).toEqual({ type: 'done', finishReason: 'stop' });
  });

  it('sends no tool when search is off', async () => {
    gemini.setScenario(null);
    await collect(geminiFactory.create({ baseUrl: gemini.url, apiKey: KEY }, { fetch }).stream(ask, new AbortController().signal));
    expect((gemini.requests.at(-1)!.body as Record<string, unknown>).tools).toBeUndefined();
  });
});

describe('Anthropic web search tool', () => {
  const ev = (type: string, data: Record<string, unknown> = {}): string => `event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`;
  const START = ev('message_start', { message: { id: 'msg', type: 'message', role: 'assistant', content: [], usage: { input_tokens: 5, output_tokens: 1 } } });
  const results = [
    { type: 'web_search_result', url: 'https://en.wikipedia.org/wiki/Amazon_River', title: 'Amazon River - Wikipedia', page_age: '2 days', encrypted_content: 'EAx' },
    { type: 'web_search_result', url: 'https://www.britannica.com/place/Amazon-River', title: 'Amazon River | Britannica', encrypted_content: 'EAy' },
  ];

  it('turns server_tool_use, its results and citations into steps, sources and [n] marks', async () => {
    anthropic.setScenario({
      kind: 'raw',
      gapMs: 5,
      chunks: [
        START,
        ev('content_block_start', { index: 0, content_block: { type: 'server_tool_use', id: 'srvtoolu_1', name: 'web_search', input: {} } }),
        ev('content_block_delta', { index: 0, delta: { type: 'input_json_delta', partial_json: '{"query": "amazon ri' } }),
        ev('content_block_delta', { index: 0, delta: { type: 'input_json_delta', partial_json: 'ver discharge"}' } }),
        ev('content_block_stop', { index: 0 }),
        ev('content_block_start', { index: 1, content_block: { type: 'web_search_tool_result', tool_use_id: 'srvtoolu_1', content: results } }),
        ev('content_block_stop', { index: 1 }),
        ev('content_block_start', { index: 2, content_block: { type: 'text', text: '', citations: [] } }),
        ev('content_block_delta', { index: 2, delta: { type: 'citations_delta', citation: { type: 'web_search_result_location', url: results[1]!.url, title: results[1]!.title, cited_text: 'The Amazon discharges more water than the next seven largest rivers combined.', encrypted_index: 'x' } } }),
        ev('content_block_delta', { index: 2, delta: { type: 'text_delta', text: 'The Amazon carries the most water.' } }),
        ev('content_block_stop', { index: 2 }),
        ev('content_block_start', { index: 3, content_block: { type: 'text', text: '' } }),
        ev('content_block_delta', { index: 3, delta: { type: 'text_delta', text: ' Rivers are nice.' } }),
        ev('content_block_stop', { index: 3 }),
        ev('message_delta', { delta: { stop_reason: 'end_turn' }, usage: { output_tokens: 20, server_tool_use: { web_search_requests: 1 } } }),
        ev('message_stop'),
      ],
    });
    const events = await collect(anthropicFactory.create({ baseUrl: anthropic.url, apiKey: KEY }, { fetch }).stream({ ...ask, webSearch: true }, new AbortController().signal));
    expect(anthropic.requests.at(-1)!.body).toMatchObject({ tools: [{ type: 'web_search_20250305', name: 'web_search' }] });
    expect(steps(events).map((s) => [s.id, s.status, s.args, s.resultCount])).toEqual([
      ['search-1', 'running', [], undefined],
      ['search-1', 'running', ['amazon river discharge'], undefined],
      ['search-1', 'done', ['amazon river discharge'], 2],
    ]);
    const all = sources(events);
    expect(all.map((s) => [s.n, s.site])).toEqual([[1, 'en.wikipedia.org'], [2, 'britannica.com'], [2, 'britannica.com']]);
    expect(all.at(-1)!.excerpt).toContain('next seven largest rivers');
    expect(text(events)).toBe('The Amazon carries the most water. [2] Rivers are nice.');
  });

  it('reports the tool error as a failed step', async () => {
    anthropic.setScenario({
      kind: 'raw',
      gapMs: 5,
      chunks: [
        START,
        ev('content_block_start', { index: 0, content_block: { type: 'server_tool_use', id: 'srvtoolu_2', name: 'web_search', input: { query: 'rivers' } } }),
        ev('content_block_stop', { index: 0 }),
        ev('content_block_start', { index: 1, content_block: { type: 'web_search_tool_result', tool_use_id: 'srvtoolu_2', content: { type: 'web_search_tool_result_error', error_code: 'too_many_requests' } } }),
        ev('content_block_stop', { index: 1 }),
        ev('content_block_start', { index: 2, content_block: { type: 'text', text: 'I could not search.' } }),
        ev('content_block_stop', { index: 2 }),
        ev('message_delta', { delta: { stop_reason: 'end_turn' }, usage: { output_tokens: 5 } }),
        ev('message_stop'),
      ],
    });
    const events = await collect(anthropicFactory.create({ baseUrl: anthropic.url, apiKey: KEY }, { fetch }).stream({ ...ask, webSearch: true }, new AbortController().signal));
    expect(steps(events).at(-1)).toMatchObject({ id: 'search-1', status: 'failed', args: ['rivers'], error: { code: 'rate_limit', detail: 'too_many_requests' } });
    expect(text(events)).toBe('I could not search.');
  });
});

describe('which providers search natively', () => {
  it('Gemini, Anthropic and Spark by kind; of the OpenAI-compatible presets only Qianfan v2', () => {
    expect(hasNativeSearch('gemini', 'gemini')).toBe(true);
    expect(hasNativeSearch('anthropic', 'anthropic')).toBe(true);
    expect(hasNativeSearch('spark', 'spark')).toBe(true);
    expect(hasNativeSearch('qianfan', 'qianfan')).toBe(false);
    const compatible = PROVIDER_PRESETS.filter((p) => p.kind === 'openai-compatible');
    expect(compatible.filter((p) => hasNativeSearch(p.kind, p.id)).map((p) => p.id)).toEqual(['qianfan-v2']);
    // The dialect follows the preset only for the kind that speaks it.
    expect(nativeSearchPreset('openai-compatible', 'qianfan-v2')).toBe('qianfan-v2');
    expect(nativeSearchPreset('qianfan', 'qianfan-v2')).toBeNull();
  });
});

describe('Spark web_search tool', () => {
  const sparkAsk = (model: string) => ({ model, messages: [{ role: 'user' as const, content: 'What is the weather in Hefei today?' }], webSearch: true });
  const create = () => sparkFactory.create({ baseUrl: spark.url, ...SPARK }, { fetch });

  it('switches the search plugin on and shows one search step, done once the answer starts', async () => {
    spark.setScenario({ kind: 'answer', text: 'Sunny, 25 degrees.' });
    const events = await collect(create().stream(sparkAsk('generalv3.5'), new AbortController().signal));
    expect(requestedWebSearch(spark.requests.at(-1)!.frame)).toEqual({ enable: true, show_ref_label: false, search_mode: 'normal' });
    expect(steps(events)).toEqual([
      { id: 'search-1', kind: 'search', status: 'running', args: [], engine: 'iFlytek Spark' },
      { id: 'search-1', kind: 'search', status: 'done', args: [], engine: 'iFlytek Spark' },
    ]);
    // The done step comes before the first text: the search is over when the answer starts.
    const doneAt = events.findIndex((e) => e.type === 'search.step' && e.step.status === 'done');
    expect(doneAt).toBeLessThan(events.findIndex((e) => e.type === 'text'));
    // Which fields carry Spark's sources is unconfirmed: none are made up.
    expect(sources(events)).toEqual([]);
    expect(text(events)).toBe('Sunny, 25 degrees.');
  });

  it('sends the tool to Ultra and X1 too, and no tool when search is off', async () => {
    for (const model of ['4.0Ultra', 'spark-x']) {
      await collect(create().stream(sparkAsk(model), new AbortController().signal));
      expect(requestedWebSearch(spark.requests.at(-1)!.frame)).not.toBeNull();
    }
    await collect(create().stream({ ...sparkAsk('generalv3.5'), webSearch: false }, new AbortController().signal));
    const chat = (spark.requests.at(-1)!.frame as { parameter: { chat: Record<string, unknown> } }).parameter.chat;
    expect(chat.tools).toBeUndefined();
  });

  it('Lite has no search plugin: no tool, a skipped step with the reason, and the model is told to say so', async () => {
    spark.setScenario({ kind: 'answer', text: 'I could not search the web.' });
    const events = await collect(create().stream(sparkAsk('lite'), new AbortController().signal));
    const sent = spark.requests.at(-1)!.frame as { parameter: { chat: Record<string, unknown> }; payload: { message: { text: { role: string; content: string }[] } } };
    expect(sent.parameter.chat.tools).toBeUndefined();
    expect(sent.payload.message.text[0]).toMatchObject({ role: 'system', content: expect.stringContaining('web search was attempted') });
    expect(steps(events)).toEqual([
      {
        id: 'search-1',
        kind: 'search',
        status: 'skipped',
        args: [],
        engine: 'iFlytek Spark',
        error: { code: 'bad_request', messageKey: 'errors.sparkLiteNoSearch', retryable: false },
      },
    ]);
    expect(text(events)).toBe('I could not search the web.');
  });
});

describe('Qianfan v2 web_search option', () => {
  const results = [
    { index: 1, title: 'Hefei weather', url: 'https://weather.example/hefei' },
    { index: 2, title: 'Anhui forecast', link: 'https://forecast.example/anhui' },
    { index: 3, title: 'Hefei weather again', url: 'https://weather.example/hefei' },
    { index: 4, title: 'no address' },
  ];
  const qianfanAsk = { model: 'ernie-4.5-turbo-128k', messages: [{ role: 'user' as const, content: 'Weather in Hefei?' }], webSearch: true };

  it('asks for search with citations and reads search_results into numbered, deduplicated sources', async () => {
    openai.setScenario({ kind: 'answer', text: 'Sunny in Hefei.', searchResults: results });
    const provider = openAICompatibleFactory.create({ baseUrl: openai.url, apiKey: KEY, nativeSearch: 'qianfan-v2' }, { fetch });
    const events = await collect(provider.stream(qianfanAsk, new AbortController().signal));
    expect(openai.requests.at(-1)!.body).toMatchObject({ web_search: { enable: true, enable_citation: true, enable_trace: true } });
    expect(steps(events)).toEqual([
      { id: 'search-1', kind: 'search', status: 'running', args: [], engine: 'Baidu' },
      { id: 'search-1', kind: 'search', status: 'done', args: [], engine: 'Baidu', resultCount: 2 },
    ]);
    expect(sources(events)).toEqual([
      { n: 1, url: 'https://weather.example/hefei', title: 'Hefei weather', site: 'weather.example', excerpt: '' },
      { n: 2, url: 'https://forecast.example/anhui', title: 'Anhui forecast', site: 'forecast.example', excerpt: '' },
    ]);
    expect(text(events)).toBe('Sunny in Hefei.');
    expect(events.at(-1)).toEqual({ type: 'done', finishReason: 'stop' });
  });

  it('finishes the step when the search found nothing', async () => {
    openai.setScenario({ kind: 'answer', text: 'Sunny.' });
    const provider = openAICompatibleFactory.create({ baseUrl: openai.url, apiKey: KEY, nativeSearch: 'qianfan-v2' }, { fetch });
    const events = await collect(provider.stream(qianfanAsk, new AbortController().signal));
    expect(steps(events).at(-1)).toEqual({ id: 'search-1', kind: 'search', status: 'done', args: [], engine: 'Baidu', resultCount: 0 });
    expect(sources(events)).toEqual([]);
  });

  it('a plain OpenAI-compatible provider never gets the field, so no search step either', async () => {
    openai.setScenario({ kind: 'answer', text: 'Sunny.', searchResults: results });
    const provider = openAICompatibleFactory.create({ baseUrl: openai.url, apiKey: KEY }, { fetch });
    const events = await collect(provider.stream(qianfanAsk, new AbortController().signal));
    expect(openai.requests.at(-1)!.body).not.toHaveProperty('web_search');
    expect(steps(events)).toEqual([]);
    expect(sources(events)).toEqual([]);
  });
});

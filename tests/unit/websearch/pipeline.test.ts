/**
 * The whole search turn through the real core (ChatService, StreamManager, persistence,
 * SQLite) against fixture servers for the model, the engine and the pages.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src/main/core/app/createCore';
import { FileSecretStore } from '../../../src/main/core/settings/secrets';
import { defaultState } from '../../../src/main/core/settings/settingsState';
import type { StreamEvent } from '../../../src/shared/streamEvents';
import { startOpenAIFixture, type FixtureScenario, type OpenAIFixture } from '../../fixtures/openaiServer';
import { defaultHits, startSearxngFixture, startTavilyFixture, type SearchFixture } from '../../fixtures/searchServers';
import { RIVERS_FACT, startWebPagesFixture, type WebPagesFixture } from '../../fixtures/webPagesServer';
import { startProxyFixture } from '../../fixtures/connectProxy';
import { startGeminiFixture } from '../../fixtures/geminiServer';
import WebSocket from 'ws';
import type { FeedFrame } from '../../../src/main/core/servers/liveFeed/feedFrames';
import { busStreams, recordAnswerEnds } from '../../support/answerEnds';

const TAVILY_KEY = 'tvly-secret-pipeline-key';
let llm: OpenAIFixture;
let searxng: SearchFixture;
let tavily: SearchFixture;
let pages: WebPagesFixture;

/** The query call and the answer call told apart by their instructions, as a real model would see them. */
function responder(body: unknown): FixtureScenario | null {
  const text = JSON.stringify(body);
  if (text.includes('You write web search queries')) return { kind: 'answer', text: 'amazon river volume\nbrook definition' };
  if (text.includes('Web search results')) return { kind: 'answer', text: 'The Amazon carries the most water [1]. A brook is small [2].', tokensPerSecond: 100 };
  if (text.includes('web search was attempted')) return { kind: 'answer', text: 'Web search was unavailable, so from memory: the Amazon.' };
  if (text.includes('found nothing usable')) return { kind: 'answer', text: 'The search found nothing useful; from memory: the Amazon.' };
  return null;
}

beforeAll(async () => {
  [llm, pages] = await Promise.all([startOpenAIFixture(), startWebPagesFixture()]);
  [searxng, tavily] = await Promise.all([startSearxngFixture(defaultHits(pages.url)), startTavilyFixture(defaultHits(pages.url), TAVILY_KEY)]);
  llm.setResponder(responder);
});
afterAll(() => Promise.all([llm.close(), pages.close(), searxng.close(), tavily.close()]));

const cores: Core[] = [];
afterEach(async () => {
  searxng.setFault(null);
  for (const c of cores.splice(0)) await c.shutdown();
});

/** A model window so small that the conversation leaves no room for excerpts. */
async function useTinyWindow(core: Core, conversationId: string): Promise<void> {
  const [p] = await core.handlers['providers.list']({});
  await core.handlers['providers.save']({
    id: p!.id,
    draft: { name: p!.name, kind: 'openai-compatible', presetId: 'custom', baseUrl: llm.url, defaultModel: 'fixture-chat', contextWindow: 600 },
  });
  await core.handlers['conversations.setParams']({ id: conversationId, params: { maxOutputTokens: 350 } });
}

function start(dataDir = mkdtempSync(join(tmpdir(), 'brook-search-')), pageTimeoutMs = 400) {
  const store = { store: { ...defaultState() } as Record<string, unknown> };
  const core = createCore({
    dataDir,
    settingsBackend: store,
    secrets: new FileSecretStore(join(dataDir, 'keys.json')),
    info: { mode: 'browser', version: 'test', systemLocale: 'en-US' },
    chat: { checkpointMs: 50, windowBatchMs: 10 },
    webSearch: { endpoints: { tavily: tavily.url }, pageTimeoutMs },
    // These tests read the providers' last request: no title request may race it.
    autoTitle: false,
  });
  cores.push(core);
  const events: StreamEvent[] = [];
  core.bus.on((name, payload) => {
    if (name === 'stream' && 'event' in payload) events.push(payload.event);
  });
  const { ended } = recordAnswerEnds(busStreams(core.bus));
  return { core, events, ended, dataDir, store };
}

async function chatWithSearch(core: Core, settings: Parameters<Core['handlers']['settings.update']>[0]['webSearch']) {
  const h = core.handlers;
  await h['providers.save']({ draft: { name: 'f', kind: 'openai-compatible', presetId: 'custom', baseUrl: llm.url, defaultModel: 'fixture-chat' } });
  // The fixture pages are on 127.0.0.1: reading them takes the "local pages" setting.
  await h['settings.update']({ webSearch: { readPrivatePages: true, ...settings } });
  const c = await h['conversations.create']({});
  return c.id;
}

const stepTrail = (events: StreamEvent[]) =>
  events.flatMap((e) => (e.type === 'search.step' ? [`${e.step.id}:${e.step.status}`] : e.type === 'search.source' ? [`source ${e.source.n}`] : []));

describe('web search turn', () => {
  it('by default leaves result pages on private addresses unread, saying why, and still answers', async () => {
    const { core, ended } = start();
    const id = await chatWithSearch(core, { backend: 'searxng', searxngUrl: searxng.url, readPrivatePages: false });
    const pagesBefore = pages.requests.length;
    const { assistantMessage } = await core.handlers['chat.send']({ conversationId: id, text: 'Which river carries the most water?', webSearch: true });
    const done = await ended(assistantMessage.id);
    expect(done.status).toBe('done');
    const reads = done.webSearch!.steps.filter((s) => s.kind === 'read');
    expect(reads.length).toBeGreaterThan(0);
    for (const read of reads) expect(read).toMatchObject({ status: 'skipped', error: { messageKey: 'errors.pagePrivateAddress' } });
    expect(pages.requests.length).toBe(pagesBefore); // nothing was even fetched
  });

  it('a live-feed subscriber hears each search step, each source, then the cited answer', async () => {
    const { core, ended } = start();
    core.handlers['settings.update']({ localFeed: { enabled: true } });
    await core.local.apply();
    const ws = new WebSocket(core.local.status().feed.url!);
    const frames: FeedFrame[] = [];
    ws.on('message', (data) => frames.push(JSON.parse(String(data)) as FeedFrame));
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    try {
      const id = await chatWithSearch(core, { backend: 'searxng', searxngUrl: searxng.url });
      const { assistantMessage } = await core.handlers['chat.send']({ conversationId: id, text: 'Which river carries the most water?', webSearch: true });
      const done = await ended(assistantMessage.id);
      await expect.poll(() => frames.some((f) => f.type === 'text' && f.status && f.user === 'assistant')).toBe(true);

      const updates = frames.flatMap((f) => (f.type === 'web_search' && f.data.type === 'update' ? [`${f.data.message}: ${f.data.args.join(' ')}`] : []));
      expect(updates[0]).toBe('Generating search query: ');
      expect(updates).toContain('Searching: amazon river volume');
      expect(updates).toContain('Searching: brook definition');
      expect(updates).toContain(`Browsing results: ${pages.url}/rivers`);
      expect(updates).toContain(`Browsing results skipped: ${pages.url}/slow`);
      const results = frames.flatMap((f) => (f.type === 'web_search' && f.data.type === 'result' ? [f.data.id] : []));
      expect(results).toEqual(done.webSearch!.sources.map((source) => source.url));
      // Steps and sources come before the answer's first piece; the pieces add up to the answer.
      const firstText = frames.findIndex((f) => f.type === 'text' && !f.status);
      expect(frames.slice(firstText).some((f) => f.type === 'web_search')).toBe(false);
      const pieces = frames.filter((f): f is Extract<FeedFrame, { type: 'text' }> => f.type === 'text' && !f.status && f.user === 'assistant');
      expect(pieces.map((f) => f.msg).join('')).toBe(done.content);
    } finally {
      ws.terminate();
    }
  });

  it('streams queries, searches, reads, sources and a cited answer, and keeps them in history', async () => {
    const { core, events, ended, dataDir } = start();
    const id = await chatWithSearch(core, { backend: 'searxng', searxngUrl: searxng.url });
    const { assistantMessage } = await core.handlers['chat.send']({ conversationId: id, text: 'Which river carries the most water?', webSearch: true });
    const done = await ended(assistantMessage.id);

    expect(done.status).toBe('done');
    expect(done.content).toBe('The Amazon carries the most water [1]. A brook is small [2].');
    const trail = stepTrail(events);
    expect(trail.slice(0, 2)).toEqual(['queries:running', 'queries:done']);
    expect(trail.indexOf('search-1:done')).toBeLessThan(trail.indexOf('read-1:running'));
    expect(trail.indexOf('read-1:done')).toBeLessThan(trail.indexOf('source 1'));
    expect(trail.slice(-3)).toEqual(['source 1', 'source 2', 'compose:done']);
    // Every search event comes before the first answer text.
    const firstText = events.findIndex((e) => e.type === 'text');
    expect(events.slice(firstText).some((e) => e.type.startsWith('search.'))).toBe(false);

    const steps = done.webSearch!.steps;
    expect(steps.find((s) => s.id === 'queries')!.args).toEqual(['amazon river volume', 'brook definition']);
    expect(steps.filter((s) => s.kind === 'search').map((s) => [s.args[0], s.engine, s.resultCount])).toEqual([
      ['amazon river volume', 'SearXNG', 4],
      ['brook definition', 'SearXNG', 4],
    ]);
    const reads = Object.fromEntries(steps.filter((s) => s.kind === 'read').map((s) => [new URL(s.args[0]!).pathname, s.status]));
    expect(reads).toEqual({ '/rivers': 'done', '/brooks': 'done', '/slow': 'skipped', '/report.pdf': 'skipped' });
    expect(steps.find((s) => s.args[0]?.endsWith('/slow'))!.error!.messageKey).toBe('errors.pageTimeout');
    expect(done.webSearch!.sources.map((s) => [s.n, s.title, s.site])).toEqual([
      [1, 'Rivers of the World', '127.0.0.1'],
      [2, '小溪 — 百科', '127.0.0.1'],
    ]);
    expect(done.webSearch!.sources[0]!.excerpt).toContain(RIVERS_FACT);

    // The answer call got the numbered excerpts, after the conversation's own question.
    const answerCall = llm.requests.map((r) => JSON.stringify(r.body)).filter((b) => b.includes('Web search results')).at(-1)!;
    expect(answerCall).toContain(`[1] Rivers of the World (${pages.url}/rivers)`);
    expect(answerCall).toContain(RIVERS_FACT);
    expect(answerCall).toContain('Which river carries the most water?');

    // History, and history after a restart, hold the same record; the conversation remembers the switch.
    expect(core.history.requireMessage(done.id).webSearch).toEqual(done.webSearch);
    await core.shutdown();
    cores.splice(cores.indexOf(core), 1);
    const again = start(dataDir).core;
    expect(again.history.visiblePath(id).at(-1)!.webSearch).toEqual(done.webSearch);
    expect(again.history.requireConversation(id).webSearch).toBe(true);
  });

  it('a misconfigured engine fails its step with the reason and the answer goes ahead, saying so', async () => {
    const { core, ended } = start();
    searxng.setFault('json-disabled');
    const id = await chatWithSearch(core, { backend: 'searxng', searxngUrl: searxng.url });
    const { assistantMessage } = await core.handlers['chat.send']({ conversationId: id, text: 'rivers?', webSearch: true });
    const done = await ended(assistantMessage.id);
    expect(done.status).toBe('done');
    expect(done.content).toContain('Web search was unavailable');
    const searches = done.webSearch!.steps.filter((s) => s.kind === 'search');
    expect(searches.map((s) => [s.status, s.error?.messageKey])).toEqual([
      ['failed', 'errors.searxngJsonDisabled'],
      ['failed', 'errors.searxngJsonDisabled'],
    ]);
    expect(done.webSearch!.sources).toEqual([]);
  });

  it('a search that finds nothing is told apart from one that failed', async () => {
    const { core, ended } = start();
    const id = await chatWithSearch(core, { backend: 'searxng', searxngUrl: searxng.url });
    llm.setResponder((body) => (JSON.stringify(body).includes('You write web search queries') ? { kind: 'answer', text: 'nothing at all' } : responder(body)));
    try {
      const { assistantMessage } = await core.handlers['chat.send']({ conversationId: id, text: 'zzz?', webSearch: true });
      const done = await ended(assistantMessage.id);
      expect(done.content).toContain('found nothing useful');
      expect(done.webSearch!.steps.map((s) => [s.id, s.status, s.resultCount])).toEqual([
        ['queries', 'done', undefined],
        ['search-1', 'done', 0],
      ]);
    } finally {
      llm.setResponder(responder);
    }
  });

  it('pages that do not fit the window fail the compose step, and the answer goes ahead', async () => {
    const { core, ended } = start();
    const id = await chatWithSearch(core, { backend: 'searxng', searxngUrl: searxng.url });
    await useTinyWindow(core, id);
    const { assistantMessage } = await core.handlers['chat.send']({ conversationId: id, text: 'rivers?', webSearch: true });
    const done = await ended(assistantMessage.id);
    expect(done.status).toBe('done');
    expect(done.content).toContain('found nothing useful');
    expect(done.webSearch!.steps.at(-1)).toMatchObject({ id: 'compose', status: 'failed', error: { code: 'context_too_long' } });
    expect(done.webSearch!.sources).toEqual([]);
  });

  it('uses the Tavily key from the secret store and never shows it to the renderer', async () => {
    const { core, ended } = start();
    const id = await chatWithSearch(core, { backend: 'tavily' });
    expect(await core.handlers['webSearch.setKey']({ backend: 'tavily', key: TAVILY_KEY })).toEqual({ tavily: true, brave: false });
    const settingsJson = JSON.stringify(await core.handlers['settings.get']({}));
    expect(settingsJson).not.toContain(TAVILY_KEY);
    const { assistantMessage } = await core.handlers['chat.send']({ conversationId: id, text: 'rivers?', webSearch: true });
    const done = await ended(assistantMessage.id);
    expect(done.webSearch!.steps.find((s) => s.kind === 'search')).toMatchObject({ status: 'done', engine: 'Tavily' });
    expect(tavily.requests.at(-1)!.headers.authorization).toBe(`Bearer ${TAVILY_KEY}`);
    expect(await core.handlers['webSearch.setKey']({ backend: 'tavily', key: null })).toEqual({ tavily: false, brave: false });
  });

  it('does not search when the conversation has it off', async () => {
    const { core, ended } = start();
    const id = await chatWithSearch(core, { backend: 'searxng', searxngUrl: searxng.url, enabledByDefault: true });
    await core.handlers['conversations.setWebSearch']({ id, enabled: false });
    const before = searxng.queries().length;
    const { assistantMessage } = await core.handlers['chat.send']({ conversationId: id, text: 'hello' });
    const done = await ended(assistantMessage.id);
    expect(done.webSearch).toBeNull();
    expect(searxng.queries().length).toBe(before);
  });

  it('the native backend skips its step for a provider without built-in search, and the answer goes ahead', async () => {
    const { core, ended } = start();
    const id = await chatWithSearch(core, { backend: 'native' });
    const before = searxng.queries().length;
    const { assistantMessage } = await core.handlers['chat.send']({ conversationId: id, text: 'rivers?', webSearch: true });
    const done = await ended(assistantMessage.id);
    expect(done.status).toBe('done');
    expect(done.content).toContain('Web search was unavailable');
    expect(done.webSearch!.steps).toEqual([
      { id: 'search-1', kind: 'search', status: 'skipped', args: [], error: expect.objectContaining({ messageKey: 'errors.nativeSearchUnsupported' }) },
    ]);
    expect(searxng.queries().length).toBe(before);
    // A plain OpenAI-compatible server is never sent Qianfan's search field.
    expect(llm.requests.at(-1)!.body).not.toHaveProperty('web_search');
  });

  it('the native backend turns on Qianfan v2 search for a provider made from that preset, and keeps its sources', async () => {
    const { core, ended } = start();
    await core.handlers['providers.save']({
      draft: { name: 'q', kind: 'openai-compatible', presetId: 'qianfan-v2', baseUrl: llm.url, defaultModel: 'ernie-4.5-turbo-128k', apiKey: 'bce-v3/ALTAK-fixture' },
    });
    await core.handlers['settings.update']({ webSearch: { backend: 'native' } });
    const c = await core.handlers['conversations.create']({ providerId: (await core.handlers['providers.list']({}))[0]!.id });
    llm.setScenario({
      kind: 'answer',
      text: 'The Amazon carries the most water.',
      searchResults: [
        { index: 1, title: 'Amazon River', url: 'https://baike.example/amazon' },
        { index: 2, title: 'Rivers by discharge', link: 'https://rivers.example/list' },
      ],
    });
    try {
      const { assistantMessage } = await core.handlers['chat.send']({ conversationId: c.id, text: 'rivers?', webSearch: true });
      const done = await ended(assistantMessage.id);
      expect(done.content).toBe('The Amazon carries the most water.');
      expect(llm.requests.at(-1)!.body).toMatchObject({ web_search: { enable: true, enable_citation: true, enable_trace: true } });
      expect(done.webSearch!.steps).toEqual([{ id: 'search-1', kind: 'search', status: 'done', args: [], engine: 'Baidu', resultCount: 2 }]);
      expect(done.webSearch!.sources.map((s) => [s.n, s.title, s.site])).toEqual([
        [1, 'Amazon River', 'baike.example'],
        [2, 'Rivers by discharge', 'rivers.example'],
      ]);
    } finally {
      llm.setScenario(null);
    }
  });

  it('the native backend hands the search to a provider that has one (Gemini grounding)', async () => {
    const gemini = await startGeminiFixture({ apiKey: 'g-key-123456' });
    try {
      gemini.setScenario({
        kind: 'raw',
        chunks: [
          `data: ${JSON.stringify({ candidates: [{ content: { role: 'model', parts: [{ text: 'The Amazon.' }] }, finishReason: 'STOP', groundingMetadata: { webSearchQueries: ['largest river'], groundingChunks: [{ web: { uri: 'https://example.org/amazon', title: 'example.org' } }] } }] })}\r\n\r\n`,
        ],
      });
      const { core, ended } = start();
      await core.handlers['providers.save']({
        draft: { name: 'g', kind: 'gemini', presetId: 'gemini', baseUrl: gemini.url, defaultModel: 'gemini-fixture-flash', apiKey: 'g-key-123456' },
      });
      await core.handlers['settings.update']({ webSearch: { backend: 'native' } });
      const c = await core.handlers['conversations.create']({ providerId: (await core.handlers['providers.list']({}))[0]!.id });
      const { assistantMessage } = await core.handlers['chat.send']({ conversationId: c.id, text: 'rivers?', webSearch: true });
      const done = await ended(assistantMessage.id);
      expect(done.content).toBe('The Amazon.');
      expect(done.webSearch!.steps.map((s) => [s.id, s.status, s.engine])).toEqual([['queries', 'done', undefined], ['search-1', 'done', 'Google']]);
      expect(done.webSearch!.sources).toEqual([{ n: 1, url: 'https://example.org/amazon', title: 'example.org', site: 'example.org', excerpt: '' }]);
      expect(gemini.requests.at(-1)!.body).toMatchObject({ tools: [{ googleSearch: {} }] });
    } finally {
      await gemini.close();
    }
  });

  it('searches and page reads go through the proxy set in settings', async () => {
    const proxy = await startProxyFixture();
    try {
      const { core, ended } = start();
      const id = await chatWithSearch(core, { backend: 'searxng', searxngUrl: searxng.url });
      await core.handlers['settings.update']({ proxyUrl: proxy.url });
      const { assistantMessage } = await core.handlers['chat.send']({ conversationId: id, text: 'rivers?', webSearch: true });
      expect((await ended(assistantMessage.id)).status).toBe('done');
      expect(proxy.targets.some((t) => t.endsWith(`:${searxng.port}`))).toBe(true);
      expect(proxy.targets.some((t) => t.endsWith(`:${pages.port}`))).toBe(true);
    } finally {
      await proxy.close();
    }
  });

  it('Stop cancels the page fetches in flight and ends the answer as stopped', async () => {
    const { core, ended, events } = start(undefined, 60_000);
    const id = await chatWithSearch(core, { backend: 'searxng', searxngUrl: searxng.url });
    const { assistantMessage } = await core.handlers['chat.send']({ conversationId: id, text: 'rivers?', webSearch: true });
    await expect.poll(() => stepTrail(events).filter((s) => s.startsWith('read-') && s.endsWith(':done')).length).toBe(2);
    const slowRequests = () => pages.requests.filter((r) => r.path === '/slow');
    const slowBefore = slowRequests().length;
    expect(slowBefore).toBeGreaterThan(0);
    await core.handlers['chat.stop']({ conversationId: id });
    const done = await ended(assistantMessage.id);
    expect(done.status).toBe('stopped');
    expect(done.webSearch!.steps.find((s) => s.args[0]?.endsWith('/slow'))!.status).toBe('running');
    await expect.poll(() => slowRequests().every((r) => r.closedEarly)).toBe(true);
  });
});

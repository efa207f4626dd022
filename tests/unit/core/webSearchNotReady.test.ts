/**
 * A conversation with web search on while no engine can run (no SearXNG address, no
 * Tavily/Brave key, the provider's own search on a provider without one): the core answers
 * without searching. No query-writing model call and no engine request are made; the one
 * model call is the answer, and a skipped step says why (its error opens Settings → Web search).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SettingsPatch } from '../../../src/shared/contract/settings';
import type { Message } from '../../../src/shared/domain';
import { settingsSectionForError } from '../../../src/renderer/src/state/settingsSections';
import { startOpenAIFixture, type OpenAIFixture } from '../../fixtures/openaiServer';
import { defaultHits, startBraveFixture, startTavilyFixture, type SearchFixture } from '../../fixtures/searchServers';
import { startCore } from '../../support/coreKit';

let llm: OpenAIFixture;
let tavily: SearchFixture;
let brave: SearchFixture;
beforeAll(async () => {
  [llm, tavily, brave] = await Promise.all([
    startOpenAIFixture(),
    startTavilyFixture(defaultHits('http://127.0.0.1:9'), 'tvly-key'),
    startBraveFixture(defaultHits('http://127.0.0.1:9'), 'brave-key'),
  ]);
});
afterAll(() => Promise.all([llm.close(), tavily.close(), brave.close()]));

const cores: ReturnType<typeof startCore>[] = [];
afterEach(async () => {
  for (const k of cores.splice(0)) await k.core.shutdown();
});

type WebSearchPatch = NonNullable<SettingsPatch['webSearch']>;

async function kit(webSearch: WebSearchPatch) {
  // No title request may add a model call of its own.
  const k = startCore({ autoTitle: false, webSearch: { endpoints: { tavily: tavily.url, brave: brave.url } } });
  cores.push(k);
  await k.call('providers.save', { draft: { name: 'Fixture', presetId: 'custom', baseUrl: llm.url, defaultModel: 'fixture-chat' } });
  await k.call('settings.update', { webSearch });
  return k;
}

/** Sends one question and returns the finished answer with the model requests it cost. */
async function ask(k: Awaited<ReturnType<typeof kit>>, conversationId: string, webSearch?: boolean) {
  const llmBefore = llm.requests.length;
  const engineBefore = tavily.requests.length + brave.requests.length;
  const { assistantMessage } = await k.call('chat.send', { conversationId, text: 'Which river carries the most water?', webSearch });
  const done: Message = await k.ended(assistantMessage.id);
  return {
    done,
    modelRequests: llm.requests.slice(llmBefore).filter((r) => r.path.startsWith('/v1/chat/completions')),
    engineRequests: tavily.requests.length + brave.requests.length - engineBefore,
  };
}

function expectAnsweredWithoutSearch(result: Awaited<ReturnType<typeof ask>>, messageKey: string) {
  const { done, modelRequests, engineRequests } = result;
  expect(done.status).toBe('done');
  expect(engineRequests).toBe(0);
  // One call: the answer. No call writing search queries first.
  expect(modelRequests).toHaveLength(1);
  const body = JSON.stringify(modelRequests[0]!.body);
  expect(body).not.toContain('You write web search queries');
  expect(body).toContain('web search was attempted');
  expect(done.webSearch!.steps).toEqual([
    { id: 'search-1', kind: 'search', status: 'skipped', args: [], error: expect.objectContaining({ messageKey }) },
  ]);
  expect(settingsSectionForError(done.webSearch!.steps[0]!.error!)).toBe('webSearch');
}

describe('web search on with no engine that can run', () => {
  it('search on by default with no SearXNG address: answers once, no query call', async () => {
    const k = await kit({ backend: 'searxng', searxngUrl: '  ', enabledByDefault: true });
    const c = await k.call('conversations.create', {});
    expectAnsweredWithoutSearch(await ask(k, c.id), 'errors.searchUrlMissing');
  });

  it('a conversation that already had search on, with Tavily or Brave chosen but no key: no engine request', async () => {
    const k = await kit({ backend: 'tavily' });
    const c = await k.call('conversations.create', {});
    await k.call('conversations.setWebSearch', { id: c.id, enabled: true });
    const tavilyResult = await ask(k, c.id);
    expectAnsweredWithoutSearch(tavilyResult, 'errors.searchKeyMissing');
    expect(tavilyResult.done.webSearch!.steps[0]!.error!.params).toEqual({ engine: 'Tavily' });
    await k.call('settings.update', { webSearch: { backend: 'brave' } });
    expectAnsweredWithoutSearch(await ask(k, c.id), 'errors.searchKeyMissing');
  });

  it('the provider’s own search on a provider without one: the request carries no search field', async () => {
    const k = await kit({ backend: 'native' });
    const c = await k.call('conversations.create', {});
    const result = await ask(k, c.id, true);
    expectAnsweredWithoutSearch(result, 'errors.nativeSearchUnsupported');
    expect(result.modelRequests[0]!.body).not.toHaveProperty('web_search');
  });

  it('searches as before once the engine can run', async () => {
    const k = await kit({ backend: 'tavily', enabledByDefault: true });
    await k.call('webSearch.setKey', { backend: 'tavily', key: 'tvly-key' });
    const c = await k.call('conversations.create', {});
    const { done, engineRequests } = await ask(k, c.id);
    expect(engineRequests).toBeGreaterThan(0);
    expect(done.webSearch!.steps.some((s) => s.kind === 'queries')).toBe(true);
  });
});

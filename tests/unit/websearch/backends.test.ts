import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BraveBackend } from '../../../src/main/core/websearch/brave';
import { SearxngBackend } from '../../../src/main/core/websearch/searxng';
import { TavilyBackend } from '../../../src/main/core/websearch/tavily';
import { AppError } from '../../../src/shared/errors';
import { startBraveFixture, startSearxngFixture, startTavilyFixture, type FixtureHit, type SearchFixture } from '../../fixtures/searchServers';

const KEY = 'tvly-fixture-secret-key';
const HITS: FixtureHit[] = [
  { url: 'https://a.example/one', title: 'One &amp; only', snippet: 'The <strong>first</strong> hit' },
  { url: 'https://a.example/one', title: 'Duplicate', snippet: 'same URL again' },
  { url: 'magnet:?xt=urn:btih:abc', title: 'Not a web page', snippet: '' },
  { url: 'https://b.example/two', title: 'Two', snippet: 'second' },
];
const deps = { fetch };
const signal = () => new AbortController().signal;

async function failure(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

let searxng: SearchFixture;
let tavily: SearchFixture;
let brave: SearchFixture;
beforeAll(async () => {
  [searxng, tavily, brave] = await Promise.all([startSearxngFixture(HITS), startTavilyFixture(HITS, KEY), startBraveFixture(HITS, KEY)]);
});
afterAll(() => Promise.all([searxng.close(), tavily.close(), brave.close()]));

describe('SearXNG', () => {
  it('asks for JSON and returns plain-text, unique web hits up to the limit', async () => {
    searxng.setFault(null);
    const hits = await new SearxngBackend(`${searxng.url}/`, deps).search('rivers 河流', 5, signal());
    expect(hits).toEqual([
      { url: 'https://a.example/one', title: 'One & only', snippet: 'The first hit' },
      { url: 'https://b.example/two', title: 'Two', snippet: 'second' },
    ]);
    const sent = new URL(searxng.requests.at(-1)!.path, 'http://x');
    expect(sent.pathname).toBe('/search');
    expect(sent.searchParams.get('format')).toBe('json');
    expect(sent.searchParams.get('q')).toBe('rivers 河流');
    expect(await new SearxngBackend(searxng.url, deps).search('x', 1, signal())).toHaveLength(1);
  });

  it('says that JSON must be enabled when the instance answers 403', async () => {
    searxng.setFault('json-disabled');
    const err = await failure(new SearxngBackend(searxng.url, deps).search('q', 5, signal()));
    expect(err).toMatchObject({ messageKey: 'errors.searxngJsonDisabled', status: 403, retryable: false });
    searxng.setFault(null);
  });

  it('asks for a URL when none is set, and reports an engine that is down', async () => {
    expect(await failure(new SearxngBackend('  ', deps).search('q', 5, signal()))).toMatchObject({ messageKey: 'errors.searchUrlMissing' });
    searxng.setFault('down');
    expect((await failure(new SearxngBackend(searxng.url, deps).search('q', 5, signal()))).code).toBe('network');
    searxng.setFault(null);
  });
});

describe('Tavily', () => {
  it('posts the query with a Bearer key and maps the results', async () => {
    tavily.setFault(null);
    const hits = await new TavilyBackend(KEY, deps, tavily.url).search('rivers', 3, signal());
    expect(hits.map((h) => h.url)).toEqual(['https://a.example/one', 'https://b.example/two']);
    const last = tavily.requests.at(-1)!;
    expect(last.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(last.body).toMatchObject({ query: 'rivers', max_results: 3 });
  });

  it('needs a key, rejects a wrong one without echoing it, and reports rate limits', async () => {
    expect(await failure(new TavilyBackend(null, deps, tavily.url).search('q', 3, signal()))).toMatchObject({
      code: 'auth', messageKey: 'errors.searchKeyMissing', params: { engine: 'Tavily' },
    });
    const wrong = await failure(new TavilyBackend('tvly-wrong-key', deps, tavily.url).search('q', 3, signal()));
    expect(wrong.code).toBe('auth');
    expect(JSON.stringify(wrong.toJSON())).not.toContain('tvly-wrong-key');
    tavily.setFault('rate-limited');
    expect(await failure(new TavilyBackend(KEY, deps, tavily.url).search('q', 3, signal()))).toMatchObject({ code: 'rate_limit', retryAfterMs: 30_000 });
    tavily.setFault(null);
  });
});

describe('Brave', () => {
  it('sends the subscription token, plain snippets and a count, and reads web.results', async () => {
    brave.setFault(null);
    const hits = await new BraveBackend(KEY, deps, brave.url).search('rivers', 4, signal());
    expect(hits).toHaveLength(2);
    const last = brave.requests.at(-1)!;
    expect(last.headers['x-subscription-token']).toBe(KEY);
    const sent = new URL(last.path, 'http://x');
    expect(sent.searchParams.get('count')).toBe('4');
    expect(sent.searchParams.get('text_decorations')).toBe('false');
  });

  it('fails with auth for a bad key and with the reason for a missing one', async () => {
    expect((await failure(new BraveBackend('nope-nope', deps, brave.url).search('q', 3, signal()))).code).toBe('auth');
    expect(await failure(new BraveBackend(null, deps, brave.url).search('q', 3, signal()))).toMatchObject({ params: { engine: 'Brave' } });
  });
});

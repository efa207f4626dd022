import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAICompatibleFactory } from '../../../src/main/core/providers/openaiCompatible';
import { composeSources, MAX_SEARCH_TOKENS, searchInstructions } from '../../../src/main/core/websearch/compose';
import { generateQueries, parseQueries } from '../../../src/main/core/websearch/queries';
import { estimateTokens } from '../../../src/main/core/base/contextBudget';
import { searchSummary, withSource, withStep } from '../../../src/shared/webSearch';
import { startOpenAIFixture, type OpenAIFixture } from '../../fixtures/openaiServer';

let llm: OpenAIFixture;
beforeAll(async () => {
  llm = await startOpenAIFixture();
});
afterAll(() => llm.close());

describe('query step', () => {
  it('parses one query per line, dropping markers, quotes, repeats and extras', () => {
    expect(parseQueries('1. "largest river by volume"\n- 亚马逊河 流量\n\nLargest river by volume\n* a\n* b')).toEqual([
      'largest river by volume',
      '亚马逊河 流量',
      'a',
    ]);
  });

  it('asks the conversation model in the user language and falls back to the question when it fails', async () => {
    const provider = openAICompatibleFactory.create({ baseUrl: llm.url, apiKey: null }, { fetch });
    llm.setResponder(() => ({ kind: 'answer', text: '亚马逊河 流量\n世界 最长 河流' }));
    llm.clearRequests();
    const convo = [{ role: 'user' as const, content: '世界上水量最大的河是哪条？' }];
    const made = await generateQueries(provider, 'fixture-chat', convo, new AbortController().signal, '2026-11-22');
    expect(made).toEqual({ queries: ['亚马逊河 流量', '世界 最长 河流'], fromModel: true });
    const sent = JSON.stringify(llm.requests[0]!.body);
    expect(sent).toContain('language of the last user message');
    expect(sent).toContain('世界上水量最大的河是哪条');
    expect(sent).toContain('2026-11-22');

    llm.setResponder(() => ({ kind: 'http-error', status: 500 }));
    const fallback = await generateQueries(provider, 'fixture-chat', convo, new AbortController().signal, '2026-11-22');
    expect(fallback).toEqual({ queries: ['世界上水量最大的河是哪条？'], fromModel: false });
    llm.setResponder(null);
  });
});

describe('compose step', () => {
  const long = (word: string) => Array.from({ length: 400 }, (_, i) => `${word} sentence number ${i}.`).join(' ');

  it('numbers the sources and keeps all excerpts within the budget', () => {
    const pages = [
      { url: 'https://www.a.example/x', title: 'A', text: long('alpha') },
      { url: 'https://b.example/y', title: '', text: long('beta') },
      { url: 'https://c.example/z', title: 'Empty', text: '   ' },
    ];
    const { sources, excerpts } = composeSources(pages, 1200);
    expect(sources.map((s) => [s.n, s.site, s.title])).toEqual([[1, 'a.example', 'A'], [2, 'b.example', 'b.example']]);
    const used = excerpts.reduce((sum, e) => sum + estimateTokens(e), 0);
    expect(used).toBeLessThanOrEqual(1200);
    expect(excerpts[0]).toMatch(/\. …$/);
    expect(sources[0]!.excerpt.length).toBeLessThanOrEqual(401);
    const prompt = searchInstructions(sources, excerpts, '2026-11-22');
    expect(prompt).toContain('[1] A (https://www.a.example/x)');
    expect(prompt).toContain('[2] b.example (https://b.example/y)');
    expect(prompt).toMatch(/\[1\] or \[2\]\[3\]/);
  });

  it('gives a long page the paragraphs that match the queries, in page order', () => {
    const filler = (i: number) => `Paragraph ${i} talks about mountains, valleys and the weather in general terms for a while.`;
    const paragraphs = Array.from({ length: 60 }, (_, i) => filler(i));
    paragraphs[41] = 'The Amazon river discharge is the largest of any river.';
    paragraphs[7] = '亚马逊河的流量是世界上最大的。';
    const { excerpts } = composeSources([{ url: 'https://a.example', title: 'A', text: paragraphs.join('\n\n') }], 400, ['amazon river discharge', '亚马逊河 流量']);
    const excerpt = excerpts[0]!;
    expect(excerpt).toContain('The Amazon river discharge');
    expect(excerpt).toContain('亚马逊河的流量');
    expect(excerpt.indexOf('亚马逊河')).toBeLessThan(excerpt.indexOf('The Amazon'));
    expect(estimateTokens(excerpt)).toBeLessThanOrEqual(400);
  });

  it('never exceeds its own cap, and gives up when there is no room', () => {
    const { excerpts } = composeSources([{ url: 'https://a.example', title: 'A', text: long('gamma').repeat(10) }], 1_000_000);
    expect(estimateTokens(excerpts[0]!)).toBeLessThanOrEqual(MAX_SEARCH_TOKENS);
    expect(composeSources([{ url: 'https://a.example', title: 'A', text: 'x' }], 100).sources).toEqual([]);
  });
});

describe('search record', () => {
  it('replaces steps by id, orders sources by number and summarises', () => {
    let r = withStep(null, { id: 'search-1', kind: 'search', status: 'running', args: ['q'] });
    r = withStep(r, { id: 'read-1', kind: 'read', status: 'done', args: ['u'] });
    r = withStep(r, { id: 'search-1', kind: 'search', status: 'done', args: ['q'], resultCount: 3 });
    r = withSource(r, { n: 2, url: 'u2', title: 't', site: 's', excerpt: 'e' });
    r = withSource(r, { n: 1, url: 'u1', title: 't', site: 's', excerpt: 'e' });
    expect(r.steps.map((s) => `${s.id}:${s.status}`)).toEqual(['search-1:done', 'read-1:done']);
    expect(r.sources.map((s) => s.n)).toEqual([1, 2]);
    expect(searchSummary(r)).toEqual({ queries: 1, pages: 1, failed: false, skipped: false, nativeEngine: null });
    // The provider's own search reads no pages in Brook: the summary names its engine instead.
    const native = withStep(null, { id: 's', kind: 'search', status: 'done', args: [], engine: 'Baidu', resultCount: 2 });
    expect(searchSummary(native)).toMatchObject({ queries: 1, pages: 0, nativeEngine: 'Baidu' });
    expect(searchSummary(withStep(null, { id: 's', kind: 'search', status: 'failed', args: [] })).failed).toBe(true);
  });
});

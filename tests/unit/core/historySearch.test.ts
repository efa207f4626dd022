import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { HistorySearch } from '../../../src/main/core/history/search/HistorySearch';
import { historySearchSchema, type RequestArgs } from '../../../src/shared/contract';
import { HistoryStore } from '../../../src/main/core/history/HistoryStore';
import { parseQuery } from '../../../src/main/core/history/search/searchQuery';
import { buildSnippet } from '../../../src/main/core/history/search/snippet';

function storeWith(texts: { text: string; role?: 'user' | 'assistant'; at?: number; model?: string; conv?: string }[]) {
  let now = 1_700_000_000_000;
  const clock = () => now;
  const s = new HistoryStore({ file: ':memory:', clock });
  const convs = new Map<string, string>();
  const ids: string[] = [];
  for (const t of texts) {
    const title = t.conv ?? 'Conversation';
    if (!convs.has(title)) convs.set(title, s.createConversation({ title, model: t.model ?? 'm1', providerId: 'p1' }).id);
    now = t.at ?? now + 1000;
    const conversationId = convs.get(title)!;
    const parentId = s.visiblePath(conversationId).at(-1)?.id ?? null;
    ids.push(
      s.appendMessage({ conversationId, parentId, role: t.role ?? 'user', content: t.text, status: 'done', model: t.model ?? null }).id,
    );
  }
  return { s, ids, convs };
}

function find(s: HistoryStore, query: string, extra: Omit<RequestArgs<'history.search'>, 'query'> = {}) {
  return s.search.search(historySearchSchema.parse({ query, ...extra }));
}
const texts = (page: ReturnType<typeof find>) => page.hits.map((h) => h.snippet.map((p) => p.text).join(''));

describe('history search', () => {
  it('leaves out a conversation deleted and waiting out its Undo window, and finds it again after Undo', () => {
    const { s, convs } = storeWith([{ text: '下雨天的计划', conv: 'rain' }, { text: '下雨了吗', conv: 'other' }]);
    expect(find(s, '下雨').hits).toHaveLength(2);
    s.softDeleteConversation(convs.get('rain')!);
    expect(find(s, '下雨').hits.map((h) => h.conversationTitle)).toEqual(['other']);
    expect(find(s, '雨').hits.map((h) => h.conversationTitle)).toEqual(['other']);
    s.restoreConversation(convs.get('rain')!);
    expect(find(s, '下雨').hits).toHaveLength(2);
  });

  const corpus = [
    { text: '今天天气怎么样？' },
    { text: '明天的天气预报说会下雨', role: 'assistant' as const },
    { text: '東京の天気は晴れです' },
    { text: 'What is the weather like in Paris?' },
    { text: 'Weathering the storm is a long story' },
    { text: '我喜欢喝茶' },
    { text: 'カタカナのテスト' },
  ];

  it('finds Chinese, Japanese and English with three or more characters (substrings)', () => {
    const { s } = storeWith(corpus);
    expect(texts(find(s, '天气预报'))).toEqual(['明天的天气预报说会下雨']);
    expect(texts(find(s, '天気は'))).toEqual(['東京の天気は晴れです']);
    expect(texts(find(s, 'カタカナ'))).toEqual(['カタカナのテスト']);
    expect(texts(find(s, 'weather'))).toEqual(['Weathering the storm is a long story', 'What is the weather like in Paris?']);
    expect(texts(find(s, 'EATHER'))).toHaveLength(2);
  });

  it('finds one- and two-character CJK queries through the short index, newest first', () => {
    const { s } = storeWith(corpus);
    expect(texts(find(s, '天气'))).toEqual(['明天的天气预报说会下雨', '今天天气怎么样？']);
    expect(texts(find(s, '茶'))).toEqual(['我喜欢喝茶']);
    expect(texts(find(s, '天'))).toEqual(['東京の天気は晴れです', '明天的天气预报说会下雨', '今天天气怎么样？']);
    expect(texts(find(s, 'の'))).toHaveLength(2);
    expect(find(s, '气天').hits).toEqual([]);
  });

  it('matches short Latin queries as word prefixes and combines short and long terms', () => {
    const { s } = storeWith(corpus);
    expect(texts(find(s, 'Pa'))).toEqual(['What is the weather like in Paris?']);
    expect(texts(find(s, 'weather 天'))).toEqual([]);
    expect(texts(find(s, '天气 下雨'))).toEqual(['明天的天气预报说会下雨']);
    expect(texts(find(s, 'storm is'))).toEqual(['Weathering the storm is a long story']);
  });

  it('answers a long and a short term together with exactly the messages holding both, newest first and ranked', () => {
    // Many messages hold only the short term: the join must filter by it, not be driven by it.
    const rows = Array.from({ length: 60 }, (_, i) => {
      if (i % 10 === 3) return { text: `Tokyo 天気 ${i}` };
      if (i % 10 === 7) return { text: `Tokyo only ${i}` };
      return { text: `明日の天気 ${i}` };
    });
    rows.push({ text: 'Tokyo 天気 Tokyo 天気 Tokyo' });
    const { s } = storeWith(rows);
    const both = ['Tokyo 天気 Tokyo 天気 Tokyo', 'Tokyo 天気 53', 'Tokyo 天気 43', 'Tokyo 天気 33', 'Tokyo 天気 23', 'Tokyo 天気 13', 'Tokyo 天気 3'];
    expect(texts(find(s, 'Tokyo 天気'))).toEqual(both);
    expect(texts(find(s, '天気 tokyo'))).toEqual(both);
    const first = find(s, 'Tokyo 天気', { limit: 4 });
    expect(texts(first)).toEqual(both.slice(0, 4));
    expect(texts(find(s, 'Tokyo 天気', { limit: 4, cursor: first.nextCursor }))).toEqual(both.slice(4));
    const ranked = texts(find(s, 'Tokyo 天気', { order: 'ranked' }));
    expect(ranked[0]).toBe('Tokyo 天気 Tokyo 天気 Tokyo');
    expect([...ranked].sort()).toEqual([...both].sort());
  });

  it('marks every hit in the snippet as data', () => {
    const { s } = storeWith(corpus);
    const [hit] = find(s, '天气 下雨').hits;
    expect(hit!.snippet).toEqual([
      { text: '明天的', hit: false },
      { text: '天气', hit: true },
      { text: '预报说会', hit: false },
      { text: '下雨', hit: true },
    ]);
    expect(hit!.conversationTitle).toBe('Conversation');
    expect(hit!.role).toBe('assistant');
  });

  it('lists every model in the history for the filter, as the filter matches them', () => {
    const { s, convs } = storeWith([
      { text: 'imported answer', role: 'assistant', model: 'gpt-4o', conv: 'import' },
      { text: 'a later answer', role: 'assistant', model: 'o3', conv: 'import' },
      { text: 'no model on the row', conv: 'chosen' },
      { text: 'gone soon', role: 'assistant', model: 'deleted-only', conv: 'gone' },
    ]);
    s.softDeleteConversation(convs.get('gone')!);
    // o3 was never a conversation's chosen model; m1 is the chosen model behind a row without one
    expect(s.search.models()).toEqual(['gpt-4o', 'm1', 'o3']);
    expect(texts(find(s, 'answer', { model: 'o3' }))).toEqual(['a later answer']);
  });

  it('shows snippets as text, not the Markdown behind them', () => {
    const { s } = storeWith([{ text: '## Weather report\n\nIt is **sunny** with `clear` skies, see [the map](https://example.com).', role: 'assistant' }]);
    const [hit] = find(s, 'sunny').hits;
    expect(hit!.snippet.map((p) => p.text).join('')).toBe('Weather report It is sunny with clear skies, see the map.');
    expect(hit!.snippet.find((p) => p.hit)?.text).toBe('sunny');
  });

  it('never lets punctuation or FTS syntax in the query crash or inject', () => {
    const { s } = storeWith([...corpus, { text: 'C++ and "quoted" AND NEAR(x) {content}: * ^' }]);
    const nasty = ['"', '""', '"天气', 'AND', 'OR NOT', '*', '^', '(', ')', 'NEAR(', '{content}:', 'content:', '-', '+', "'", ';--', 'a"b', '\\', '天"气', '??', '。', 'c++', '"quoted"', 'NEAR(x)', '天*', 'NOT 天气', '\u0000', '🙂', '🙂🙂🙂'];
    for (const q of nasty) expect(() => find(s, q)).not.toThrow();
    expect(texts(find(s, 'C++'))).toHaveLength(1);
    expect(texts(find(s, 'NEAR(x)'))).toHaveLength(1);
    expect(texts(find(s, 'AND'))).toHaveLength(1);
    // Operators are words to find, not syntax: "story OR xyz" would match if OR were an operator.
    expect(find(s, 'story OR xyz').hits).toEqual([]);
    expect(find(s, 'story NOT long').hits).toEqual([]);
    expect(find(s, '"quoted"').hits).toHaveLength(1);
    expect(find(s, '??').hits).toEqual([]);
    expect(find(s, '').hits).toEqual([]);
  });

  it('filters by role, model, date range and pages with a cursor', () => {
    const base = 1_700_000_000_000;
    const { s } = storeWith([
      { text: 'weather one', at: base, model: 'alpha' },
      { text: 'weather two', at: base + 86_400_000, role: 'assistant', model: 'beta' },
      { text: 'weather three', at: base + 2 * 86_400_000, model: 'alpha' },
      { text: 'weather four', at: base + 3 * 86_400_000, role: 'assistant', model: 'beta' },
    ]);
    expect(texts(find(s, 'weather', { role: 'assistant' }))).toEqual(['weather four', 'weather two']);
    expect(texts(find(s, 'weather', { model: 'alpha' }))).toEqual(['weather three', 'weather one']);
    expect(texts(find(s, 'weather', { from: base + 86_400_000, to: base + 2 * 86_400_000 }))).toEqual(['weather three', 'weather two']);
    const first = find(s, 'weather', { limit: 3 });
    expect(texts(first)).toEqual(['weather four', 'weather three', 'weather two']);
    expect(first.nextCursor).not.toBeNull();
    const second = find(s, 'weather', { limit: 3, cursor: first.nextCursor });
    expect(texts(second)).toEqual(['weather one']);
    expect(second.nextCursor).toBeNull();
    const ranked = find(s, 'weather', { order: 'ranked', limit: 2 });
    expect(ranked.hits).toHaveLength(2);
    expect(find(s, 'weather', { order: 'ranked', limit: 2, cursor: ranked.nextCursor }).hits).toHaveLength(2);
    expect(() => find(s, 'weather', { cursor: 'o:2' })).toThrow();
  });

  it('ranks the message that matches best first', () => {
    const { s } = storeWith([
      { text: 'weather weather weather weather' },
      { text: 'a long message that mentions the weather once among many other words of no interest at all here' },
    ]);
    expect(texts(find(s, 'weather', { order: 'ranked' }))[0]).toBe('weather weather weather weather');
  });

  it('ranks within the newest matches when there are very many', () => {
    const { s } = storeWith([
      { text: 'weather weather weather weather' },
      { text: 'the weather, once, in a long sentence with many other words' },
      { text: 'weather report for today with a few words' },
      { text: 'weather and more words here too' },
    ]);
    const narrow = new HistorySearch(() => (s as unknown as { db: Database.Database }).db, 3);
    const ranked = narrow.search(historySearchSchema.parse({ query: 'weather', order: 'ranked' }));
    expect(ranked.hits).toHaveLength(3);
    expect(ranked.hits.map((h) => h.snippet.map((p) => p.text).join(''))).not.toContain('weather weather weather weather');
    expect(texts(find(s, 'weather', { order: 'ranked' }))[0]).toBe('weather weather weather weather');
  });

  it('keeps the indexes in sync: streaming rows appear when they end, edits and deletes follow', () => {
    const { s, convs } = storeWith([{ text: 'hello' }]);
    const conversationId = [...convs.values()][0]!;
    const answer = s.appendMessage({ conversationId, parentId: null, role: 'assistant', content: '', status: 'streaming' });
    s.checkpoint(answer.id, '晴れの天気', '');
    expect(find(s, '天気').hits).toEqual([]);
    s.finishMessage(answer.id, { status: 'done', content: '晴れの天気です', reasoning: 'thinking about 雨' });
    expect(find(s, '天気').hits.map((h) => h.messageId)).toEqual([answer.id]);
    expect(find(s, '雨').hits).toEqual([]);
    expect(find(s, '雨', { includeReasoning: true }).hits.map((h) => h.snippet.find((p) => p.hit)?.text)).toEqual(['雨']);
    s.reopenForContinue(answer.id);
    expect(find(s, '天気').hits).toEqual([]);
    s.finishMessage(answer.id, { status: 'stopped', content: '曇りです', reasoning: '' });
    expect(find(s, '天気').hits).toEqual([]);
    expect(find(s, '曇り').hits).toHaveLength(1);
    s.deleteConversation(conversationId);
    expect(find(s, '曇り').hits).toEqual([]);
    expect(find(s, 'hello').hits).toEqual([]);
  });
});

describe('query parsing and snippets', () => {
  it('groups quoted phrases and drops lone punctuation', () => {
    expect(parseQuery('  "new york"  天气 ! ab ')).toEqual([
      { text: 'new york', long: true },
      { text: '天气', long: false },
      { text: 'ab', long: false },
    ]);
  });

  it('cuts a window around the first hit with ellipses, without splitting surrogate pairs', () => {
    const text = `${'😀'.repeat(60)} the weather ${'x'.repeat(300)}`;
    const snippet = buildSnippet(text, ['WEATHER']);
    expect(snippet[0]!.text.startsWith('…')).toBe(true);
    expect(snippet.find((p) => p.hit)?.text).toBe('weather');
    expect(snippet.at(-1)!.text.endsWith('…')).toBe(true);
    expect(snippet.map((p) => p.text).join('')).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });
});

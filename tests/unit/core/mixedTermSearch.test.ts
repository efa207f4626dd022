import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { HistoryStore } from '../../../src/main/core/history/HistoryStore';
import { HistorySearch, RANKED_WINDOW } from '../../../src/main/core/history/search/HistorySearch';
import type { SearchIndexQueue } from '../../../src/main/core/history/search/indexQueue';
import { MIXED_JOIN_TUNING, type MixedJoinTuning } from '../../../src/main/core/history/search/mixedJoin';
import { MATCH, MAYBE, NO_MATCH, SURE_SEPARATOR, SURE_TOKEN, termState } from '../../../src/main/core/history/search/shortTermCheck';
import { historySearchSchema, type RequestArgs } from '../../../src/shared/contract';

/**
 * A query with a long and a short CJK term (`Tokyo 天気`) is joined one of several ways
 * (mixedJoin.ts): the short term's set, a text check of each walked row, or the check on the
 * newest rows and then either. Every way must give exactly the index's hits.
 */
const PLANS: Record<string, MixedJoinTuning> = {
  'the set': { ...MIXED_JOIN_TUNING, smallSet: 1e9 },
  'the text check': { smallSet: 1, longProbe: 1e9, sample: 1e9, checkBudget: 0, checkCost: 1 },
  'the check, then the check': { smallSet: 1, longProbe: 1e9, sample: 2, checkBudget: 0, checkCost: 0 },
  'the check, then the set': { smallSet: 1, longProbe: 1e9, sample: 2, checkBudget: 0, checkCost: 1e9 },
  'the check, then the check by its hit rate': { smallSet: 1, longProbe: 1e9, sample: 8, checkBudget: 1e9, checkCost: 1e9 },
  'the check, then a comparison': { smallSet: 1, longProbe: 3, sample: 2, checkBudget: 0, checkCost: 30 },
};

const DAY = 86_400_000;
const START = 1_700_000_000_000;

/** Hits are old: the newest hundred messages hold one of the terms each, never both. */
function history() {
  let now = START;
  const s = new HistoryStore({ file: ':memory:', clock: () => now });
  const conversationId = s.createConversation({ title: 'Trip', model: 'm1', providerId: 'p1' }).id;
  let parentId: string | null = null;
  const contents = new Map<string, string>();
  const add = (content: string, reasoning = '') => {
    now += DAY;
    const row: { id: string } = s.appendMessage({ conversationId, parentId, role: 'assistant', content: '', status: 'streaming' });
    s.finishMessage(row.id, { status: 'done', content, reasoning });
    contents.set(row.id, content);
    parentId = row.id;
  };
  const both = [
    'Tokyo の天気は晴れ 1',
    'Tokyo 天、気 2',
    'Tokyo 天　気 3',
    'Tokyo 天😀気 4',
    'in Tokyo: 天気 5',
    '天気 TOKYO 6',
  ];
  const neither = ['Tokyo 天x気', 'Tokyo 天🙂気', 'Tokyo 気天', 'Tokyo 天ー気', 'Tokyo 天 only', 'Tokyo 気 only'];
  for (const text of [...both.slice(0, 3), ...neither, ...both.slice(3)]) add(text);
  add('Tokyo in the content', '天気 in the reasoning');
  for (let i = 0; i < 100; i++) add(i % 2 ? `Tokyo again ${i}` : `明日の天気 ${i}`);
  return { s, both: [...both].reverse(), contents };
}

function searcher(s: HistoryStore, tuning: MixedJoinTuning) {
  const store = s as unknown as { db: Database.Database; indexQueue: SearchIndexQueue };
  return new HistorySearch(() => store.db, RANKED_WINDOW, store.indexQueue, tuning);
}

function find(search: HistorySearch, query: string, extra: Omit<RequestArgs<'history.search'>, 'query'> = {}) {
  return search.search(historySearchSchema.parse({ query, ...extra }));
}

describe('mixed-term search: every plan finds exactly the index hits', () => {
  const { s, both, contents } = history();
  /** Each hit's message as stored (snippets rewrite spaces). */
  const texts = (page: { hits: { messageId: string }[] }) => page.hits.map((h) => contents.get(h.messageId));
  const withReasoning = ['Tokyo in the content', ...both];

  for (const [plan, tuning] of Object.entries(PLANS)) {
    it(`through ${plan}`, () => {
      const search = searcher(s, tuning);
      expect(texts(find(search, 'Tokyo 天気'))).toEqual(both);
      expect(texts(find(search, '天気 tokyo'))).toEqual(both);
      // Reasoning: the short term may be in the other column.
      expect(texts(find(search, 'Tokyo 天気', { includeReasoning: true }))).toEqual(withReasoning);
      // Pages: the cursor carries on below the last hit.
      const first = find(search, 'Tokyo 天気', { limit: 4 });
      expect(texts(first)).toEqual(both.slice(0, 4));
      expect(texts(find(search, 'Tokyo 天気', { limit: 4, cursor: first.nextCursor }))).toEqual(both.slice(4));
      // Ranked: the same hits.
      expect([...texts(find(search, 'Tokyo 天気', { order: 'ranked' }))].sort()).toEqual([...both].sort());
      // A date range: days 3 to 10 hold hits 3 and 4 (5 to 9 hold the near misses).
      expect(texts(find(search, 'Tokyo 天気', { from: START + 3 * DAY, to: START + 10 * DAY }))).toEqual(both.slice(2, 4));
      // One CJK character, two short terms, and no hits at all.
      expect(texts(find(search, 'Tokyo 晴'))).toEqual(['Tokyo の天気は晴れ 1']);
      expect(texts(find(search, 'Tokyo 天気 晴れ'))).toEqual(['Tokyo の天気は晴れ 1']);
      expect(find(search, 'Tokyo 雪').hits).toEqual([]);
      expect(find(search, 'Tokyo 雪', { order: 'ranked' }).hits).toEqual([]);
      expect(find(search, '东京 sun').hits).toEqual([]);
    });
  }

  it('matches the default plan too', () => {
    expect(texts(find(s.search, 'Tokyo 天気'))).toEqual(both);
  });
});

describe('short-term text check', () => {
  it('follows the tokenizer: separators between the characters, not letters', () => {
    expect(termState('今日の天気', '天気')).toBe(MATCH);
    expect(termState('天、気', '天気')).toBe(MATCH);
    expect(termState('天 \n 気', '天気')).toBe(MATCH);
    expect(termState('天x気', '天気')).toBe(NO_MATCH);
    expect(termState('気天', '天気')).toBe(NO_MATCH);
    expect(termState('天天気', '天気')).toBe(MATCH);
    expect(termState('天', '天')).toBe(MATCH);
    // An emoji: a separator or a token depending on SQLite's Unicode tables, so the index decides.
    expect(termState('天🙂気', '天気')).toBe(MAYBE);
    expect(termState('天🙂気 天気', '天気')).toBe(MATCH);
  });

  it("agrees with SQLite's unicode61 tokenizer on every code point it is sure of", () => {
    const db = new Database(':memory:');
    db.exec(`CREATE VIRTUAL TABLE t USING fts5(content, tokenize='unicode61 remove_diacritics 2');
             CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance');`);
    const insert = db.prepare('INSERT INTO t (rowid, content) VALUES (?, ?)');
    db.transaction(() => {
      for (let c = 1; c <= 0x2ffff; c++) if (c < 0xd800 || c > 0xdfff) insert.run(c, ` ${String.fromCodePoint(c)} `);
    })();
    const token = new Map<number, string>();
    for (const row of db.prepare('SELECT term, doc FROM v').iterate() as Iterable<{ term: string; doc: number }>) token.set(row.doc, row.term);
    const wrong: string[] = [];
    for (let c = 1; c <= 0x2ffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const char = String.fromCodePoint(c);
      if (SURE_SEPARATOR.test(char) && token.has(c)) wrong.push(`U+${c.toString(16)} is a token`);
      if (SURE_TOKEN.test(char) && !token.has(c)) wrong.push(`U+${c.toString(16)} is a separator`);
      // A term's characters are compared as they are: nothing else may fold into a CJK letter.
      const folded = token.get(c);
      if (folded !== undefined && folded !== char && /[\u3041-\u3096\u30a1-\u30fa\u3400-\u4db5\u4e00-\u9fa5\uac00-\ud7a3]/.test(folded)) {
        wrong.push(`U+${c.toString(16)} folds into ${folded}`);
      }
      if (/^[\u3041-\u3096\u30a1-\u30fa\u3400-\u4db5\u4e00-\u9fa5\uac00-\ud7a3]$/.test(char) && folded !== char) wrong.push(`U+${c.toString(16)} folds`);
    }
    db.close();
    expect(wrong.slice(0, 20)).toEqual([]);
  });
});

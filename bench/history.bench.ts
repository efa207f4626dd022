/**
 * Builds history databases of mixed Chinese, Japanese and English messages and prints what
 * search and opening feel like at that size. Figures are printed, never asserted.
 *
 *   npm run bench:history            (BENCH_SIZES=100000,1000000 by default)
 */
import { mkdirSync, mkdtempSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { test, type Page } from '@playwright/test';
import { startBrook } from '../tests/e2e/support/brookProcess';
import { historySearchSchema, type RequestArgs } from '../src/shared/contract';
import { HistoryStore } from '../src/main/core/history/HistoryStore';
import { checkIntegrity, checkOpens } from '../src/main/core/history/integrity';
import { migrate } from '../src/main/core/history/migrate';
import { MIGRATIONS } from '../src/main/core/history/migrations/index';
import { message, rng } from './historyCorpus';

const SIZES = (process.env.BENCH_SIZES ?? '100000,1000000').split(',').map(Number);
const LONG_CONVERSATION = 10_000;
const PER_CONVERSATION = 100;
const RUNS = Number(process.env.BENCH_RUNS ?? 15);

/** Every query class apart: CJK and Latin, one, two and three or more characters. */
const QUERIES: Record<string, string[]> = {
  '1 char CJK': ['天', '雨', 'の', '鶴', '猫'],
  '1 letter': ['a', 's', 't', 'w', 'p'],
  '2 chars CJK': ['天气', '東京', '长城', '温泉', '数据'],
  '2 letters': ['AI', 'to', 'we', 'se', 'co'],
  '3+ CJK': ['数据库', '富士山', '新幹線', 'カタカナ', '今日は天気'],
  '3+ Latin': ['sun', 'tok', 'weather', 'benchmark latency', 'typescript'],
  'mixed': ['天气 温度', 'AI 模型', 'Tokyo 天気', 'a 数据', '东京 sun'],
};

function pct(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
const f1 = (v: number) => v.toFixed(1);

function time<T>(fn: () => T): [number, T] {
  const t = performance.now();
  const value = fn();
  return [performance.now() - t, value];
}

/**
 * Writes the messages into a schema-3 database (as an older Brook would have), then times the
 * real migration to version 4, which builds both indexes in bulk: the wait a user with this much
 * history sees once, on the first start after updating. Per-message indexing (the triggers) is
 * timed separately through HistoryStore.
 */
function build(file: string, total: number): { writeSeconds: number; indexSeconds: number; rate: number } {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  migrate(db, MIGRATIONS.filter((m) => m.version <= 3), () => null);
  const r = rng(42);
  const insertConversation = db.prepare(
    `INSERT INTO conversations (id, title, provider_id, model, current_leaf_id, created_at, updated_at) VALUES (?, ?, 'p', ?, ?, ?, ?)`,
  );
  const insertMessage = db.prepare(
    `INSERT INTO messages (id, conversation_id, parent_id, role, content, status, provider_id, model, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 'done', ?, ?, ?, ?)`,
  );
  const start = Date.UTC(2023, 0, 1);
  const span = 3 * 365 * 86_400_000;
  const models = ['gpt-4o', 'deepseek-chat', 'claude-sonnet', 'qwen-max'];
  let written = 0;
  const t0 = performance.now();
  const conversation = (index: number, count: number) => {
    const id = `c${index}`;
    const model = models[index % models.length]!;
    let parent: string | null = null;
    const first = start + Math.floor((written / total) * span);
    for (let i = 0; i < count; i++) {
      const mid = `${id}-m${i}`;
      const at = first + i * 20_000;
      const role = i % 2 === 0 ? 'user' : 'assistant';
      insertMessage.run(mid, id, parent, role, message(r), role === 'assistant' ? 'p' : null, role === 'assistant' ? model : null, at, at);
      parent = mid;
      written++;
    }
    insertConversation.run(id, `Conversation ${index}`, model, parent, first, first + count * 20_000);
  };
  db.pragma('foreign_keys = OFF'); // conversations rows follow their messages in the same transaction
  const batch = db.transaction((from: number, to: number) => {
    for (let c = from; c < to; c++) conversation(c, c === 0 ? LONG_CONVERSATION : PER_CONVERSATION);
  });
  const conversations = 1 + Math.ceil((total - LONG_CONVERSATION) / PER_CONVERSATION);
  for (let c = 0; c < conversations; c += 50) batch(c, Math.min(conversations, c + 50));
  const writeSeconds = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  migrate(db, MIGRATIONS, () => null);
  const indexSeconds = (performance.now() - t1) / 1000;
  db.close();
  return { writeSeconds, indexSeconds, rate: written / indexSeconds };
}

function sizes(file: string): { rawText: number; trigram: number; short: number; keys: number; file: number } {
  const db = new Database(file, { readonly: true });
  const bytes = (pattern: string) =>
    (db.prepare(`SELECT COALESCE(SUM(pgsize), 0) AS b FROM dbstat WHERE name LIKE ?`).get(pattern) as { b: number }).b;
  const raw = (db.prepare('SELECT SUM(LENGTH(CAST(content AS BLOB))) AS b FROM messages').get() as { b: number }).b;
  const result = {
    rawText: raw,
    trigram: bytes('message_fts_%') - bytes('message_fts_short%'),
    short: bytes('message_fts_short%'),
    keys: bytes('message_search_keys%') + bytes('sqlite_autoindex_message_search_keys%'),
    file: statSync(file).size,
  };
  db.close();
  return result;
}

/**
 * The sidebar is virtualized: only rows near the top exist in the page. The two conversations
 * the app benchmark clicks are the oldest of the corpus, so they are touched last (as if just
 * used) to be the first rows of the list.
 */
function bringToTop(file: string, ids: readonly string[]): void {
  const db = new Database(file);
  const update = db.prepare('UPDATE conversations SET updated_at = ? WHERE id = ?');
  ids.forEach((id, i) => update.run(Date.now() + 60_000 * (ids.length - i), id));
  db.close();
}

/**
 * The same database in the real app (browser mode): click the 10,000-message conversation and
 * time until its last message is on screen, after another conversation was open.
 */
async function openInApp(page: Page, dataDir: string): Promise<number[]> {
  bringToTop(join(dataDir, 'brook.sqlite'), ['c0', 'c1']);
  // A large history on a busy machine can take longer to open than the e2e tests allow.
  const brook = await startBrook(dataDir, { startTimeoutMs: 180_000 });
  try {
    await page.goto(brook.url);
    const item = (id: string) => page.locator(`[data-testid="conversation-item"][data-id="${id}"]`);
    await item('c1').waitFor({ timeout: 120_000 });
    const times: number[] = [];
    for (let run = 0; run < 5; run++) {
      await item('c1').click();
      await page.locator('.message-list[data-count="100"]').waitFor();
      const t0 = Date.now();
      await item('c0').click();
      await page.locator('[data-testid="message"][data-id="c0-m9999"]').waitFor({ state: 'visible' });
      times.push(Date.now() - t0);
    }
    return times;
  } finally {
    await brook.stop();
  }
}

test('history at scale', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'brook-bench-'));
  const lines: string[] = [];
  const say = (line: string) => {
    lines.push(line);
    console.log(line);
  };
  try {
    for (const total of SIZES) {
      const file = join(dir, `h-${total}.sqlite`);
      say(`\n== ${total.toLocaleString('en')} messages (one conversation of ${LONG_CONVERSATION.toLocaleString('en')}, the rest ${PER_CONVERSATION} each) ==`);
      const built = build(file, total);
      say(`write (schema 3) ${f1(built.writeSeconds)} s without indexes`);
      say(`migration 4      ${Math.round(built.rate).toLocaleString('en')} messages/s indexed in bulk (${f1(built.indexSeconds)} s, once, on the first start after updating)`);

      const [opensMs] = time(() => checkOpens(file));
      const [openMs, store] = time(() => new HistoryStore({ file }));
      const [checkMs] = time(() => checkIntegrity(file));
      say(`startup          open check ${f1(opensMs)} ms + open ${f1(openMs)} ms; full quick_check ${f1(checkMs)} ms (runs in a worker after startup)`);

      const live = store.createConversation({ title: 'live' });
      let parentId: string | null = null;
      const [appendMs] = time(() => {
        for (let i = 0; i < 500; i++) {
          parentId = store.appendMessage({ conversationId: live.id, parentId, role: 'user', content: message(rng(i)), status: 'done' }).id;
        }
      });
      say(`live insert      ${Math.round(500 / (appendMs / 1000)).toLocaleString('en')} messages/s through HistoryStore.appendMessage (one transaction each, indexed by the triggers)`);

      const opens: number[] = [];
      let count = 0;
      for (let i = 0; i < 5; i++) {
        const [ms, path] = time(() => store.visiblePath('c0'));
        opens.push(ms);
        count = path.length;
      }
      say(`open long conv.  ${count.toLocaleString('en')} messages read in p50 ${f1(pct(opens, 50))} ms (max ${f1(Math.max(...opens))} ms)`);

      say('search (ms)      query class   order    p50     p95    max   hits/page  [LIKE baseline p50]');
      for (const [label, queries] of Object.entries(QUERIES)) {
        for (const order of ['newest', 'ranked'] as const) {
          const timings: number[] = [];
          let hits = 0;
          for (let run = 0; run < RUNS; run++) {
            for (const query of queries) {
              const args: RequestArgs<'history.search'> = { query, order, limit: 30 };
              const [ms, page] = time(() => store.search.search(historySearchSchema.parse(args)));
              timings.push(ms);
              hits += page.hits.length;
            }
          }
          let like = '';
          if (order === 'newest' && /^[12] /.test(label)) {
            const db = new Database(file, { readonly: true });
            const stmt = db.prepare(`SELECT id FROM messages WHERE content LIKE ? ORDER BY created_at DESC LIMIT 30`);
            const likeTimes = queries.map((q) => time(() => stmt.all(`%${q}%`))[0]);
            db.close();
            like = `  [LIKE ${f1(pct(likeTimes, 50))}, max ${f1(Math.max(...likeTimes))}]`;
          }
          say(
            `                 ${label.padEnd(12)}  ${order.padEnd(7)} ${f1(pct(timings, 50)).padStart(6)} ${f1(pct(timings, 95)).padStart(7)} ${f1(Math.max(...timings)).padStart(6)}   ${(hits / timings.length).toFixed(1).padStart(5)}${like}`,
          );
        }
      }
      const filtered: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        filtered.push(time(() => store.search.search(historySearchSchema.parse({ query: '天气', role: 'assistant', model: 'qwen-max', from: Date.UTC(2024, 0, 1), to: Date.UTC(2024, 5, 30) })))[0]);
      }
      say(`filtered search  "天气", role + model + 6-month range: p50 ${f1(pct(filtered, 50))} ms, p95 ${f1(pct(filtered, 95))} ms`);
      store.close();

      if (total === Math.min(...SIZES) && process.env.BENCH_UI !== '0') {
        const dataDir = join(dir, `app-${total}`);
        mkdirSync(dataDir);
        const appFile = join(dataDir, 'brook.sqlite');
        renameSync(file, appFile);
        const times = await openInApp(page, dataDir);
        renameSync(appFile, file);
        say(`open in the app  10,000-message conversation clicked → last message on screen: p50 ${pct(times, 50)} ms, max ${Math.max(...times)} ms (virtualized list, ${total.toLocaleString('en')}-message history)`);
      }

      const s = sizes(file);
      const mb = (b: number) => `${(b / 1_048_576).toFixed(0)} MB`;
      say(`size             raw text ${mb(s.rawText)}; trigram index ${mb(s.trigram)} (${(s.trigram / s.rawText).toFixed(2)}×), short-query index ${mb(s.short)} (${(s.short / s.rawText).toFixed(2)}×), keys ${mb(s.keys)}; file ${mb(s.file)}`);
      rmSync(file, { force: true });
      rmSync(`${file}-wal`, { force: true });
      rmSync(`${file}-shm`, { force: true });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  mkdirSync('bench/results', { recursive: true });
  const out = `bench/results/history-${new Date().toISOString().replace(/[:.]/g, '-')}.txt`;
  writeFileSync(out, lines.join('\n') + '\n');
  console.log(`\nfigures written to ${out}`);
});

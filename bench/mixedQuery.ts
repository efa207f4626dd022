/**
 * Mixed-term history queries against one database built without and one with migration 9
 * (the short-query prefix indexes), through the real HistorySearch. Figures are printed.
 * Each query runs RUNS times (default 7) in rounds, newest and ranked; p50 / p95 / max are printed
 * with `uptime` before and after. DBS=post skips the version-7 copy.
 * Run: npx rolldown bench/mixedQuery.ts --platform node --format cjs --external better-sqlite3 -o /tmp/mixed.cjs
 *      && NODE_PATH=$PWD/node_modules N=30000 node /tmp/mixed.cjs   (databases are kept in $DIR, default /tmp/brook-mixed)
 */
import Database from 'better-sqlite3';
import { execSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { migrate } from '../src/main/core/history/migrate';
import { MIGRATIONS } from '../src/main/core/history/migrations/index';
import { message, rng } from './historyCorpus';
import { HistorySearch } from '../src/main/core/history/search/HistorySearch';
import { historySearchSchema } from '../src/shared/contract';
const total = Number(process.env.N ?? 100000);
const dir = process.env.DIR ?? '/tmp/brook-mixed';
mkdirSync(dir, { recursive: true });
const base = `${dir}/base.db`;
if (!existsSync(base)) {
  const db = new Database(base);
  db.pragma('journal_mode = DELETE');
  migrate(db, MIGRATIONS.filter((m) => m.version <= 3), () => null);
  const r = rng(42);
  const insC = db.prepare(`INSERT INTO conversations (id, title, provider_id, model, current_leaf_id, created_at, updated_at) VALUES (?, ?, 'p', 'm', ?, ?, ?)`);
  const insM = db.prepare(`INSERT INTO messages (id, conversation_id, parent_id, role, content, status, provider_id, model, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'done', NULL, NULL, ?, ?)`);
  db.pragma('foreign_keys = OFF');
  const start = Date.UTC(2023, 0, 1); const span = 3 * 365 * 86_400_000;
  db.transaction(() => {
    let w = 0;
    for (let c = 0; w < total; c++) {
      let parent: string | null = null; const first = start + Math.floor((w / total) * span);
      for (let i = 0; i < 100; i++, w++) { const mid = `c${c}-m${i}`; const at = first + i * 20000;
        insM.run(mid, `c${c}`, parent, i % 2 ? 'assistant' : 'user', message(r), at, at); parent = mid; }
      insC.run(`c${c}`, `Conversation ${c}`, parent, first, first + 2000000);
    }
  })();
  db.close();
}
const dbs = (process.env.DBS ?? 'pre|post').split('|');
for (const [name, max] of [['pre', 7], ['post', 99]] as const) {
  const f = `${dir}/${name}.db`;
  if (existsSync(f) || !dbs.includes(name)) continue;
  copyFileSync(base, f);
  const db = new Database(f);
  const t = performance.now();
  migrate(db, MIGRATIONS.filter((m) => m.version <= max), () => null);
  console.log(name, 'migrated in', ((performance.now() - t) / 1000).toFixed(1), 's');
  db.close();
}
const queries = (process.env.Q ?? '天气 温度|AI 模型|Tokyo 天気|a 数据|东京 sun').split('|');
const runs = Number(process.env.RUNS ?? 7);
const uptime = () => execSync('uptime').toString().trim();
for (const name of dbs) {
  const db = new Database(`${dir}/${name}.db`, { readonly: true });
  const s = new HistorySearch(() => db);
  const times = new Map<string, { ms: number[]; hits: number }>();
  console.log(uptime());
  // Rounds over every query, so a burst of load on the machine spreads over all of them.
  for (let round = 0; round < runs; round++) for (const q of queries) for (const order of ['newest', 'ranked'] as const) {
    const t = performance.now();
    const page = s.search(historySearchSchema.parse({ query: q, order, limit: 30 }));
    const entry = times.get(`${q}\t${order}`) ?? { ms: [], hits: page.hits.length };
    entry.ms.push(performance.now() - t);
    times.set(`${q}\t${order}`, entry);
  }
  for (const [key, { ms, hits }] of times) {
    const sorted = [...ms].sort((a, b) => a - b);
    const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!.toFixed(1);
    console.log(name, key.replace('\t', '  '), `p50 ${at(0.5)}  p95 ${at(0.95)}  max ${at(1)} ms  ${hits} hits  (${runs} runs)`);
  }
  console.log(uptime());
}

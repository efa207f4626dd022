/**
 * Sync through a real MariaDB and a real PostgreSQL server (started here, on 127.0.0.1, in a
 * temporary folder): the first sync of a 100k-message history (device A pushes it all, then
 * device B pulls it all), then an incremental sync of 10 new messages (A pushes, B pulls).
 * Figures are printed, never asserted.
 *
 *   npm run bench:sync               (BENCH_MESSAGES=100000, BENCH_SERVERS=mysql,postgres by default)
 */
import { randomUUID } from 'node:crypto';
import { test } from '@playwright/test';
import { startServer, type ServerKind } from '../tests/support/dbServers';
import { serverSettings, syncDevice, type SyncDevice } from '../tests/support/syncDevices';
import { message, rng } from './historyCorpus';

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 100_000);
const SERVERS = (process.env.BENCH_SERVERS ?? 'mysql,postgres').split(',') as ServerKind[];
const PER_CONVERSATION = 100;
const BATCH = 500;

/** A history of `count` messages in conversations of 100, written straight into SQLite (before sync is set up). */
function fill(device: SyncDevice, count: number): void {
  const db = device.history.database;
  const r = rng(42);
  const conv = db.prepare('INSERT INTO conversations (id, title, created_at, updated_at) VALUES (?, ?, ?, ?)');
  const msg = db.prepare(
    `INSERT INTO messages (id, conversation_id, parent_id, role, content, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'done', ?, ?)`,
  );
  db.transaction(() => {
    let t = Date.UTC(2025, 0, 1);
    for (let c = 0; c * PER_CONVERSATION < count; c++) {
      const id = randomUUID();
      conv.run(id, message(r).slice(0, 40), t, t);
      let parent: string | null = null;
      for (let m = 0; m < PER_CONVERSATION && c * PER_CONVERSATION + m < count; m++) {
        const mid = randomUUID();
        msg.run(mid, id, parent, m % 2 ? 'assistant' : 'user', message(r), (t += 1000), t);
        parent = mid;
      }
      db.prepare('UPDATE conversations SET current_leaf_id = ? WHERE id = ?').run(parent, id);
    }
  })();
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await work();
  return [result, performance.now() - start];
}

for (const kind of SERVERS) {
  test(`sync ${MESSAGES} messages through ${kind}`, async () => {
    const server = await startServer(kind);
    try {
      const target = serverSettings(server, server.database);
      const a = syncDevice();
      fill(a, MESSAGES);
      const [first, push] = await timed(() => a.sync(target, server.password, { batchSize: BATCH }));
      const b = syncDevice();
      const [pulled, pull] = await timed(() => b.sync(target, server.password, { batchSize: BATCH }));

      const conversationId = a.history.listConversations()[0]!.id;
      let parent = a.history.visiblePath(conversationId).at(-1)?.id ?? null;
      for (let i = 0; i < 10; i++) {
        parent = a.history.appendMessage({ conversationId, parentId: parent, role: i % 2 ? 'assistant' : 'user', content: `new ${i}`, status: 'done' }).id;
      }
      const [inc, incPush] = await timed(() => a.sync(target, server.password));
      const [incPulled, incPull] = await timed(() => b.sync(target, server.password));
      const same = JSON.stringify(a.dump()) === JSON.stringify(b.dump());
      console.log(
        [
          `\n== sync through ${kind} (${MESSAGES} messages, batches of ${BATCH}) ==`,
          `first sync, device A pushes: ${first.pushed} changes in ${seconds(push)}`,
          `first sync, device B pulls:  ${pulled.pulled} changes in ${seconds(pull)}`,
          `10 new messages, A pushes:   ${inc.pushed} changes in ${seconds(incPush)}`,
          `10 new messages, B pulls:    ${incPulled.pulled} changes in ${seconds(incPull)}`,
          `histories identical: ${same}`,
        ].join('\n'),
      );
      a.history.close();
      b.history.close();
    } finally {
      await server.destroy();
    }
  });
}

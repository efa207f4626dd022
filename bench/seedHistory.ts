import { join } from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from '../src/main/core/history/migrate';
import { MIGRATIONS } from '../src/main/core/history/migrations/index';

/** Writes one linear conversation: user and assistant turns alternate, one millisecond apart from `at`. */
export type WriteConversation = (id: string, title: string, contents: readonly string[], at: number) => void;

/**
 * Seeds a data folder's database (latest schema) for the benches that start Brook on a big
 * history, in one transaction, written straight in as an import would leave it.
 */
export function seedHistory(dataDir: string, fill: (write: WriteConversation) => void): void {
  const db = new Database(join(dataDir, 'brook.sqlite'));
  db.pragma('journal_mode = WAL');
  migrate(db, MIGRATIONS, () => null);
  const conversation = db.prepare(
    `INSERT INTO conversations (id, title, provider_id, model, current_leaf_id, created_at, updated_at) VALUES (?, ?, NULL, 'gpt-4o', NULL, ?, ?)`,
  );
  const msg = db.prepare(
    `INSERT INTO messages (id, conversation_id, parent_id, role, content, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'done', ?, ?)`,
  );
  const leaf = db.prepare('UPDATE conversations SET current_leaf_id = ? WHERE id = ?');
  const write: WriteConversation = (id, title, contents, at) => {
    conversation.run(id, title, at, at + contents.length);
    let parent: string | null = null;
    for (let m = 0; m < contents.length; m++) {
      const mid = `${id}-m${m}`;
      msg.run(mid, id, parent, m % 2 === 0 ? 'user' : 'assistant', contents[m]!, at + m, at + m);
      parent = mid;
    }
    leaf.run(parent, id);
  };
  db.transaction(() => fill(write))();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

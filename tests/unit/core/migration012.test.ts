import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../src/main/core/history/migrate';
import { MIGRATIONS } from '../../../src/main/core/history/migrations/index';
import { TOKEN_COUNTS_VERSION } from '../../../src/main/core/history/migrations/012_token_counts';
import { registerSearchFunctions } from '../../../src/main/core/history/search/cjkSplit';
import { SearchIndexQueue } from '../../../src/main/core/history/search/indexQueue';

function hits(db: Database.Database, table: 'message_fts' | 'message_fts_short' | 'message_tool_fts', match: string): string[] {
  return db
    .prepare(`SELECT k.message_id FROM ${table} f JOIN message_search_keys k ON k.key = f.rowid WHERE ${table} MATCH ? ORDER BY f.rowid`)
    .pluck()
    .all(match) as string[];
}
const queued = (db: Database.Database) => db.prepare('SELECT message_id FROM message_index_queue ORDER BY message_id').pluck().all();

/** A database at 011 with a finished question and an answer still streaming. */
function at011(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  registerSearchFunctions(db);
  migrate(db, MIGRATIONS.filter((m) => m.version < TOKEN_COUNTS_VERSION), () => null);
  db.prepare("INSERT INTO conversations (id, title, created_at, updated_at) VALUES ('c', 't', 1, 1)").run();
  const insert = db.prepare("INSERT INTO messages (id, conversation_id, parent_id, role, content, status, created_at, updated_at) VALUES (?, 'c', ?, ?, ?, ?, ?, ?)");
  insert.run('q', null, 'user', 'What does the otter eat?', 'done', 1000, 1000);
  insert.run('a', 'q', 'assistant', 'It eats', 'streaming', 2000, 2000);
  return db;
}

describe('migration 012_token_counts', () => {
  it('adds the tables without counting anything, so a big history upgrades at once', () => {
    const db = at011();
    migrate(db, MIGRATIONS.filter((m) => m.version <= TOKEN_COUNTS_VERSION), () => null);
    expect(db.pragma('user_version', { simple: true })).toBe(TOKEN_COUNTS_VERSION);
    expect(db.prepare('SELECT COUNT(*) FROM message_tokens').pluck().get()).toBe(0);
    expect(queued(db)).toEqual([]);
    // What was indexed before stays indexed.
    expect(hits(db, 'message_fts', '"otter"')).toEqual(['q']);
  });

  it('queues an answer that ends instead of indexing it in the same write; the queue indexes all three indexes', () => {
    const db = at011();
    migrate(db, MIGRATIONS, () => null);
    db.prepare("UPDATE messages SET tool_steps_json = '[]', tool_text = 'Fish and crabs, says the encyclopedia' WHERE id = 'a'").run();
    db.prepare("UPDATE messages SET content = 'It eats fish', status = 'done' WHERE id = 'a'").run();
    expect(queued(db)).toEqual(['a']);
    expect(hits(db, 'message_fts', '"fish"')).toEqual([]);
    expect(hits(db, 'message_tool_fts', '"encyclopedia"')).toEqual([]);

    const queue = new SearchIndexQueue(() => db);
    queue.flush();
    expect(queued(db)).toEqual([]);
    expect(hits(db, 'message_fts', '"fish"')).toEqual(['a']);
    expect(hits(db, 'message_fts_short', 'fish')).toEqual(['a']);
    expect(hits(db, 'message_tool_fts', '"encyclopedia"')).toEqual(['a']);

    // Changes to a message that has ended are still indexed at once, as before.
    db.prepare("UPDATE messages SET content = 'It eats clams' WHERE id = 'a'").run();
    expect(hits(db, 'message_fts', '"fish"')).toEqual([]);
    expect(hits(db, 'message_fts', '"clams"')).toEqual(['a']);
    for (const table of ['message_fts', 'message_fts_short', 'message_tool_fts']) {
      expect(db.prepare(`INSERT INTO ${table}(${table}, rank) VALUES ('integrity-check', 0)`).run()).toBeTruthy();
    }
  });

  it('indexes a queued answer once even if it changed again before the queue ran, and not at all if it streams again', () => {
    const db = at011();
    migrate(db, MIGRATIONS, () => null);
    const queue = new SearchIndexQueue(() => db);
    db.prepare("UPDATE messages SET content = 'It eats fish', status = 'done' WHERE id = 'a'").run();
    db.prepare("UPDATE messages SET content = 'It eats eels' WHERE id = 'a'").run();
    queue.flush();
    expect(hits(db, 'message_fts', '"eels"')).toEqual(['a']);
    expect(db.prepare(`SELECT COUNT(*) FROM message_fts WHERE rowid = (SELECT key FROM message_search_keys WHERE message_id = 'a')`).pluck().get()).toBe(1);

    // Finished, then reopened for Continue before the queue ran: nothing to index until it ends again.
    db.prepare("UPDATE messages SET status = 'streaming' WHERE id = 'a'").run();
    db.prepare("UPDATE messages SET content = 'It eats eels and trout', status = 'done' WHERE id = 'a'").run();
    db.prepare("UPDATE messages SET status = 'streaming' WHERE id = 'a'").run();
    queue.flush();
    expect(hits(db, 'message_fts', '"trout"')).toEqual([]);
    expect(queued(db)).toEqual([]);
  });

  it('drops a deleted message from the queue and its count with it; a changed message loses its count', () => {
    const db = at011();
    migrate(db, MIGRATIONS, () => null);
    db.prepare("INSERT INTO message_tokens (message_id, tokens) VALUES ('q', 12), ('a', 40)").run();
    db.prepare("UPDATE messages SET reasoning = 'thinking' WHERE id = 'q'").run();
    expect(db.prepare("SELECT tokens FROM message_tokens WHERE message_id = 'q'").pluck().get()).toBe(12);
    db.prepare("UPDATE messages SET content = 'What do otters eat?' WHERE id = 'q'").run();
    expect(db.prepare("SELECT COUNT(*) FROM message_tokens WHERE message_id = 'q'").pluck().get()).toBe(0);

    db.prepare("UPDATE messages SET status = 'done' WHERE id = 'a'").run();
    expect(queued(db)).toEqual(['a']);
    db.prepare("DELETE FROM messages WHERE id = 'a'").run();
    expect(queued(db)).toEqual([]);
    expect(db.prepare('SELECT COUNT(*) FROM message_tokens').pluck().get()).toBe(0);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});

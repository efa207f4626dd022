import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../src/main/core/history/migrate';
import { MIGRATIONS } from '../../../src/main/core/history/migrations/index';
import { SHORT_PREFIX_VERSION } from '../../../src/main/core/history/migrations/009_short_query_prefix';

function shortIds(db: Database.Database, match: string): string[] {
  return db
    .prepare(`SELECT k.message_id FROM message_fts_short f JOIN message_search_keys k ON k.key = f.rowid WHERE message_fts_short MATCH ? ORDER BY f.rowid`)
    .pluck()
    .all(match) as string[];
}

describe('migration 009_short_query_prefix', () => {
  it('rebuilds the short-query index with prefix indexes, keeping every message findable and the triggers working', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.filter((m) => m.version < SHORT_PREFIX_VERSION), () => null);
    db.prepare("INSERT INTO conversations (id, title, created_at, updated_at) VALUES ('c', 't', 1, 1)").run();
    const insert = db.prepare(
      "INSERT INTO messages (id, conversation_id, role, content, status, created_at, updated_at) VALUES (?, 'c', 'user', ?, ?, ?, ?)",
    );
    insert.run('apple', 'An apple pie', 'done', 1000, 1000);
    insert.run('banana', 'Banana bread', 'done', 2000, 2000);
    insert.run('weather', '今天天气很好', 'done', 3000, 3000);
    insert.run('live', 'Avocado toast', 'streaming', 4000, 4000);
    const before = { a: shortIds(db, '"a" *'), ba: shortIds(db, '"ba" *'), tianqi: shortIds(db, '"天 气"') };

    // Up to this migration: migration 12 moves the indexing of a finished answer out of the triggers.
    migrate(db, MIGRATIONS.filter((m) => m.version <= SHORT_PREFIX_VERSION), () => null);
    expect(db.pragma('user_version', { simple: true })).toBe(SHORT_PREFIX_VERSION);
    const sql = db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'message_fts_short'").pluck().get() as string;
    expect(sql).toMatch(/prefix='1 2'/);
    // Same answers as before the rebuild; the streaming row is still left out.
    expect(before).toEqual({ a: ['apple'], ba: ['banana'], tianqi: ['weather'] });
    expect({ a: shortIds(db, '"a" *'), ba: shortIds(db, '"ba" *'), tianqi: shortIds(db, '"天 气"') }).toEqual(before);

    // The triggers of migration 4 index the rebuilt table: a finished answer, an edit, a delete.
    db.prepare("UPDATE messages SET status = 'done' WHERE id = 'live'").run();
    expect(shortIds(db, '"a" *')).toEqual(['apple', 'live']);
    db.prepare("UPDATE messages SET content = 'Berry jam' WHERE id = 'apple'").run();
    expect(shortIds(db, '"a" *')).toEqual(['live']);
    expect(shortIds(db, '"b" *')).toEqual(['apple', 'banana']);
    db.prepare("DELETE FROM messages WHERE id = 'banana'").run();
    expect(shortIds(db, '"b" *')).toEqual(['apple']);
    expect(db.prepare(`INSERT INTO message_fts_short(message_fts_short, rank) VALUES ('integrity-check', 0)`).run()).toBeTruthy();
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});

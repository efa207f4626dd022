import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../src/main/core/history/migrate';
import { MIGRATIONS } from '../../../src/main/core/history/migrations/index';
import { KEY_SLOTS } from '../../../src/main/core/history/search/HistorySearch';

describe('migration 004_full_text_search', () => {
  it('indexes existing messages (not streaming ones) with date-ordered keys, and keeps the indexes in sync', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.filter((m) => m.version <= 3), () => null);
    db.prepare("INSERT INTO conversations (id, title, created_at, updated_at) VALUES ('c', 't', 1, 1)").run();
    const insert = db.prepare(
      "INSERT INTO messages (id, conversation_id, role, content, status, created_at, updated_at) VALUES (?, 'c', 'user', ?, ?, ?, ?)",
    );
    // Inserted out of date order, two in the same second, one still streaming.
    insert.run('late', '明天的天气', 'done', 1_700_000_100_000, 1);
    insert.run('early', 'weather report', 'done', 1_700_000_000_000, 1);
    insert.run('same', '天气 again', 'done', 1_700_000_000_500, 1);
    insert.run('live', '天气 streaming', 'streaming', 1_700_000_200_000, 1);
    migrate(db, MIGRATIONS.filter((m) => m.version <= 4), () => null);
    expect(db.pragma('user_version', { simple: true })).toBe(4);

    const keys = db.prepare('SELECT message_id FROM message_search_keys ORDER BY key').pluck().all();
    expect(keys).toEqual(['early', 'same', 'late', 'live']);
    const early = db.prepare("SELECT key FROM message_search_keys WHERE message_id = 'early'").pluck().get() as number;
    expect(early).toBe(1_700_000_000 * KEY_SLOTS);

    const trigram = (q: string) =>
      db.prepare(`SELECT k.message_id FROM message_fts f JOIN message_search_keys k ON k.key = f.rowid WHERE message_fts MATCH ? ORDER BY f.rowid`).pluck().all(q);
    const short = (q: string) =>
      db.prepare(`SELECT k.message_id FROM message_fts_short f JOIN message_search_keys k ON k.key = f.rowid WHERE message_fts_short MATCH ? ORDER BY f.rowid`).pluck().all(q);
    expect(trigram('"eather"')).toEqual(['early']);
    expect(short('"天 气"')).toEqual(['same', 'late']);

    // The triggers need the split function, which the migration registered on this connection.
    insert.run('new', '下雨天气', 'done', 1_700_000_300_000, 1);
    expect(short('"天 气"')).toEqual(['same', 'late', 'new']);
    db.prepare("UPDATE messages SET status = 'done' WHERE id = 'live'").run();
    expect(short('"天 气"')).toEqual(['same', 'late', 'live', 'new']);
    db.prepare("UPDATE messages SET content = 'sunny' WHERE id = 'late'").run();
    expect(short('"天 气"')).toEqual(['same', 'live', 'new']);
    expect(trigram('"sunny"')).toEqual(['late']);
    db.prepare("DELETE FROM conversations WHERE id = 'c'").run();
    expect(db.prepare('SELECT COUNT(*) FROM message_search_keys').pluck().get()).toBe(0);
    expect(trigram('"sunny"')).toEqual([]);
    expect(db.prepare(`INSERT INTO message_fts(message_fts, rank) VALUES ('integrity-check', 0)`).run()).toBeTruthy();
  });
});

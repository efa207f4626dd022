import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../src/main/core/history/migrate';
import { MIGRATIONS, type Migration } from '../../../src/main/core/history/migrations/index';
import { TOOL_STEPS_VERSION } from '../../../src/main/core/history/migrations/011_tool_steps';

/** Stands for attachments' migration 10, which lands from another branch: it must not matter whether it ran first. */
const attachmentsLike: Migration = { version: 10, name: 'attachments (stand-in)', up: (db) => db.exec('CREATE TABLE attachments_stand_in (id TEXT PRIMARY KEY)') };

function toolHits(db: Database.Database, match: string): string[] {
  return db
    .prepare('SELECT k.message_id FROM message_tool_fts f JOIN message_search_keys k ON k.key = f.rowid WHERE message_tool_fts MATCH ? ORDER BY f.rowid')
    .pluck()
    .all(match) as string[];
}

function seed(db: Database.Database): void {
  db.prepare("INSERT INTO conversations (id, title, created_at, updated_at) VALUES ('c', 't', 1, 1)").run();
  const insert = db.prepare("INSERT INTO messages (id, conversation_id, role, content, status, created_at, updated_at) VALUES (?, 'c', ?, ?, ?, ?, ?)");
  insert.run('q', 'user', 'What is the weather?', 'done', 1000, 1000);
  insert.run('a', 'assistant', 'It is sunny.', 'streaming', 2000, 2000);
}

function checkToolSteps(db: Database.Database): void {
  expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(TOOL_STEPS_VERSION);
  // Steps and their text are written while the answer streams; the text is searchable once it ends.
  db.prepare("UPDATE messages SET tool_steps_json = '[]', tool_text = 'Forecast: sunny in Hangzhou' WHERE id = 'a'").run();
  expect(toolHits(db, '"Hangzhou"')).toEqual([]);
  db.prepare("UPDATE messages SET status = 'done' WHERE id = 'a'").run();
  expect(toolHits(db, '"Hangzhou"')).toEqual(['a']);
  db.prepare("UPDATE messages SET tool_text = 'Forecast: rain in Beijing' WHERE id = 'a'").run();
  expect(toolHits(db, '"Hangzhou"')).toEqual([]);
  expect(toolHits(db, '"Beijing"')).toEqual(['a']);
  // The per-conversation selection goes with its conversation.
  db.prepare(`INSERT INTO conversation_tools (conversation_id, server_ids_json) VALUES ('c', '["everything"]')`).run();
  db.prepare("DELETE FROM messages WHERE id = 'a'").run();
  expect(toolHits(db, '"Beijing"')).toEqual([]);
  db.prepare("DELETE FROM conversations WHERE id = 'c'").run();
  expect(db.prepare('SELECT COUNT(*) FROM conversation_tools').pluck().get()).toBe(0);
  expect(db.prepare(`INSERT INTO message_tool_fts(message_tool_fts, rank) VALUES ('integrity-check', 0)`).run()).toBeTruthy();
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
}

describe('migration 011_tool_steps', () => {
  const before = MIGRATIONS.filter((m) => m.version < 10);
  // Up to this migration: migration 12 moves the indexing of a finished answer out of the triggers.
  const upToThis = MIGRATIONS.filter((m) => m.version <= TOOL_STEPS_VERSION);

  it('upgrades a database at 009 (attachments not merged yet)', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, before, () => null);
    seed(db);
    migrate(db, upToThis.filter((m) => m.version !== 10), () => null);
    checkToolSteps(db);
  });

  it('upgrades a database that already has migration 010, and a list holding both runs them in number order', () => {
    const withTen = [...upToThis.filter((m) => m.version !== 10), attachmentsLike];
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, [...before, attachmentsLike], () => null);
    expect(db.pragma('user_version', { simple: true })).toBe(10);
    seed(db);
    migrate(db, withTen, () => null);
    checkToolSteps(db);

    const fresh = new Database(':memory:');
    migrate(fresh, withTen, () => null);
    expect(fresh.prepare("SELECT name FROM sqlite_schema WHERE name IN ('attachments_stand_in', 'conversation_tools') ORDER BY name").pluck().all()).toEqual([
      'attachments_stand_in',
      'conversation_tools',
    ]);
  });
});

import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../src/main/core/history/migrate';
import { MIGRATIONS } from '../../../src/main/core/history/migrations/index';

describe('migration 007_api_origin', () => {
  it('lets conversations be marked api, keeps every row and message, and still refuses other origins', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.filter((m) => m.version < 7), () => null);
    db.prepare("INSERT INTO conversations (id, title, origin, created_at, updated_at) VALUES ('c', 't', 'quick', 1, 1)").run();
    db.prepare(
      "INSERT INTO messages (id, conversation_id, role, content, status, created_at, updated_at) VALUES ('m', 'c', 'user', 'hi', 'done', 1, 1)",
    ).run();
    const insertApi = db.prepare("INSERT INTO conversations (id, title, origin, created_at, updated_at) VALUES ('a', 't', 'api', 1, 1)");
    expect(() => insertApi.run()).toThrow(/CHECK/);

    migrate(db, MIGRATIONS, () => null);
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(7);
    insertApi.run();
    expect(db.prepare("SELECT origin FROM conversations WHERE id = 'a'").pluck().get()).toBe('api');
    expect(db.prepare("SELECT content FROM messages WHERE id = 'm'").pluck().get()).toBe('hi');
    expect(() => db.prepare("INSERT INTO conversations (id, title, origin, created_at, updated_at) VALUES ('b', 't', 'web', 1, 1)").run()).toThrow(
      /CHECK/,
    );
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    // Defensive mode is back on: the schema table cannot be written any more.
    expect(() => db.pragma('writable_schema = ON')).not.toThrow();
    expect(() => db.prepare("UPDATE sqlite_schema SET sql = sql WHERE name = 'conversations'").run()).toThrow();
  });
});

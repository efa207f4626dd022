import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../src/main/core/history/migrate';
import { MIGRATIONS } from '../../../src/main/core/history/migrations/index';

describe('migration 006_manage_and_import', () => {
  it('keeps existing conversations unpinned, unarchived and undeleted, and adds the new tables and indexes', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.filter((m) => m.version < 6), () => null);
    db.prepare("INSERT INTO conversations (id, title, created_at, updated_at) VALUES ('old', 'kept', 1, 1)").run();
    db.prepare("INSERT INTO messages (id, conversation_id, role, status, created_at, updated_at) VALUES ('m', 'old', 'user', 'done', 1, 1)").run();
    migrate(db, MIGRATIONS.filter((m) => m.version <= 6), () => null);
    expect(db.pragma('user_version', { simple: true })).toBe(6);
    expect(db.prepare("SELECT title, pinned, archived, deleted_at, auto_title, source_id FROM conversations WHERE id = 'old'").get()).toEqual({
      title: 'kept',
      pinned: 0,
      archived: 0,
      deleted_at: null,
      auto_title: 0,
      source_id: null,
    });
    expect(db.prepare("SELECT source_id FROM messages WHERE id = 'm'").get()).toEqual({ source_id: null });
    const indexes = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").all() as { name: string }[]).map((r) => r.name);
    expect(indexes).toEqual(expect.arrayContaining(['conversations_source', 'messages_source', 'messages_siblings']));
    db.prepare("INSERT INTO assistants (id, name, params_json, created_at, updated_at) VALUES ('a', 'Translator', '{}', 1, 1)").run();
    db.close();
  });

  it('refuses a second conversation or message with the same import source id', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS, () => null);
    const conv = db.prepare("INSERT INTO conversations (id, title, source_id, created_at, updated_at) VALUES (?, 't', ?, 1, 1)");
    conv.run('a', 'chatgpt:1');
    conv.run('b', null);
    conv.run('c', null); // many conversations without a source are fine
    expect(() => conv.run('d', 'chatgpt:1')).toThrow(/UNIQUE/);
    const msg = db.prepare("INSERT INTO messages (id, conversation_id, role, status, source_id, created_at, updated_at) VALUES (?, ?, 'user', 'done', ?, 1, 1)");
    msg.run('m1', 'a', 'node-1');
    msg.run('m2', 'b', 'node-1'); // the same node id in another conversation is another message
    expect(() => msg.run('m3', 'a', 'node-1')).toThrow(/UNIQUE/);
    db.close();
  });

  it('looks up siblings through the index', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS, () => null);
    const plan = db
      .prepare("EXPLAIN QUERY PLAN SELECT id FROM messages WHERE conversation_id = 'c' AND parent_id IS 'p' ORDER BY created_at")
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/messages_siblings/);
    db.close();
  });
});

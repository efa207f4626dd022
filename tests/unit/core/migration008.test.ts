import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../src/main/core/history/migrate';
import { MIGRATIONS } from '../../../src/main/core/history/migrations/index';

function outbox(db: Database.Database) {
  return db.prepare('SELECT kind, entity_id AS id, field, value FROM sync_outbox ORDER BY seq').all() as {
    kind: string; id: string; field: string; value: string;
  }[];
}

describe('migration 008_sync_log', () => {
  it('keeps older rows, logs nothing until sync is set up, then logs every synced change once', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.filter((m) => m.version < 8), () => null);
    db.prepare("INSERT INTO conversations (id, title, created_at, updated_at) VALUES ('old', 't', 1, 1)").run();
    migrate(db, MIGRATIONS, () => null);
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(8);
    expect(db.prepare("SELECT title FROM conversations WHERE id = 'old'").pluck().get()).toBe('t');

    db.prepare("UPDATE conversations SET title = 'not logged' WHERE id = 'old'").run();
    expect(outbox(db)).toEqual([]);

    db.prepare("INSERT INTO sync_state (key, value) VALUES ('recording', '1')").run();
    db.prepare("INSERT INTO conversations (id, title, created_at, updated_at) VALUES ('c', 'first', 2, 2)").run();
    db.prepare("UPDATE conversations SET title = 'renamed', pinned = 1, updated_at = 3 WHERE id = 'c'").run();
    db.prepare("UPDATE conversations SET updated_at = 4, title = 'renamed' WHERE id = 'c'").run(); // nothing synced changed
    db.prepare("INSERT INTO messages (id, conversation_id, role, content, status, created_at, updated_at) VALUES ('u', 'c', 'user', 'hi', 'done', 5, 5)").run();
    db.prepare("INSERT INTO messages (id, conversation_id, parent_id, role, content, status, created_at, updated_at) VALUES ('a', 'c', 'u', 'assistant', '', 'streaming', 6, 6)").run();
    db.prepare("UPDATE messages SET content = 'par' WHERE id = 'a'").run(); // a checkpoint: not logged
    db.prepare("UPDATE messages SET content = 'partial answer', status = 'done' WHERE id = 'a'").run();
    db.prepare("UPDATE conversations SET current_leaf_id = 'a', deleted_at = 9 WHERE id = 'c'").run();
    db.prepare("DELETE FROM conversations WHERE id = 'c'").run();

    const rows = outbox(db);
    // Triggers of one statement fire in no promised order: compare as sets, purge last.
    expect(rows.map((r) => `${r.kind}:${r.id}:${r.field}`).sort()).toEqual([
      'conversation:c:created', 'conversation:c:title', 'conversation:c:pinned',
      'message:u:row', 'message:a:row', 'conversation:c:deleted', 'conversation:c:leaf', 'conversation:c:purged',
    ].sort());
    expect(rows.at(-1)?.field).toBe('purged');
    expect(JSON.parse(rows.find((r) => r.field === 'title')!.value)).toEqual({ v: 'renamed' });
    expect(JSON.parse(rows.find((r) => r.id === 'a')!.value)).toMatchObject({ id: 'a', parentId: 'u', content: 'partial answer', status: 'done' });

    // While sync applies a pulled change, nothing is logged back.
    db.prepare("UPDATE sync_state SET value = '0' WHERE key = 'recording'").run();
    db.prepare("UPDATE conversations SET title = 'pulled' WHERE id = 'old'").run();
    expect(outbox(db)).toHaveLength(8);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});

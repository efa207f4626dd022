import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../src/main/core/history/migrate';
import { MIGRATIONS } from '../../../src/main/core/history/migrations/index';
import { TOOL_CHOICE_VERSION } from '../../../src/main/core/history/migrations/013_tool_choice';

const rows = (db: Database.Database) =>
  db.prepare('SELECT conversation_id AS id, enabled, server_ids_json AS servers, off_tool_ids_json AS off FROM conversation_tools ORDER BY conversation_id').all();

describe('migration 013_tool_choice', () => {
  it('keeps each conversation’s choice: an empty list (Tools off) becomes switched off with every server chosen', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.filter((m) => m.version < TOOL_CHOICE_VERSION), () => null);
    const conversation = db.prepare("INSERT INTO conversations (id, title, created_at, updated_at) VALUES (?, 't', 1, 1)");
    const choice = db.prepare('INSERT INTO conversation_tools (conversation_id, server_ids_json) VALUES (?, ?)');
    for (const [id, servers] of [['off', '[]'], ['all', '["*"]'], ['some', '["everything","files"]']] as const) {
      conversation.run(id);
      choice.run(id, servers);
    }
    migrate(db, MIGRATIONS, () => null);
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(TOOL_CHOICE_VERSION);
    expect(rows(db)).toEqual([
      { id: 'all', enabled: 1, servers: '["*"]', off: '[]' },
      { id: 'off', enabled: 0, servers: '["*"]', off: '[]' },
      { id: 'some', enabled: 1, servers: '["everything","files"]', off: '[]' },
    ]);
    // The switch is a flag; the choice goes with its conversation as before.
    expect(() => db.prepare("UPDATE conversation_tools SET enabled = 2 WHERE conversation_id = 'all'").run()).toThrow(/CHECK/);
    db.prepare("UPDATE conversation_tools SET off_tool_ids_json = '[\"files/write_file\"]' WHERE conversation_id = 'some'").run();
    db.prepare("DELETE FROM conversations WHERE id = 'some'").run();
    expect(rows(db).map((r) => (r as { id: string }).id)).toEqual(['all', 'off']);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('a new database gets the same table', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS, () => null);
    const columns = db.prepare("SELECT name FROM pragma_table_info('conversation_tools') ORDER BY cid").pluck().all();
    expect(columns).toEqual(['conversation_id', 'server_ids_json', 'enabled', 'off_tool_ids_json']);
  });
});

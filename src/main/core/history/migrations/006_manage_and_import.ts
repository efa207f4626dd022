import type { Migration } from './index';

/**
 * Managing conversations (pin, archive, a soft delete the user can undo for a few seconds, a
 * title the model may still replace), saved prompts ("assistants"), and the ids an import
 * came with, so importing the same file again adds nothing twice. The sibling index makes
 * the ‹ 2/3 › counts of a whole branch one indexed lookup per message (roots included).
 */
export const m006ManageAndImport: Migration = {
  version: 6,
  name: 'pin, archive, soft delete, auto title, assistants, import source ids',
  up(db) {
    db.exec(`
      ALTER TABLE conversations ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE conversations ADD COLUMN archived INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE conversations ADD COLUMN deleted_at INTEGER;
      -- 1 while the title is the first words of the question and a model-written one may replace it
      ALTER TABLE conversations ADD COLUMN auto_title INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE conversations ADD COLUMN source_id TEXT;
      CREATE UNIQUE INDEX conversations_source ON conversations(source_id) WHERE source_id IS NOT NULL;
      CREATE INDEX conversations_deleted ON conversations(deleted_at) WHERE deleted_at IS NOT NULL;

      ALTER TABLE messages ADD COLUMN source_id TEXT;
      CREATE UNIQUE INDEX messages_source ON messages(conversation_id, source_id) WHERE source_id IS NOT NULL;
      CREATE INDEX messages_siblings ON messages(conversation_id, parent_id, created_at);

      CREATE TABLE assistants (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        params_json TEXT NOT NULL DEFAULT '{}',
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
    `);
  },
};

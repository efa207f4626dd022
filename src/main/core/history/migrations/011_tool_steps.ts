import type { Migration } from './index';

/** The migration's number, in one place: 010 (attachments) may land before or after it. */
export const TOOL_STEPS_VERSION = 11;

/**
 * Tool calls (docs/mcp.md, "Calling tools"):
 * - `messages.tool_steps_json`: an answer's tool steps (call, arguments, approval, status,
 *   duration, result, error) as one JSON document, so it looks the same from history as live.
 * - `messages.tool_text`: the text of those results, which `message_tool_fts` (trigram, like
 *   migration 4's `message_fts`) indexes under the message's search key, so search finds text
 *   a tool returned. An index of its own rather than a column of `message_fts`: FTS5 tables
 *   cannot gain columns, and rebuilding migration 4's index would cost every user a re-index.
 * - `conversation_tools`: the servers a conversation switched on (no row: the default).
 * Touches nothing of migration 10, so either order of the two gives the same schema.
 */
export const m011ToolSteps: Migration = {
  version: TOOL_STEPS_VERSION,
  name: 'tool steps',
  up(db) {
    db.exec(`
      ALTER TABLE messages ADD COLUMN tool_steps_json TEXT;
      ALTER TABLE messages ADD COLUMN tool_text TEXT;

      CREATE TABLE conversation_tools (
        conversation_id TEXT PRIMARY KEY,
        server_ids_json TEXT NOT NULL
      );
      CREATE TRIGGER conversation_tools_purge AFTER DELETE ON conversations BEGIN
        DELETE FROM conversation_tools WHERE conversation_id = old.id;
      END;

      CREATE VIRTUAL TABLE message_tool_fts USING fts5(
        text, content='', contentless_delete=1, tokenize='trigram remove_diacritics 1'
      );
      CREATE TRIGGER messages_tool_search_update AFTER UPDATE OF tool_text, status ON messages BEGIN
        DELETE FROM message_tool_fts WHERE old.tool_text IS NOT NULL
          AND rowid = (SELECT key FROM message_search_keys WHERE message_id = old.id);
        INSERT INTO message_tool_fts (rowid, text)
          SELECT key, new.tool_text FROM message_search_keys
          WHERE message_id = new.id AND new.status <> 'streaming' AND new.tool_text IS NOT NULL;
      END;
      -- BEFORE: migration 4's AFTER DELETE trigger removes the search key this one looks up.
      CREATE TRIGGER messages_tool_search_delete BEFORE DELETE ON messages BEGIN
        DELETE FROM message_tool_fts WHERE old.tool_text IS NOT NULL
          AND rowid = (SELECT key FROM message_search_keys WHERE message_id = old.id);
      END;
    `);
  },
};

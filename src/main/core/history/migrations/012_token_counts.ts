import type { Migration } from './index';

/** The migration's number, in one place: the lead may renumber it on merge. */
export const TOKEN_COUNTS_VERSION = 12;

/**
 * Two things that kept `chat.send` and the end of an answer slow in long conversations:
 *
 * - `message_tokens`: what each message costs in a model's context (its text, tool rounds and
 *   documents, as the chat module counts it), so a turn never tokenizes stored messages again.
 *   A table of its own rather than a column of `messages`: writing a count must not look like
 *   an edit to migration 8's sync log or to the search triggers. Nothing is counted here (a
 *   big history would block the start for minutes): rows are counted the first time a turn
 *   needs them and kept. A message whose text or tool steps change loses its count.
 * - `message_index_queue`: an answer that ends (`streaming` → anything else) is no longer
 *   indexed by migration 4's and 11's triggers inside the write that ends it; its id is queued
 *   and `SearchIndexQueue` indexes it a moment later, in batches, or before the next search.
 *   Every other change to indexed text is still indexed at once, as before.
 */
export const m012TokenCounts: Migration = {
  version: TOKEN_COUNTS_VERSION,
  name: 'token counts and deferred indexing',
  up(db) {
    db.exec(`
      CREATE TABLE message_tokens (
        message_id TEXT PRIMARY KEY REFERENCES messages(id) ON DELETE CASCADE,
        tokens INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE TRIGGER message_tokens_stale AFTER UPDATE OF content, tool_steps_json ON messages BEGIN
        DELETE FROM message_tokens WHERE message_id = new.id;
      END;

      CREATE TABLE message_index_queue (
        message_id TEXT PRIMARY KEY REFERENCES messages(id) ON DELETE CASCADE
      ) WITHOUT ROWID;

      DROP TRIGGER messages_search_update;
      CREATE TRIGGER messages_search_update AFTER UPDATE OF content, reasoning, status ON messages BEGIN
        DELETE FROM message_fts WHERE old.status <> 'streaming'
          AND rowid = (SELECT key FROM message_search_keys WHERE message_id = old.id);
        DELETE FROM message_fts_short WHERE old.status <> 'streaming'
          AND rowid = (SELECT key FROM message_search_keys WHERE message_id = old.id);
        INSERT INTO message_fts (rowid, content, reasoning)
          SELECT key, new.content, new.reasoning FROM message_search_keys
          WHERE message_id = new.id AND new.status <> 'streaming' AND old.status <> 'streaming';
        INSERT INTO message_fts_short (rowid, content, reasoning)
          SELECT key, brook_cjk_split(new.content), brook_cjk_split(new.reasoning) FROM message_search_keys
          WHERE message_id = new.id AND new.status <> 'streaming' AND old.status <> 'streaming';
        INSERT OR IGNORE INTO message_index_queue (message_id)
          SELECT new.id WHERE new.status <> 'streaming' AND old.status = 'streaming';
      END;

      DROP TRIGGER messages_tool_search_update;
      CREATE TRIGGER messages_tool_search_update AFTER UPDATE OF tool_text, status ON messages BEGIN
        DELETE FROM message_tool_fts WHERE old.tool_text IS NOT NULL
          AND rowid = (SELECT key FROM message_search_keys WHERE message_id = old.id);
        INSERT INTO message_tool_fts (rowid, text)
          SELECT key, new.tool_text FROM message_search_keys
          WHERE message_id = new.id AND new.status <> 'streaming' AND old.status <> 'streaming' AND new.tool_text IS NOT NULL;
        INSERT OR IGNORE INTO message_index_queue (message_id)
          SELECT new.id WHERE new.status <> 'streaming' AND old.status = 'streaming';
      END;
    `);
  },
};

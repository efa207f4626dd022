import { registerSearchFunctions } from '../search/cjkSplit';
import type { Migration } from './index';

/**
 * Full-text search over message text (content, and reasoning as a separate column).
 *
 * - `message_search_keys` gives every message a stable integer key ordered by its date
 *   (whole seconds of created_at × 2^20 + a tie-breaker, which stays
 *   within JavaScript's safe integers), so both indexes can return newest-first matches by
 *   walking their rowids backwards and stopping at the limit. The implicit rowid of
 *   `messages` would not do: VACUUM may renumber it, and imports insert old messages late.
 * - `message_fts` (trigram) answers queries of three or more characters, any script.
 * - `message_fts_short` (unicode61 over text with every CJK character spaced apart) answers
 *   one- and two-character queries as token or phrase queries.
 *
 * Both are contentless (the text stays in `messages` only). Rows still `streaming` are left
 * out until they end, so a checkpoint every second does not re-index a growing answer.
 */
export const m004FullTextSearch: Migration = {
  version: 4,
  name: 'full-text search',
  up(db) {
    registerSearchFunctions(db);
    db.exec(`
      CREATE TABLE message_search_keys (
        key INTEGER PRIMARY KEY,
        message_id TEXT NOT NULL UNIQUE
      );
      CREATE VIRTUAL TABLE message_fts USING fts5(
        content, reasoning, content='', contentless_delete=1, tokenize='trigram remove_diacritics 1'
      );
      CREATE VIRTUAL TABLE message_fts_short USING fts5(
        content, reasoning, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2'
      );

      INSERT INTO message_search_keys (key, message_id)
        SELECT (created_at / 1000) * 1048576 + ROW_NUMBER() OVER (PARTITION BY created_at / 1000 ORDER BY created_at, rowid) - 1, id
        FROM messages;
      INSERT INTO message_fts (rowid, content, reasoning)
        SELECT k.key, m.content, m.reasoning FROM messages m JOIN message_search_keys k ON k.message_id = m.id
        WHERE m.status <> 'streaming';
      INSERT INTO message_fts_short (rowid, content, reasoning)
        SELECT k.key, brook_cjk_split(m.content), brook_cjk_split(m.reasoning)
        FROM messages m JOIN message_search_keys k ON k.message_id = m.id
        WHERE m.status <> 'streaming';

      CREATE TRIGGER messages_search_insert AFTER INSERT ON messages BEGIN
        INSERT INTO message_search_keys (key, message_id) VALUES (
          (SELECT COALESCE(MAX(key) + 1, (new.created_at / 1000) * 1048576) FROM message_search_keys
            WHERE key BETWEEN (new.created_at / 1000) * 1048576 AND (new.created_at / 1000) * 1048576 + 1048575),
          new.id);
        INSERT INTO message_fts (rowid, content, reasoning)
          SELECT key, new.content, new.reasoning FROM message_search_keys
          WHERE message_id = new.id AND new.status <> 'streaming';
        INSERT INTO message_fts_short (rowid, content, reasoning)
          SELECT key, brook_cjk_split(new.content), brook_cjk_split(new.reasoning) FROM message_search_keys
          WHERE message_id = new.id AND new.status <> 'streaming';
      END;

      CREATE TRIGGER messages_search_update AFTER UPDATE OF content, reasoning, status ON messages BEGIN
        DELETE FROM message_fts WHERE old.status <> 'streaming'
          AND rowid = (SELECT key FROM message_search_keys WHERE message_id = old.id);
        DELETE FROM message_fts_short WHERE old.status <> 'streaming'
          AND rowid = (SELECT key FROM message_search_keys WHERE message_id = old.id);
        INSERT INTO message_fts (rowid, content, reasoning)
          SELECT key, new.content, new.reasoning FROM message_search_keys
          WHERE message_id = new.id AND new.status <> 'streaming';
        INSERT INTO message_fts_short (rowid, content, reasoning)
          SELECT key, brook_cjk_split(new.content), brook_cjk_split(new.reasoning) FROM message_search_keys
          WHERE message_id = new.id AND new.status <> 'streaming';
      END;

      CREATE TRIGGER messages_search_delete AFTER DELETE ON messages BEGIN
        DELETE FROM message_fts WHERE rowid = (SELECT key FROM message_search_keys WHERE message_id = old.id);
        DELETE FROM message_fts_short WHERE rowid = (SELECT key FROM message_search_keys WHERE message_id = old.id);
        DELETE FROM message_search_keys WHERE message_id = old.id;
      END;
    `);
  },
};

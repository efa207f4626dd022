import { registerSearchFunctions } from '../search/cjkSplit';
import type { Migration } from './index';

/** The migration's number, in one place: the lead may renumber it on merge. */
export const ATTACHMENTS_VERSION = 10;

/**
 * Files sent with messages (issue 15).
 *
 * - `attachments`: one row per file a window uploaded (name, type, size, image pixels, the
 *   state of its text extraction). The bytes live on disk under attachments/, named by their
 *   sha256, so identical files share one copy; several rows may name the same `sha256`.
 * - `message_attachments`: which messages carry which attachments, in order. A message's links
 *   go with it (cascade); when an attachment's last link goes, so does the attachment (trigger),
 *   and its hash is queued in `attachment_orphans` for the store to remove the file if no other
 *   row still names it. Soft deletes do not touch messages, so Undo keeps every file.
 * - `attachment_texts`: a document's extracted text, indexed like message text (migrations 4
 *   and 9): a trigram index for queries of three or more characters, and a unicode61 index over
 *   text with CJK characters spaced apart (one- and two-letter prefixes) for short ones.
 */
export const m010Attachments: Migration = {
  version: ATTACHMENTS_VERSION,
  name: 'attachments',
  up(db) {
    registerSearchFunctions(db);
    db.exec(`
      CREATE TABLE attachments (
        id TEXT PRIMARY KEY,
        sha256 TEXT NOT NULL,
        name TEXT NOT NULL,
        mime TEXT NOT NULL,
        size INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('image', 'document')),
        width INTEGER,
        height INTEGER,
        extraction_state TEXT NOT NULL CHECK (extraction_state IN ('pending', 'running', 'done', 'no-text', 'failed')),
        pages INTEGER,
        chars INTEGER,
        total_chars INTEGER,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX attachments_by_sha256 ON attachments (sha256);

      CREATE TABLE message_attachments (
        message_id TEXT NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
        attachment_id TEXT NOT NULL REFERENCES attachments (id),
        position INTEGER NOT NULL,
        PRIMARY KEY (message_id, attachment_id)
      );
      CREATE INDEX message_attachments_by_attachment ON message_attachments (attachment_id);

      CREATE TABLE attachment_texts (
        attachment_id TEXT NOT NULL UNIQUE REFERENCES attachments (id) ON DELETE CASCADE,
        text TEXT NOT NULL
      );

      CREATE TABLE attachment_orphans (sha256 TEXT PRIMARY KEY);

      CREATE VIRTUAL TABLE attachment_fts USING fts5(
        text, content='', contentless_delete=1, tokenize='trigram remove_diacritics 1'
      );
      CREATE VIRTUAL TABLE attachment_fts_short USING fts5(
        text, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2', prefix='1 2'
      );

      CREATE TRIGGER attachment_texts_insert AFTER INSERT ON attachment_texts BEGIN
        INSERT INTO attachment_fts (rowid, text) VALUES (new.rowid, new.text);
        INSERT INTO attachment_fts_short (rowid, text) VALUES (new.rowid, brook_cjk_split(new.text));
      END;
      CREATE TRIGGER attachment_texts_delete AFTER DELETE ON attachment_texts BEGIN
        DELETE FROM attachment_fts WHERE rowid = old.rowid;
        DELETE FROM attachment_fts_short WHERE rowid = old.rowid;
      END;

      CREATE TRIGGER message_attachments_unlink AFTER DELETE ON message_attachments BEGIN
        DELETE FROM attachments WHERE id = old.attachment_id
          AND NOT EXISTS (SELECT 1 FROM message_attachments WHERE attachment_id = old.attachment_id);
      END;
      CREATE TRIGGER attachments_delete AFTER DELETE ON attachments BEGIN
        INSERT OR IGNORE INTO attachment_orphans (sha256) VALUES (old.sha256);
      END;
    `);
  },
};

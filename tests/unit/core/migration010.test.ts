import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../src/main/core/history/migrate';
import { MIGRATIONS } from '../../../src/main/core/history/migrations/index';
import { ATTACHMENTS_VERSION } from '../../../src/main/core/history/migrations/010_attachments';

function addAttachment(db: Database.Database, id: string, sha: string): void {
  db.prepare(
    `INSERT INTO attachments (id, sha256, name, mime, size, kind, extraction_state, created_at)
     VALUES (?, ?, ?, 'application/pdf', 10, 'document', 'done', 1)`,
  ).run(id, sha, `${id}.pdf`);
}

const orphans = (db: Database.Database) => db.prepare('SELECT sha256 FROM attachment_orphans ORDER BY sha256').pluck().all();
const attachmentIds = (db: Database.Database) => db.prepare('SELECT id FROM attachments ORDER BY id').pluck().all();
const ftsIds = (db: Database.Database, table: string, match: string) =>
  db
    .prepare(`SELECT t.attachment_id FROM ${table} f JOIN attachment_texts t ON t.rowid = f.rowid WHERE ${table} MATCH ? ORDER BY f.rowid`)
    .pluck()
    .all(match);

describe('migration 010_attachments', () => {
  it('adds the tables to a database with history, links follow their messages, the last unlink frees the file', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.filter((m) => m.version < ATTACHMENTS_VERSION), () => null);
    db.prepare("INSERT INTO conversations (id, title, created_at, updated_at) VALUES ('c', 't', 1, 1)").run();
    const insert = db.prepare("INSERT INTO messages (id, conversation_id, role, content, status, created_at, updated_at) VALUES (?, 'c', 'user', ?, 'done', ?, ?)");
    insert.run('old', 'a message from before', 1000, 1000);

    migrate(db, MIGRATIONS, () => null);
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(ATTACHMENTS_VERSION);
    insert.run('m1', 'first', 2000, 2000);
    insert.run('m2', 'second', 3000, 3000);

    // Two uploads of the same file (same hash), one of another.
    addAttachment(db, 'a', 'hash-shared');
    addAttachment(db, 'b', 'hash-shared');
    addAttachment(db, 'c', 'hash-own');
    const link = db.prepare('INSERT INTO message_attachments (message_id, attachment_id, position) VALUES (?, ?, ?)');
    link.run('m1', 'a', 0);
    link.run('m1', 'c', 1);
    link.run('m2', 'b', 0);
    link.run('m2', 'c', 1);
    db.prepare("INSERT INTO attachment_texts (attachment_id, text) VALUES ('c', 'Quarterly revenue grew 天气预报')").run();
    expect(ftsIds(db, 'attachment_fts', 'revenue')).toEqual(['c']);
    expect(ftsIds(db, 'attachment_fts_short', '"天 气"')).toEqual(['c']);
    expect(ftsIds(db, 'attachment_fts_short', '"qu" *')).toEqual(['c']);

    // Deleting m1 drops its links; 'a' had only that link and goes (its hash is still used by 'b', the store checks that).
    db.prepare("DELETE FROM messages WHERE id = 'm1'").run();
    expect(attachmentIds(db)).toEqual(['b', 'c']);
    expect(orphans(db)).toEqual(['hash-shared']);

    // Purging the conversation (cascade) removes the rest, their text and its index entries.
    db.prepare("DELETE FROM conversations WHERE id = 'c'").run();
    expect(attachmentIds(db)).toEqual([]);
    expect(orphans(db)).toEqual(['hash-own', 'hash-shared']);
    expect(db.prepare('SELECT COUNT(*) FROM attachment_texts').pluck().get()).toBe(0);
    expect(ftsIds(db, 'attachment_fts', 'revenue')).toEqual([]);
    expect(db.prepare(`INSERT INTO attachment_fts(attachment_fts, rank) VALUES ('integrity-check', 0)`).run()).toBeTruthy();
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});

import type { Migration } from './index';

/** As migration 2 wrote it; spacing tolerated in case a later migration rebuilt the table. */
const BEFORE = /CHECK\s*\(\s*origin\s+IN\s*\(\s*'chat'\s*,\s*'quick'\s*\)\s*\)/i;
const AFTER = "CHECK (origin IN ('chat', 'quick', 'api'))";

/**
 * Conversations made through the local API are marked `api`. SQLite cannot alter a CHECK
 * constraint, and rebuilding `conversations` would fire the cascade on `messages`; widening
 * the constraint changes no stored data, which is the case SQLite documents as safe to edit
 * in the schema table (https://sqlite.org/lang_altertable.html, "otheralter").
 */
export const m007ApiOrigin: Migration = {
  version: 7,
  name: 'api conversation origin',
  up(db) {
    const row = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'conversations'").get() as { sql: string };
    if (!BEFORE.test(row.sql)) throw new Error('conversations.origin has an unexpected CHECK constraint');
    const schemaVersion = db.pragma('schema_version', { simple: true }) as number;
    // better-sqlite3 runs in SQLite's defensive mode, which forbids writing the schema table.
    db.unsafeMode(true);
    try {
      db.pragma('writable_schema = ON');
      db.prepare("UPDATE sqlite_schema SET sql = ? WHERE type = 'table' AND name = 'conversations'").run(row.sql.replace(BEFORE, AFTER));
      db.pragma(`schema_version = ${schemaVersion + 1}`);
      db.pragma('writable_schema = OFF');
    } finally {
      db.unsafeMode(false);
    }
    const check = db.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error(`integrity check after widening origin failed: ${String(check)}`);
  },
};

import { existsSync } from 'node:fs';
import type Database from 'better-sqlite3';
import type { Migration } from './migrations/index';

export interface MigrationResult {
  from: number;
  to: number;
  /** Path of the copy taken before migrating an existing database, if any. */
  backupPath: string | null;
}

/**
 * Runs pending migrations, each in its own transaction. An existing database is copied first
 * (VACUUM INTO gives a consistent snapshot even in WAL mode), so a failed upgrade never costs
 * the user their history.
 */
export function migrate(
  db: Database.Database,
  migrations: readonly Migration[],
  backupPathFor: (fromVersion: number) => string | null,
): MigrationResult {
  const from = db.pragma('user_version', { simple: true }) as number;
  const pending = migrations.filter((m) => m.version > from).sort((a, b) => a.version - b.version);
  const latest = migrations.reduce((v, m) => Math.max(v, m.version), 0);
  if (from > latest) {
    throw new Error(`database schema ${from} is newer than this version of Brook understands (${latest})`);
  }
  if (pending.length === 0) return { from, to: from, backupPath: null };

  let backupPath: string | null = null;
  if (from > 0) {
    backupPath = backupPathFor(from);
    if (backupPath && !existsSync(backupPath)) db.prepare('VACUUM INTO ?').run(backupPath);
  }
  for (const m of pending) {
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return { from, to: pending[pending.length - 1]!.version, backupPath };
}

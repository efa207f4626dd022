import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { storageError } from '../base';
import { MIGRATIONS } from './migrations/index';
import { migrate, type MigrationResult } from './migrate';
import { registerSearchFunctions } from './search/cjkSplit';

export interface HistoryStoreOptions {
  /** Database file; ':memory:' for tests. */
  file: string;
  clock?: () => number;
  /** Path to a better-sqlite3 build for this runtime (Electron has its own ABI). */
  nativeBinding?: string;
  newId?: () => string;
}

/**
 * The history's SQLite file: opened in WAL mode and migrated (with a copy before each
 * migration), backed up online, swapped for a backup, and storage failures turned into errors
 * the user can act on. HistoryStore adds the conversations and messages on top.
 */
export class HistoryDatabase {
  migration: MigrationResult;
  readonly file: string;
  protected db: Database.Database;
  protected readonly now: () => number;
  protected readonly newId: () => string;
  private readonly nativeBinding?: string;

  constructor(options: HistoryStoreOptions) {
    this.now = options.clock ?? Date.now;
    this.newId = options.newId ?? randomUUID;
    this.file = options.file;
    this.nativeBinding = options.nativeBinding;
    if (options.file !== ':memory:') mkdirSync(dirname(options.file), { recursive: true });
    [this.db, this.migration] = this.openDatabase();
  }

  private openDatabase(): [Database.Database, MigrationResult] {
    const file = this.file;
    const db = new Database(file, this.nativeBinding ? { nativeBinding: this.nativeBinding } : {});
    try {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      db.pragma('busy_timeout = 5000');
      registerSearchFunctions(db);
      const migration = migrate(db, MIGRATIONS, (from) =>
        file === ':memory:' ? null : join(dirname(file), `${stem(file)}.before-v${from + 1}.${this.now()}.sqlite`),
      );
      return [db, migration];
    } catch (err) {
      db.close();
      throw err;
    }
  }

  close(): void {
    this.db.close();
  }

  /** For the modules that extend the history in files of their own (assistants, import, export). */
  get database(): Database.Database {
    return this.db;
  }

  /** A consistent copy while the database stays in use (SQLite online backup). */
  async backupTo(target: string): Promise<void> {
    try {
      await this.db.backup(target);
    } catch (err) {
      throw storageError(err);
    }
  }

  /**
   * Closes the connection, lets `swap` replace the file, and opens it again (migrating an
   * older backup). Synchronous, so no other call can reach the closed connection meanwhile;
   * if the new file will not open, `undo` puts the old one back and it is reopened.
   */
  reopenAfter(swap: () => void, undo: () => void): void {
    this.db.close();
    try {
      swap();
      [this.db, this.migration] = this.openDatabase();
    } catch (err) {
      undo();
      [this.db, this.migration] = this.openDatabase();
      throw err;
    }
  }

  /** Storage failures become errors the user can act on, never a silent loss. */
  protected write<T>(fn: () => T): T {
    try {
      return fn();
    } catch (err) {
      throw storageError(err);
    }
  }
}

export { storageError };

function stem(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? 'brook';
  return base.replace(/\.sqlite3?$|\.db$/, '');
}

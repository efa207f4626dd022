import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import type { BackupInfo } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { restoreBackupAttachments, saveBackupAttachments } from './backupAttachments';
import { storageError, type HistoryStore } from './HistoryStore';
import { MIGRATIONS } from './migrations/index';

export const BACKUPS_FOLDER = 'backups';

function stamp(now: number): string {
  return new Date(now).toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15) + `-${now % 1000}`;
}

/**
 * Backups of the history: made on demand with SQLite's online backup (consistent while the
 * app keeps writing), listed from the data folder, and restored by swapping the file under a
 * closed connection.
 */
export class HistoryBackups {
  constructor(
    private readonly store: HistoryStore,
    private readonly dataDir: string,
    private readonly now: () => number = Date.now,
  ) {}

  private get folder(): string {
    return join(this.dataDir, BACKUPS_FOLDER);
  }

  async create(kind: 'manual' | 'before-restore' = 'manual'): Promise<BackupInfo> {
    try {
      mkdirSync(this.folder, { recursive: true, mode: 0o700 });
    } catch (err) {
      throw storageError(err);
    }
    const name = `${kind === 'manual' ? 'brook' : 'before-restore'}-${stamp(this.now())}.sqlite`;
    const target = join(this.folder, name);
    try {
      await this.store.backupTo(target);
      // SQLite makes the copy with the default umask; the history is the user's alone.
      if (process.platform !== 'win32') chmodSync(target, 0o600);
      saveBackupAttachments(target, this.dataDir);
    } catch (err) {
      rmSync(target, { force: true });
      throw err;
    }
    return this.describe(join(BACKUPS_FOLDER, name));
  }

  /** Newest first: the backups folder, and the copies taken before each schema migration. */
  list(): BackupInfo[] {
    const names: string[] = [];
    if (existsSync(this.folder)) {
      for (const f of readdirSync(this.folder)) if (f.endsWith('.sqlite')) names.push(join(BACKUPS_FOLDER, f));
    }
    const stem = basename(this.store.file).replace(/\.sqlite3?$|\.db$/, '');
    for (const f of readdirSync(dirname(this.store.file))) {
      if (f.startsWith(`${stem}.before-v`) && f.endsWith('.sqlite')) names.push(f);
    }
    return names.map((n) => this.describe(n)).sort((a, b) => b.createdAt - a.createdAt);
  }

  /**
   * Checks the backup, saves the current history as a backup of its own, then swaps the file
   * in. If the swapped-in file will not open, the current one is put back.
   */
  async restore(name: string): Promise<void> {
    const entry = this.list().find((b) => b.name === name.replace(/\\/g, '/') || b.name === name);
    if (!entry) throw new AppError('not_found', { messageKey: 'errors.backupInvalid', retryable: false, detail: name });
    const source = join(this.dataDir, entry.name);
    validateBackup(source);
    await this.create('before-restore');
    const file = this.store.file;
    const incoming = `${file}.restoring`;
    const previous = `${file}.replaced`;
    try {
      copyFileSync(source, incoming);
      restoreBackupAttachments(source, this.dataDir);
    } catch (err) {
      rmSync(incoming, { force: true });
      throw storageError(err);
    }
    this.store.reopenAfter(
      () => {
        renameSync(file, previous);
        // The closed connection checkpointed its WAL; a stale one must not be replayed onto the backup.
        for (const suffix of ['-wal', '-shm']) rmSync(file + suffix, { force: true });
        renameSync(incoming, file);
      },
      () => {
        rmSync(file, { force: true });
        if (existsSync(previous)) renameSync(previous, file);
      },
    );
    rmSync(previous, { force: true });
  }

  private describe(name: string): BackupInfo {
    const stat = statSync(join(this.dataDir, name));
    const base = basename(name);
    const kind = base.startsWith('before-restore') ? 'before-restore' : name.startsWith(BACKUPS_FOLDER) ? 'manual' : 'before-migration';
    return { name: name.replace(/\\/g, '/'), size: stat.size, createdAt: Math.round(stat.mtimeMs), kind };
  }
}

/** A backup must be a sound Brook database no newer than this build understands. */
function validateBackup(path: string): void {
  const latest = Math.max(...MIGRATIONS.map((m) => m.version));
  let db: Database.Database | null = null;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    const check = db.pragma('quick_check(1)', { simple: true });
    const version = db.pragma('user_version', { simple: true }) as number;
    const hasMessages = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'messages'").get();
    if (check !== 'ok' || version > latest || version < 1 || !hasMessages) throw new Error(`check ${String(check)}, version ${version}`);
  } catch (err) {
    throw new AppError('bad_request', {
      messageKey: 'errors.backupInvalid',
      retryable: false,
      detail: err instanceof Error ? err.message : String(err),
    });
  } finally {
    db?.close();
  }
}

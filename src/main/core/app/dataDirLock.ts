import { mkdirSync, openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../../shared/errors';

export const LOCK_FILE = 'brook.lock';

export interface DataDirLock {
  release(): void;
}

/**
 * One Brook process per data folder. A second one (the desktop app and browser mode on the
 * same history) would mark the first one's live answers as interrupted at startup and break
 * its crash protection. A lock left by a crashed process (its pid is gone) is taken over.
 */
export function acquireDataDirLock(dataDir: string, pid = process.pid): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, String(pid));
      closeSync(fd);
      return {
        release: () => {
          if (readPid(file) !== pid) return;
          try {
            rmSync(file, { force: true });
          } catch {
            // The folder turned read-only (or was taken away): the lock names a process about to
            // end, and the next start takes it over. Quitting must not fail over it.
          }
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = readPid(file);
      if (holder !== null && holder !== pid && isAlive(holder)) {
        throw new AppError('internal', { messageKey: 'errors.dataDirInUse', params: { pid: holder, file }, retryable: false });
      }
      rmSync(file, { force: true });
    }
  }
  throw new AppError('internal', { messageKey: 'errors.dataDirInUse', params: { pid: 0, file }, retryable: false });
}

/**
 * The live process holding `dataDir`'s lock, or null: a look, not a lock. Browser mode asks
 * before it serves the page, so "already running" is said before any URL is printed.
 */
export function dataDirHolder(dataDir: string, pid = process.pid): number | null {
  const holder = readPid(join(dataDir, LOCK_FILE));
  return holder !== null && holder !== pid && isAlive(holder) ? holder : null;
}

function readPid(file: string): number | null {
  try {
    const pid = Number(readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to someone else — still alive.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

import { copyFileSync, existsSync, renameSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { HistoryHealth } from '../../../shared/domain';

export interface IntegrityResult {
  /** null: no database yet, or it passed. */
  problem: string | null;
  /** The file could not be opened as a database at all. */
  unreadable: boolean;
}

/**
 * At startup, only what is instant: can the file be opened and its schema read? A file that
 * is not a database at all must be dealt with before the app opens it.
 */
export function checkOpens(file: string, nativeBinding?: string): IntegrityResult {
  if (!existsSync(file)) return { problem: null, unreadable: false };
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    db.prepare('SELECT COUNT(*) FROM sqlite_master').get();
    return { problem: null, unreadable: false };
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    // Only damage counts; a permission or disk problem is reported by the real open instead.
    if (typeof code !== 'string' || !/^SQLITE_(CORRUPT|NOTADB)/.test(code)) return { problem: null, unreadable: false };
    return { problem: err instanceof Error ? err.message : String(err), unreadable: true };
  } finally {
    db?.close();
  }
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
let db;
try {
  db = new Database(workerData.file, { readonly: true, fileMustExist: true, ...(workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {}) });
  const rows = db.pragma('quick_check(20)').map((r) => r.quick_check);
  parentPort.postMessage(rows.length === 1 && rows[0] === 'ok' ? null : rows.join('; '));
} catch (err) {
  parentPort.postMessage(String(err && err.message || err));
} finally {
  if (db) db.close();
}`;

export interface BackgroundCheck {
  /** The problem found, or null; rejects if the check could not run (or was stopped). */
  result: Promise<string | null>;
  /** Quitting must not wait for a check of a large history. */
  stop(): Promise<void>;
}

/**
 * `PRAGMA quick_check` reads every page (seconds on a large history), so it runs on its own
 * read-only connection in a worker thread while the app is already usable, starting after
 * `delayMs`. Stopped before it starts, it never runs and its result rejects.
 */
export function quickCheckInBackground(file: string, nativeBinding?: string, delayMs = 0): BackgroundCheck {
  let worker: Worker | null = null;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopBeforeStart: () => void = () => {};
  const result = new Promise<string | null>((resolve, reject) => {
    const start = () => {
      const module = createRequire(import.meta.url).resolve('better-sqlite3');
      const running = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, nativeBinding, module } });
      worker = running;
      running.once('message', (problem: string | null) => resolve(problem));
      running.once('error', reject);
      running.once('exit', (code) => reject(new Error(`integrity check ended early (${code})`)));
    };
    if (delayMs <= 0) start();
    else
      timer = setTimeout(() => {
        if (!stopped) start();
      }, delayMs);
    stopBeforeStart = () => reject(new Error('integrity check stopped before it started'));
  });
  return {
    result,
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      if (worker) await worker.terminate();
      else stopBeforeStart();
    },
  };
}

/** `PRAGMA quick_check` on its own connection, synchronously (tests, the benchmark, restore checks). */
export function checkIntegrity(file: string, nativeBinding?: string): IntegrityResult {
  if (!existsSync(file)) return { problem: null, unreadable: false };
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    const rows = db.pragma('quick_check(20)') as { quick_check: string }[];
    const messages = rows.map((r) => r.quick_check);
    return messages.length === 1 && messages[0] === 'ok'
      ? { problem: null, unreadable: false }
      : { problem: messages.join('; '), unreadable: false };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { problem: message, unreadable: true };
  } finally {
    db?.close();
  }
}

/**
 * Copies a damaged database (with its WAL, which may hold the newest writes) beside it. An
 * unreadable one is moved aside instead, so a fresh database can start in its place; either
 * way the user is told where the copy is.
 */
export function setAsideDamaged(file: string, result: IntegrityResult, now: number): HistoryHealth {
  const copyPath = file.replace(/(\.sqlite3?|\.db)?$/, `.damaged-${now}$1`);
  for (const suffix of ['', '-wal', '-shm']) {
    if (!existsSync(file + suffix)) continue;
    if (result.unreadable) renameSync(file + suffix, copyPath + suffix);
    else copyFileSync(file + suffix, copyPath + suffix);
  }
  return { status: result.unreadable ? 'replaced' : 'damaged', copyPath, detail: result.problem };
}

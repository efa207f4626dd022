/**
 * Browser mode's copy of the first screen (shared/firstScreen.ts), kept from one clean quit to
 * the next start. Read before the rest of the core has loaded, so nothing here may import zod,
 * SQLite or the contract's handlers.
 *
 * The copy is only as good as the history it was taken from. It is written after the database
 * is closed, with that file's size and time; it is used only if the file is unchanged and no
 * write-ahead log holds newer pages, and only once: whatever the next run does, it writes its
 * own copy when it quits cleanly, and after a crash there is none.
 */
import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FirstScreenData } from '../../../shared/firstScreen';

export const FIRST_SCREEN_FILE = 'first-screen.json';
const FORMAT = 1;
/** A first screen is tens of kilobytes; anything far larger is not ours. */
const MAX_BYTES = 4 * 1024 * 1024;

interface CacheFile {
  format: number;
  version: string;
  database: { size: number; mtimeMs: number };
  data: FirstScreenData;
}

/** Writes the copy once the database file is closed. Never throws: a quit must not fail over a cache. */
export function writeFirstScreenCache(dataDir: string, databaseFile: string, version: string, data: FirstScreenData, log: (m: string) => void): void {
  const target = join(dataDir, FIRST_SCREEN_FILE);
  const temp = `${target}.tmp`;
  try {
    const { size, mtimeMs } = statSync(databaseFile);
    const file: CacheFile = { format: FORMAT, version, database: { size, mtimeMs }, data };
    // Titles are private: the file is the user's alone, like the history beside it.
    writeFileSync(temp, JSON.stringify(file), { mode: 0o600 });
    renameSync(temp, target);
  } catch (err) {
    rmSync(temp, { force: true });
    log(`first screen not kept: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/**
 * Takes the copy from the data folder (the file is removed either way) and returns the first
 * screen as JSON text, or null when there is none or it no longer matches the history.
 */
export function takeFirstScreenCache(dataDir: string, databaseFile: string, version: string): string | null {
  const path = join(dataDir, FIRST_SCREEN_FILE);
  let text: string;
  try {
    if (statSync(path).size > MAX_BYTES) throw new Error('too large');
    text = readFileSync(path, 'utf8');
  } catch {
    rmSync(path, { force: true });
    return null;
  }
  rmSync(path, { force: true });
  try {
    const file = JSON.parse(text) as Partial<CacheFile>;
    if (file.format !== FORMAT || file.version !== version || typeof file.data !== 'object' || file.data === null) return null;
    const { size, mtimeMs } = statSync(databaseFile);
    // Within a millisecond: copies that keep file times (cp -p, backups) round them to it.
    if (size !== file.database?.size || !(Math.abs(mtimeMs - file.database.mtimeMs) < 1)) return null;
    if (walHoldsPages(databaseFile)) return null;
    return JSON.stringify(file.data);
  } catch {
    return null;
  }
}

/** A clean close checkpoints the log into the file and removes it; pages left in one are newer than the copy. */
function walHoldsPages(databaseFile: string): boolean {
  try {
    return statSync(`${databaseFile}-wal`).size > 0;
  } catch {
    return false;
  }
}

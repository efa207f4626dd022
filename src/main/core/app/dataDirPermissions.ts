import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** How deep the walk goes: the folder, backups/ and anything one level below. */
const MAX_DEPTH = 3;

/**
 * The history, the settings and the keys are the user's alone: the data folder is 0700 and
 * everything in it 0600 (folders 0700), in both modes. Folders and files made by an earlier
 * version (or by SQLite and conf with the default umask) are tightened at every start.
 * Windows has no such modes; chmod there only toggles read-only, so it is skipped.
 */
export function secureDataDir(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (process.platform === 'win32') return;
  tighten(dataDir, 0);
}

function tighten(path: string, depth: number): void {
  let stat;
  try {
    stat = lstatSync(path);
  } catch {
    return;
  }
  // A link may point outside the folder, at something that is not Brook's to change.
  if (stat.isSymbolicLink()) return;
  const wanted = stat.isDirectory() ? 0o700 : 0o600;
  if ((stat.mode & 0o777) !== wanted) {
    try {
      chmodSync(path, wanted);
    } catch {
      // Not ours (another user's file) or a read-only disk: the folder's own 0700 still protects it.
    }
  }
  if (!stat.isDirectory() || depth >= MAX_DEPTH) return;
  let names: string[] = [];
  try {
    names = readdirSync(path);
  } catch {
    return;
  }
  for (const name of names) tighten(join(path, name), depth + 1);
}

import { chmodSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { storageError } from './storageError';

/**
 * Writes a file only this user may read (0600, in a 0700 folder), whole or not at all: a temp
 * file renamed over the old one. Full or read-only disks throw the translated storage errors.
 */
export function writePrivateFileAtomic(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    // Created 0600 from the start so a secret is never readable by others, even briefly.
    writeFileSync(tmp, text, { mode: 0o600 });
    chmodSync(tmp, 0o600);
    renameSync(tmp, file);
  } catch (err) {
    // A full disk can leave a half-written copy: it must not stay beside the real file.
    try {
      rmSync(tmp, { force: true });
    } catch {
      // A read-only disk never let it be written.
    }
    throw storageError(err);
  }
}

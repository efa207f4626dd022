import { randomUUID } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';

/** The folder in the data folder that holds every attached file, named by its sha256. */
export const ATTACHMENTS_FOLDER = 'attachments';
/** Uploads still arriving; anything left here after a crash is never referenced and is cleared at start. */
const INCOMING = '.incoming';

/**
 * Content-addressed files: `attachments/ab/abcdef…` holds the bytes whose sha256 is `abcdef…`,
 * so a file attached twice is stored once. A file appears under its final name only by rename
 * from a complete, synced temporary file, so a crash never leaves a half file under a hash.
 */
export class BlobStore {
  constructor(readonly root: string) {}

  pathOf(sha256: string): string {
    return join(this.root, sha256.slice(0, 2), sha256);
  }

  has(sha256: string): boolean {
    return existsSync(this.pathOf(sha256));
  }

  /** A new temporary file for an upload (the caller writes it). */
  newTempPath(): string {
    const dir = join(this.root, INCOMING);
    mkdirSync(dir, { recursive: true });
    return join(dir, randomUUID());
  }

  /** Moves a complete temporary file under its hash; if that file is already stored, the copy is dropped. */
  commit(tempPath: string, sha256: string): void {
    const target = this.pathOf(sha256);
    if (existsSync(target)) {
      unlinkSync(tempPath);
      return;
    }
    const fd = openSync(tempPath, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    mkdirSync(join(this.root, sha256.slice(0, 2)), { recursive: true });
    renameSync(tempPath, target);
  }

  remove(sha256: string): void {
    rmSync(this.pathOf(sha256), { force: true });
  }

  /** Leftovers of uploads a crash interrupted. */
  clearIncoming(): void {
    rmSync(join(this.root, INCOMING), { recursive: true, force: true });
  }

  /** Every stored hash (for checks and tests). */
  list(): string[] {
    if (!existsSync(this.root)) return [];
    return readdirSync(this.root)
      .filter((dir) => dir.length === 2 && statSync(join(this.root, dir)).isDirectory())
      .flatMap((dir) => readdirSync(join(this.root, dir)));
  }
}

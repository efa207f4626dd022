import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

/** The data folder's attached files (attachments/ab/abcdef…, named by sha256; see attachments/blobStore). */
const ATTACHMENTS_FOLDER = 'attachments';

/** Where a backup keeps the files its messages use: beside it, `<backup>.attachments/`. */
export function backupAttachmentsDir(backupFile: string): string {
  return `${backupFile.replace(/\.sqlite$/, '')}.attachments`;
}

/**
 * Puts the files a backup's messages use beside it. Attached files never change (they are
 * named by their content), so a hard link is a true copy that costs no space; across file
 * systems it falls back to copying.
 */
export function saveBackupAttachments(backupFile: string, dataDir: string): number {
  const hashes = attachmentHashes(backupFile);
  const target = backupAttachmentsDir(backupFile);
  let saved = 0;
  for (const sha256 of hashes) {
    const from = join(dataDir, ATTACHMENTS_FOLDER, sha256.slice(0, 2), sha256);
    if (!existsSync(from)) continue;
    mkdirSync(join(target, sha256.slice(0, 2)), { recursive: true, mode: 0o700 });
    const to = join(target, sha256.slice(0, 2), sha256);
    if (existsSync(to)) continue;
    try {
      linkSync(from, to);
    } catch {
      copyFileSync(from, to);
    }
    saved++;
  }
  return saved;
}

/** Before a restored history is opened: every file it uses that the data folder lacks comes back from beside the backup. */
export function restoreBackupAttachments(backupFile: string, dataDir: string): number {
  const source = backupAttachmentsDir(backupFile);
  if (!existsSync(source)) return 0;
  let restored = 0;
  for (const dir of readdirSync(source)) {
    for (const sha256 of readdirSync(join(source, dir))) {
      const to = join(dataDir, ATTACHMENTS_FOLDER, dir, sha256);
      if (existsSync(to)) continue;
      mkdirSync(join(dataDir, ATTACHMENTS_FOLDER, dir), { recursive: true });
      copyFileSync(join(source, dir, sha256), to);
      restored++;
    }
  }
  return restored;
}

function attachmentHashes(backupFile: string): string[] {
  const db = new Database(backupFile, { readonly: true, fileMustExist: true });
  try {
    const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'attachments'").get();
    return hasTable ? (db.prepare('SELECT DISTINCT sha256 FROM attachments').pluck().all() as string[]) : [];
  } finally {
    db.close();
  }
}

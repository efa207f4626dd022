import type Database from 'better-sqlite3';
import type { AttachmentKind, ExtractionState } from '../../../../shared/attachments';
import type { Message } from '../../../../shared/domain';
import type { AttachmentRow } from '../attachmentRows';

/** Image types a browser shows from a data URL in an <img> (and nothing that could carry script). */
const EMBEDDED_IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/webp', 'image/gif']);

/** Reads a stored file by its sha256 (the attachments module owns the folder; history only names the hash). */
export type ReadAttachmentFile = (sha256: string) => Promise<Buffer>;

/** The attachments module's files as exports and imports use them. */
export interface AttachmentFiles {
  read: ReadAttachmentFile;
  /** Stores the bytes under their sha256 (once, atomically) and returns that hash. */
  store(bytes: Buffer): Promise<string>;
  /** A stored image's size as shown (null: not an image the store can read). Needed by the zip import. */
  imageSize?(sha256: string): Promise<{ width: number; height: number } | null>;
  /** A new temporary file's path beside the stored files (an uploaded zip is kept there while it is read). */
  tempPath?(): string;
}

/** One attached file inside a Brook JSON export, whole: its description, its extracted text and its bytes (base64). */
export interface BrookAttachment {
  /**
   * Its id where it was exported: the tool steps of the message name their image results by
   * it. An import stores the file under a new id and points those steps there. Absent in files
   * exported before steps were carried, and in attachments an import makes up (a zip's images).
   */
  id?: string;
  name: string;
  mime: string;
  size: number;
  sha256: string;
  kind: AttachmentKind;
  width: number | null;
  height: number | null;
  createdAt: number;
  extraction: { state: ExtractionState; pages: number | null; chars: number | null; totalChars: number | null };
  /** The document's extracted text (null for images and documents without any). */
  text: string | null;
  /** The file's bytes, base64. */
  data: string;
}

/**
 * Each message's attachments with their bytes, for the given messages, in order. Files are read
 * one at a time (at most one attachment's bytes, 20 MB, held beyond what the export keeps).
 */
export async function exportedAttachments(
  db: Database.Database,
  messageIds: readonly string[],
  readFile: ReadAttachmentFile,
): Promise<Map<string, BrookAttachment[]>> {
  const byMessage = new Map<string, BrookAttachment[]>();
  if (messageIds.length === 0) return byMessage;
  const rows = db
    .prepare(
      `SELECT l.message_id, a.*, t.text FROM message_attachments l JOIN attachments a ON a.id = l.attachment_id
       LEFT JOIN attachment_texts t ON t.attachment_id = a.id
       WHERE l.message_id IN (SELECT value FROM json_each(?)) ORDER BY l.message_id, l.position`,
    )
    .all(JSON.stringify(messageIds)) as (AttachmentRow & { message_id: string; text: string | null })[];
  for (const row of rows) {
    const data = (await readFile(row.sha256)).toString('base64');
    const list = byMessage.get(row.message_id) ?? [];
    list.push({
      id: row.id,
      name: row.name,
      mime: row.mime,
      size: row.size,
      sha256: row.sha256,
      kind: row.kind,
      width: row.width,
      height: row.height,
      createdAt: row.created_at,
      extraction: { state: row.extraction_state, pages: row.pages, chars: row.chars, totalChars: row.total_chars },
      text: row.text,
      data,
    });
    byMessage.set(row.message_id, list);
  }
  return byMessage;
}

/**
 * A file embedded in a Markdown or HTML export at most this large; a bigger one is named only
 * (the export stays a single file that opens anywhere, not one of hundreds of megabytes).
 */
export const MAX_EMBEDDED_FILE_BYTES = 5 * 1024 * 1024;

/** Documents that a browser would run or render as a page are embedded as plain text. */
const ACTIVE_TYPES = /html|svg|xml|javascript|ecmascript/i;

/**
 * Data URLs of the files the messages carry, by attachment id, for the Markdown and HTML
 * exports: images to show (PNG, JPEG, WebP, GIF; others such as HEIC are named only) and
 * documents to link, each at most MAX_EMBEDDED_FILE_BYTES. Files are read one at a time.
 */
export async function embeddedFileUrls(db: Database.Database, messages: readonly Message[], readFile: ReadAttachmentFile): Promise<Map<string, string>> {
  const urls = new Map<string, string>();
  const sha256Of = db.prepare('SELECT sha256 FROM attachments WHERE id = ?').pluck();
  for (const a of messages.flatMap((m) => m.attachments ?? [])) {
    if (urls.has(a.id) || a.size > MAX_EMBEDDED_FILE_BYTES || (a.kind === 'image' && !EMBEDDED_IMAGE_TYPES.has(a.mime))) continue;
    const sha256 = sha256Of.get(a.id) as string | undefined;
    const mime = a.kind === 'document' && ACTIVE_TYPES.test(a.mime) ? 'text/plain' : a.mime || 'application/octet-stream';
    if (sha256) urls.set(a.id, `data:${mime};base64,${(await readFile(sha256)).toString('base64')}`);
  }
  return urls;
}

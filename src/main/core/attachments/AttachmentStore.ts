import { createHash, randomUUID } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import {
  ATTACHMENT_MAX_FILE_BYTES,
  ATTACHMENT_MAX_MESSAGE_BYTES,
  ATTACHMENT_MAX_PER_MESSAGE,
  ATTACHMENT_THUMBNAIL_PX,
  checkAttachmentSet,
  classifyAttachment,
  type Attachment,
  type AttachmentExtraction,
  type AttachmentKind,
} from '../../../shared/attachments';
import { storageError } from '../base';
import { toAttachment, type AttachmentRow } from '../history';
import { ATTACHMENTS_FOLDER, BlobStore } from './blobStore';
import { attachmentError } from './errors';
import { extractDocument, type ExtractionEvents } from './extraction';
import { Uploads } from './uploads';
import { runWorkerTask, stopWorkers, type ResizedImage, type ResizeOptions } from './worker';

const MB = 1024 * 1024;
/** An attachment uploaded but never sent is cleared after this long. */
const UNSENT_TTL_MS = 24 * 60 * 60_000;

export interface AttachmentStoreOptions {
  dataDir: string;
  /** The history database (read each time: a restore swaps the connection). */
  db: () => Database.Database;
  events: ExtractionEvents;
  now?: () => number;
  newId?: () => string;
  log?: (message: string) => void;
}

/**
 * Attachments: uploads arrive in parts, are stored content-addressed (blobStore), described in
 * the history's `attachments` table (migration 10), and documents are read in a worker
 * (extraction). Files whose last attachment row is gone are removed by `sweep`.
 */
export class AttachmentStore {
  readonly blobs: BlobStore;
  private readonly uploads: Uploads;
  private readonly now: () => number;
  private readonly newId: () => string;
  private readonly extracting = new Map<string, Promise<void>>();
  private readonly closers: (() => void)[] = [];

  constructor(private readonly options: AttachmentStoreOptions) {
    this.now = options.now ?? Date.now;
    this.newId = options.newId ?? randomUUID;
    this.blobs = new BlobStore(join(options.dataDir, ATTACHMENTS_FOLDER));
    this.uploads = new Uploads(this.now);
    this.blobs.clearIncoming();
  }

  private get db(): Database.Database {
    return this.options.db();
  }

  async begin(name: string, size: number): Promise<{ uploadId: string }> {
    const type = classifyAttachment(name);
    if (!type) throw attachmentError('bad_request', 'unsupportedType', { name });
    if (size > ATTACHMENT_MAX_FILE_BYTES) throw attachmentError('bad_request', 'tooLarge', { name, limit: ATTACHMENT_MAX_FILE_BYTES / MB });
    const uploadId = this.newId();
    await this.uploads.begin({ id: uploadId, name, size, kind: type.kind, mime: type.mime, format: type.format, tempPath: this.blobs.newTempPath() });
    return { uploadId };
  }

  part(uploadId: string, index: number, base64: string): Promise<number> {
    return this.uploads.part(uploadId, index, base64);
  }

  cancel(uploadId: string): Promise<void> {
    return this.uploads.cancel(uploadId);
  }

  /** Stores a complete upload and describes it; a document's text is read afterwards (see `whenReady`). */
  async finish(uploadId: string): Promise<Attachment> {
    const { upload, sha256 } = await this.uploads.finish(uploadId);
    try {
      this.blobs.commit(upload.tempPath, sha256);
    } catch (err) {
      throw storageError(err);
    }
    const size = upload.kind === 'image' ? await this.measureImage(sha256, upload.name, upload.mime) : null;
    const id = this.insert(sha256, upload, size);
    if (upload.format) this.startExtraction(id, sha256, upload.format);
    return this.get(id);
  }

  /**
   * Stores an image that arrived whole (a tool's result; docs/mcp.md "Image results") as an
   * attachment no message carries yet: the message links it when its step is saved, and one
   * never linked is cleared after a day like an unsent upload. `name` gives its type.
   */
  async storeImage(bytes: Buffer, name: string): Promise<Attachment> {
    const type = classifyAttachment(name);
    if (type?.kind !== 'image') throw attachmentError('bad_request', 'unsupportedType', { name });
    if (bytes.length > ATTACHMENT_MAX_FILE_BYTES) throw attachmentError('bad_request', 'tooLarge', { name, limit: ATTACHMENT_MAX_FILE_BYTES / MB });
    const sha256 = await this.storeFile(bytes);
    // A hash queued by an earlier purge would let a sweep before the row below remove the file.
    this.write(() => this.db.prepare('DELETE FROM attachment_orphans WHERE sha256 = ?').run(sha256));
    const size = await this.measureImage(sha256, name, type.mime);
    return this.get(this.insert(sha256, { name, mime: type.mime, size: bytes.length, kind: 'image' }, size));
  }

  /** An image's pixels, measured in a worker; an image that cannot be read is not kept. */
  private async measureImage(sha256: string, name: string, mime: string): Promise<{ width: number; height: number }> {
    const size = await this.imageSize(sha256);
    if (!size) {
      this.removeIfUnused(sha256);
      // The prebuilt sharp has no HEVC decoder, so most iPhone photos cannot be read: say so, and what to do.
      throw attachmentError('bad_request', /^image\/hei[cf]/.test(mime) ? 'heicUnsupported' : 'unreadableImage', { name });
    }
    return size;
  }

  private insert(sha256: string, file: { name: string; mime: string; size: number; kind: AttachmentKind }, size: { width: number; height: number } | null): string {
    const id = this.newId();
    const state = file.kind === 'image' ? 'done' : 'pending';
    this.write(() =>
      this.db
        .prepare(
          `INSERT INTO attachments (id, sha256, name, mime, size, kind, width, height, extraction_state, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(id, sha256, file.name, file.mime, file.size, file.kind, size?.width ?? null, size?.height ?? null, state, this.now()),
    );
    return id;
  }

  /** Stores bytes that arrived whole (an imported export) under their sha256, once and atomically; returns the hash. */
  async storeFile(bytes: Buffer): Promise<string> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (this.blobs.has(sha256)) return sha256;
    const temp = this.blobs.newTempPath();
    try {
      await writeFile(temp, bytes);
      this.blobs.commit(temp, sha256);
    } catch (err) {
      await rm(temp, { force: true });
      throw storageError(err);
    }
    return sha256;
  }

  /** A stored file's size as an image shown upright, measured in a worker; null when it is no image sharp reads. */
  async imageSize(sha256: string): Promise<{ width: number; height: number } | null> {
    const size = await runWorkerTask('imageInfo', this.blobs.pathOf(sha256), null).catch(() => null);
    return size?.width && size.height ? { width: size.width, height: size.height } : null;
  }

  get(id: string): Attachment {
    return toAttachment(this.row(id));
  }

  /** The attachments a message will carry, checked against the per-message limits; waits for their text. */
  async prepareForMessage(ids: readonly string[]): Promise<Attachment[]> {
    if (ids.length > ATTACHMENT_MAX_PER_MESSAGE) throw attachmentError('bad_request', 'tooMany', { limit: ATTACHMENT_MAX_PER_MESSAGE });
    const attachments = ids.map((id) => this.get(id));
    const problem = checkAttachmentSet(attachments.map((a) => a.size));
    if (problem === 'message-too-large') throw attachmentError('bad_request', 'messageTooLarge', { limit: ATTACHMENT_MAX_MESSAGE_BYTES / MB });
    await Promise.all(ids.map((id) => this.extracting.get(id)));
    return ids.map((id) => this.get(id));
  }

  /** A document's extracted text ('' when there is none). */
  text(id: string): { text: string; extraction: AttachmentExtraction } {
    const attachment = this.get(id);
    if (attachment.kind !== 'document') throw attachmentError('bad_request', 'notDocument', { name: attachment.name });
    const text = this.db.prepare('SELECT text FROM attachment_texts WHERE attachment_id = ?').pluck().get(id) as string | undefined;
    return { text: text ?? '', extraction: attachment.extraction };
  }

  /** The original bytes, as stored. */
  async original(id: string): Promise<Buffer> {
    const row = this.row(id);
    try {
      return await readFile(this.blobs.pathOf(row.sha256));
    } catch (err) {
      throw storageError(err);
    }
  }

  /** A data URL of the image fitted inside ATTACHMENT_THUMBNAIL_PX[size] (PNG keeps transparency). */
  async thumbnail(id: string, size: keyof typeof ATTACHMENT_THUMBNAIL_PX): Promise<{ dataUrl: string; width: number; height: number }> {
    const image = await this.resized(id, { maxSide: ATTACHMENT_THUMBNAIL_PX[size], maxBytes: 8 * MB, keepAlpha: true });
    return { dataUrl: `data:${image.mime};base64,${image.data}`, width: image.width, height: image.height };
  }

  /** The image fitted to a provider's limits, in a worker; the original stays on disk untouched. */
  async resized(id: string, limits: ResizeOptions): Promise<ResizedImage> {
    const row = this.row(id);
    if (row.kind !== 'image') throw attachmentError('bad_request', 'notImage', { name: row.name });
    try {
      return await runWorkerTask('resize', this.blobs.pathOf(row.sha256), limits);
    } catch (err) {
      throw attachmentError('bad_request', 'unreadableImage', { name: row.name }, String(err));
    }
  }

  /**
   * Removes files no attachment names any more (their last message was purged: migration 10's
   * triggers queue the hash), and attachments uploaded but never sent within a day.
   */
  sweep(): number {
    const db = this.db;
    const hashes = this.write(() =>
      db.transaction(() => {
        db.prepare(
          `DELETE FROM attachments WHERE created_at < ? AND NOT EXISTS (SELECT 1 FROM message_attachments l WHERE l.attachment_id = attachments.id)`,
        ).run(this.now() - UNSENT_TTL_MS);
        const orphans = db
          .prepare('SELECT sha256 FROM attachment_orphans o WHERE NOT EXISTS (SELECT 1 FROM attachments a WHERE a.sha256 = o.sha256)')
          .pluck()
          .all() as string[];
        db.prepare('DELETE FROM attachment_orphans').run();
        return orphans;
      })(),
    );
    for (const sha256 of hashes) this.blobs.remove(sha256);
    return hashes.length;
  }

  onClose(fn: () => void): void {
    this.closers.push(fn);
  }

  async close(): Promise<void> {
    for (const fn of this.closers) fn();
    await this.uploads.closeAll();
    await stopWorkers();
  }

  private startExtraction(id: string, sha256: string, format: 'pdf' | 'docx' | 'text'): void {
    const run = extractDocument({ db: () => this.db, id, sha256, format, file: this.blobs.pathOf(sha256), events: this.options.events })
      .catch((err: unknown) => this.options.log?.(`attachment ${id}: extraction failed: ${String(err)}`))
      .finally(() => this.extracting.delete(id));
    this.extracting.set(id, run);
  }

  private removeIfUnused(sha256: string): void {
    const used = this.db.prepare('SELECT 1 FROM attachments WHERE sha256 = ?').get(sha256);
    if (!used) this.blobs.remove(sha256);
  }

  private row(id: string): AttachmentRow {
    const row = this.db.prepare('SELECT * FROM attachments WHERE id = ?').get(id) as AttachmentRow | undefined;
    if (!row) throw attachmentError('not_found', 'notFound', undefined, `attachment ${id}`);
    return row;
  }

  private write<T>(fn: () => T): T {
    try {
      return fn();
    } catch (err) {
      throw storageError(err);
    }
  }
}

import { createHash, type Hash } from 'node:crypto';
import { open, rm, type FileHandle } from 'node:fs/promises';
import { type AttachmentKind, type DocumentFormat } from '../../../shared/attachments';
import { AppError } from '../../../shared/errors';
import { attachmentError } from './errors';

/** Uploads not finished within this time are dropped (a window closed mid-upload). */
const UPLOAD_IDLE_MS = 10 * 60_000;
/** Uploads in flight at once, all windows together. */
const MAX_OPEN_UPLOADS = 32;

export interface Upload {
  id: string;
  name: string;
  size: number;
  kind: AttachmentKind;
  mime: string;
  format: DocumentFormat | null;
  tempPath: string;
  received: number;
  nextIndex: number;
  touchedAt: number;
  file: FileHandle;
  hash: Hash;
}

export interface FinishedUpload {
  upload: Upload;
  sha256: string;
}

/** Files arriving in parts: written to a temporary file and hashed as they come, never held whole in memory. */
export class Uploads {
  private readonly open = new Map<string, Upload>();

  constructor(private readonly now: () => number) {}

  async begin(init: Omit<Upload, 'received' | 'nextIndex' | 'touchedAt' | 'file' | 'hash'>): Promise<void> {
    await this.dropIdle();
    if (this.open.size >= MAX_OPEN_UPLOADS) throw new AppError('rate_limit', { messageKey: 'attachmentErrors.busy', retryable: true });
    const file = await open(init.tempPath, 'wx', 0o600);
    this.open.set(init.id, { ...init, received: 0, nextIndex: 0, touchedAt: this.now(), file, hash: createHash('sha256') });
  }

  async part(uploadId: string, index: number, base64: string): Promise<number> {
    const upload = this.require(uploadId);
    if (index !== upload.nextIndex) throw attachmentError('bad_request', 'uploadIncomplete', { name: upload.name }, `part ${index}, expected ${upload.nextIndex}`);
    const bytes = Buffer.from(base64, 'base64');
    if (upload.received + bytes.length > upload.size) {
      await this.drop(upload);
      throw attachmentError('bad_request', 'uploadIncomplete', { name: upload.name }, 'more bytes than announced');
    }
    await upload.file.write(bytes);
    upload.hash.update(bytes);
    upload.received += bytes.length;
    upload.nextIndex += 1;
    upload.touchedAt = this.now();
    return upload.received;
  }

  /** Closes a complete upload; the caller moves its temporary file into the store. */
  async finish(uploadId: string): Promise<FinishedUpload> {
    const upload = this.require(uploadId);
    this.open.delete(uploadId);
    await upload.file.close();
    if (upload.received !== upload.size) {
      await rm(upload.tempPath, { force: true });
      throw attachmentError('bad_request', 'uploadIncomplete', { name: upload.name }, `${upload.received} of ${upload.size} bytes`);
    }
    return { upload, sha256: upload.hash.digest('hex') };
  }

  async cancel(uploadId: string): Promise<void> {
    const upload = this.open.get(uploadId);
    if (upload) await this.drop(upload);
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.open.values()].map((upload) => this.drop(upload)));
  }

  private require(uploadId: string): Upload {
    const upload = this.open.get(uploadId);
    if (!upload) throw attachmentError('not_found', 'uploadIncomplete', { name: '' }, `upload ${uploadId}`);
    return upload;
  }

  private async drop(upload: Upload): Promise<void> {
    this.open.delete(upload.id);
    await upload.file.close().catch(() => {});
    await rm(upload.tempPath, { force: true });
  }

  private async dropIdle(): Promise<void> {
    const cutoff = this.now() - UPLOAD_IDLE_MS;
    await Promise.all([...this.open.values()].filter((u) => u.touchedAt < cutoff).map((u) => this.drop(u)));
  }
}

import { randomUUID } from 'node:crypto';
import { IMPORT_CHUNK_CHARS, MAX_IMPORT_CHARS, type TransferProgress } from '../../../../shared/contract';
import type { ExportFile, ExportFormat } from '../../../../shared/domain';
import { AppError } from '../../../../shared/errors';
import type { AssistantStore } from '../AssistantStore';
import type { HistoryStore } from '../HistoryStore';
import { embeddedFileUrls, type AttachmentFiles } from './attachmentExport';
import { brookExport, conversationIds, readConversationWithFiles } from './brookJson';
import { toHtml } from './html';
import { exportLabels } from './labels';
import { toMarkdown } from './markdown';
import { StreamingImport, type ImportOutcome } from './streamImport';
import { ZipImport } from './zipImport';

/** Uploads and exports not finished within this time are dropped (a closed tab); a dropped import is taken back. */
const STALE_MS = 10 * 60_000;

/** Conversations read and serialized per slice of an export of the whole history. */
const EXPORT_SLICE = 25;

type Progress = (progress: TransferProgress) => void;

interface Upload {
  job: StreamingImport | ZipImport;
  nextIndex: number;
  chars: number;
  touched: number;
}

interface PendingExport {
  text: string;
  fileName: string;
  touched: number;
}

/** Export (Markdown, HTML, lossless JSON) and import (ChatGPT, Brook), sent in parts over the socket. */
export class TransferService {
  private readonly uploads = new Map<string, Upload>();
  private readonly exports = new Map<string, PendingExport>();

  constructor(
    private readonly history: HistoryStore,
    private readonly assistants: AssistantStore,
    private readonly language: () => string,
    private readonly now: () => number = Date.now,
    private readonly newId: () => string = randomUUID,
    /** Between slices of an import or export: lets other requests run. */
    private readonly pause: () => Promise<void> = () => new Promise((resolve) => setImmediate(resolve)),
    /** Attached files: embedded in JSON exports, stored again by imports of them (none: a history without files). */
    private readonly files: AttachmentFiles | null = null,
  ) {}

  private readonly readAttachmentFile = (sha256: string): Promise<Buffer> =>
    this.files ? this.files.read(sha256) : Promise.reject(new AppError('not_found', { detail: `attachment file ${sha256}` }));

  async exportConversation(id: string, format: ExportFormat): Promise<ExportFile> {
    const conversation = this.history.requireConversation(id);
    const base = fileStem(conversation.title || 'conversation');
    const locale = this.language();
    if (format === 'json') {
      const tree = (await readConversationWithFiles(this.history.database, id, this.readAttachmentFile))!;
      return { fileName: `${base}.brook.json`, mimeType: 'application/json', text: JSON.stringify(brookExport([tree], this.now()), null, 1) };
    }
    const path = this.history.visiblePath(id).map(({ branch: _branch, ...m }) => m);
    const labels = exportLabels(locale);
    const files = await embeddedFileUrls(this.history.database, path, this.readAttachmentFile);
    return format === 'markdown'
      ? { fileName: `${base}.md`, mimeType: 'text/markdown', text: toMarkdown(conversation, path, labels, locale, files) }
      : { fileName: `${base}.html`, mimeType: 'text/html', text: toHtml(conversation, path, labels, locale, files) };
  }

  /**
   * Part 0 takes a snapshot of the whole history, read and serialized in slices that yield
   * (with progress under `exportId` when the caller names one); later parts read from it.
   */
  async exportAll(exportId: string | undefined, part: number, progress: Progress = () => {}): Promise<ExportFile & { part: number; parts: number; exportId: string }> {
    this.dropStale();
    let id = exportId;
    let pending = id ? this.exports.get(id) : undefined;
    if (!pending) {
      if (part !== 0) throw new AppError('not_found', { detail: `export ${exportId ?? ''}` });
      id = exportId ?? this.newId();
      pending = { text: await this.snapshot(id, progress), fileName: `brook-history-${new Date(this.now()).toISOString().slice(0, 10)}.json`, touched: this.now() };
      this.exports.set(id, pending);
    }
    pending.touched = this.now();
    const parts = Math.max(1, Math.ceil(pending.text.length / IMPORT_CHUNK_CHARS));
    if (part >= parts) throw new AppError('bad_request', { messageKey: 'errors.invalidArgs', retryable: false });
    const text = pending.text.slice(part * IMPORT_CHUNK_CHARS, (part + 1) * IMPORT_CHUNK_CHARS);
    if (part === parts - 1) this.exports.delete(id!);
    return { fileName: pending.fileName, mimeType: 'application/json', text, part, parts, exportId: id! };
  }

  /** The Brook JSON of the whole history, the same text as one JSON.stringify, built a slice of conversations at a time. */
  private async snapshot(id: string, progress: Progress): Promise<string> {
    const db = this.history.database;
    const ids = conversationIds(db);
    const items: string[] = [];
    for (let at = 0; at < ids.length; at += EXPORT_SLICE) {
      for (const cid of ids.slice(at, at + EXPORT_SLICE)) {
        const conversation = await readConversationWithFiles(db, cid, this.readAttachmentFile);
        if (conversation) items.push(JSON.stringify(conversation));
      }
      progress({ id, kind: 'export', done: Math.min(ids.length, at + EXPORT_SLICE), total: ids.length });
      await this.pause();
    }
    const envelope = JSON.stringify(brookExport([], this.now(), this.assistants.list()));
    const empty = '"conversations":[]';
    const at = envelope.indexOf(empty);
    return `${envelope.slice(0, at)}"conversations":[${items.join(',')}]${envelope.slice(at + empty.length)}`;
  }

  /**
   * One part of a .json upload, read as it arrives (StreamingImport); the last one finishes the
   * import. A part out of order, a file over the limit, a damaged file or a cancel takes back
   * what the import stored.
   */
  async importChunk(
    uploadId: string,
    index: number,
    last: boolean,
    text: string,
    total = 0,
    progress: Progress = () => {},
  ): Promise<ImportOutcome | null> {
    this.dropStale();
    let upload = this.uploads.get(uploadId);
    if (!upload && index === 0) {
      const onProgress = (done: number) => progress({ id: uploadId, kind: 'import', done, total });
      const job = new StreamingImport(this.history.database, this.newId, this.pause, onProgress, undefined, this.files);
      upload = { job, nextIndex: 0, chars: 0, touched: this.now() };
      this.uploads.set(uploadId, upload);
    }
    const job = this.nextPart(uploadId, upload, index);
    if (!(job instanceof StreamingImport)) throw this.outOfOrder(uploadId);
    upload!.chars += text.length;
    return this.takePart(uploadId, last, job, async () => {
      if (upload!.chars > MAX_IMPORT_CHARS) throw new AppError('bad_request', { messageKey: 'errors.importTooLarge', retryable: false });
      await job.feed(text);
    });
  }

  /**
   * One part of a ChatGPT export zip (`size` bytes in all), kept in a temporary file; the last
   * one reads the zip (ZipImport), with progress over receiving and reading it.
   */
  async importZipPart(uploadId: string, index: number, last: boolean, bytes: Buffer, size: number, progress: Progress = () => {}): Promise<ImportOutcome | null> {
    this.dropStale();
    let upload = this.uploads.get(uploadId);
    if (!upload && index === 0) {
      if (!this.files) throw new AppError('bad_request', { messageKey: 'errors.importUnknown', detail: 'attached files cannot be stored here', retryable: false });
      const onProgress = (done: number, total: number) => progress({ id: uploadId, kind: 'import', done, total });
      upload = { job: new ZipImport(this.history.database, this.newId, this.pause, onProgress, this.files, size), nextIndex: 0, chars: 0, touched: this.now() };
      this.uploads.set(uploadId, upload);
    }
    const job = this.nextPart(uploadId, upload, index);
    if (!(job instanceof ZipImport)) throw this.outOfOrder(uploadId);
    return this.takePart(uploadId, last, job, () => job.append(bytes));
  }

  /** Takes one part in; the last one finishes the import. Any failure drops the whole upload. */
  private async takePart(uploadId: string, last: boolean, job: { finish(): Promise<ImportOutcome> }, take: () => Promise<void>): Promise<ImportOutcome | null> {
    try {
      await take();
      if (!last) return null;
      const outcome = await job.finish();
      this.uploads.delete(uploadId);
      return outcome;
    } catch (err) {
      await this.dropUpload(uploadId);
      throw err;
    }
  }

  /** The upload's job when `index` is the part it expects next. */
  private nextPart(uploadId: string, upload: Upload | undefined, index: number): Upload['job'] {
    if (!upload || index !== upload.nextIndex) throw this.outOfOrder(uploadId);
    upload.nextIndex++;
    upload.touched = this.now();
    return upload.job;
  }

  private outOfOrder(uploadId: string): AppError {
    if (this.uploads.has(uploadId)) void this.dropUpload(uploadId);
    return new AppError('bad_request', { messageKey: 'errors.invalidArgs', detail: 'import parts out of order', retryable: false });
  }

  /** Stops an import and takes back what it stored (nothing to do when it is unknown or finished). */
  async cancelImport(uploadId: string): Promise<null> {
    await this.dropUpload(uploadId);
    return null;
  }

  private async dropUpload(uploadId: string): Promise<void> {
    const upload = this.uploads.get(uploadId);
    this.uploads.delete(uploadId);
    await upload?.job.cancel();
  }

  private dropStale(): void {
    const cutoff = this.now() - STALE_MS;
    for (const [id, u] of this.uploads) if (u.touched < cutoff && !(u.job instanceof ZipImport && u.job.busy)) void this.dropUpload(id);
    for (const [id, e] of this.exports) if (e.touched < cutoff) this.exports.delete(id);
  }
}

/** A file name any system accepts, from a title. */
function fileStem(title: string): string {
  const cleaned = title
    .replace(/[\\/:*?"<>|]+/g, ' ')
    .replace(/\p{Cc}+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  return Array.from(cleaned).slice(0, 60).join('').trim() || 'conversation';
}

import { createReadStream } from 'node:fs';
import { open, rm, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { Unzip, UnzipInflate, type UnzipFile } from 'fflate';
import { ATTACHMENT_MAX_FILE_BYTES } from '../../../../shared/attachments';
import { MAX_IMPORT_CHARS } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import type { AttachmentFiles, BrookAttachment } from './attachmentExport';
import { StreamingImport, type ImportOutcome } from './streamImport';

/** Bytes of the zip read at a time: what one step inflates and parses before the import yields. */
const READ_CHUNK = 256 * 1024;

/** ChatGPT names a file in its export after the id its messages point at: `file-AbC…-photo.png`, `file_00ab…-sanitized.jpeg`. */
const FILE_ID = /^(file[-_][A-Za-z0-9]+)/;

interface StoredImage {
  sha256: string;
  name: string;
  mime: string;
  size: number;
  width: number;
  height: number;
}

/**
 * ChatGPT's export zip (Settings → Data controls → Export): conversations.json and the files
 * its messages point at. The zip arrives in parts into a temporary file, then is read twice as
 * a stream with fflate, never whole in memory: first its images, each stored (by hash, journaled
 * like any file an import stores) and measured; then conversations.json, streamed into the same
 * StreamingImport a .json import uses, its image parts becoming attachments of their messages.
 * An image the zip lacks stays a marker the window shows as "not in the export". Cancelling or
 * failing takes everything back; images no message used are left to the store's sweep.
 */
export class ZipImport {
  private readonly job: StreamingImport;
  private readonly images = new Map<string, StoredImage>();
  private readonly used = new Set<string>();
  private readonly path: string;
  private handle: FileHandle | null = null;
  private received = 0;
  private cancelled = false;
  private finishing: Promise<unknown> | null = null;

  /** Reading a complete zip (which takes a while and must not count as abandoned). */
  get busy(): boolean {
    return this.finishing !== null;
  }

  constructor(
    private readonly db: Database.Database,
    newId: () => string,
    private readonly pause: () => Promise<void>,
    /** Bytes handled out of 3 × the zip's size: received, then read for images, then for conversations. */
    private readonly onProgress: (done: number, total: number) => void,
    private readonly files: AttachmentFiles,
    private readonly size: number,
  ) {
    this.path = files.tempPath?.() ?? join(tmpdir(), `brook-import-${randomUUID()}.zip`);
    this.job = new StreamingImport(db, newId, pause, () => {}, undefined, files, (pointer) => this.image(pointer));
  }

  /** The next part of the zip, written to the temporary file. */
  async append(bytes: Buffer): Promise<void> {
    if (this.cancelled) throw cancelledError();
    this.received += bytes.length;
    if (this.received > this.size) throw new AppError('bad_request', { messageKey: 'errors.importTooLarge', retryable: false });
    this.handle ??= await open(this.path, 'w');
    await this.handle.write(bytes);
    this.onProgress(this.received, this.size * 3);
  }

  /** The zip is complete: reads it and keeps what was imported (or takes it all back). */
  finish(): Promise<ImportOutcome> {
    const run = this.read();
    this.finishing = run.catch(() => {});
    return run;
  }

  /** Stops the import; resolves when what it stored is taken back. */
  async cancel(): Promise<void> {
    this.cancelled = true;
    // Stops the conversations being fed at their next slice, not only at the next chunk of the zip.
    await this.job.cancel();
    if (this.finishing) await this.finishing;
    else await this.discard();
  }

  private async read(): Promise<ImportOutcome> {
    try {
      await this.handle?.close();
      this.handle = null;
      if (this.received !== this.size) throw new AppError('bad_request', { messageKey: 'errors.importUnknown', detail: 'the zip ends early', retryable: false });
      await this.scan(this.size, (file) => (imageCandidate(file.name) ? this.collectImage(file) : null));
      let found = false;
      await this.scan(this.size * 2, (file) => {
        if (found || basename(file.name) !== 'conversations.json') return null;
        found = true;
        return this.streamConversations();
      });
      if (!found) throw new AppError('bad_request', { messageKey: 'errors.importUnknown', detail: 'the zip holds no conversations.json', retryable: false });
      const outcome = await this.job.finish();
      this.leaveUnused();
      return outcome;
    } catch (err) {
      await this.discard();
      throw err;
    } finally {
      await rm(this.path, { force: true });
    }
  }

  private async discard(): Promise<void> {
    await this.handle?.close().catch(() => {});
    this.handle = null;
    await this.job.cancel();
    await rm(this.path, { force: true });
  }

  /**
   * Reads the zip once, READ_CHUNK at a time. `open` decides for each entry whether it is read
   * (a sink that takes its data and, after each chunk of the zip, gets the time to use it).
   */
  private async scan(progressBase: number, open: (file: UnzipFile) => EntrySink | null): Promise<void> {
    const sinks: EntrySink[] = [];
    let failure: unknown = null;
    const unzip = new Unzip((file) => {
      const sink = open(file);
      if (!sink) return;
      sinks.push(sink);
      file.ondata = (err, chunk, final) => {
        if (err) failure ??= err;
        else sink.data(chunk, final);
      };
      file.start();
    });
    unzip.register(UnzipInflate);
    let read = 0;
    for await (const chunk of createReadStream(this.path, { highWaterMark: READ_CHUNK })) {
      if (this.cancelled) throw cancelledError();
      const bytes = chunk as Buffer;
      read += bytes.length;
      try {
        unzip.push(bytes, read >= this.size);
      } catch (err) {
        failure ??= err;
      }
      if (failure) throw damagedZip(failure);
      for (const sink of sinks) await sink.drain();
      this.onProgress(progressBase + read, this.size * 3);
      await this.pause();
    }
  }

  /** One image entry, held whole (at most one attachment's size), then stored and measured. */
  private collectImage(file: UnzipFile): EntrySink {
    let parts: Uint8Array[] = [];
    let bytes = 0;
    let complete: Buffer | null = null;
    return {
      data: (chunk, final) => {
        if (parts.length === 0 && bytes < 0) return; // over the limit: skipped
        bytes += chunk.length;
        if (bytes > ATTACHMENT_MAX_FILE_BYTES) {
          parts = [];
          bytes = -1;
          return;
        }
        parts.push(chunk);
        if (final) {
          complete = Buffer.concat(parts);
          parts = [];
        }
      },
      drain: async () => {
        if (!complete) return;
        const whole = complete;
        complete = null;
        await this.storeImage(file.name, whole);
      },
    };
  }

  private async storeImage(entryName: string, bytes: Buffer): Promise<void> {
    const mime = sniffImage(bytes);
    const id = FILE_ID.exec(basename(entryName))?.[1];
    if (!mime || !id || this.images.has(id)) return;
    const sha256 = await this.files.store(bytes);
    if (this.cancelled) {
      // The import was taken back while the file was written: the journal is closed, the sweep takes it.
      this.queueForSweep([sha256]);
      throw cancelledError();
    }
    this.job.fileStored(sha256);
    const size = (await this.files.imageSize?.(sha256)) ?? null;
    if (this.cancelled) throw cancelledError();
    if (!size) return; // not an image after all: the sweep takes the file
    this.images.set(id, { sha256, name: attachmentName(basename(entryName), id, mime), mime, size: bytes.length, ...size });
  }

  /** conversations.json, decoded as it inflates and fed to the streaming import. */
  private streamConversations(): EntrySink {
    const decoder = new TextDecoder('utf-8');
    const texts: string[] = [];
    let chars = 0;
    return {
      data: (chunk, final) => {
        const text = decoder.decode(chunk, { stream: !final });
        chars += text.length;
        if (chars > MAX_IMPORT_CHARS) throw new AppError('bad_request', { messageKey: 'errors.importTooLarge', retryable: false });
        if (text !== '') texts.push(text);
      },
      drain: async () => {
        for (let text = texts.shift(); text !== undefined; text = texts.shift()) await this.job.feed(text);
      },
    };
  }

  /** The stored image a message part points at, as a new attachment of that message. */
  private image(pointer: string): BrookAttachment | null {
    const id = FILE_ID.exec(pointer.replace(/^[a-z-]+:\/\//i, ''))?.[1];
    const image = id ? this.images.get(id) : undefined;
    if (!image) return null;
    this.used.add(image.sha256);
    const { sha256, name, mime, size, width, height } = image;
    return {
      name,
      mime,
      size,
      sha256,
      kind: 'image',
      width,
      height,
      createdAt: Date.now(),
      extraction: { state: 'done', pages: null, chars: null, totalChars: null },
      text: null,
      data: '',
    };
  }

  /** Images in the zip that no message pointed at: queued for the store's sweep (which keeps any file a row names). */
  private leaveUnused(): void {
    this.queueForSweep([...this.images.values()].map((i) => i.sha256).filter((sha256) => !this.used.has(sha256)));
  }

  private queueForSweep(hashes: readonly string[]): void {
    const queue = this.db.prepare('INSERT OR IGNORE INTO attachment_orphans (sha256) VALUES (?)');
    this.db.transaction(() => hashes.forEach((sha256) => queue.run(sha256)))();
  }
}

interface EntrySink {
  /** Called by fflate as the entry inflates (synchronously, inside a push). */
  data(chunk: Uint8Array, final: boolean): void;
  /** After each chunk of the zip: the time to store or feed what arrived. */
  drain(): Promise<void>;
}

/** Image files of the export (named after their id; `.dat` files are images too, told by their bytes). */
function imageCandidate(name: string): boolean {
  return FILE_ID.test(basename(name)) && /\.(png|jpe?g|webp|gif|dat)$/i.test(name) && !name.includes('__MACOSX');
}

/** The type the bytes say (the name's extension may be `.dat`); null for anything Brook does not show. */
function sniffImage(b: Buffer): string | null {
  if (b.length >= 8 && b.readUInt32BE(0) === 0x89504e47) return 'image/png';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length >= 6 && b.toString('latin1', 0, 4) === 'GIF8') return 'image/gif';
  if (b.length >= 12 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
  return null;
}

const EXTENSIONS: Record<string, string> = { 'image/png': '.png', 'image/jpeg': '.jpg', 'image/gif': '.gif', 'image/webp': '.webp' };

/** `file-AbC-photo.png` → `photo.png`; a name that is only the id (or a `.dat`) gets the extension its bytes call for. */
function attachmentName(entry: string, id: string, mime: string): string {
  const rest = entry.slice(id.length).replace(/^[-_.]+/, '');
  const ext = extname(rest).toLowerCase();
  const known = ext !== '' && ext !== '.dat';
  const stem = known ? rest : rest.slice(0, rest.length - ext.length);
  return known ? stem : `${stem || 'image'}${EXTENSIONS[mime]}`;
}

function cancelledError(): AppError {
  return new AppError('bad_request', { messageKey: 'errors.importCancelled', retryable: false });
}

function damagedZip(err: unknown): AppError {
  if (err instanceof AppError) return err;
  return new AppError('bad_request', { messageKey: 'errors.importUnknown', detail: `the zip cannot be read: ${String(err).slice(0, 300)}`, retryable: false });
}

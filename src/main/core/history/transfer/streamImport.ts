import { JSONParser } from '@streamparser/json';
import type Database from 'better-sqlite3';
import type { Assistant, ImportResult } from '../../../../shared/domain';
import { AppError } from '../../../../shared/errors';
import type { AttachmentFiles } from './attachmentExport';
import { checkBrookHeader, readBrookAssistant, readBrookConversation } from './brookJson';
import { isChatGptExport, readChatGptExport, type ChatGptImageLookup } from './chatgpt';
import type { ImportedConversation } from './imported';
import { ImportJournal } from './importJournal';
import { ImportWriter, type ConversationWrite, type WriteResult } from './writeImport';

/**
 * Characters parsed per slice (a few ms). Between slices the import yields, so other requests
 * are served while a 115 MB file is read.
 */
const PARSE_SLICE = 8 * 1024;

/**
 * One write transaction stops after this long and the import yields. Writing is most of an
 * import's cost (each message is indexed twice for search: ~4 ms for a long one on a busy
 * machine), so a whole conversation in one transaction made other requests wait 100s of ms.
 */
const WRITE_BUDGET_MS = 8;

/** Messages written between two looks at the clock. */
const MESSAGES_PER_STEP = 2;

/**
 * The parser holds one conversation (one element of the file) whole: a single element larger
 * than this is refused rather than letting memory grow with the file.
 */
export const MAX_IMPORT_ELEMENT_CHARS = 64 * 1024 * 1024;

export type ImportOutcome = ImportResult & { touchedIds: string[] };

/**
 * One import read as a stream (ChatGPT's conversations.json or a Brook export): the file
 * arrives in parts, each part is parsed in slices with @streamparser/json and every complete
 * conversation is written at once in a short transaction, so memory holds one conversation,
 * not the file. Everything it writes is journaled: cancelling or failing takes it all back
 * (ImportJournal), so the history is as it was before.
 */
export class StreamingImport {
  private parser: JSONParser | null = null;
  private format: 'chatgpt' | 'brook' | null = null;
  private brookHeader: { format?: unknown; version?: unknown } = {};
  private headerChecked = false;
  private elementIndex = 0;
  private readonly pending: ImportedConversation[] = [];
  /** The conversation being written when the last transaction's time ran out. */
  private current: ConversationWrite | null = null;
  private readonly pendingAssistants: Assistant[] = [];
  private readonly journal = new ImportJournal();
  private readonly writer: ImportWriter;
  private readonly unqueueOrphan: Database.Statement<[string]>;
  private readonly result: WriteResult = { conversations: 0, messages: 0, unchanged: 0, touchedIds: [] };
  private charsRead = 0;
  private sinceElement = 0;
  private cancelled = false;
  private state: 'open' | 'done' | 'undone' = 'open';
  /** Parts and the cancel run one after the other. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: Database.Database,
    newId: () => string,
    private readonly pause: () => Promise<void>,
    private readonly onProgress: (charsRead: number) => void = () => {},
    private readonly maxElementChars = MAX_IMPORT_ELEMENT_CHARS,
    private readonly files: AttachmentFiles | null = null,
    /** The images of a ChatGPT export's zip, stored before its conversations are read. */
    private readonly images: ChatGptImageLookup | null = null,
  ) {
    this.writer = new ImportWriter(db, newId, this.journal);
    this.unqueueOrphan = db.prepare('DELETE FROM attachment_orphans WHERE sha256 = ?');
  }

  /** Reads one part of the file; resolves when every conversation it completed is stored. */
  feed(text: string): Promise<void> {
    return this.serially(async () => {
      for (let at = 0; at < text.length; at += PARSE_SLICE) {
        if (this.cancelled) throw cancelledError();
        this.parse(text.slice(at, at + PARSE_SLICE));
        await this.writeAll();
        this.onProgress(this.charsRead);
        await this.pause();
      }
    });
  }

  /** The file is complete: checks it ended properly and keeps what was imported. */
  finish(): Promise<ImportOutcome> {
    return this.serially(async () => {
      if (this.cancelled) throw cancelledError();
      if (!this.parser?.isEnded) throw new AppError('bad_request', { messageKey: 'errors.importUnknown', detail: 'the file ends early', retryable: false });
      // A Brook file without conversations has only its header to say it is one.
      if (this.format === 'brook' && !this.headerChecked) checkBrookHeader(this.brookHeader.format, this.brookHeader.version);
      await this.writeAll();
      this.state = 'done';
      return { format: this.format ?? 'chatgpt', ...this.result };
    });
  }

  /** Stops the import and takes back what it stored; resolves when the history is as before. */
  cancel(): Promise<void> {
    this.cancelled = true;
    return this.serially(async () => {}).catch(() => {});
  }

  /**
   * A file this import stored (here, or from a zip before the conversations are read): taken
   * back with the import. A hash queued by an earlier purge would let a sweep between here and
   * the link remove the file; the journal queues it again if the import is taken back.
   */
  fileStored(sha256: string): void {
    this.journal.fileStored(sha256);
    this.unqueueOrphan.run(sha256);
  }

  private async serially<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(async () => {
      if (this.state !== 'open') throw this.state === 'done' ? new AppError('bad_request', { messageKey: 'errors.invalidArgs', retryable: false }) : cancelledError();
      try {
        const value = await work();
        if (this.cancelled && this.state === 'open') throw cancelledError();
        return value;
      } catch (err) {
        await this.undo();
        throw toImportError(err);
      }
    });
    this.queue = run.catch(() => {});
    return run;
  }

  private async undo(): Promise<void> {
    if (this.state !== 'open') return;
    this.state = 'undone';
    this.pending.length = 0;
    this.current = null;
    await this.journal.undo(this.db, this.pause);
  }

  private parse(slice: string): void {
    this.charsRead += slice.length;
    this.sinceElement += slice.length;
    if (!this.parser) {
      const first = /[^\s\ufeff]/.exec(slice);
      if (!first) return;
      this.parser = this.openParser(first[0]);
    }
    this.parser.write(slice);
    if (this.sinceElement > this.maxElementChars) throw new AppError('bad_request', { messageKey: 'errors.importTooLarge', detail: 'one conversation is too large', retryable: false });
  }

  /** An array is ChatGPT's export (one conversation per element); an object is Brook's. */
  private openParser(firstChar: string): JSONParser {
    if (firstChar === '[') {
      this.format = 'chatgpt';
      const parser = new JSONParser({ paths: ['$.*'], keepStack: false });
      parser.onValue = ({ value }) => {
        if (!isChatGptExport([value])) throw new AppError('bad_request', { messageKey: 'errors.importUnknown', retryable: false });
        this.element(readChatGptExport([value], this.elementIndex, this.images));
      };
      return parser;
    }
    if (firstChar === '{') {
      this.format = 'brook';
      const parser = new JSONParser({ paths: ['$.format', '$.version', '$.conversations.*', '$.assistants.*'], keepStack: false });
      parser.onValue = ({ value, key, stack }) => {
        if (stack.length === 1) {
          if (key === 'format') this.brookHeader.format = value;
          if (key === 'version') this.brookHeader.version = value;
          return;
        }
        // Brook writes its header first: a conversation before it is not from a Brook file.
        if (!this.headerChecked) checkBrookHeader(this.brookHeader.format, this.brookHeader.version);
        this.headerChecked = true;
        if (stack[1]?.key === 'assistants') this.pendingAssistants.push(readBrookAssistant(value));
        else this.element([readBrookConversation(value)]);
      };
      return parser;
    }
    throw new AppError('bad_request', { messageKey: 'errors.importUnknown', retryable: false });
  }

  private element(conversations: ImportedConversation[]): void {
    this.elementIndex++;
    this.sinceElement = 0;
    this.pending.push(...conversations);
  }

  /** Writes what the parser completed, in transactions of at most WRITE_BUDGET_MS with a yield after each. */
  private async writeAll(): Promise<void> {
    while (this.current || this.pending.length > 0 || this.pendingAssistants.length > 0) {
      if (this.cancelled) throw cancelledError();
      await this.storeFiles();
      this.writeSome();
      await this.pause();
    }
  }

  /**
   * Stores the files the parsed conversations carry, one at a time, before their messages are
   * written (checked against their sha256; a file stored already is kept once), and lets go of
   * their base64. Each is journaled, so a cancel or failure leaves it to the sweep.
   */
  private async storeFiles(): Promise<void> {
    for (const c of this.pending) {
      for (const m of c.messages) {
        for (const a of m.attachments ?? []) {
          if (!a.data) continue;
          const bytes = Buffer.from(a.data, 'base64');
          a.data = '';
          if (!this.files) throw new AppError('bad_request', { messageKey: 'errors.importUnknown', detail: 'attached files cannot be stored here', retryable: false });
          if (bytes.length !== a.size) throw damagedFile(a.name);
          const stored = await this.files.store(bytes);
          this.fileStored(stored);
          if (stored !== a.sha256) throw damagedFile(a.name);
          if (this.cancelled) throw cancelledError();
        }
      }
    }
  }

  private writeSome(): void {
    const deadline = performance.now() + WRITE_BUDGET_MS;
    this.db.transaction(() => {
      for (const a of this.pendingAssistants.splice(0)) this.writer.assistant(a);
      do {
        if (!this.current) {
          const next = this.pending.shift();
          if (!next) return;
          this.current = this.writer.begin(next);
        }
        if (this.writer.writeMessages(this.current, MESSAGES_PER_STEP)) {
          this.writer.end(this.current, this.result);
          this.current = null;
        }
      } while (performance.now() < deadline);
    })();
  }
}

function cancelledError(): AppError {
  return new AppError('bad_request', { messageKey: 'errors.importCancelled', retryable: false });
}

function damagedFile(name: string): AppError {
  return new AppError('bad_request', { messageKey: 'errors.importUnknown', detail: `the attached file ${name} does not match its sha256`, retryable: false });
}

/** A parse or schema error is the file's fault: the translated "not an export, or damaged", with the reason as detail. */
function toImportError(err: unknown): unknown {
  if (err instanceof AppError) return err;
  if (err instanceof Error && (err.name === 'ZodError' || /Unexpected|ended|Tokenizer|Parser/.test(err.message))) {
    return new AppError('bad_request', { messageKey: 'errors.importUnknown', detail: err.message.slice(0, 500), retryable: false });
  }
  return err;
}

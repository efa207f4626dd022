import { randomUUID } from 'node:crypto';
import { IMPORT_CHUNK_CHARS, MAX_IMPORT_CHARS } from '../../../../shared/contract';
import type { ExportFile, ExportFormat, ImportResult } from '../../../../shared/domain';
import { AppError } from '../../../../shared/errors';
import type { AssistantStore } from '../AssistantStore';
import type { HistoryStore } from '../HistoryStore';
import { brookExport, conversationIds, isBrookExport, readBrookExport, readConversation } from './brookJson';
import { isChatGptExport, readChatGptExport } from './chatgpt';
import { toHtml } from './html';
import { exportLabels } from './labels';
import { toMarkdown } from './markdown';
import { writeImport } from './writeImport';

/** Uploads and exports not finished within this time are dropped (a closed tab). */
const STALE_MS = 10 * 60_000;

interface Upload {
  parts: string[];
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
  ) {}

  exportConversation(id: string, format: ExportFormat): ExportFile {
    const conversation = this.history.requireConversation(id);
    const base = fileStem(conversation.title || 'conversation');
    const locale = this.language();
    if (format === 'json') {
      const tree = readConversation(this.history.database, id)!;
      return { fileName: `${base}.brook.json`, mimeType: 'application/json', text: JSON.stringify(brookExport([tree], this.now()), null, 1) };
    }
    const path = this.history.visiblePath(id).map(({ branch: _branch, ...m }) => m);
    const labels = exportLabels(locale);
    return format === 'markdown'
      ? { fileName: `${base}.md`, mimeType: 'text/markdown', text: toMarkdown(conversation, path, labels, locale) }
      : { fileName: `${base}.html`, mimeType: 'text/html', text: toHtml(conversation, path, labels, locale) };
  }

  /** Part 0 takes a snapshot of the whole history; later parts (same exportId) read from it. */
  exportAll(exportId: string | undefined, part: number): ExportFile & { part: number; parts: number; exportId: string } {
    this.dropStale();
    let id = exportId;
    let pending = id ? this.exports.get(id) : undefined;
    if (!pending) {
      if (part !== 0) throw new AppError('not_found', { detail: `export ${exportId ?? ''}` });
      const db = this.history.database;
      const conversations = conversationIds(db).map((cid) => readConversation(db, cid)!);
      const stamp = new Date(this.now()).toISOString().slice(0, 10);
      pending = {
        text: JSON.stringify(brookExport(conversations, this.now(), this.assistants.list())),
        fileName: `brook-history-${stamp}.json`,
        touched: this.now(),
      };
      id = this.newId();
      this.exports.set(id, pending);
    }
    pending.touched = this.now();
    const parts = Math.max(1, Math.ceil(pending.text.length / IMPORT_CHUNK_CHARS));
    if (part >= parts) throw new AppError('bad_request', { messageKey: 'errors.invalidArgs', retryable: false });
    const text = pending.text.slice(part * IMPORT_CHUNK_CHARS, (part + 1) * IMPORT_CHUNK_CHARS);
    if (part === parts - 1) this.exports.delete(id!);
    return { fileName: pending.fileName, mimeType: 'application/json', text, part, parts, exportId: id! };
  }

  /** Collects the parts of one upload; the last one runs the import. */
  importChunk(uploadId: string, index: number, last: boolean, text: string): (ImportResult & { touchedIds: string[] }) | null {
    this.dropStale();
    const upload = this.uploads.get(uploadId) ?? { parts: [], chars: 0, touched: this.now() };
    if (index !== upload.parts.length) {
      this.uploads.delete(uploadId);
      throw new AppError('bad_request', { messageKey: 'errors.invalidArgs', detail: 'import parts out of order', retryable: false });
    }
    upload.parts.push(text);
    upload.chars += text.length;
    upload.touched = this.now();
    if (upload.chars > MAX_IMPORT_CHARS) {
      this.uploads.delete(uploadId);
      throw new AppError('bad_request', { messageKey: 'errors.importTooLarge', retryable: false });
    }
    if (!last) {
      this.uploads.set(uploadId, upload);
      return null;
    }
    this.uploads.delete(uploadId);
    return this.importText(upload.parts.join(''));
  }

  importText(text: string): ImportResult & { touchedIds: string[] } {
    let value: unknown;
    try {
      value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    } catch {
      throw new AppError('bad_request', { messageKey: 'errors.importUnknown', retryable: false });
    }
    try {
      if (isBrookExport(value)) {
        const { conversations, assistants } = readBrookExport(value);
        return { format: 'brook', ...writeImport(this.history.database, conversations, this.newId, assistants) };
      }
      if (isChatGptExport(value)) {
        return { format: 'chatgpt', ...writeImport(this.history.database, readChatGptExport(value), this.newId) };
      }
    } catch (err) {
      if (err instanceof AppError) throw err;
      if (err instanceof Error && err.name === 'ZodError') {
        throw new AppError('bad_request', { messageKey: 'errors.importUnknown', detail: err.message.slice(0, 500), retryable: false });
      }
      throw err;
    }
    throw new AppError('bad_request', { messageKey: 'errors.importUnknown', retryable: false });
  }

  private dropStale(): void {
    const cutoff = this.now() - STALE_MS;
    for (const [id, u] of this.uploads) if (u.touched < cutoff) this.uploads.delete(id);
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

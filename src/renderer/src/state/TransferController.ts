import { IMPORT_CHUNK_CHARS, IMPORT_ZIP_PART_BYTES } from '../../../shared/contract/limits';
import type { ExportFormat, ImportResult } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import type { RendererClient } from '../client/types';
import { base64Of } from './AttachmentsController';
import { downloadText } from './download';

/** A running import: its result, and a way to stop it (the core then takes back what it stored). */
export interface ImportRun {
  result: Promise<ImportResult>;
  cancel(): Promise<void>;
}

/** 0…1 */
type OnProgress = (fraction: number) => void;

function newTransferId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/** Export and import: files leave as downloads and arrive as text sent in parts. */
export class TransferController {
  constructor(
    private readonly client: RendererClient,
    private readonly download: typeof downloadText = downloadText,
  ) {}

  async exportConversation(id: string, format: ExportFormat): Promise<void> {
    const file = await this.client.request('transfer.exportConversation', { id, format });
    this.download(file.fileName, file.mimeType, [file.text]);
  }

  /** The core builds the file in slices and reports them (`transfer.progress`, conversations done / total). */
  async exportAll(onProgress: (done: number, total: number) => void = () => {}): Promise<void> {
    const exportId = newTransferId();
    const off = this.client.on('transfer.progress', (p) => {
      if (p.id === exportId && p.kind === 'export') onProgress(p.done, p.total);
    });
    try {
      const first = await this.client.request('transfer.exportAll', { exportId });
      const parts = [first.text];
      for (let part = 1; part < first.parts; part++) {
        parts.push((await this.client.request('transfer.exportAll', { exportId: first.exportId, part })).text);
      }
      this.download(first.fileName, first.mimeType, parts);
    } finally {
      off();
    }
  }

  /** Reads a chosen file and sends it in parts small enough for one socket frame each. */
  importText(text: string, onProgress: OnProgress = () => {}): ImportRun {
    const count = Math.max(1, Math.ceil(text.length / IMPORT_CHUNK_CHARS));
    return this.upload(count, onProgress, (uploadId, index) =>
      this.client.request('transfer.importChunk', {
        uploadId,
        index,
        last: index === count - 1,
        text: text.slice(index * IMPORT_CHUNK_CHARS, (index + 1) * IMPORT_CHUNK_CHARS),
        total: text.length,
      }),
    );
  }

  /** ChatGPT's export zip, read from disk a part at a time (never whole in memory) and sent as base64. */
  importZip(file: Blob, name: string, onProgress: OnProgress = () => {}): ImportRun {
    const count = Math.max(1, Math.ceil(file.size / IMPORT_ZIP_PART_BYTES));
    return this.upload(count, onProgress, async (uploadId, index) => {
      const data = await base64Of(file.slice(index * IMPORT_ZIP_PART_BYTES, (index + 1) * IMPORT_ZIP_PART_BYTES), name);
      return this.client.request('transfer.importZipPart', { uploadId, index, last: index === count - 1, data, size: file.size });
    });
  }

  /** Sends `count` parts in order; the core reports progress and the last part's answer is the result. */
  private upload(count: number, onProgress: OnProgress, sendPart: (uploadId: string, index: number) => Promise<ImportResult | null>): ImportRun {
    const uploadId = newTransferId();
    let cancelled = false;
    const off = this.client.on('transfer.progress', (p) => {
      if (p.id === uploadId && p.kind === 'import' && p.total > 0) onProgress(Math.min(1, p.done / p.total));
    });
    const send = async (): Promise<ImportResult> => {
      for (let index = 0; index < count && !cancelled; index++) {
        const result = await sendPart(uploadId, index);
        if (result) return result;
      }
      // Cancelled between two parts (a part in flight fails with the same error from the core).
      throw new AppError('bad_request', { messageKey: 'errors.importCancelled', retryable: false });
    };
    const result = send().finally(off);
    return {
      result,
      cancel: async () => {
        cancelled = true;
        await this.client.request('transfer.cancelImport', { uploadId });
      },
    };
  }
}


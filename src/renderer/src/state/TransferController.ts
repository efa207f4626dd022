import { IMPORT_CHUNK_CHARS } from '../../../shared/contract';
import type { ExportFormat, ImportResult } from '../../../shared/domain';
import type { RendererClient } from '../client/types';
import { downloadText } from './download';

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

  async exportAll(): Promise<void> {
    const first = await this.client.request('transfer.exportAll', {});
    const parts = [first.text];
    for (let part = 1; part < first.parts; part++) {
      parts.push((await this.client.request('transfer.exportAll', { exportId: first.exportId, part })).text);
    }
    this.download(first.fileName, first.mimeType, parts);
  }

  /** Reads a chosen file and sends it in parts small enough for one socket frame each. */
  async importText(text: string): Promise<ImportResult> {
    const uploadId = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
    const count = Math.max(1, Math.ceil(text.length / IMPORT_CHUNK_CHARS));
    for (let index = 0; index < count; index++) {
      const result = await this.client.request('transfer.importChunk', {
        uploadId,
        index,
        last: index === count - 1,
        text: text.slice(index * IMPORT_CHUNK_CHARS, (index + 1) * IMPORT_CHUNK_CHARS),
      });
      if (result) return result;
    }
    throw new Error('the import did not finish');
  }
}

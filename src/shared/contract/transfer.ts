import { z } from 'zod';
import type { ExportFile, ImportResult } from '../domain';
import { id, req } from './define';
import { IMPORT_CHUNK_CHARS } from './limits';

export const transferRequests = {
  'transfer.exportConversation': req<ExportFile>()(z.strictObject({ id, format: z.enum(['markdown', 'html', 'json']) })),
  /**
   * Every conversation as Brook JSON, in parts of at most IMPORT_CHUNK_CHARS (a long history
   * outgrows one socket frame): part 0 builds the file, later parts read the same snapshot.
   */
  'transfer.exportAll': req<ExportFile & { part: number; parts: number; exportId: string }>()(
    z.strictObject({ exportId: id.optional(), part: z.number().int().min(0).default(0) }),
  ),
  /**
   * An import file (ChatGPT's conversations.json or Brook JSON), sent in order in parts of at
   * most IMPORT_CHUNK_CHARS; the last part runs the import and returns what it added.
   */
  'transfer.importChunk': req<ImportResult | null>()(
    z.strictObject({
      uploadId: id,
      index: z.number().int().min(0),
      last: z.boolean(),
      text: z.string().max(IMPORT_CHUNK_CHARS),
    }),
  ),
};

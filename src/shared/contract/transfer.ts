import { z } from 'zod';
import type { ExportFile, ImportResult } from '../domain';
import { id, req } from './define';
import { IMPORT_CHUNK_CHARS, IMPORT_ZIP_PART_BYTES, MAX_IMPORT_CHARS, MAX_IMPORT_ZIP_BYTES } from './limits';

/** How far an import or an export of the whole history is, sent while it runs. */
export const transferProgressSchema = z.object({
  /** The uploadId of an import, the exportId of an export. */
  id,
  kind: z.enum(['import', 'export']),
  /** Import: characters of the file read; export: conversations written. */
  done: z.number().int().nonnegative(),
  /** Import: characters in the file (0 when the sender did not say); export: conversations. */
  total: z.number().int().nonnegative(),
});
export type TransferProgress = z.output<typeof transferProgressSchema>;

export const transferRequests = {
  'transfer.exportConversation': req<ExportFile>()(z.strictObject({ id, format: z.enum(['markdown', 'html', 'json']) })),
  /**
   * Every conversation as Brook JSON, in parts of at most IMPORT_CHUNK_CHARS (a long history
   * outgrows one socket frame): part 0 builds the file in slices (sending `transfer.progress`
   * under `exportId` when given), later parts read the same snapshot.
   */
  'transfer.exportAll': req<ExportFile & { part: number; parts: number; exportId: string }>()(
    z.strictObject({ exportId: id.optional(), part: z.number().int().min(0).default(0) }),
  ),
  /**
   * An import file (ChatGPT's conversations.json or Brook JSON), sent in order in parts of at
   * most IMPORT_CHUNK_CHARS. Each part is read as it arrives (streamed, in yielding slices)
   * and answers when it is stored; the last part finishes the import and returns what it
   * added. A failed or cancelled import leaves the history as it was.
   */
  'transfer.importChunk': req<ImportResult | null>()(
    z.strictObject({
      uploadId: id,
      index: z.number().int().min(0),
      last: z.boolean(),
      text: z.string().max(IMPORT_CHUNK_CHARS),
      /** Characters in the whole file, for progress. */
      total: z.number().int().min(0).max(MAX_IMPORT_CHARS).optional(),
    }),
  ),
  /**
   * ChatGPT's export zip (conversations.json and the images its messages point at), sent in
   * order in parts of IMPORT_ZIP_PART_BYTES, base64. The last part reads the zip and returns what
   * was added; images become attachments of their messages. Cancelled like a .json import.
   */
  'transfer.importZipPart': req<ImportResult | null>()(
    z.strictObject({
      uploadId: id,
      index: z.number().int().min(0),
      last: z.boolean(),
      data: z
        .string()
        .max(Math.ceil(IMPORT_ZIP_PART_BYTES / 3) * 4)
        .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64'),
      /** Bytes in the whole zip. */
      size: z.number().int().min(1).max(MAX_IMPORT_ZIP_BYTES),
    }),
  ),
  /** Stops an import: what it stored so far is taken out again. */
  'transfer.cancelImport': req<null>()(z.strictObject({ uploadId: id })),
};

export const transferEvents = {
  'transfer.progress': transferProgressSchema,
};

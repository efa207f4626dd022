import { z } from 'zod';
import {
  ATTACHMENT_MAX_FILE_BYTES,
  ATTACHMENT_MAX_PER_MESSAGE,
  ATTACHMENT_PART_BASE64_CHARS,
  type Attachment,
} from '../attachments';
import { id, payload, req } from './define';

/**
 * Uploading a file: `begin` checks the name and size against the limits and returns an upload
 * id; `part` sends the bytes in order, base64, at most ATTACHMENT_PART_BYTES each (the socket's
 * frame limit); `finish` checks the size, stores the file (content-addressed, atomically) and
 * returns the attachment. A document's text is read afterwards in a worker: its progress arrives
 * as `attachments.progress`, its result as `attachments.updated`. Until a message carries it, an
 * attachment belongs to no one and is cleared after a day.
 */
export const attachmentRequests = {
  'attachments.begin': req<{ uploadId: string }>()(
    z.strictObject({
      name: z.string().trim().min(1).max(255),
      size: z.number().int().min(0).max(ATTACHMENT_MAX_FILE_BYTES),
      /** What the window was told (may be ''); the name's extension decides. */
      mime: z.string().max(200).default(''),
    }),
  ),
  'attachments.part': req<{ receivedBytes: number }>()(
    z.strictObject({
      uploadId: id,
      index: z.number().int().min(0),
      data: z.string().max(ATTACHMENT_PART_BASE64_CHARS).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64'),
    }),
  ),
  'attachments.finish': req<Attachment>()(z.strictObject({ uploadId: id })),
  /** Drops an upload that was not finished (the chip was removed while it uploaded). */
  'attachments.cancel': req<null>()(z.strictObject({ uploadId: id })),
  'attachments.get': req<Attachment>()(z.strictObject({ id })),
  /** An image as a data URL (JPEG/PNG), its longest side at most ATTACHMENT_THUMBNAIL_PX[size]; from disk, works offline. */
  'attachments.thumbnail': req<{ dataUrl: string; width: number; height: number }>()(
    z.strictObject({ id, size: z.enum(['small', 'large']).default('small') }),
  ),
  /** A document's extracted text (as the extraction kept it; `extraction.cut` says if it was cut). */
  'attachments.text': req<{ text: string; extraction: Attachment['extraction'] }>()(z.strictObject({ id })),
};

const extractionSchema = z.object({
  state: z.enum(['pending', 'running', 'done', 'no-text', 'failed']),
  pages: z.number().nullable(),
  chars: z.number().nullable(),
  cut: z.object({ totalChars: z.number(), keptChars: z.number() }).nullable(),
});

export const attachmentSchema = payload<Attachment>()(
  z.object({
    id: z.string(),
    name: z.string(),
    mime: z.string(),
    size: z.number(),
    kind: z.enum(['image', 'document']),
    width: z.number().nullable(),
    height: z.number().nullable(),
    extraction: extractionSchema,
    createdAt: z.number(),
  }),
);

export interface AttachmentProgress {
  attachmentId: string;
  /** Work done and total in the same unit (PDF pages, or bytes for other formats). */
  done: number;
  total: number;
}

export const attachmentEvents = {
  /** A document's extraction moved on (large files report every page or so). */
  'attachments.progress': payload<AttachmentProgress>()(
    z.object({ attachmentId: z.string(), done: z.number(), total: z.number() }),
  ),
  /** An attachment changed (its extraction finished, found no text, or failed). */
  'attachments.updated': attachmentSchema,
};

/** What chat.send / chat.edit take: the ids `attachments.finish` returned, in the order shown. */
export const attachmentIdsField = z.array(id).max(ATTACHMENT_MAX_PER_MESSAGE);

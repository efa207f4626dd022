/**
 * Image results of tool calls kept as attachments (docs/mcp.md, "Image results"): stored once
 * by content in the attachment store, named in the step by attachment id, so steps, the live
 * stream and the history carry no image bytes and the window shows a thumbnail from the store.
 */
import { ATTACHMENT_MAX_FILE_BYTES, IMAGE_MIME_BY_EXTENSION } from '../../../shared/attachments';
import { AppError } from '../../../shared/errors';
import type { ToolResultContent } from '../../../shared/toolCalls';
import type { AttachmentStore } from '../attachments';

/** What the tool loop needs of the attachment store. */
export type ToolImageStore = Pick<AttachmentStore, 'storeImage'>;

const EXTENSION_BY_MIME = new Map(Object.entries(IMAGE_MIME_BY_EXTENSION).map(([extension, mime]) => [mime, extension]));

/**
 * The parts with each image stored as an attachment. An image the store cannot keep (a type it
 * does not take, bytes that are not an image) becomes a note saying so: the step never carries
 * bytes it could not show.
 */
export async function withStoredImages(parts: readonly ToolResultContent[], store: ToolImageStore, tool: string): Promise<ToolResultContent[]> {
  const out: ToolResultContent[] = [];
  let n = 0;
  for (const part of parts) {
    if (part.type !== 'image') {
      out.push(part);
      continue;
    }
    n++;
    const bytes = Buffer.from(part.data, 'base64');
    const extension = EXTENSION_BY_MIME.get(part.mimeType.toLowerCase());
    const name = `${tool.replace(/[^\w.-]+/g, '_').slice(0, 80) || 'tool'}-${n}.${extension ?? 'bin'}`;
    try {
      const attachment = await store.storeImage(bytes, name);
      out.push({ type: 'attachment', attachmentId: attachment.id, name: attachment.name, mimeType: attachment.mime });
    } catch (err) {
      const key = AppError.from(err).messageKey;
      const reason =
        key === 'attachmentErrors.unsupportedType'
          ? 'a type Brook does not keep'
          : key === 'attachmentErrors.unreadableImage'
            ? 'not a readable image'
            : key === 'attachmentErrors.tooLarge'
              ? `larger than ${ATTACHMENT_MAX_FILE_BYTES / (1024 * 1024)} MB`
              : 'it could not be saved';
      out.push({ type: 'text', text: `[image ${part.mimeType}, ${bytes.length} bytes, not kept: ${reason}]` });
    }
  }
  return out;
}

import {
  ATTACHMENT_MAX_FILE_BYTES,
  ATTACHMENT_MAX_MESSAGE_BYTES,
  ATTACHMENT_MAX_PER_MESSAGE,
  classifyAttachment,
} from '../../../../shared/attachments';
import type { AppErrorData } from '../../../../shared/errors';

/** The caps the composer checks before anything is uploaded (the core checks them again). */
export interface AttachmentLimits {
  /** Files in one message. */
  maxCount: number;
  /** Bytes of one file. */
  maxFileBytes: number;
  /** Bytes of all files of one message together. */
  maxMessageBytes: number;
}

/** The limits of the contract (src/shared/attachments.ts), as the composer checks them. */
export const COMPOSER_LIMITS: AttachmentLimits = {
  maxCount: ATTACHMENT_MAX_PER_MESSAGE,
  maxFileBytes: ATTACHMENT_MAX_FILE_BYTES,
  maxMessageBytes: ATTACHMENT_MAX_MESSAGE_BYTES,
};

/** Brook can read the file (an image or a document it extracts), judged by the name like the core does. */
export function isAcceptedFile(name: string): boolean {
  return classifyAttachment(name) !== null;
}

export interface SizedFile {
  name: string;
  size: number;
}

export interface LimitCheck<F extends SizedFile> {
  accepted: F[];
  /** One translated-key error per file left out, naming the limit it broke. */
  refused: { file: F; error: AppErrorData }[];
}

/**
 * Which of `incoming` may join the `pending` files of a message. Files are taken in order while
 * they fit, so dropping ten files on a message with room for three keeps the first three. A file
 * over its own cap, or of a kind Brook cannot read, is refused whatever the room left; sizes
 * are bytes, never characters.
 * `formatBytes` writes the limit in the error the way the UI shows sizes.
 */
export function checkAttachmentLimits<F extends SizedFile>(
  pending: readonly SizedFile[],
  incoming: readonly F[],
  limits: AttachmentLimits,
  formatBytes: (bytes: number) => string,
  accepts: (name: string) => boolean = isAcceptedFile,
): LimitCheck<F> {
  let count = pending.length;
  let bytes = pending.reduce((sum, f) => sum + f.size, 0);
  const result: LimitCheck<F> = { accepted: [], refused: [] };
  for (const file of incoming) {
    const refuse = (messageKey: string, params: Record<string, string | number>) =>
      result.refused.push({ file, error: { code: 'bad_request', messageKey, params: { name: file.name, ...params }, retryable: false } });
    if (!accepts(file.name)) refuse('attachments.limit.unsupported', {});
    else if (file.size > limits.maxFileBytes) refuse('attachments.limit.fileTooLarge', { max: formatBytes(limits.maxFileBytes) });
    else if (count + 1 > limits.maxCount) refuse('attachments.limit.tooMany', { max: limits.maxCount });
    else if (bytes + file.size > limits.maxMessageBytes) refuse('attachments.limit.messageTooLarge', { max: formatBytes(limits.maxMessageBytes) });
    else {
      result.accepted.push(file);
      count += 1;
      bytes += file.size;
    }
  }
  return result;
}

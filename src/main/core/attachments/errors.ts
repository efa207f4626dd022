import { AppError, type ErrorCode } from '../../../shared/errors';

/** The keys of the `attachmentErrors` i18n section the windows translate these with. */
export type AttachmentErrorKey =
  | 'tooLarge'
  | 'tooMany'
  | 'messageTooLarge'
  | 'unsupportedType'
  | 'unreadableImage'
  | 'heicUnsupported'
  | 'uploadIncomplete'
  | 'notFound'
  | 'notImage'
  | 'notDocument'
  | 'noVision'
  | 'busy';

export function attachmentError(
  code: ErrorCode,
  key: AttachmentErrorKey,
  params?: Record<string, string | number>,
  detail?: string,
): AppError {
  return new AppError(code, { messageKey: `attachmentErrors.${key}`, retryable: false, ...(params ? { params } : {}), ...(detail ? { detail } : {}) });
}

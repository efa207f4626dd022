/**
 * attachments: files sent with messages. Uploads in parts, content-addressed storage under the
 * data folder's attachments/ (identical files once, atomic writes), document text read in a
 * worker (PDF, DOCX, text and source code) and images measured and resized in a worker (sharp).
 * Uses base, history (its tables come from history's migration 10).
 */
export { AttachmentStore, type AttachmentStoreOptions } from './AttachmentStore';
export { ATTACHMENTS_FOLDER } from './blobStore';
export { createAttachmentStore } from './createAttachmentStore';
export { attachmentError } from './errors';
export type { ExtractionEvents } from './extraction';
export type { ResizedImage, ResizeOptions } from './worker';

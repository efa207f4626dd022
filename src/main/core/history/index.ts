/**
 * history: every conversation and message in one SQLite file (better-sqlite3, WAL): the
 * message tree and its branches, numbered migrations, full-text search, saved assistants,
 * import and export, backups and the integrity check. Uses base only.
 */
export { AssistantStore } from './AssistantStore';
export { BACKUPS_FOLDER, HistoryBackups } from './backups';
export { deleteMessageBranch, type MessageDeletion } from './deleteMessage';
export { HistoryStore, storageError, type HistoryStoreOptions, type MessageFinish, type NewMessage } from './HistoryStore';
export { checkIntegrity, checkOpens, quickCheckInBackground, setAsideDamaged, type BackgroundCheck, type IntegrityResult } from './integrity';
export { TransferService } from './transfer/TransferService';
export { conversationRowJson, messageRowJson } from './migrations/008_sync_log';
export type { ContextMessage } from './contextRows';
export { readMessageAttachments, toAttachment, withAttachments, type AttachmentRow } from './attachmentRows';

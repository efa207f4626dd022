import type Database from 'better-sqlite3';
import type { Attachment, AttachmentKind, ExtractionState } from '../../../shared/attachments';
import type { Message } from '../../../shared/domain';

/** A row of `attachments` (migration 10). */
export interface AttachmentRow {
  id: string;
  sha256: string;
  name: string;
  mime: string;
  size: number;
  kind: AttachmentKind;
  width: number | null;
  height: number | null;
  extraction_state: ExtractionState;
  pages: number | null;
  chars: number | null;
  total_chars: number | null;
  created_at: number;
}

export function toAttachment(row: AttachmentRow): Attachment {
  const cut = row.total_chars !== null && row.chars !== null && row.total_chars > row.chars;
  return {
    id: row.id,
    name: row.name,
    mime: row.mime,
    size: row.size,
    kind: row.kind,
    width: row.width,
    height: row.height,
    extraction: {
      state: row.extraction_state,
      pages: row.pages,
      chars: row.chars,
      cut: cut ? { totalChars: row.total_chars!, keptChars: row.chars! } : null,
    },
    createdAt: row.created_at,
  };
}

/** Each message's attachments, in order, read in one query (a page of messages at a time). */
export function readMessageAttachments(db: Database.Database, messageIds: readonly string[]): Map<string, Attachment[]> {
  const byMessage = new Map<string, Attachment[]>();
  if (messageIds.length === 0) return byMessage;
  const rows = db
    .prepare(
      `SELECT l.message_id, a.* FROM message_attachments l JOIN attachments a ON a.id = l.attachment_id
       WHERE l.message_id IN (SELECT value FROM json_each(?)) ORDER BY l.message_id, l.position`,
    )
    .all(JSON.stringify(messageIds)) as (AttachmentRow & { message_id: string })[];
  for (const row of rows) {
    const list = byMessage.get(row.message_id) ?? [];
    list.push(toAttachment(row));
    byMessage.set(row.message_id, list);
  }
  return byMessage;
}

/** The messages with their `attachments` (left absent on messages without any). */
export function withAttachments(db: Database.Database, messages: Message[]): Message[] {
  const byMessage = readMessageAttachments(db, messages.map((m) => m.id));
  if (byMessage.size === 0) return messages;
  return messages.map((m) => {
    const attachments = byMessage.get(m.id);
    return attachments ? { ...m, attachments } : m;
  });
}

/** Links attachments to a message in the order given (inside the caller's transaction). */
export function linkAttachments(db: Database.Database, messageId: string, attachmentIds: readonly string[]): void {
  const insert = db.prepare('INSERT INTO message_attachments (message_id, attachment_id, position) VALUES (?, ?, ?)');
  attachmentIds.forEach((attachmentId, position) => insert.run(messageId, attachmentId, position));
}

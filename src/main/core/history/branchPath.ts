import type Database from 'better-sqlite3';
import type { Message } from '../../../shared/domain';
import { withAttachments } from './attachmentRows';
import { toBranch, toMessage, type MessageRow } from './rows';

/** A message's siblings (itself included), oldest first, as a JSON array; `m` is the message. */
const SIBLING_IDS_SQL = `(SELECT json_group_array(id) FROM (
    SELECT s.id FROM messages s WHERE s.conversation_id = m.conversation_id AND s.parent_id IS m.parent_id
    ORDER BY s.created_at, s.rowid)) AS sibling_ids`;

/** The branch from the root down to `messageId` (its last `maxRows` messages), root first, each with its `branch`. */
export function readBranchPath(db: Database.Database, messageId: string, maxRows: number): Message[] {
  const rows = db
    .prepare(
      `WITH RECURSIVE path(id, depth) AS (
         SELECT ?, 0
         UNION ALL
         SELECT m.parent_id, path.depth + 1 FROM messages m JOIN path ON m.id = path.id
         WHERE m.parent_id IS NOT NULL AND path.depth + 1 < ?
       )
       SELECT m.*, ${SIBLING_IDS_SQL} FROM path JOIN messages m ON m.id = path.id ORDER BY path.depth DESC`,
    )
    .all(messageId, maxRows) as (MessageRow & { sibling_ids: string })[];
  return withAttachments(db, rows.map((row) => ({ ...toMessage(row), branch: toBranch(row.id, row.sibling_ids) })));
}

/** The message with its place among its siblings (for a message just added). */
export function readWithBranch(db: Database.Database, message: Message): Message {
  const row = db.prepare(`SELECT ${SIBLING_IDS_SQL} FROM messages m WHERE m.id = ?`).get(message.id) as { sibling_ids: string } | undefined;
  return row ? { ...message, branch: toBranch(message.id, row.sibling_ids) } : message;
}

/** The most recently written leaf below `messageId` (the message itself when it has no replies). */
export function newestLeafBelow(db: Database.Database, messageId: string): string {
  const leaf = db
    .prepare(
      `WITH RECURSIVE below(id) AS (
         SELECT ?
         UNION ALL
         SELECT m.id FROM messages m JOIN below ON m.parent_id = below.id
       )
       SELECT m.id FROM below JOIN messages m ON m.id = below.id
       WHERE NOT EXISTS (SELECT 1 FROM messages c WHERE c.parent_id = m.id)
       ORDER BY m.created_at DESC, m.rowid DESC LIMIT 1`,
    )
    .pluck()
    .get(messageId) as string;
  return leaf;
}

import type Database from 'better-sqlite3';
import type { HistorySearchArgs } from '../../../../shared/contract';
import type { MessageRole } from '../../../../shared/domain';
import { shortMatch, trigramMatch, type SearchTerm } from './searchQuery';

/** A match in a document attached to a message: the message's row with the document's text and name. */
export interface AttachmentHitRow {
  key: number;
  id: string;
  conversation_id: string;
  role: MessageRole;
  content: string;
  reasoning: string;
  created_at: number;
  provider_id: string | null;
  model: string | null;
  title: string;
  attachment_id: string;
  attachment_name: string;
}

/**
 * Messages whose attached documents hold the terms (migration 10's indexes), newest first by
 * the message's search key, with the same filters and cursor as the message search. Documents
 * are few next to messages, so the join is driven by the match rather than walked by date.
 */
export function attachmentHits(
  db: Database.Database,
  terms: readonly SearchTerm[],
  args: HistorySearchArgs,
  limit: number,
  cursorKey: number | null,
): AttachmentHitRow[] {
  if (args.role === 'assistant') return [];
  const long = trigramMatch(terms, true);
  const short = shortMatch(terms, true);
  if (!long && !short) return [];
  const table = long ? 'attachment_fts' : 'attachment_fts_short';
  const where = [`${table} MATCH @match`, 'c.deleted_at IS NULL'];
  const params: Record<string, string | number | bigint> = { match: (long ?? short)!, limit };
  if (long && short) {
    where.push('f.rowid IN (SELECT rowid FROM attachment_fts_short WHERE attachment_fts_short MATCH @short)');
    params.short = short;
  }
  if (args.from !== undefined) {
    where.push('m.created_at >= @from');
    params.from = args.from;
  }
  if (args.to !== undefined) {
    where.push('m.created_at <= @to');
    params.to = args.to;
  }
  if (args.providerId) {
    where.push('COALESCE(m.provider_id, c.provider_id) = @providerId');
    params.providerId = args.providerId;
  }
  if (args.model) {
    where.push('COALESCE(m.model, c.model) = @model');
    params.model = args.model;
  }
  if (cursorKey !== null) {
    where.push('k.key < @cursorKey');
    params.cursorKey = BigInt(cursorKey);
  }
  return db
    .prepare(
      `SELECT k.key AS key, m.id, m.conversation_id, m.role, t.text AS content, '' AS reasoning, m.created_at,
              m.provider_id, m.model, c.title, a.id AS attachment_id, a.name AS attachment_name
       FROM ${table} f
       JOIN attachment_texts t ON t.rowid = f.rowid
       JOIN attachments a ON a.id = t.attachment_id
       JOIN message_attachments l ON l.attachment_id = a.id
       JOIN message_search_keys k ON k.message_id = l.message_id
       JOIN messages m ON m.id = l.message_id
       JOIN conversations c ON c.id = m.conversation_id
       WHERE ${where.join(' AND ')}
       ORDER BY k.key DESC
       LIMIT @limit`,
    )
    .all(params) as AttachmentHitRow[];
}

import type Database from 'better-sqlite3';
import type { Message } from '../../../shared/domain';
import { readMessageAttachments } from './attachmentRows';
import { parseToolSteps } from './rows';

/** What a turn's context needs of a message, with what it costs (migration 12). */
export interface ContextMessage extends Pick<Message, 'id' | 'parentId' | 'role' | 'content' | 'status' | 'toolSteps' | 'attachments'> {
  /** Tokens the message costs in a context, as stored; null until a turn first counts it. */
  tokens: number | null;
  /** An answer's `context.total`: the turns of the branch down to its question, when it was planned. */
  branchTurns: number | null;
}

interface ContextRow {
  id: string;
  parent_id: string | null;
  role: Message['role'];
  content: string;
  status: Message['status'];
  tool_steps_json: string | null;
  context_json: string | null;
  tokens: number | null;
}

/** Messages read per query while walking a branch up. */
const PAGE = 64;

/**
 * The branch as a turn reads it: newest first and only as far as the caller goes, so a turn in a
 * 10,000-message conversation reads what the model's window can hold, not the whole branch (the
 * window shows it through `visiblePage`). Only the columns a context uses; no sibling lookups.
 */
export class ContextRows {
  constructor(private readonly db: () => Database.Database) {}

  /** The conversation's current leaf (where a new message goes), null in an empty one. */
  leafOf(conversationId: string): string | null {
    const leaf = this.db().prepare('SELECT current_leaf_id FROM conversations WHERE id = ?').pluck().get(conversationId) as string | null | undefined;
    return leaf ?? null;
  }

  /** `fromId` and the messages above it, newest first, read a page at a time as the caller asks. */
  *newestFirst(fromId: string | null): Generator<ContextMessage> {
    let next = fromId;
    while (next !== null) {
      const rows = this.db()
        .prepare(
          `WITH RECURSIVE path(id, depth) AS (
             SELECT ?, 0
             UNION ALL
             SELECT m.parent_id, path.depth + 1 FROM messages m JOIN path ON m.id = path.id
             WHERE m.parent_id IS NOT NULL AND path.depth + 1 < ?
           )
           SELECT m.id, m.parent_id, m.role, m.content, m.status, m.tool_steps_json, m.context_json, t.tokens
           FROM path JOIN messages m ON m.id = path.id LEFT JOIN message_tokens t ON t.message_id = m.id
           ORDER BY path.depth`,
        )
        .all(next, PAGE) as ContextRow[];
      if (rows.length === 0) return;
      const attachments = readMessageAttachments(this.db(), rows.map((r) => r.id));
      for (const row of rows) {
        const steps = row.tool_steps_json ? parseToolSteps(row.tool_steps_json) : null;
        const files = attachments.get(row.id);
        yield {
          id: row.id,
          parentId: row.parent_id,
          role: row.role,
          content: row.content,
          status: row.status,
          tokens: row.tokens,
          branchTurns: branchTurns(row.context_json),
          ...(steps ? { toolSteps: steps } : {}),
          ...(files ? { attachments: files } : {}),
        };
      }
      next = rows.at(-1)!.parent_id;
    }
  }

  /**
   * How many messages `fromId` and those above it hold that a context would send (the rule of
   * chat's `buildContext`): the "n of m messages sent" of a trimmed context, counted in SQL.
   */
  turnsFrom(fromId: string): number {
    return this.db()
      .prepare(
        `WITH RECURSIVE path(id) AS (
           SELECT ?
           UNION ALL
           SELECT m.parent_id FROM messages m JOIN path ON m.id = path.id WHERE m.parent_id IS NOT NULL
         )
         SELECT COUNT(*) FROM path JOIN messages m ON m.id = path.id
         WHERE NOT (m.role = 'assistant' AND (m.status IN ('error', 'streaming') OR m.content = ''))`,
      )
      .pluck()
      .get(fromId) as number;
  }

  /** Keeps counts made by a turn, so no later turn counts those messages again. */
  storeTokens(counts: ReadonlyMap<string, number>): void {
    if (counts.size === 0) return;
    const db = this.db();
    const insert = db.prepare('INSERT OR REPLACE INTO message_tokens (message_id, tokens) SELECT ?, ? WHERE EXISTS (SELECT 1 FROM messages WHERE id = ?)');
    db.transaction(() => {
      for (const [id, tokens] of counts) insert.run(id, tokens, id);
    })();
  }
}

function branchTurns(contextJson: string | null): number | null {
  if (!contextJson) return null;
  try {
    const total: unknown = (JSON.parse(contextJson) as { total?: unknown }).total;
    return typeof total === 'number' && Number.isInteger(total) && total > 0 ? total : null;
  } catch {
    return null;
  }
}

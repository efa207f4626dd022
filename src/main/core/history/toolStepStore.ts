import type Database from 'better-sqlite3';
import { z } from 'zod';
import { storageError } from '../base';
import { toolResultText, type ToolChoice, type ToolStep } from '../../../shared/toolCalls';

/**
 * An answer's tool steps (migration 11) and each conversation's tool choice (migrations 11
 * and 13). Steps are written at each change, like search steps: few, and the user watches them.
 */
export class ToolStepStore {
  constructor(private readonly db: () => Database.Database) {}

  /**
   * The steps and the text of their results (indexed for search once the answer ends). Image
   * results stored as attachments are linked to the message, so they are kept, exported and
   * backed up with it, and swept when it is purged, like the files a user attaches.
   */
  setSteps(messageId: string, steps: readonly ToolStep[]): void {
    const text = toolResultText(steps);
    const attachmentIds = steps.flatMap((s) => (s.result ?? []).flatMap((p) => (p.type === 'attachment' ? [p.attachmentId] : [])));
    const db = this.db();
    this.write(() =>
      db.transaction(() => {
        db.prepare('UPDATE messages SET tool_steps_json = ?, tool_text = ? WHERE id = ?').run(JSON.stringify(steps), text === '' ? null : text, messageId);
        if (attachmentIds.length === 0) return;
        // Only attachments that exist (a link to a missing row would fail the whole write); each once.
        const link = db.prepare(
          `INSERT OR IGNORE INTO message_attachments (message_id, attachment_id, position)
           SELECT @messageId, id, (SELECT COUNT(*) FROM message_attachments WHERE message_id = @messageId) FROM attachments WHERE id = @attachmentId`,
        );
        for (const attachmentId of attachmentIds) link.run({ messageId, attachmentId });
      })(),
    );
  }

  /** The Tools choice of a conversation; null when it follows the default. */
  selection(conversationId: string): ToolChoice | null {
    const row = this.db()
      .prepare('SELECT enabled, server_ids_json, off_tool_ids_json FROM conversation_tools WHERE conversation_id = ?')
      .get(conversationId) as { enabled: number; server_ids_json: string; off_tool_ids_json: string } | undefined;
    if (row === undefined) return null;
    const serverIds = idsSchema.safeParse(safeJson(row.server_ids_json));
    if (!serverIds.success) return null;
    const offToolIds = idsSchema.safeParse(safeJson(row.off_tool_ids_json));
    return { on: row.enabled === 1, serverIds: serverIds.data, offToolIds: offToolIds.success ? offToolIds.data : [] };
  }

  /** null returns the conversation to the default. */
  setSelection(conversationId: string, choice: ToolChoice | null): void {
    this.write(() => {
      if (choice === null) this.db().prepare('DELETE FROM conversation_tools WHERE conversation_id = ?').run(conversationId);
      else {
        this.db()
          .prepare(
            `INSERT INTO conversation_tools (conversation_id, enabled, server_ids_json, off_tool_ids_json) VALUES (?, ?, ?, ?)
             ON CONFLICT(conversation_id) DO UPDATE SET enabled = excluded.enabled, server_ids_json = excluded.server_ids_json, off_tool_ids_json = excluded.off_tool_ids_json`,
          )
          .run(conversationId, choice.on ? 1 : 0, JSON.stringify([...new Set(choice.serverIds)]), JSON.stringify([...new Set(choice.offToolIds)]));
      }
    });
  }

  private write<T>(fn: () => T): T {
    try {
      return fn();
    } catch (err) {
      throw storageError(err);
    }
  }
}

const idsSchema = z.array(z.string());

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

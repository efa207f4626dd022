import type Database from 'better-sqlite3';
import { z } from 'zod';
import { storageError } from '../base';
import { toolResultText, type ToolStep } from '../../../shared/toolCalls';

/**
 * An answer's tool steps (migration 11) and each conversation's tool selection. Steps are
 * written at each change, like search steps: few, and the user watches them.
 */
export class ToolStepStore {
  constructor(private readonly db: () => Database.Database) {}

  /** The steps and the text of their results (indexed for search once the answer ends). */
  setSteps(messageId: string, steps: readonly ToolStep[]): void {
    const text = toolResultText(steps);
    this.write(() =>
      this.db()
        .prepare('UPDATE messages SET tool_steps_json = ?, tool_text = ? WHERE id = ?')
        .run(JSON.stringify(steps), text === '' ? null : text, messageId),
    );
  }

  /** The servers switched on for a conversation; null when it follows the default. */
  selection(conversationId: string): string[] | null {
    const raw = this.db().prepare('SELECT server_ids_json FROM conversation_tools WHERE conversation_id = ?').pluck().get(conversationId) as string | undefined;
    if (raw === undefined) return null;
    const parsed = serverIdsSchema.safeParse(safeJson(raw));
    return parsed.success ? parsed.data : null;
  }

  /** null returns the conversation to the default. */
  setSelection(conversationId: string, serverIds: readonly string[] | null): void {
    this.write(() => {
      if (serverIds === null) this.db().prepare('DELETE FROM conversation_tools WHERE conversation_id = ?').run(conversationId);
      else {
        this.db()
          .prepare('INSERT INTO conversation_tools (conversation_id, server_ids_json) VALUES (?, ?) ON CONFLICT(conversation_id) DO UPDATE SET server_ids_json = excluded.server_ids_json')
          .run(conversationId, JSON.stringify([...new Set(serverIds)]));
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

const serverIdsSchema = z.array(z.string());

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

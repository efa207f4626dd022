import type { Message } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { storageError } from '../base';
import type { HistoryStore } from './HistoryStore';

export interface MessageDeletion {
  /** The visible branch afterwards, root first. */
  messages: Message[];
  /** How many messages went: the message and every reply below it, on all its branches. */
  removed: number;
}

/**
 * Deletes one message with everything below it (its replies, and their alternatives: they
 * only exist as continuations of this message). Its own siblings (‹ 2/3 ›) stay. When the
 * visible branch ran through it, the view moves to the sibling before it (else after it),
 * down to that branch's newest leaf; with no sibling, to its parent (the conversation then
 * ends there, e.g. a question without an answer, which can be edited or answered again).
 */
export function deleteMessageBranch(store: HistoryStore, conversationId: string, messageId: string): MessageDeletion {
  const message = store.requireMessage(messageId);
  store.requireConversation(conversationId);
  if (message.conversationId !== conversationId) throw new AppError('not_found', { detail: `message ${messageId}` });
  const branch = store.withBranch(message).branch;
  const sibling = branch?.prevId ?? branch?.nextId ?? null;
  const db = store.database;
  const below = db.prepare(
    `WITH RECURSIVE below(id) AS (SELECT ? UNION ALL SELECT m.id FROM messages m JOIN below ON m.parent_id = below.id)
     SELECT id FROM below`,
  );
  let removed = 0;
  let showSibling = false;
  try {
    db.transaction(() => {
      const ids = new Set((below.all(messageId) as { id: string }[]).map((r) => r.id));
      removed = ids.size;
      const leaf = db.prepare('SELECT current_leaf_id AS id FROM conversations WHERE id = ?').get(conversationId) as { id: string | null };
      const leafGone = leaf.id === null || ids.has(leaf.id);
      // Replies go with their parent (messages.parent_id cascades; the search index and sync log follow by trigger).
      db.prepare('DELETE FROM messages WHERE id = ?').run(messageId);
      if (!leafGone) return;
      showSibling = sibling !== null;
      if (!showSibling) db.prepare('UPDATE conversations SET current_leaf_id = ? WHERE id = ?').run(message.parentId, conversationId);
    })();
  } catch (err) {
    throw storageError(err);
  }
  const messages = showSibling && sibling ? store.switchBranch(conversationId, sibling) : store.visiblePath(conversationId);
  return { messages, removed };
}

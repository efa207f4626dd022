import type { AnswerContext, Conversation, ConversationOrigin, ConversationParams, Message, MessageRole, MessageStatus, Usage } from '../../../shared/domain';
import { AppError, type AppErrorData } from '../../../shared/errors';
import type { WebSearchRecord } from '../../../shared/webSearch';
import { HistoryDatabase, type HistoryStoreOptions } from './historyDatabase';
import { ToolStepStore } from './toolStepStore';
import { CONVERSATION_LIST_COLUMNS, listRowToConversation, toConversation, toMessage, type ConversationListRow, type ConversationRow, type MessageRow } from './rows';
import { HistorySearch, RANKED_WINDOW } from './search/HistorySearch';
import { SearchIndexQueue } from './search/indexQueue';
import { ContextRows } from './contextRows';
import { newestLeafBelow, readBranchPath, readWithBranch } from './branchPath';
import { linkAttachments, withAttachments } from './attachmentRows';

export { storageError, type HistoryStoreOptions } from './historyDatabase';

export interface NewMessage {
  conversationId: string;
  parentId: string | null;
  role: MessageRole;
  content: string;
  status: MessageStatus;
  providerId?: string | null;
  model?: string | null;
  context?: AnswerContext | null;
  /** Stored attachments the message carries, in order (linked in the same transaction). */
  attachmentIds?: readonly string[];
}

export interface MessageFinish {
  status: Exclude<MessageStatus, 'streaming'>;
  content: string;
  reasoning: string;
  error?: AppErrorData | null;
  usage?: Usage | null;
  finishReason?: string | null;
  reasoningMs?: number | null;
}

const DEFAULT_TITLE = '';

/**
 * Every conversation and message, in one SQLite file (WAL). Synchronous by design:
 * better-sqlite3 calls take microseconds and keep write order trivially correct.
 */
export class HistoryStore extends HistoryDatabase {
  readonly search: HistorySearch;
  readonly toolSteps: ToolStepStore;
  /** The branch as a turn's context reads it, with each message's stored token count. */
  readonly context: ContextRows;
  /** Ended answers waiting to be indexed for search (a moment after they end; before any search). */
  private readonly indexQueue: SearchIndexQueue;

  constructor(options: HistoryStoreOptions) {
    super(options);
    this.indexQueue = new SearchIndexQueue(() => this.db);
    this.search = new HistorySearch(() => this.db, RANKED_WINDOW, this.indexQueue);
    this.toolSteps = new ToolStepStore(() => this.db);
    this.context = new ContextRows(() => this.db);
    this.indexQueue.schedule();
  }

  override close(): void {
    this.indexQueue.stop();
    super.close();
  }

  listConversations(origin?: ConversationOrigin, limit = -1): Conversation[] {
    const order = 'ORDER BY pinned DESC, updated_at DESC, rowid DESC LIMIT ?';
    const from = `SELECT ${CONVERSATION_LIST_COLUMNS} FROM conversations WHERE deleted_at IS NULL`;
    const rows = (
      origin ? this.db.prepare(`${from} AND origin = ? ${order}`).raw(true).all(origin, limit) : this.db.prepare(`${from} ${order}`).raw(true).all(limit)
    ) as ConversationListRow[];
    return rows.map(listRowToConversation);
  }

  getConversation(id: string): Conversation | null {
    const row = this.conversationRow(id);
    return row ? toConversation(row) : null;
  }

  requireConversation(id: string): Conversation {
    const c = this.getConversation(id);
    if (!c) throw new AppError('not_found', { detail: `conversation ${id}` });
    return c;
  }

  createConversation(init: {
    title?: string;
    providerId?: string | null;
    model?: string | null;
    origin?: ConversationOrigin;
    /** Copied from an assistant (saved prompt) when one was chosen. */
    params?: ConversationParams;
  }): Conversation {
    const id = this.newId();
    const now = this.now();
    this.write(() =>
      this.db
        .prepare(
          `INSERT INTO conversations (id, title, origin, provider_id, model, current_leaf_id, params_json, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?)`,
        )
        .run(
          id,
          init.title ?? DEFAULT_TITLE,
          init.origin ?? 'chat',
          init.providerId ?? null,
          init.model ?? null,
          JSON.stringify(init.params ?? {}),
          now,
          now,
        ),
    );
    return this.requireConversation(id);
  }

  /**
   * `auto`: a provisional title (the first words) that a model-written one may replace; a
   * title the user gives is final.
   */
  renameConversation(id: string, title: string, options: { auto?: boolean } = {}): Conversation {
    const current = this.requireConversation(id);
    // A new name is not new activity: the chat keeps its place (and date group) in the list.
    const updatedAt = options.auto ? this.now() : current.updatedAt;
    this.write(() =>
      this.db
        .prepare('UPDATE conversations SET title = ?, auto_title = ?, updated_at = ? WHERE id = ?')
        .run(title, options.auto ? 1 : 0, updatedAt, id),
    );
    return this.requireConversation(id);
  }

  /** The model's title, unless the user renamed the conversation meanwhile; null when it did not apply. */
  applyModelTitle(id: string, title: string): Conversation | null {
    const changed = this.write(
      () =>
        this.db
          .prepare('UPDATE conversations SET title = ?, auto_title = 0 WHERE id = ? AND auto_title = 1 AND deleted_at IS NULL')
          .run(title, id).changes,
    );
    return changed > 0 ? this.getConversation(id) : null;
  }

  /** The provisional title stays for good (the model gave none). */
  settleTitle(id: string): void {
    this.write(() => this.db.prepare('UPDATE conversations SET auto_title = 0 WHERE id = ?').run(id));
  }

  hasAutoTitle(id: string): boolean {
    return this.conversationRow(id)?.auto_title === 1;
  }

  setPinned(id: string, pinned: boolean): Conversation {
    this.requireConversation(id);
    this.write(() => this.db.prepare('UPDATE conversations SET pinned = ? WHERE id = ?').run(pinned ? 1 : 0, id));
    return this.requireConversation(id);
  }

  setArchived(id: string, archived: boolean): Conversation {
    this.requireConversation(id);
    this.write(() => this.db.prepare('UPDATE conversations SET archived = ? WHERE id = ?').run(archived ? 1 : 0, id));
    return this.requireConversation(id);
  }

  /** Hidden at once; the rows stay until purged, so Undo can bring them back. Returns the deletion time. */
  softDeleteConversation(id: string): number {
    const now = this.now();
    this.write(() => this.db.prepare('UPDATE conversations SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL').run(now, id));
    return now;
  }

  /** Removes one deleted conversation for good, if it is still the same deletion. */
  purgeConversation(id: string, deletedAt: number): boolean {
    return (
      this.write(() => this.db.prepare('DELETE FROM conversations WHERE id = ? AND deleted_at = ?').run(id, deletedAt).changes) > 0
    );
  }

  restoreConversation(id: string): Conversation {
    const changed = this.write(
      () => this.db.prepare('UPDATE conversations SET deleted_at = NULL WHERE id = ? AND deleted_at IS NOT NULL').run(id).changes,
    );
    if (changed === 0) throw new AppError('not_found', { detail: `deleted conversation ${id}` });
    return this.requireConversation(id);
  }

  /** Removes for good conversations deleted at or before `deletedBefore` (all of them by default). */
  purgeDeleted(deletedBefore = Number.MAX_SAFE_INTEGER): number {
    return this.write(
      () => this.db.prepare('DELETE FROM conversations WHERE deleted_at IS NOT NULL AND deleted_at <= ?').run(deletedBefore).changes,
    );
  }

  setConversationModel(id: string, providerId: string | null, model: string | null): Conversation {
    this.requireConversation(id);
    this.write(() =>
      this.db.prepare('UPDATE conversations SET provider_id = ?, model = ? WHERE id = ?').run(providerId, model, id),
    );
    return this.requireConversation(id);
  }

  setConversationParams(id: string, params: ConversationParams): Conversation {
    this.requireConversation(id);
    this.write(() => this.db.prepare('UPDATE conversations SET params_json = ? WHERE id = ?').run(JSON.stringify(params), id));
    return this.requireConversation(id);
  }

  setConversationWebSearch(id: string, enabled: boolean | null): Conversation {
    this.requireConversation(id);
    this.write(() =>
      this.db.prepare('UPDATE conversations SET web_search = ? WHERE id = ?').run(enabled === null ? null : enabled ? 1 : 0, id),
    );
    return this.requireConversation(id);
  }

  deleteConversation(id: string): void {
    this.write(() => this.db.prepare('DELETE FROM conversations WHERE id = ?').run(id));
  }

  /** The visible branch, root first: walk up from the current leaf. Each message carries its `branch`. */
  visiblePath(conversationId: string): Message[] {
    return this.visiblePage(conversationId, { limit: Number.MAX_SAFE_INTEGER - 1 }).messages;
  }

  /** The newest `limit` messages of the visible branch (above `before` if given), root first; a long conversation opens with its end. */
  visiblePage(conversationId: string, page: { before?: string; limit: number }): { messages: Message[]; hasOlder: boolean } {
    const conversation = this.conversationRow(conversationId);
    const before = page.before === undefined ? undefined : this.getMessage(page.before);
    const foreign = before === null || (before !== undefined && before.conversationId !== conversationId);
    if (!conversation || foreign) throw new AppError('not_found', { detail: `conversation ${conversationId}` });
    const from = before ? before.parentId : conversation.current_leaf_id;
    if (!from) return { messages: [], hasOlder: false };
    const rows = this.pathTo(from, page.limit + 1);
    return rows.length > page.limit ? { messages: rows.slice(1), hasOlder: true } : { messages: rows, hasOlder: false };
  }

  /** The branch from the root down to `messageId` (its last `maxRows` messages), root first, each with its `branch`. */
  pathTo(messageId: string, maxRows = Number.MAX_SAFE_INTEGER): Message[] {
    return readBranchPath(this.db, messageId, maxRows);
  }

  /** The message with its place among its siblings (for a message just added). */
  withBranch(message: Message): Message {
    return readWithBranch(this.db, message);
  }

  /**
   * Shows the branch through `messageId`: the visible branch becomes the path to the most
   * recently written leaf below it (the message itself when it has no replies).
   */
  switchBranch(conversationId: string, messageId: string): Message[] {
    const message = this.requireMessage(messageId);
    if (message.conversationId !== conversationId) throw new AppError('not_found', { detail: `message ${messageId}` });
    const leaf = newestLeafBelow(this.db, messageId);
    this.write(() => this.db.prepare('UPDATE conversations SET current_leaf_id = ? WHERE id = ?').run(leaf, conversationId));
    return this.visiblePath(conversationId);
  }

  getMessage(id: string): Message | null {
    const row = this.db.prepare('SELECT * FROM messages WHERE id = ?').get(id) as MessageRow | undefined;
    return row ? withAttachments(this.db, [toMessage(row)])[0]! : null;
  }

  requireMessage(id: string): Message {
    const m = this.getMessage(id);
    if (!m) throw new AppError('not_found', { detail: `message ${id}` });
    return m;
  }

  /** Adds a message at the end of the visible branch and makes it the new leaf. */
  appendMessage(init: NewMessage): Message {
    const id = this.newId();
    const now = this.now();
    this.write(() =>
      this.db.transaction(() => {
        this.db
          .prepare(
            `INSERT INTO messages (id, conversation_id, parent_id, role, content, reasoning, status,
               provider_id, model, context_json, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, '', ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            id,
            init.conversationId,
            init.parentId,
            init.role,
            init.content,
            init.status,
            init.providerId ?? null,
            init.model ?? null,
            init.context ? JSON.stringify(init.context) : null,
            now,
            now,
          );
        if (init.attachmentIds?.length) linkAttachments(this.db, id, init.attachmentIds);
        this.db
          .prepare('UPDATE conversations SET current_leaf_id = ?, updated_at = ? WHERE id = ?')
          .run(id, now, init.conversationId);
      })(),
    );
    return this.requireMessage(id);
  }

  /** Called at least once a second while streaming, so a crash loses at most that second. */
  checkpoint(id: string, content: string, reasoning: string): void {
    this.write(() =>
      this.db
        .prepare(`UPDATE messages SET content = ?, reasoning = ?, updated_at = ? WHERE id = ? AND status = 'streaming'`)
        .run(content, reasoning, this.now(), id),
    );
  }

  /** The answer's search steps and sources; written at each step, as they are few and the user watches them. */
  setWebSearch(id: string, record: WebSearchRecord): void {
    this.write(() =>
      this.db.prepare('UPDATE messages SET web_search_json = ? WHERE id = ?').run(JSON.stringify(record), id),
    );
  }

  finishMessage(id: string, finish: MessageFinish): Message {
    const usage = finish.usage ?? null;
    this.write(() =>
      this.db
        .prepare(
          `UPDATE messages SET status = ?, content = ?, reasoning = ?, error_json = ?,
             prompt_tokens = COALESCE(?, prompt_tokens), completion_tokens = COALESCE(?, completion_tokens),
             total_tokens = COALESCE(?, total_tokens), finish_reason = ?,
             reasoning_ms = COALESCE(?, reasoning_ms), updated_at = ?
           WHERE id = ?`,
        )
        .run(
          finish.status,
          finish.content,
          finish.reasoning,
          finish.error ? JSON.stringify(finish.error) : null,
          usage?.promptTokens ?? null,
          usage?.completionTokens ?? null,
          usage?.totalTokens ?? null,
          finish.finishReason ?? null,
          finish.reasoningMs ?? null,
          this.now(),
          id,
        ),
    );
    this.indexQueue.schedule();
    return this.requireMessage(id);
  }

  /** Continue: the answer streams again, into the same row, after the text it has. */
  reopenForContinue(id: string): Message {
    this.write(() =>
      this.db
        .prepare(`UPDATE messages SET status = 'streaming', error_json = NULL, finish_reason = NULL, updated_at = ? WHERE id = ?`)
        .run(this.now(), id),
    );
    return this.requireMessage(id);
  }

  /** Rows a crash left `streaming` keep their partial text and say so. */
  markInterrupted(): number {
    this.indexQueue.schedule();
    return this.write(
      () =>
        this.db
          .prepare(`UPDATE messages SET status = 'interrupted', updated_at = ? WHERE status = 'streaming'`)
          .run(this.now()).changes,
    );
  }

  /** Rows of one conversation left `streaming` with nothing streaming them any more. */
  markInterruptedIn(conversationId: string): Message[] {
    const ids = this.db
      .prepare(`SELECT id FROM messages WHERE conversation_id = ? AND status = 'streaming'`)
      .all(conversationId) as { id: string }[];
    if (ids.length === 0) return [];
    this.indexQueue.schedule();
    this.write(() =>
      this.db
        .prepare(`UPDATE messages SET status = 'interrupted', updated_at = ? WHERE conversation_id = ? AND status = 'streaming'`)
        .run(this.now(), conversationId),
    );
    return ids.map((r) => this.requireMessage(r.id));
  }

  setCurrentLeaf(conversationId: string, messageId: string): void {
    this.write(() =>
      this.db
        .prepare('UPDATE conversations SET current_leaf_id = ?, updated_at = ? WHERE id = ?')
        .run(messageId, this.now(), conversationId),
    );
  }

  /** Soft-deleted conversations are gone for every caller but `restoreConversation`. */
  private conversationRow(id: string): ConversationRow | undefined {
    return this.db.prepare('SELECT * FROM conversations WHERE id = ? AND deleted_at IS NULL').get(id) as ConversationRow | undefined;
  }
}

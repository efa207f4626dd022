import type Database from 'better-sqlite3';
import type { Assistant } from '../../../../shared/domain';
import { toolResultText } from '../../../../shared/toolCalls';
import type { ImportedConversation, ImportedMessage } from './imported';
import type { ImportJournal } from './importJournal';
import { importedToolSteps } from './importedToolSteps';

export interface WriteResult {
  conversations: number;
  messages: number;
  unchanged: number;
  /** Conversations created or given new messages. */
  touchedIds: string[];
}

interface ExistingConversation {
  id: string;
  deleted_at: number | null;
  current_leaf_id: string | null;
  updated_at: number;
}

/**
 * Stores imported conversations in one transaction. A conversation seen before (same source
 * id, or same id for Brook's own files) only gains the messages it lacks, so importing the
 * same file twice adds nothing; one the user deleted and imports again comes back whole.
 */
export function writeImport(
  db: Database.Database,
  conversations: readonly ImportedConversation[],
  newId: () => string,
  assistants: readonly Assistant[] = [],
): WriteResult {
  const writer = new ImportWriter(db, newId);
  const result: WriteResult = { conversations: 0, messages: 0, unchanged: 0, touchedIds: [] };
  db.transaction(() => {
    for (const c of conversations) writer.conversation(c, result);
    for (const a of assistants) writer.assistant(a);
  })();
  return result;
}

type Found = { id: string; conversation_id?: string } | undefined;

/** One conversation being written, possibly over several transactions (a streamed import writes a few messages at a time). */
export interface ConversationWrite {
  readonly c: ImportedConversation;
  readonly conversationId: string;
  readonly existing: ExistingConversation | undefined;
  /** Message key in the file → id in the database. */
  readonly ids: Map<string, string>;
  added: number;
  latest: number;
  /** The next message of `c.messages` to write. */
  next: number;
}

/**
 * The statements of one import, prepared once. With a journal (a streamed import written in
 * many short transactions) it records what it changes so the import can be taken back.
 */
export class ImportWriter {
  private readonly bySource;
  private readonly byId;
  private readonly purge;
  private readonly insertConversation;
  private readonly messageBySource;
  private readonly messageById;
  private readonly insertMessage;
  private readonly setToolSteps;
  private readonly setLeaf;
  private readonly touch;
  private readonly assistantExists;
  private readonly insertAssistant;
  private readonly insertAttachment;
  private readonly insertAttachmentText;
  private readonly linkAttachment;

  constructor(
    private readonly db: Database.Database,
    private readonly newId: () => string,
    private readonly journal?: ImportJournal,
  ) {
    this.bySource = db.prepare('SELECT id, deleted_at, current_leaf_id, updated_at FROM conversations WHERE source_id = ?');
    this.byId = db.prepare('SELECT id, deleted_at, current_leaf_id, updated_at FROM conversations WHERE id = ?');
    this.purge = db.prepare('DELETE FROM conversations WHERE id = ?');
    this.insertConversation = db.prepare(
      `INSERT INTO conversations (id, title, origin, provider_id, model, current_leaf_id, params_json, pinned, archived, source_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?)`,
    );
    this.messageBySource = db.prepare('SELECT id FROM messages WHERE conversation_id = ? AND source_id = ?');
    this.messageById = db.prepare('SELECT id, conversation_id FROM messages WHERE id = ?');
    this.insertMessage = db.prepare(
      `INSERT INTO messages (id, conversation_id, parent_id, role, content, reasoning, status, error_json, provider_id, model,
         prompt_tokens, completion_tokens, total_tokens, context_json, finish_reason, reasoning_ms, source_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.setToolSteps = db.prepare('UPDATE messages SET tool_steps_json = ?, tool_text = ? WHERE id = ?');
    this.setLeaf = db.prepare('UPDATE conversations SET current_leaf_id = ? WHERE id = ?');
    this.touch = db.prepare('UPDATE conversations SET updated_at = MAX(updated_at, ?) WHERE id = ?');
    this.assistantExists = db.prepare('SELECT 1 FROM assistants WHERE id = ?');
    this.insertAssistant = db.prepare('INSERT INTO assistants (id, name, params_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?)');
    this.insertAttachment = db.prepare(
      `INSERT INTO attachments (id, sha256, name, mime, size, kind, width, height, extraction_state, pages, chars, total_chars, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertAttachmentText = db.prepare('INSERT INTO attachment_texts (attachment_id, text) VALUES (?, ?)');
    this.linkAttachment = db.prepare('INSERT INTO message_attachments (message_id, attachment_id, position) VALUES (?, ?, ?)');
  }

  conversation(c: ImportedConversation, result: WriteResult): void {
    const write = this.begin(c);
    this.writeMessages(write, Infinity);
    this.end(write, result);
  }

  /** Finds or creates the conversation; its messages follow with writeMessages. */
  begin(c: ImportedConversation): ConversationWrite {
    const existing = this.existing(c);
    const conversationId = existing?.id ?? (c.id && !this.byId.get(c.id) ? c.id : this.newId());
    if (!existing) {
      this.journal?.conversationAdded(conversationId);
      this.insertConversation.run(
        conversationId,
        c.title,
        c.origin ?? 'chat',
        c.providerId ?? null,
        c.model ?? null,
        JSON.stringify(c.params ?? {}),
        c.pinned ? 1 : 0,
        c.archived ? 1 : 0,
        c.sourceId,
        c.createdAt,
        c.updatedAt,
      );
    }
    return { c, conversationId, existing, ids: new Map(), added: 0, latest: 0, next: 0 };
  }

  /** Sets the shown branch and the date once every message is written; counts the conversation. */
  end(write: ConversationWrite, result: WriteResult): void {
    const { c, conversationId, existing, ids, added, latest } = write;
    if (!existing) {
      const leaf = (c.currentLeafKey && ids.get(c.currentLeafKey)) ?? [...ids.values()].at(-1) ?? null;
      this.setLeaf.run(leaf, conversationId);
      result.conversations++;
    } else if (added > 0) {
      this.journal?.conversationTouched(existing.id, existing.current_leaf_id, existing.updated_at);
      if (!existing.current_leaf_id && c.currentLeafKey) this.setLeaf.run(ids.get(c.currentLeafKey) ?? null, conversationId);
      this.touch.run(latest, conversationId);
    } else result.unchanged++;
    if (!existing || added > 0) result.touchedIds.push(conversationId);
    result.messages += added;
  }

  assistant(a: Assistant): void {
    if (this.assistantExists.get(a.id)) return;
    this.insertAssistant.run(a.id, a.name, JSON.stringify(a.params), a.createdAt, a.updatedAt);
    this.journal?.assistantAdded(a.id);
  }

  /** The conversation as imported before, unless the user deleted it since (then it is purged and comes back whole). */
  private existing(c: ImportedConversation): ExistingConversation | undefined {
    let existing = (c.sourceId ? this.bySource.get(c.sourceId) : c.id ? this.byId.get(c.id) : undefined) as ExistingConversation | undefined;
    if (!existing && c.sourceId && c.id) existing = this.byId.get(c.id) as ExistingConversation | undefined;
    if (existing?.deleted_at != null) {
      this.journal?.beforePurge(this.db, existing.id);
      this.purge.run(existing.id);
      return undefined;
    }
    return existing;
  }

  /** Writes up to `max` more of the messages the conversation lacks; true when all are written. */
  writeMessages(write: ConversationWrite, max: number): boolean {
    const { c, conversationId, ids } = write;
    const existed = write.existing !== undefined;
    const stop = Math.min(c.messages.length, write.next + max);
    for (; write.next < stop; write.next++) {
      const m = c.messages[write.next]!;
      const found = (
        m.sourceId ? this.messageBySource.get(conversationId, m.sourceId) : m.id ? this.messageById.get(m.id) : undefined
      ) as Found;
      if (found && (found.conversation_id === undefined || found.conversation_id === conversationId)) {
        ids.set(m.key, found.id);
        continue;
      }
      const id = m.id && !found && !this.messageById.get(m.id) ? m.id : this.newId();
      const parentId = m.parentKey !== null ? (ids.get(m.parentKey) ?? null) : null;
      if (m.parentKey !== null && parentId === null) continue; // its parent was not written
      this.insertMessage.run(
        id,
        conversationId,
        parentId,
        m.role,
        m.content,
        m.reasoning ?? '',
        m.status ?? 'done',
        m.error ? JSON.stringify(m.error) : null,
        m.providerId ?? null,
        m.model ?? null,
        m.usage?.promptTokens ?? null,
        m.usage?.completionTokens ?? null,
        m.usage?.totalTokens ?? null,
        m.context ? JSON.stringify(m.context) : null,
        m.finishReason ?? null,
        m.reasoningMs ?? null,
        m.sourceId,
        m.createdAt,
        m.updatedAt ?? m.createdAt,
      );
      const storedIds = this.attachments(id, m);
      if (m.toolSteps) this.toolSteps(id, m, storedIds);
      if (existed) this.journal?.messageAdded(id);
      ids.set(m.key, id);
      write.added++;
      write.latest = Math.max(write.latest, m.createdAt);
    }
    return write.next >= c.messages.length;
  }

  /**
   * The message's files, already stored by their hash (StreamingImport stores them first): new
   * attachment rows linked to it. Undoing the import deletes the message, and its links, rows and
   * (by migration 10's triggers) the files' hashes go with it to the sweep.
   */
  private attachments(messageId: string, m: ImportedMessage): Map<string, string> {
    const storedIds = new Map<string, string>();
    m.attachments?.forEach((a, position) => {
      const id = this.newId();
      // Nothing carries on an extraction interrupted by the export: it stays without text.
      const state = a.extraction.state === 'pending' || a.extraction.state === 'running' ? 'failed' : a.extraction.state;
      const { pages, chars, totalChars } = a.extraction;
      this.insertAttachment.run(id, a.sha256, a.name, a.mime, a.size, a.kind, a.width, a.height, state, pages, chars, totalChars, a.createdAt);
      if (a.kind === 'document' && a.text !== null && state !== 'failed') this.insertAttachmentText.run(id, a.text);
      this.linkAttachment.run(messageId, id, position);
      if (!storedIds.has(a.sha256)) storedIds.set(a.sha256, id);
    });
    return storedIds;
  }

  /**
   * The answer's tool steps, their images pointed at the attachments just stored (by sha256), and
   * the text of their results, as ToolStepStore writes them for a live answer. Written by an
   * update after the insert: no insert trigger indexes tool_text, the update one does (the row is
   * not streaming), so search finds an imported result as it finds a live one. The steps go with
   * the row when the import is taken back.
   */
  private toolSteps(messageId: string, m: ImportedMessage, storedIds: ReadonlyMap<string, string>): void {
    const steps = importedToolSteps(m.toolSteps ?? [], m.attachments, storedIds);
    const text = toolResultText(steps);
    this.setToolSteps.run(JSON.stringify(steps), text === '' ? null : text, messageId);
  }
}

import type Database from 'better-sqlite3';

/** Rows per transaction when an import is taken back: short, so other writes never wait long. */
const ROWS_PER_STEP = 500;

type Row = Record<string, unknown>;

/**
 * What a streamed import changed, so that a cancelled or failed import can be taken back
 * (nothing half-imported, nothing lost): the conversations and messages it added, the
 * previous leaf and date of conversations it added messages to, the assistants it added, and
 * the rows of deleted conversations it purged to bring them back from the file.
 */
export class ImportJournal {
  private readonly conversations: string[] = [];
  private readonly messages: string[] = [];
  private readonly assistants: string[] = [];
  /** Hashes of the attached files the import stored; taken back, they are queued for the store's sweep. */
  private readonly files = new Set<string>();
  private readonly touched = new Map<string, { leaf: string | null; updatedAt: number }>();
  private readonly purged: { conversation: Row; messages: Row[] }[] = [];

  conversationAdded(id: string): void {
    this.conversations.push(id);
  }

  conversationTouched(id: string, leaf: string | null, updatedAt: number): void {
    if (!this.touched.has(id)) this.touched.set(id, { leaf, updatedAt });
  }

  messageAdded(id: string): void {
    this.messages.push(id);
  }

  fileStored(sha256: string): void {
    this.files.add(sha256);
  }

  assistantAdded(id: string): void {
    this.assistants.push(id);
  }

  /** A deleted conversation is about to be purged (it comes back from the file): keep its rows. Few and rare. */
  beforePurge(db: Database.Database, id: string): void {
    const conversation = db.prepare('SELECT * FROM conversations WHERE id = ?').get(id) as Row | undefined;
    if (!conversation) return;
    const messages = db.prepare('SELECT * FROM messages WHERE conversation_id = ? ORDER BY rowid').all(id) as Row[];
    this.purged.push({ conversation, messages });
  }

  /**
   * Takes the import back, in short transactions (each step is one); `pause` runs between them
   * so other requests are served. Messages go newest first (a reply before its parent), then
   * touched conversations get their leaf and date back, then added conversations (with their
   * messages, by cascade) and assistants go, and purged conversations come back as they were.
   */
  async undo(db: Database.Database, pause: () => Promise<void>): Promise<void> {
    const deleteMessage = db.prepare('DELETE FROM messages WHERE id = ?');
    const restore = db.prepare('UPDATE conversations SET current_leaf_id = ?, updated_at = ? WHERE id = ?');
    const deleteConversation = db.prepare('DELETE FROM conversations WHERE id = ?');
    const deleteAssistant = db.prepare('DELETE FROM assistants WHERE id = ?');
    const steps: (() => void)[] = [];
    const messages = this.messages.slice().reverse();
    for (let i = 0; i < messages.length; i += ROWS_PER_STEP) {
      const slice = messages.slice(i, i + ROWS_PER_STEP);
      steps.push(() => slice.forEach((id) => deleteMessage.run(id)));
    }
    steps.push(() => this.touched.forEach(({ leaf, updatedAt }, id) => restore.run(leaf, updatedAt, id)));
    // A conversation's messages go by cascade with it: fewer of them per step.
    const perConversationStep = Math.max(1, ROWS_PER_STEP / 20);
    for (let i = 0; i < this.conversations.length; i += perConversationStep) {
      const slice = this.conversations.slice(i, i + perConversationStep);
      steps.push(() => slice.forEach((id) => deleteConversation.run(id)));
    }
    steps.push(() => this.assistants.forEach((id) => deleteAssistant.run(id)));
    for (const { conversation, messages } of this.purged) steps.push(() => reinsert(db, conversation, messages));
    // A file stored but never linked (the import stopped in between) is named by no row: the sweep removes it.
    const queueOrphan = db.prepare('INSERT OR IGNORE INTO attachment_orphans (sha256) VALUES (?)');
    steps.push(() => this.files.forEach((sha256) => queueOrphan.run(sha256)));
    for (const step of steps) {
      db.transaction(step)();
      await pause();
    }
  }
}

function insertRow(db: Database.Database, table: string, row: Row): void {
  const columns = Object.keys(row);
  db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(...columns.map((c) => row[c]));
}

/** A purged conversation back with its messages, as read before (a reply may precede its parent by rowid: checked at commit). */
function reinsert(db: Database.Database, conversation: Row, messages: Row[]): void {
  db.pragma('defer_foreign_keys = ON');
  insertRow(db, 'conversations', conversation);
  for (const message of messages) insertRow(db, 'messages', message);
}

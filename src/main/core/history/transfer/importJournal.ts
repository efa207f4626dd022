import type Database from 'better-sqlite3';

/** Rows per transaction when an import is taken back: short, so other writes never wait long. */
const ROWS_PER_STEP = 500;

type Row = Record<string, unknown>;

/** A purged conversation's rows: its messages, and their attachments (rows, extracted texts, links), which the purge takes too. */
interface Purged {
  conversation: Row;
  messages: Row[];
  attachments: Row[];
  texts: Row[];
  links: Row[];
}

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
  private readonly purged: Purged[] = [];

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
    const links = db
      .prepare('SELECT l.* FROM message_attachments l JOIN messages m ON m.id = l.message_id WHERE m.conversation_id = ?')
      .all(id) as Row[];
    const attachmentIds = JSON.stringify([...new Set(links.map((l) => l.attachment_id))]);
    const attachments = db.prepare('SELECT * FROM attachments WHERE id IN (SELECT value FROM json_each(?))').all(attachmentIds) as Row[];
    const texts = db.prepare('SELECT * FROM attachment_texts WHERE attachment_id IN (SELECT value FROM json_each(?))').all(attachmentIds) as Row[];
    this.purged.push({ conversation, messages, attachments, texts, links });
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
    for (const purged of this.purged) steps.push(() => reinsert(db, purged));
    // A file stored but never linked (the import stopped in between) is named by no row: the sweep removes it.
    const queueOrphan = db.prepare('INSERT OR IGNORE INTO attachment_orphans (sha256) VALUES (?)');
    steps.push(() => this.files.forEach((sha256) => queueOrphan.run(sha256)));
    for (const step of steps) {
      db.transaction(step)();
      await pause();
    }
  }
}

function insertRow(db: Database.Database, table: string, row: Row, verb = 'INSERT'): void {
  const columns = Object.keys(row);
  db.prepare(`${verb} INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(...columns.map((c) => row[c]));
}

/**
 * A purged conversation back with its messages and their attachments, as read before (a reply may
 * precede its parent by rowid: checked at commit). An attachment also linked from another
 * conversation was never deleted: it is kept as it is. Its file was queued for the sweep when the
 * rows went; the sweep keeps any file a row names again.
 */
function reinsert(db: Database.Database, { conversation, messages, attachments, texts, links }: Purged): void {
  db.pragma('defer_foreign_keys = ON');
  insertRow(db, 'conversations', conversation);
  for (const message of messages) insertRow(db, 'messages', message);
  for (const attachment of attachments) insertRow(db, 'attachments', attachment, 'INSERT OR IGNORE');
  // attachment_texts' rowid is the key of its search index entry: a new one is indexed by its trigger.
  for (const { attachment_id, text } of texts) insertRow(db, 'attachment_texts', { attachment_id, text }, 'INSERT OR IGNORE');
  for (const link of links) insertRow(db, 'message_attachments', link);
}

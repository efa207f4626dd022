import type Database from 'better-sqlite3';

/** A batch stops after this much text, so one batch of long answers stays a short task. */
const BATCH_CHARS = 1_000_000;
const BATCH_ROWS = 64;

interface QueuedRow {
  message_id: string;
  /** Null only if the message (or its search key) is gone: then it just leaves the queue. */
  key: number | null;
  content: string | null;
  reasoning: string | null;
  tool_text: string | null;
  status: string | null;
}

/**
 * Indexes answers that ended (migration 12 queues them) off the write that ends them: a moment
 * later, several at a time in one transaction, yielding between batches, and before any search
 * so a search never misses an answer that has ended. The queue is a table, so answers ended just
 * before a crash or a quit are indexed at the next start.
 */
export class SearchIndexQueue {
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly db: () => Database.Database,
    private readonly delayMs = 25,
  ) {}

  /** Indexes what is queued soon; answers ending meanwhile join the same batch. */
  schedule(delayMs = this.delayMs): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      try {
        if (this.indexBatch()) this.schedule(0);
      } catch {
        // A full or read-only disk: the rows stay queued for the next answer, search or start.
      }
    }, delayMs);
    this.timer.unref?.();
  }

  /** Indexes everything queued now (before a search; at close). */
  flush(): void {
    while (this.indexBatch()) {
      // until the queue is empty
    }
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Indexes one batch; true when more is queued. */
  indexBatch(): boolean {
    const db = this.db();
    const rows = db
      .prepare(
        `SELECT q.message_id, k.key, m.content, m.reasoning, m.tool_text, m.status
         FROM message_index_queue q LEFT JOIN messages m ON m.id = q.message_id
         LEFT JOIN message_search_keys k ON k.message_id = q.message_id LIMIT ?`,
      )
      .all(BATCH_ROWS) as QueuedRow[];
    if (rows.length === 0) return false;
    let chars = 0;
    const batch = rows.filter((row) => (chars += (row.content?.length ?? 0) + (row.reasoning?.length ?? 0)) <= BATCH_CHARS || row === rows[0]);
    const statements = [
      'DELETE FROM message_fts WHERE rowid = @key',
      'DELETE FROM message_fts_short WHERE rowid = @key',
      'DELETE FROM message_tool_fts WHERE rowid = @key',
    ].map((sql) => db.prepare(sql));
    const insertText = db.prepare('INSERT INTO message_fts (rowid, content, reasoning) VALUES (@key, @content, @reasoning)');
    const insertShort = db.prepare('INSERT INTO message_fts_short (rowid, content, reasoning) VALUES (@key, brook_cjk_split(@content), brook_cjk_split(@reasoning))');
    const insertTool = db.prepare('INSERT INTO message_tool_fts (rowid, text) VALUES (@key, @text)');
    const dequeue = db.prepare('DELETE FROM message_index_queue WHERE message_id = ?');
    db.transaction(() => {
      for (const row of batch) {
        dequeue.run(row.message_id);
        if (row.key === null) continue;
        // Delete first: a later change may have indexed the row already (migration 12's triggers).
        for (const statement of statements) statement.run({ key: row.key });
        // Reopened to continue since it ended: indexed again when it ends again.
        if (row.status !== null && row.status !== 'streaming') {
          insertText.run({ key: row.key, content: row.content, reasoning: row.reasoning });
          insertShort.run({ key: row.key, content: row.content, reasoning: row.reasoning });
          if (row.tool_text !== null) insertTool.run({ key: row.key, text: row.tool_text });
        }
      }
    })();
    return rows.length > batch.length || db.prepare('SELECT 1 FROM message_index_queue LIMIT 1').get() !== undefined;
  }
}

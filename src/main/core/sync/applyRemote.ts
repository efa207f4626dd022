import type Database from 'better-sqlite3';
import { HybridClock } from './hlc';
import type { ChangeEntry } from './localLog';
import type { LocalLog } from './localLog';

type Outcome = 'applied' | 'skipped' | 'parked';
type Json = Record<string, unknown>;

/** Conversation fields as the log names them → the columns they set (values in log order). */
const FIELD_COLUMNS: Record<string, (value: Json) => [string, unknown][]> = {
  title: (v) => [['title', v.v], ['auto_title', 0]],
  pinned: (v) => [['pinned', v.v]],
  archived: (v) => [['archived', v.v]],
  deleted: (v) => [['deleted_at', v.v]],
  leaf: (v) => [['current_leaf_id', v.v]],
  model: (v) => [['provider_id', v.providerId], ['model', v.model]],
  params: (v) => [['params_json', v.v]],
  webSearch: (v) => [['web_search', v.v]],
};

/**
 * Merges pulled changes into the local history, deterministically:
 * - a conversation field takes the value with the greatest clock (last writer wins);
 * - a purge is a tombstone: the conversation goes, and nothing older or newer brings it back;
 * - a message is immutable by id — its one row (the finished answer) replaces a local copy
 *   only when its clock is greater (an answer continued later);
 * - a change whose conversation or parent message is not here yet waits in `sync_parked`.
 * All in one transaction with the pull cursor, and with the log's triggers paused, so nothing
 * pulled is pushed back.
 */
export function applyRemote(db: Database.Database, log: LocalLog, entries: ChangeEntry[], decode: (e: ChangeEntry) => Json, lastSeq: number): Set<string> {
  return db.transaction(() => {
    log.stamp();
    log.setState('recording', '0');
    const deviceId = log.deviceId ?? '';
    const clock = new HybridClock(deviceId, log.state('hlc'));
    const merger = new Merger(db);
    const touched = new Set<string>();
    for (const entry of entries) {
      clock.observe(entry.hlc);
      const value = decode(entry);
      touched.add(entry.kind === 'conversation' ? entry.entityId : String(value.conversationId));
      if (merger.apply(entry, value) === 'parked') {
        db.prepare('INSERT OR REPLACE INTO sync_parked (seq, entry_json) VALUES (?, ?)').run(parkedSeq(db), JSON.stringify(entry));
      }
    }
    retryParked(db, merger, decode);
    log.setState('hlc', clock.current);
    log.setState('pulled_seq', String(lastSeq));
    log.setState('recording', '1');
    return touched;
  })();
}

function parkedSeq(db: Database.Database): number {
  return ((db.prepare('SELECT MAX(seq) FROM sync_parked').pluck().get() as number | null) ?? 0) + 1;
}

function retryParked(db: Database.Database, merger: Merger, decode: (e: ChangeEntry) => Json): void {
  for (let progress = true; progress; ) {
    progress = false;
    const parked = db.prepare('SELECT seq, entry_json FROM sync_parked ORDER BY seq').all() as { seq: number; entry_json: string }[];
    for (const row of parked) {
      const entry = JSON.parse(row.entry_json) as ChangeEntry;
      if (merger.apply(entry, decode(entry)) !== 'parked') {
        db.prepare('DELETE FROM sync_parked WHERE seq = ?').run(row.seq);
        progress = true;
      }
    }
  }
}

/** Prepared once per connection: preparing costs more than running these small statements. */
const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

function cachedDb(db: Database.Database): Pick<Database.Database, 'prepare'> {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  const known = cache;
  return {
    prepare: ((sql: string) => {
      let statement = known.get(sql);
      if (!statement) known.set(sql, (statement = db.prepare(sql)));
      return statement;
    }) as Database.Database['prepare'],
  };
}

class Merger {
  private readonly db: Pick<Database.Database, 'prepare'>;

  constructor(db: Database.Database) {
    this.db = cachedDb(db);
  }

  apply(entry: ChangeEntry, value: Json): Outcome {
    if (entry.kind === 'conversation') return this.conversation(entry, value);
    return this.message(entry, value);
  }

  private conversation(entry: ChangeEntry, value: Json): Outcome {
    const id = entry.entityId;
    if (this.clock('conversation', id, 'purged') !== null) return 'skipped';
    if (entry.field === 'purged') {
      this.db.prepare('DELETE FROM conversations WHERE id = ?').run(id);
      this.db.prepare('DELETE FROM sync_clocks WHERE kind = ? AND entity_id = ?').run('conversation', id);
      this.setClock('conversation', id, 'purged', entry.hlc);
      return 'applied';
    }
    const exists = this.db.prepare('SELECT 1 FROM conversations WHERE id = ?').get(id) !== undefined;
    if (entry.field === 'created') {
      if (!exists) this.insertConversation(id, value);
      return exists ? 'skipped' : 'applied';
    }
    const columns = FIELD_COLUMNS[entry.field];
    if (!columns) return 'skipped'; // a field a newer Brook syncs: ignored, not fatal
    if (!exists) return 'parked';
    const known = this.clock('conversation', id, entry.field);
    if (known !== null && known >= entry.hlc) return 'skipped';
    const sets = columns(value);
    this.db
      .prepare(`UPDATE conversations SET ${sets.map(([c]) => `${c} = ?`).join(', ')} WHERE id = ?`)
      .run(...sets.map(([, v]) => v ?? null), id);
    this.setClock('conversation', id, entry.field, entry.hlc);
    return 'applied';
  }

  private insertConversation(id: string, v: Json): void {
    this.db
      .prepare(
        `INSERT INTO conversations (id, title, origin, provider_id, model, current_leaf_id, params_json, pinned, archived,
           deleted_at, web_search, source_id, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, v.title, v.origin, v.providerId, v.model, v.leaf, v.params ?? '{}', v.pinned ?? 0, v.archived ?? 0,
        v.deletedAt ?? null, v.webSearch ?? null, sourceIdFree(this.db, 'conversations', v.sourceId), v.createdAt, v.updatedAt);
  }

  private message(entry: ChangeEntry, v: Json): Outcome {
    const id = entry.entityId;
    if (this.clock('message', id, 'deleted') !== null) return 'skipped';
    if (entry.field === 'deleted') {
      this.db.prepare('DELETE FROM messages WHERE id = ?').run(id);
      this.setClock('message', id, 'deleted', entry.hlc);
      return 'applied';
    }
    if (entry.field !== 'row') return 'skipped';
    const conversationId = String(v.conversationId);
    if (this.clock('conversation', conversationId, 'purged') !== null) return 'skipped';
    const known = this.clock('message', id, 'row');
    if (known !== null && known >= entry.hlc) return 'skipped';
    const exists = this.db.prepare('SELECT 1 FROM messages WHERE id = ?').get(id) !== undefined;
    if (!exists) {
      const conversationHere = this.db.prepare('SELECT 1 FROM conversations WHERE id = ?').get(conversationId) !== undefined;
      const parentHere = v.parentId === null || this.db.prepare('SELECT 1 FROM messages WHERE id = ?').get(v.parentId) !== undefined;
      if (!conversationHere || !parentHere) return 'parked';
    }
    this.writeMessage(id, v, exists);
    this.setClock('message', id, 'row', entry.hlc);
    return 'applied';
  }

  private writeMessage(id: string, v: Json, exists: boolean): void {
    const fields: [string, unknown][] = [
      ['content', v.content], ['reasoning', v.reasoning], ['status', v.status], ['error_json', v.error],
      ['provider_id', v.providerId], ['model', v.model], ['prompt_tokens', v.promptTokens],
      ['completion_tokens', v.completionTokens], ['total_tokens', v.totalTokens], ['context_json', v.context],
      ['finish_reason', v.finishReason], ['reasoning_ms', v.reasoningMs], ['web_search_json', v.webSearch],
      ['updated_at', v.updatedAt],
    ];
    if (exists) {
      this.db.prepare(`UPDATE messages SET ${fields.map(([c]) => `${c} = ?`).join(', ')} WHERE id = ?`).run(...fields.map(([, x]) => x ?? null), id);
      return;
    }
    const all: [string, unknown][] = [
      ['id', id], ['conversation_id', v.conversationId], ['parent_id', v.parentId], ['role', v.role],
      ['source_id', sourceIdFree(this.db, 'messages', v.sourceId, String(v.conversationId))], ['created_at', v.createdAt], ...fields,
    ];
    this.db
      .prepare(`INSERT INTO messages (${all.map(([c]) => c).join(', ')}) VALUES (${all.map(() => '?').join(', ')})`)
      .run(...all.map(([, x]) => x ?? null));
    this.db.prepare('UPDATE conversations SET updated_at = MAX(updated_at, ?) WHERE id = ?').run(v.createdAt, v.conversationId);
  }

  private clock(kind: string, id: string, field: string): string | null {
    const hlc = this.db.prepare('SELECT hlc FROM sync_clocks WHERE kind = ? AND entity_id = ? AND field = ?').pluck().get(kind, id, field) as string | undefined;
    return hlc ?? null;
  }

  private setClock(kind: string, id: string, field: string, hlc: string): void {
    this.db
      .prepare('INSERT INTO sync_clocks (kind, entity_id, field, hlc) VALUES (?, ?, ?, ?) ON CONFLICT (kind, entity_id, field) DO UPDATE SET hlc = excluded.hlc')
      .run(kind, id, field, hlc);
  }
}

/**
 * An import's source id is unique per device; the same file imported on two devices gives two
 * different conversations with the same source id. The second keeps no source id here.
 */
function sourceIdFree(db: Pick<Database.Database, 'prepare'>, table: 'conversations' | 'messages', sourceId: unknown, conversationId?: string): string | null {
  if (typeof sourceId !== 'string') return null;
  const taken =
    table === 'conversations'
      ? db.prepare('SELECT 1 FROM conversations WHERE source_id = ?').get(sourceId)
      : db.prepare('SELECT 1 FROM messages WHERE conversation_id = ? AND source_id = ?').get(conversationId, sourceId);
  return taken === undefined ? sourceId : null;
}

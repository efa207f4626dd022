import type { Migration } from './index';

/** The wall clock in milliseconds, in SQL (julianday keeps milliseconds). */
const NOW_MS = "CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)";
/** Changes are logged only once sync was set up on this device, and never while sync itself applies a pulled change. */
const RECORDING = "(SELECT value FROM sync_state WHERE key = 'recording') = '1'";

function log(kind: string, id: string, field: string, value: string): string {
  return `INSERT INTO sync_outbox (kind, entity_id, field, value, changed_at) VALUES ('${kind}', ${id}, '${field}', ${value}, ${NOW_MS});`;
}

/** A message row as the JSON a sync change carries; `row` is the row's alias (NEW in a trigger). */
export function messageRowJson(row: string): string {
  return `json_object('id', ${row}.id, 'conversationId', ${row}.conversation_id, 'parentId', ${row}.parent_id,
  'role', ${row}.role, 'content', ${row}.content, 'reasoning', ${row}.reasoning, 'status', ${row}.status,
  'error', ${row}.error_json, 'providerId', ${row}.provider_id, 'model', ${row}.model,
  'promptTokens', ${row}.prompt_tokens, 'completionTokens', ${row}.completion_tokens, 'totalTokens', ${row}.total_tokens,
  'context', ${row}.context_json, 'finishReason', ${row}.finish_reason, 'reasoningMs', ${row}.reasoning_ms,
  'webSearch', ${row}.web_search_json, 'sourceId', ${row}.source_id, 'createdAt', ${row}.created_at, 'updatedAt', ${row}.updated_at)`;
}

/** A conversation row as the JSON of its `created` change (and of the first sync's snapshot). */
export function conversationRowJson(row: string): string {
  return `json_object('title', ${row}.title, 'origin', ${row}.origin, 'providerId', ${row}.provider_id,
  'model', ${row}.model, 'params', ${row}.params_json, 'leaf', ${row}.current_leaf_id, 'pinned', ${row}.pinned,
  'archived', ${row}.archived, 'deletedAt', ${row}.deleted_at, 'webSearch', ${row}.web_search, 'sourceId', ${row}.source_id,
  'createdAt', ${row}.created_at, 'updatedAt', ${row}.updated_at)`;
}

const MESSAGE_ROW = messageRowJson('NEW');
const CONVERSATION_ROW = conversationRowJson('NEW');

/** One trigger per synced conversation field: [field name in the log, columns, value]. */
const CONVERSATION_FIELDS: [string, string[], string][] = [
  ['title', ['title'], "json_object('v', NEW.title)"],
  ['pinned', ['pinned'], "json_object('v', NEW.pinned)"],
  ['archived', ['archived'], "json_object('v', NEW.archived)"],
  ['deleted', ['deleted_at'], "json_object('v', NEW.deleted_at)"],
  ['leaf', ['current_leaf_id'], "json_object('v', NEW.current_leaf_id)"],
  ['model', ['provider_id', 'model'], "json_object('providerId', NEW.provider_id, 'model', NEW.model)"],
  ['params', ['params_json'], "json_object('v', NEW.params_json)"],
  ['webSearch', ['web_search'], "json_object('v', NEW.web_search)"],
];

/**
 * The sync change log (issue 18). Triggers write every history change into `sync_outbox`, so
 * no write path can forget to (chat, the local API, import, restore all go through them):
 * conversation created, each synced field changed (title, pin, archive, soft delete, visible
 * branch, model, parameters, web search), conversation purged, message added or finished
 * (a streaming answer is logged when it ends, never per checkpoint), message deleted.
 *
 * `sync_state` holds the device id and cursors; `sync_clocks` the hybrid logical clock of the
 * last change applied per conversation field or message (tombstones included); `sync_parked`
 * pulled changes that wait for their conversation or parent message.
 */
export const m008SyncLog: Migration = {
  version: 8,
  name: 'sync change log',
  up(db) {
    db.exec(`
      CREATE TABLE sync_state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE sync_outbox (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        kind TEXT NOT NULL CHECK (kind IN ('conversation', 'message')),
        entity_id TEXT NOT NULL,
        field TEXT NOT NULL,
        value TEXT NOT NULL,
        changed_at INTEGER NOT NULL,
        -- given when the change is stamped (before a push or a pull), from changed_at and the clock
        hlc TEXT
      );
      CREATE TABLE sync_clocks (
        kind TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        field TEXT NOT NULL,
        hlc TEXT NOT NULL,
        PRIMARY KEY (kind, entity_id, field)
      ) WITHOUT ROWID;
      CREATE TABLE sync_parked (seq INTEGER PRIMARY KEY, entry_json TEXT NOT NULL);

      CREATE TRIGGER sync_conversation_created AFTER INSERT ON conversations WHEN ${RECORDING} BEGIN
        ${log('conversation', 'NEW.id', 'created', CONVERSATION_ROW)}
      END;
      CREATE TRIGGER sync_conversation_purged AFTER DELETE ON conversations WHEN ${RECORDING} BEGIN
        ${log('conversation', 'OLD.id', 'purged', "json_object('v', 1)")}
      END;
      CREATE TRIGGER sync_message_added AFTER INSERT ON messages WHEN ${RECORDING} AND NEW.status <> 'streaming' BEGIN
        ${log('message', 'NEW.id', 'row', MESSAGE_ROW)}
      END;
      CREATE TRIGGER sync_message_finished AFTER UPDATE ON messages WHEN ${RECORDING} AND NEW.status <> 'streaming'
        AND (OLD.status = 'streaming' OR NEW.status IS NOT OLD.status OR NEW.content IS NOT OLD.content) BEGIN
        ${log('message', 'NEW.id', 'row', MESSAGE_ROW)}
      END;
      CREATE TRIGGER sync_message_deleted AFTER DELETE ON messages WHEN ${RECORDING}
        AND EXISTS (SELECT 1 FROM conversations WHERE id = OLD.conversation_id) BEGIN
        ${log('message', 'OLD.id', 'deleted', "json_object('v', 1)")}
      END;
    `);
    for (const [field, columns, value] of CONVERSATION_FIELDS) {
      const changed = columns.map((c) => `NEW.${c} IS NOT OLD.${c}`).join(' OR ');
      db.exec(`CREATE TRIGGER sync_conversation_${field} AFTER UPDATE OF ${columns.join(', ')} ON conversations
        WHEN ${RECORDING} AND (${changed}) BEGIN ${log('conversation', 'NEW.id', field, value)} END;`);
    }
  },
};

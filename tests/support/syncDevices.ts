import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HistoryStore } from '../../src/main/core/history';
import { LocalLog, runSync, type SyncRunOptions } from '../../src/main/core/sync';
import type { SyncServer } from '../../src/shared/contract/sync';
import type { DbServer } from './dbServers';

/** The sync settings that reach a test server's database `database` (TLS verified against its own certificate). */
export function serverSettings(server: DbServer, database: string, overrides: Partial<SyncServer> = {}): SyncServer {
  return { kind: server.kind, host: server.host, port: server.port, database, user: server.user, tls: 'verify', caFile: server.caFile, ...overrides };
}

/** One Brook device for sync tests: its own history file, synced through the real engine. */
export function syncDevice(file = join(mkdtempSync(join(tmpdir(), 'brook-sync-')), 'history.sqlite')) {
  const history = new HistoryStore({ file });
  const db = () => history.database;
  return {
    file,
    history,
    log: new LocalLog(db),
    sync: (target: SyncServer, password: string, options: Partial<SyncRunOptions> = {}) =>
      runSync({ db, server: target, password, passphrase: null, batchSize: 50, ...options }),
    /** Everything sync promises to make identical, in a stable order. */
    dump: () => ({
      conversations: db()
        .prepare(
          `SELECT id, title, origin, provider_id, model, current_leaf_id, params_json, pinned, archived, deleted_at, web_search, created_at
           FROM conversations ORDER BY id`,
        )
        .all(),
      messages: db()
        .prepare(
          `SELECT id, conversation_id, parent_id, role, content, reasoning, status, error_json, model, finish_reason, created_at, updated_at
           FROM messages ORDER BY id`,
        )
        .all(),
    }),
  };
}

export type SyncDevice = ReturnType<typeof syncDevice>;

/** A user turn and its finished answer at the end of the visible branch. */
export function addTurn(device: SyncDevice, conversationId: string, question: string, answer: string): void {
  const { history } = device;
  const leaf = history.visiblePath(conversationId).at(-1)?.id ?? null;
  const user = history.appendMessage({ conversationId, parentId: leaf, role: 'user', content: question, status: 'done' });
  const reply = history.appendMessage({ conversationId, parentId: user.id, role: 'assistant', content: '', status: 'streaming' });
  history.checkpoint(reply.id, answer.slice(0, 3), '');
  history.finishMessage(reply.id, { status: 'done', content: answer, reasoning: '' });
}

import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../src/main/core/history/migrate';
import { MIGRATIONS } from '../../../src/main/core/history/migrations/index';
import { HistoryStore } from '../../../src/main/core/history/HistoryStore';

describe('migration 003_params_and_context', () => {
  it('adds the parameters, answer context, finish reason and thinking time to an existing database', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.filter((m) => m.version < 3), () => null);
    db.prepare(`INSERT INTO conversations (id, title, origin, provider_id, model, current_leaf_id, created_at, updated_at) VALUES ('c', 't', 'chat', NULL, NULL, NULL, 1, 1)`).run();
    db.prepare(`INSERT INTO messages (id, conversation_id, parent_id, role, content, status, created_at, updated_at) VALUES ('m', 'c', NULL, 'assistant', 'old answer', 'done', 1, 1)`).run();
    migrate(db, MIGRATIONS.filter((m) => m.version <= 3), () => null);
    expect(db.pragma('user_version', { simple: true })).toBe(3);
    // Rows from before keep their text and get the neutral values.
    expect(db.prepare('SELECT params_json FROM conversations').get()).toEqual({ params_json: '{}' });
    expect(db.prepare('SELECT content, context_json, finish_reason, reasoning_ms FROM messages').get()).toEqual({
      content: 'old answer',
      context_json: null,
      finish_reason: null,
      reasoning_ms: null,
    });
    db.close();
  });

  it('round-trips what it stores through the history store', () => {
    const store = new HistoryStore({ file: ':memory:' });
    const c = store.createConversation({});
    expect(c.params).toEqual({});
    const params = { systemPrompt: 'Be brief.', temperature: 0.2, maxOutputTokens: 300 };
    expect(store.setConversationParams(c.id, params).params).toEqual(params);
    const context = { sent: 3, total: 5, estimatedTokens: 1200, contextWindow: 8192 };
    const m = store.appendMessage({ conversationId: c.id, parentId: null, role: 'assistant', content: '', status: 'streaming', context });
    expect(m.context).toEqual(context);
    const done = store.finishMessage(m.id, { status: 'done', content: 'Hi', reasoning: 'hm', finishReason: 'length', reasoningMs: 1500 });
    expect(done).toMatchObject({ context, finishReason: 'length', reasoningMs: 1500 });
    expect(store.requireMessage(m.id)).toMatchObject({ context, finishReason: 'length', reasoningMs: 1500 });
    store.close();
  });
});

import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../src/main/core/history/migrate';
import { MIGRATIONS } from '../../../src/main/core/history/migrations/index';
import { HistoryStore } from '../../../src/main/core/history/HistoryStore';

describe('migration 005_web_search', () => {
  it('adds the per-conversation switch and the per-answer record to an existing database', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.filter((m) => m.version < 5), () => null);
    db.prepare(`INSERT INTO conversations (id, title, origin, provider_id, model, current_leaf_id, created_at, updated_at) VALUES ('c', 't', 'chat', NULL, NULL, NULL, 1, 1)`).run();
    migrate(db, MIGRATIONS.filter((m) => m.version <= 5), () => null);
    expect(db.pragma('user_version', { simple: true })).toBe(5);
    expect(db.prepare('SELECT web_search FROM conversations').get()).toEqual({ web_search: null });
    const columns = (db.prepare('PRAGMA table_info(messages)').all() as { name: string }[]).map((c) => c.name);
    expect(columns).toContain('web_search_json');
    db.close();
  });

  it('round-trips the switch and the record, and reads a damaged record as none', () => {
    const store = new HistoryStore({ file: ':memory:' });
    const c = store.createConversation({});
    expect(c.webSearch).toBeNull();
    expect(store.setConversationWebSearch(c.id, true).webSearch).toBe(true);
    expect(store.setConversationWebSearch(c.id, null).webSearch).toBeNull();
    const m = store.appendMessage({ conversationId: c.id, parentId: null, role: 'assistant', content: '', status: 'streaming' });
    expect(m.webSearch).toBeNull();
    const record = {
      steps: [{ id: 'search-1', kind: 'search' as const, status: 'failed' as const, args: ['q'], error: { code: 'auth' as const, messageKey: 'errors.searchKeyMissing', retryable: false } }],
      sources: [{ n: 1, url: 'https://a.example', title: 'A', site: 'a.example', excerpt: 'text' }],
    };
    store.setWebSearch(m.id, record);
    expect(store.requireMessage(m.id).webSearch).toEqual(record);
    store.setWebSearch(m.id, { steps: [{ id: 1 }], sources: [] } as never);
    expect(store.requireMessage(m.id).webSearch).toBeNull();
    store.close();
  });
});

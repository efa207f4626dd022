import { afterEach, describe, expect, it } from 'vitest';
import { HistoryStore } from '../../../src/main/core/history/HistoryStore';

const stores: HistoryStore[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
});

function conversationOf(count: number): { store: HistoryStore; id: string; ids: string[] } {
  let t = 1000;
  const store = new HistoryStore({ file: ':memory:', clock: () => (t += 10) });
  stores.push(store);
  const { id } = store.createConversation({ title: 'long' });
  const ids: string[] = [];
  let parentId: string | null = null;
  for (let i = 0; i < count; i++) {
    parentId = store.appendMessage({ conversationId: id, parentId, role: i % 2 ? 'assistant' : 'user', content: `m${i}`, status: 'done' }).id;
    ids.push(parentId);
  }
  return { store, id, ids };
}

describe('paging the visible branch', () => {
  it('returns the newest window first, then older windows above the oldest one held, root first', () => {
    const { store, id, ids } = conversationOf(25);
    const newest = store.visiblePage(id, { limit: 10 });
    expect(newest.messages.map((m) => m.id)).toEqual(ids.slice(15));
    expect(newest.hasOlder).toBe(true);
    const older = store.visiblePage(id, { before: newest.messages[0]!.id, limit: 10 });
    expect(older.messages.map((m) => m.id)).toEqual(ids.slice(5, 15));
    expect(older.hasOlder).toBe(true);
    const oldest = store.visiblePage(id, { before: older.messages[0]!.id, limit: 10 });
    expect(oldest.messages.map((m) => m.id)).toEqual(ids.slice(0, 5));
    expect(oldest.hasOlder).toBe(false);
    expect([...oldest.messages, ...older.messages, ...newest.messages]).toEqual(store.visiblePath(id));
  });

  it('says there is nothing older at exactly the branch length and above the root', () => {
    const { store, id, ids } = conversationOf(10);
    expect(store.visiblePage(id, { limit: 10 })).toMatchObject({ hasOlder: false });
    expect(store.visiblePage(id, { limit: 10 }).messages).toHaveLength(10);
    expect(store.visiblePage(id, { before: ids[0]!, limit: 10 })).toEqual({ messages: [], hasOlder: false });
  });

  it('follows the visible branch and carries each message‘s place among its siblings', () => {
    const { store, id, ids } = conversationOf(6);
    const edited = store.appendMessage({ conversationId: id, parentId: ids[3]!, role: 'user', content: 'edited', status: 'done' });
    const page = store.visiblePage(id, { limit: 3 });
    expect(page.messages.map((m) => m.id)).toEqual([ids[2], ids[3], edited.id]);
    expect(page.messages.at(-1)!.branch).toMatchObject({ index: 1, count: 2 });
  });

  it('refuses a message of another conversation or an unknown one as the page boundary', () => {
    const { store, id } = conversationOf(4);
    const other = store.createConversation({ title: 'other' });
    const foreign = store.appendMessage({ conversationId: other.id, parentId: null, role: 'user', content: 'x', status: 'done' });
    expect(() => store.visiblePage(id, { before: foreign.id, limit: 5 })).toThrow(expect.objectContaining({ code: 'not_found' }));
    expect(() => store.visiblePage(id, { before: 'missing', limit: 5 })).toThrow(expect.objectContaining({ code: 'not_found' }));
    expect(() => store.visiblePage('missing', { limit: 5 })).toThrow(expect.objectContaining({ code: 'not_found' }));
  });
});

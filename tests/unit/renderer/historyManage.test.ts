import { afterEach, describe, expect, it, vi } from 'vitest';
import { IMPORT_CHUNK_CHARS, UNDO_DELETE_MS, type RequestName } from '../../../src/shared/contract';
import type { AppInfo, Assistant } from '../../../src/shared/domain';
import { AppController } from '../../../src/renderer/src/state/AppController';
import { mergeEdited, sortConversations, upsertConversation } from '../../../src/renderer/src/state/listOps';
import { initialState, Store, type AppState } from '../../../src/renderer/src/state/store';
import { TransferController } from '../../../src/renderer/src/state/TransferController';
import { conv, fakeClient, msg, provider, settle, SETTINGS, type Handler } from './support/fakeClient';

const INFO: AppInfo = { mode: 'browser', version: '0', secretStorage: 'file-0600', dataDir: '/tmp', systemLocale: 'en' };
const TRANSLATOR: Assistant = { id: 'as1', name: 'Translator', params: { systemPrompt: 'French.', temperature: 0.2 }, createdAt: 1, updatedAt: 1 };

function setup(extra: Partial<Record<RequestName, Handler>> = {}) {
  const fake = fakeClient({
    'app.info': async () => INFO,
    'settings.get': async () => SETTINGS,
    'providers.list': async () => [provider('p1')],
    'conversations.list': async () => [conv('c1', { updatedAt: 5 }), conv('c2', { updatedAt: 4 })],
    'desktop.status': async () => ({ available: false, shortcut: null }),
    'assistants.list': async () => [TRANSLATOR],
    'conversations.messages': async () => [msg('u1', { role: 'user', branch: { index: 0, count: 2, prevId: null, nextId: 'u1b' } }), msg('a1')],
    ...extra,
  });
  const store = new Store<AppState>(initialState);
  const app = new AppController(fake.client, store, (cb) => cb());
  return { ...fake, store, app };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('list order and branch merges', () => {
  it('puts pinned conversations first, newest first within each group', () => {
    const list = sortConversations([conv('a', { updatedAt: 9 }), conv('b', { updatedAt: 1, pinned: true }), conv('c', { updatedAt: 5 })]);
    expect(list.map((c) => c.id)).toEqual(['b', 'a', 'c']);
    // pinning moves a conversation even though its time did not change
    expect(upsertConversation(list, conv('c', { updatedAt: 5, pinned: true })).map((c) => c.id)).toEqual(['c', 'b', 'a']);
  });

  it('an edit replaces the old question and everything after it, keeping an answer the stream already started', () => {
    const list = [msg('u1', { role: 'user' }), msg('a1'), msg('u2', { role: 'user' }), msg('a2'), msg('a3', { content: 'Hel', status: 'streaming' })];
    const branch = { index: 1, count: 2, prevId: 'u2', nextId: null };
    const next = mergeEdited(list, 'u2', msg('u2b', { role: 'user', branch }), msg('a3', { status: 'streaming' }));
    expect(next.map((m) => m.id)).toEqual(['u1', 'a1', 'u2b', 'a3']);
    expect(next[2]!.branch).toEqual(branch);
    expect(next[3]!.content).toBe('Hel');
  });
});

describe('switching, editing and deleting from the window', () => {
  it('shows the branch the core returns after ‹ ›', async () => {
    const switched = [msg('u1b', { role: 'user', branch: { index: 1, count: 2, prevId: 'u1', nextId: null } }), msg('a1b')];
    const { app, store, calls } = setup({ 'conversations.switchBranch': async () => switched });
    app.start('c1');
    await settle();
    await app.chat.switchBranch('c1', 'u1b');
    expect(store.getState().messages?.list).toEqual(switched);
    expect(calls.at(-1)).toEqual({ name: 'conversations.switchBranch', args: { id: 'c1', messageId: 'u1b' } });
  });

  it('an edit shows the new question and its answer in place of the old branch', async () => {
    const { app, store } = setup({
      'chat.edit': async () => ({ userMessage: msg('u9', { role: 'user', content: 'edited' }), assistantMessage: msg('a9', { status: 'streaming' }) }),
    });
    app.start('c1');
    await settle();
    await app.chat.edit('c1', 'u1', 'edited');
    expect(store.getState().messages?.list.map((m) => m.id)).toEqual(['u9', 'a9']);
  });

  it('offers Undo for a while after a delete, and restores on Undo', async () => {
    vi.useFakeTimers();
    const { app, store, names } = setup({
      'conversations.delete': async () => null,
      'conversations.restore': async () => conv('c2', { updatedAt: 4 }),
    });
    app.start();
    await vi.runAllTicks();
    await settle();
    await app.remove('c2');
    expect(store.getState().conversations.map((c) => c.id)).toEqual(['c1']);
    expect(store.getState().pendingDelete?.id).toBe('c2');
    await app.undoDelete();
    expect(names()).toContain('conversations.restore');
    expect(store.getState().conversations.map((c) => c.id)).toEqual(['c1', 'c2']);
    expect(store.getState().pendingDelete).toBeNull();

    await app.remove('c1');
    expect(store.getState().pendingDelete?.id).toBe('c1');
    vi.advanceTimersByTime(UNDO_DELETE_MS + 1);
    expect(store.getState().pendingDelete).toBeNull();
  });

  it('starts a new chat with the chosen assistant, and applies it to an empty open chat', async () => {
    const { app, store, calls } = setup({
      'conversations.create': async () => conv('n1'),
      'conversations.setParams': async () => conv('n1', { params: TRANSLATOR.params }),
    });
    app.start();
    await settle();
    expect(store.getState().assistants).toEqual([TRANSLATOR]);
    await app.chooseAssistant('as1');
    expect(calls.some((c) => c.name === 'conversations.setParams')).toBe(false); // nothing open yet
    await app.newConversation();
    expect(calls.find((c) => c.name === 'conversations.create')?.args).toMatchObject({ assistantId: 'as1' });
    await app.chooseAssistant(null);
    expect(calls.at(-1)).toEqual({ name: 'conversations.setParams', args: { id: 'n1', params: {} } });
  });
});

describe('TransferController', () => {
  it('sends a large file in parts and returns the result of the last one', async () => {
    const received: { index: number; last: boolean; size: number }[] = [];
    const fake = fakeClient({
      'transfer.importChunk': async (args) => {
        const a = args as { index: number; last: boolean; text: string };
        received.push({ index: a.index, last: a.last, size: a.text.length });
        return a.last ? { format: 'brook', conversations: 1, messages: 2, unchanged: 0 } : null;
      },
    });
    const text = 'x'.repeat(IMPORT_CHUNK_CHARS * 2 + 10);
    const result = await new TransferController(fake.client, () => {}).importText(text).result;
    expect(result).toEqual({ format: 'brook', conversations: 1, messages: 2, unchanged: 0 });
    expect(received).toEqual([
      { index: 0, last: false, size: IMPORT_CHUNK_CHARS },
      { index: 1, last: false, size: IMPORT_CHUNK_CHARS },
      { index: 2, last: true, size: 10 },
    ]);
  });

  it('joins the parts of a whole-history export into one download', async () => {
    const fake = fakeClient({
      'transfer.exportAll': async (args) => {
        const part = (args as { part?: number }).part ?? 0;
        return { fileName: 'all.json', mimeType: 'application/json', text: `p${part}`, part, parts: 3, exportId: 'e1' };
      },
    });
    const downloads: { name: string; parts: readonly string[] }[] = [];
    await new TransferController(fake.client, (name, _mime, parts) => downloads.push({ name, parts })).exportAll();
    expect(downloads).toEqual([{ name: 'all.json', parts: ['p0', 'p1', 'p2'] }]);
    const args = fake.calls.map((c) => c.args);
    expect(args[0]).toEqual({ exportId: expect.any(String) });
    expect(args.slice(1)).toEqual([{ exportId: 'e1', part: 1 }, { exportId: 'e1', part: 2 }]);
  });
});

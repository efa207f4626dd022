import { describe, expect, it } from 'vitest';
import type { RequestName } from '../../../src/shared/contract';
import type { AppInfo } from '../../../src/shared/domain';
import { AppController, type WindowRole } from '../../../src/renderer/src/state/AppController';
import { initialState, Store, type AppState } from '../../../src/renderer/src/state/store';
import { conv, fakeClient, msg, withPages, provider, settle, SETTINGS, type Handler } from './support/fakeClient';
import { FIRST_LIST_ROWS } from '../../../src/renderer/src/state/listOps';
import { newChatTools } from '../../../src/renderer/src/state/newChatTools';

const INFO: AppInfo = { mode: 'browser', version: '0', secretStorage: 'file-0600', dataDir: '/tmp', systemLocale: 'en' };
const PROVIDER = provider('p1');

function setup(role: WindowRole, extra: Partial<Record<RequestName, Handler>> = {}, transport: 'ipc' | 'websocket' = 'ipc') {
  const fake = fakeClient(withPages({
    'app.info': async () => INFO,
    'settings.get': async () => SETTINGS,
    'providers.list': async () => [PROVIDER],
    'conversations.list': async () => [conv('c1'), conv('q1', { origin: 'quick' })],
    'desktop.status': async () => ({ available: false, shortcut: null }),
    'conversations.messages': async () => [msg('a1')],
    ...extra,
  }), transport);
  const store = new Store<AppState>(initialState);
  const opened: string[] = [];
  const app = new AppController(fake.client, store, (cb) => cb(), { role, openMainView: (id) => opened.push(id) });
  return { ...fake, store, app, opened };
}

describe('AppController', () => {
  it('keeps the conversation list in sync with other windows', async () => {
    const { app, store, emit } = setup('main');
    app.start();
    await settle();
    emit('conversation.created', conv('q2', { origin: 'quick', updatedAt: 5 }));
    expect(store.getState().conversations.map((c) => c.id)).toEqual(['q2', 'c1', 'q1']);
    app.select('q1');
    await settle();
    emit('conversation.deleted', { id: 'q1' });
    expect(store.getState().conversations.map((c) => c.id)).toEqual(['q2', 'c1']);
    expect(store.getState().activeId).toBeNull();
    emit('settings.updated', { ...SETTINGS, theme: 'dark' });
    expect(store.getState().settings?.theme).toBe('dark');
    emit('desktop.statusChanged', { available: true, shortcut: { accelerator: 'Alt+K', registered: false } });
    expect(store.getState().desktop?.shortcut?.registered).toBe(false);
  });

  it('opens a linked conversation after the first load, and on "Continue in Brook"', async () => {
    const { app, store, emit, names } = setup('main');
    app.start('q1');
    emit('desktop.openConversation', { conversationId: 'c1' }); // still loading: it wins
    await settle();
    expect(store.getState().activeId).toBe('c1');
    store.setState({ settingsOpen: true });
    emit('desktop.openConversation', { conversationId: 'q1' });
    await settle();
    expect(store.getState()).toMatchObject({ activeId: 'q1', settingsOpen: false });
    expect(names().filter((n) => n === 'conversations.messagesPage')).toHaveLength(2);
  });

  it('the quick window starts quick asks with the quick model and lists only quick asks', async () => {
    const { app, store, calls, emit } = setup('quick', {
      'conversations.list': async () => [conv('q1', { origin: 'quick' })],
      'conversations.create': async (args) => conv('q9', { origin: 'quick', ...(args as object) }),
      'chat.send': async () => ({ userMessage: msg('u1', { conversationId: 'q9', role: 'user' }), assistantMessage: msg('a1', { conversationId: 'q9', status: 'streaming' }) }),
    });
    app.start();
    await settle();
    expect(calls.find((c) => c.name === 'conversations.list')?.args).toEqual({ origin: 'quick', limit: FIRST_LIST_ROWS });
    emit('desktop.openConversation', { conversationId: 'q1' }); // meant for the main window
    emit('conversation.created', conv('c5'));
    await app.send('hello');
    expect(calls.find((c) => c.name === 'conversations.create')?.args).toEqual({ providerId: 'p1', model: null, origin: 'quick' });
    expect(store.getState().activeId).toBe('q9');
    expect(store.getState().conversations.map((c) => c.id)).not.toContain('c5');
    // "New" keeps the model for the next question, and goes back to an empty box.
    app.startOver();
    expect(store.getState()).toMatchObject({ activeId: null, newChatModel: { providerId: 'p1', model: null } });
  });

  it('paints the first screen of a long list, then asks for the whole list and opens a conversation that was not on it', async () => {
    const many = Array.from({ length: FIRST_LIST_ROWS }, (_, i) => conv(`c${i}`));
    const { app, store, calls } = setup('main', {
      'conversations.list': async (args) => ((args as { limit?: number }).limit ? many : [...many, conv('old')]),
    });
    app.start('old');
    await settle();
    expect(calls.filter((c) => c.name === 'conversations.list').map((c) => c.args)).toEqual([{ limit: FIRST_LIST_ROWS }, {}]);
    expect(store.getState().conversations).toHaveLength(FIRST_LIST_ROWS + 1);
    expect(store.getState().activeId).toBe('old');
  });

  it('a message typed with no chat open (after a reload) goes to the untouched "New chat", set to the model the header shows', async () => {
    const { app, store, calls } = setup('main', {
      'conversations.list': async () => [conv('c1'), conv('e1', { title: '' })],
      'conversations.messages': async ({ id }: { id: string }) => (id === 'e1' ? [] : [msg('a1')]),
      'conversations.update': async (args) => conv('e1', { title: '', ...(args as object) }),
      'chat.send': async () => ({ userMessage: msg('u1', { conversationId: 'e1', role: 'user' }), assistantMessage: msg('a2', { conversationId: 'e1', status: 'streaming' }) }),
    } as Partial<Record<RequestName, Handler>>);
    app.start();
    await settle();
    await app.send('hello');
    expect(calls.some((c) => c.name === 'conversations.create')).toBe(false);
    expect(calls.find((c) => c.name === 'conversations.update')?.args).toEqual({ id: 'e1', providerId: 'p1', model: null });
    expect(calls.find((c) => c.name === 'chat.send')?.args).toMatchObject({ conversationId: 'e1', text: 'hello' });
    expect(store.getState().conversations.map((c) => c.id).sort()).toEqual(['c1', 'e1']);
  });

  it('Web search and Tools flipped while "New chat" is still being created go with that chat and its first message', async () => {
    let release = () => {};
    const created = new Promise<void>((resolve) => (release = resolve));
    const { app, store, calls } = setup('main', {
      'conversations.create': async (args) => {
        await created;
        return conv('n1', { title: '', ...(args as object) });
      },
      'conversations.setWebSearch': async ({ id, enabled }: { id: string; enabled: boolean }) => conv(id, { title: '', webSearch: enabled }),
      'toolCalls.setSelection': async ({ conversationId, choice }: { conversationId: string; choice: object }) => ({ conversationId, ...choice, isDefault: false }),
      'conversations.messages': async () => [],
      'chat.send': async () => ({ userMessage: msg('u1', { conversationId: 'n1', role: 'user' }), assistantMessage: msg('a2', { conversationId: 'n1', status: 'streaming' }) }),
    } as Partial<Record<RequestName, Handler>>);
    app.start();
    await settle();
    const opening = app.newConversation();
    expect(store.getState().activeId).toBeNull();
    await app.setWebSearch(true);
    newChatTools.set({ on: true, serverIds: ['everything'], offToolIds: ['everything/echo'] });
    release();
    await opening;
    expect(store.getState().activeId).toBe('n1');
    expect(store.getState().conversations.find((c) => c.id === 'n1')?.webSearch).toBe(true);
    expect(calls.find((c) => c.name === 'toolCalls.setSelection')?.args).toEqual({ conversationId: 'n1', choice: { on: true, serverIds: ['everything'], offToolIds: ['everything/echo'] } });
    expect(store.getState().newChatWebSearch).toBeNull();
    expect(newChatTools.get()).toBeNull();
    // Nothing pending is left for the next new chat, and the message goes to this one.
    await app.send('hello');
    expect(calls.find((c) => c.name === 'chat.send')?.args).toMatchObject({ conversationId: 'n1', text: 'hello' });
  });

  it('a model picked while "New chat" is still being created is the model of that chat', async () => {
    let release = () => {};
    const created = new Promise<void>((resolve) => (release = resolve));
    const { app, store, calls } = setup('main', {
      'conversations.create': async (args) => {
        await created;
        return conv('n1', { title: '', ...(args as object) });
      },
      'conversations.update': async ({ id, providerId, model }: { id: string; providerId: string; model: string }) => conv(id, { title: '', providerId, model }),
      'conversations.messages': async () => [],
    } as Partial<Record<RequestName, Handler>>);
    app.start();
    await settle();
    const opening = app.newConversation();
    await settle();
    expect(calls.some((c) => c.name === 'conversations.create')).toBe(true);
    app.setNewChatModel({ providerId: 'p1', model: 'other-model' });
    release();
    await opening;
    expect(store.getState().activeId).toBe('n1');
    expect(calls.find((c) => c.name === 'conversations.update')?.args).toEqual({ id: 'n1', providerId: 'p1', model: 'other-model' });
    expect(store.getState().conversations.find((c) => c.id === 'n1')).toMatchObject({ providerId: 'p1', model: 'other-model' });
  });

  it('"Continue in Brook" in browser mode turns the tab into the main view; pin and hide do nothing', async () => {
    const { app, opened, names } = setup('quick', {}, 'websocket');
    app.start();
    await settle();
    await app.desktop.continueInMain('q1');
    expect(await app.desktop.setQuickAskPinned(true)).toBe(false);
    await app.desktop.hideQuickAsk();
    expect(opened).toEqual(['q1']);
    expect(names().filter((n) => n.startsWith('desktop.') && n !== 'desktop.status')).toEqual([]);
  });

  it('"Continue in Brook" in the desktop app asks the shell', async () => {
    const { app, opened, names } = setup('quick', { 'desktop.openInMain': async () => null });
    await app.desktop.continueInMain('q1');
    expect(opened).toEqual([]);
    expect(names()).toContain('desktop.openInMain');
  });
});

describe('AppController search', () => {
  it('opens a search hit: closes the dialog, opens its conversation and asks for the message', async () => {
    const { app, store, names } = setup('main');
    app.start();
    await settle();
    app.openSearch();
    expect(store.getState().searchOpen).toBe(true);
    app.openSearchHit({
      conversationId: 'c1', conversationTitle: 't', messageId: 'a1', role: 'assistant',
      snippet: [{ text: 'x', hit: true }], createdAt: 1, providerId: null, model: null,
    });
    await settle();
    expect(store.getState()).toMatchObject({ searchOpen: false, activeId: 'c1', focus: { conversationId: 'c1', messageId: 'a1', seq: 1 } });
    expect(store.getState().messages?.list.map((m) => m.id)).toEqual(['a1']);
    // The same hit again re-aims the jump without reloading the conversation.
    app.openSearchHit({
      conversationId: 'c1', conversationTitle: 't', messageId: 'a1', role: 'assistant',
      snippet: [], createdAt: 1, providerId: null, model: null,
    });
    expect(store.getState().focus?.seq).toBe(2);
    expect(names().filter((n) => n === 'conversations.messagesPage')).toHaveLength(1);
  });

  it('a hit on another branch makes that branch the visible one', async () => {
    const { app, store, calls } = setup('main', {
      'conversations.switchBranch': async () => [msg('q0', { role: 'user' }), msg('old-answer')],
    });
    app.start();
    await settle();
    app.openSearchHit({
      conversationId: 'c1', conversationTitle: 't', messageId: 'old-answer', role: 'assistant',
      snippet: [], createdAt: 1, providerId: null, model: null,
    });
    await settle();
    expect(calls.find((c) => c.name === 'conversations.switchBranch')?.args).toEqual({ id: 'c1', messageId: 'old-answer' });
    expect(store.getState().messages?.list.map((m) => m.id)).toEqual(['q0', 'old-answer']);
    expect(store.getState().focus?.messageId).toBe('old-answer');
  });

  it('the quick window never opens search', () => {
    const { app, store } = setup('quick');
    app.openSearch();
    expect(store.getState().searchOpen).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import type { RequestName } from '../../../src/shared/contract';
import type { Message, StreamSnapshot } from '../../../src/shared/domain';
import type { StreamEventEnvelope } from '../../../src/shared/streamEvents';
import { ChatController } from '../../../src/renderer/src/state/ChatController';
import { initialState, Store, type AppState } from '../../../src/renderer/src/state/store';
import { deferred, fakeClient, msg, settle, withPages, type Handler } from './support/fakeClient';

function setup(handlers: Partial<Record<RequestName, Handler>>) {
  const frames: Array<() => void> = [];
  const store = new Store<AppState>(initialState);
  let renders = 0;
  store.subscribe(() => renders++);
  const { client, names } = fakeClient(withPages(handlers));
  const chat = new ChatController(client, store, (cb) => frames.push(cb));
  const flushFrames = () => frames.splice(0).forEach((f) => f());
  return { store, chat, calls: names, flushFrames, renders: () => renders };
}

const delta = (text: string, messageId = 'a1', conversationId = 'c1'): StreamEventEnvelope => ({
  conversationId, messageId, event: { type: 'text', text },
});
const start = (message: Message): StreamEventEnvelope => ({
  conversationId: message.conversationId, messageId: message.id, event: { type: 'start', message },
});

describe('ChatController', () => {
  it('applies many stream deltas to state once per frame', async () => {
    const { store, chat, flushFrames, renders } = setup({
      'conversations.messages': async () => [msg('u1', { role: 'user' }), msg('a1', { status: 'done' })],
    });
    await chat.open('c1');
    store.setState({ streamingIds: new Set(['c1']) }); // as after its `start`
    const before = renders();
    for (const piece of ['Hel', 'lo', ', ', 'world']) chat.handleStream(delta(piece));
    expect(renders()).toBe(before);
    flushFrames();
    expect(renders()).toBe(before + 1);
    expect(store.getState().messages?.list[1]?.content).toBe('Hello, world');
  });

  it('ignores stream events of conversations that are not open', async () => {
    const { store, chat, flushFrames } = setup({ 'conversations.messages': async () => [msg('a1')] });
    await chat.open('c1');
    chat.handleStream(delta('x', 'a9', 'c2'));
    flushFrames();
    expect(store.getState().messages?.list.map((m) => m.content)).toEqual(['']);
  });

  it('a delta of a stream whose start this window missed marks its conversation streaming, once', () => {
    const { store, chat, renders } = setup({});
    const before = renders();
    chat.handleStream(delta('a', 'x1', 'c7'));
    chat.handleStream(delta('b', 'x1', 'c7'));
    expect(store.getState().streamingIds.has('c7')).toBe(true);
    expect(renders()).toBe(before + 1);
  });

  it('late attach: shows the snapshot, drops deltas it already contains, then applies live ones', async () => {
    const snapshot = deferred<StreamSnapshot | null>();
    const { store, chat, calls, flushFrames } = setup({
      'conversations.messages': async () => [msg('u1', { role: 'user' }), msg('a1', { status: 'streaming', content: 'Hel' })],
      'chat.attach': () => snapshot.promise,
    });
    const opened = chat.open('c1');
    while (!calls().includes('chat.attach')) await Promise.resolve();
    expect(store.getState().messages?.list[1]?.content).toBe('Hel');
    chat.handleStream(delta('lo')); // already in the snapshot
    flushFrames();
    expect(store.getState().messages?.list[1]?.content).toBe('Hel');
    snapshot.resolve({ conversationId: 'c1', messageId: 'a1', content: 'Hello', reasoning: '' });
    await opened;
    chat.handleStream(delta(' world'));
    flushFrames();
    expect(calls()).toEqual(['conversations.messagesPage', 'chat.attach']);
    expect(store.getState().messages?.list[1]?.content).toBe('Hello world');
    expect(store.getState().streamingIds.has('c1')).toBe(true);
  });

  it('late attach: reloads history when the stream ended before the snapshot was taken', async () => {
    let loads = 0;
    const { store, chat } = setup({
      'conversations.messages': async () => {
        loads++;
        return loads === 1
          ? [msg('a1', { status: 'streaming', content: 'Hel' })]
          : [msg('a1', { status: 'done', content: 'Hello' })];
      },
      'chat.attach': async () => null,
    });
    await chat.open('c1');
    expect(loads).toBe(2);
    expect(store.getState().messages?.list[0]).toMatchObject({ status: 'done', content: 'Hello' });
  });

  it('a `streaming` row with no live stream behind it is re-read once, then shown as it is', async () => {
    const { store, chat, calls } = setup({
      'conversations.messages': async () => [msg('u1', { role: 'user' }), msg('a1', { status: 'streaming', content: 'Half' })],
      'chat.attach': async () => null,
    });
    store.setState({ streamingIds: new Set(['c1']) });
    await chat.open('c1');
    await settle();
    expect(calls()).toEqual(['conversations.messagesPage', 'chat.attach', 'conversations.messagesPage', 'chat.attach']);
    expect(store.getState().messages?.list[1]).toMatchObject({ status: 'streaming', content: 'Half' });
    expect(store.getState().streamingIds.has('c1')).toBe(false);
    // Opening it again later does not start the loop over either.
    await chat.open('c1');
    expect(calls()).toHaveLength(6);
  });

  it('a slow answer for a conversation left behind does not replace the one now open', async () => {
    const slow = deferred<Message[]>();
    const { store, chat } = setup({
      'conversations.messages': (args) =>
        (args as { id: string }).id === 'c1' ? slow.promise : Promise.resolve([msg('b1', { conversationId: 'c2' })]),
    });
    const first = chat.open('c1');
    await chat.open('c2');
    slow.resolve([msg('a1')]);
    await first;
    expect(store.getState().activeId).toBe('c2');
    expect(store.getState().messages?.list.map((m) => m.id)).toEqual(['b1']);
  });

  it('send keeps the streamed text of an assistant row that events created first', async () => {
    const { store, chat, flushFrames, calls } = setup({
      'conversations.messages': async () => [],
      'chat.send': async () => ({
        userMessage: msg('u1', { role: 'user', content: 'hi' }),
        assistantMessage: msg('a1', { status: 'streaming', parentId: 'u1' }),
      }),
    });
    await chat.open('c1');
    const sent = chat.send('c1', 'hi');
    // Over WebSocket the `start` arrives before the response: it is this window's own turn.
    chat.handleStream(start(msg('a1', { status: 'streaming', parentId: 'u1' })));
    chat.handleStream(delta('Hi there'));
    flushFrames();
    await sent;
    const list = store.getState().messages?.list ?? [];
    expect(list.map((m) => m.id)).toEqual(['u1', 'a1']);
    expect(list[1]?.content).toBe('Hi there');
    expect(store.getState().streamingIds.has('c1')).toBe(true);
    expect(calls().filter((n) => n === 'conversations.messagesPage')).toHaveLength(1);
  });

  it('a turn started in another window reloads the conversation, so its question shows with the answer', async () => {
    let loads = 0;
    const { store, chat, flushFrames } = setup({
      'conversations.messages': async () =>
        ++loads === 1
          ? [msg('u1', { role: 'user' }), msg('a1')]
          : [msg('u1', { role: 'user' }), msg('a1'), msg('u2', { role: 'user', parentId: 'a1', content: 'more?' }),
             msg('a2', { status: 'streaming', parentId: 'u2', content: 'Su' })],
      'chat.attach': async () => ({ conversationId: 'c1', messageId: 'a2', content: 'Sure', reasoning: '' }),
    });
    await chat.open('c1');
    chat.handleStream(start(msg('a2', { status: 'streaming', parentId: 'u2' })));
    expect(store.getState().messages?.list).toHaveLength(2); // kept on screen while reloading
    await settle();
    chat.handleStream(delta(' thing', 'a2'));
    flushFrames();
    const list = store.getState().messages?.list ?? [];
    expect(list.map((m) => m.id)).toEqual(['u1', 'a1', 'u2', 'a2']);
    expect(list[3]?.content).toBe('Sure thing');
  });

  it('after a reconnect, keeps only the spinners of streams the core still runs', async () => {
    const { store, chat } = setup({
      'chat.attach': async (args) =>
        (args as { conversationId: string }).conversationId === 'live'
          ? { conversationId: 'live', messageId: 'm', content: '', reasoning: '' }
          : null,
    });
    store.setState({ streamingIds: new Set(['live', 'ended']) });
    await chat.resyncStreaming();
    expect([...store.getState().streamingIds]).toEqual(['live']);
  });

  describe('a long conversation', () => {
    const branch = Array.from({ length: 500 }, (_, i) => msg(`m${i}`, { parentId: i ? `m${i - 1}` : null }));
    /** Pages the way HistoryStore.visiblePage does: the newest `limit` above `before`. */
    const pages: Handler = async (args) => {
      const { before, limit } = args as { before?: string; limit: number };
      const end = before === undefined ? branch.length : branch.findIndex((m) => m.id === before);
      return { messages: branch.slice(Math.max(0, end - limit), end), hasOlder: end - limit > 0 };
    };

    it('opens with the newest page and reads older pages, each once, until the branch ends', async () => {
      const { store, chat, calls } = setup({ 'conversations.messagesPage': pages });
      await chat.open('c1');
      const first = store.getState().messages!;
      expect(first.list.at(-1)!.id).toBe('m499');
      expect(first.list.length).toBeLessThan(branch.length);
      expect(first.hasOlder).toBe(true);
      const twice = [chat.loadOlder('c1'), chat.loadOlder('c1')];
      expect(calls().filter((n) => n === 'conversations.messagesPage')).toHaveLength(2);
      await Promise.all(twice);
      while (await chat.loadOlder('c1'));
      const all = store.getState().messages!;
      expect(all.list).toEqual(branch);
      expect(all.hasOlder).toBe(false);
      await chat.loadOlder('c1'); // nothing left: no request
      expect(calls().filter((n) => n === 'conversations.messagesPage').length).toBe(calls().length);
      expect(calls().length).toBeGreaterThan(2);
    });

    it('opening a search hit above the newest page reads older pages instead of switching branch', async () => {
      const { store, chat, calls } = setup({ 'conversations.messagesPage': pages });
      await chat.openAt('c1', 'm3');
      expect(store.getState().messages!.list.some((m) => m.id === 'm3')).toBe(true);
      expect(calls()).not.toContain('conversations.switchBranch');
    });
  });
});


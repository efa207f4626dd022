import { describe, expect, it } from 'vitest';
import type { EventName, Events, RequestArgs, RequestName, RequestResult } from '../../../src/shared/contract';
import type { Message, StreamSnapshot } from '../../../src/shared/domain';
import type { StreamEventEnvelope } from '../../../src/shared/streamEvents';
import type { RendererClient } from '../../../src/renderer/src/client/types';
import { ChatController } from '../../../src/renderer/src/state/ChatController';
import { initialState, Store, type AppState } from '../../../src/renderer/src/state/store';

function msg(id: string, patch: Partial<Message> = {}): Message {
  return {
    id, conversationId: 'c1', parentId: null, role: 'assistant', content: '', reasoning: '', status: 'done',
    error: null, providerId: null, model: null, usage: null, createdAt: 1, updatedAt: 1, ...patch,
  };
}

type Handler = (args: unknown) => Promise<unknown>;

/** A client whose responses the test controls, one handler per request name. */
function fakeClient(handlers: Partial<Record<RequestName, Handler>>) {
  const calls: string[] = [];
  const client: RendererClient = {
    transport: 'ipc',
    request<K extends RequestName>(name: K, args: RequestArgs<K>): Promise<RequestResult<K>> {
      calls.push(name);
      const handler = handlers[name];
      if (!handler) return Promise.reject(new Error(`unexpected ${name}`));
      return handler(args) as Promise<RequestResult<K>>;
    },
    on<E extends EventName>(_name: E, _listener: (payload: Events[E]) => void) {
      return () => {};
    },
    connectionState: () => 'open',
    onConnectionChange: () => () => {},
    dispose: () => {},
  };
  return { client, calls };
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

function setup(handlers: Partial<Record<RequestName, Handler>>) {
  const frames: Array<() => void> = [];
  const store = new Store<AppState>(initialState);
  let renders = 0;
  store.subscribe(() => renders++);
  const { client, calls } = fakeClient(handlers);
  const chat = new ChatController(client, store, (cb) => frames.push(cb));
  const flushFrames = () => frames.splice(0).forEach((f) => f());
  return { store, chat, calls, flushFrames, renders: () => renders };
}

const delta = (text: string, messageId = 'a1', conversationId = 'c1'): StreamEventEnvelope => ({
  conversationId, messageId, event: { type: 'delta', text, reasoning: '' },
});

describe('ChatController', () => {
  it('applies many stream deltas to state once per frame', async () => {
    const { store, chat, flushFrames, renders } = setup({
      'conversations.messages': async () => [msg('u1', { role: 'user' }), msg('a1', { status: 'done' })],
    });
    await chat.open('c1');
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

  it('late attach: shows the snapshot, drops deltas it already contains, then applies live ones', async () => {
    const snapshot = deferred<StreamSnapshot | null>();
    const { store, chat, calls, flushFrames } = setup({
      'conversations.messages': async () => [msg('u1', { role: 'user' }), msg('a1', { status: 'streaming', content: 'Hel' })],
      'chat.attach': () => snapshot.promise,
    });
    const opened = chat.open('c1');
    while (!calls.includes('chat.attach')) await Promise.resolve();
    expect(store.getState().messages?.list[1]?.content).toBe('Hel');
    chat.handleStream(delta('lo')); // already in the snapshot
    flushFrames();
    expect(store.getState().messages?.list[1]?.content).toBe('Hel');
    snapshot.resolve({ conversationId: 'c1', messageId: 'a1', content: 'Hello', reasoning: '' });
    await opened;
    chat.handleStream(delta(' world'));
    flushFrames();
    expect(calls).toEqual(['conversations.messages', 'chat.attach']);
    expect(store.getState().messages?.list[1]?.content).toBe('Hello world');
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
    const { store, chat, flushFrames } = setup({
      'conversations.messages': async () => [],
      'chat.send': async () => ({
        userMessage: msg('u1', { role: 'user', content: 'hi' }),
        assistantMessage: msg('a1', { status: 'streaming' }),
      }),
    });
    await chat.open('c1');
    chat.handleStream({ conversationId: 'c1', messageId: 'a1', event: { type: 'start', message: msg('a1', { status: 'streaming' }) } });
    chat.handleStream(delta('Hi there'));
    flushFrames();
    await chat.send('c1', 'hi');
    const list = store.getState().messages?.list ?? [];
    expect(list.map((m) => m.id)).toEqual(['u1', 'a1']);
    expect(list[1]?.content).toBe('Hi there');
    expect(store.getState().streamingIds.has('c1')).toBe(true);
  });
});

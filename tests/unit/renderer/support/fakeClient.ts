import type { EventName, Events, RequestArgs, RequestName, RequestResult } from '../../../../src/shared/contract';
import type { Conversation, Message, ProviderView, Settings } from '../../../../src/shared/domain';
import { EventHub } from '../../../../src/renderer/src/client/eventHub';
import type { RendererClient } from '../../../../src/renderer/src/client/types';

export type Handler = (args: unknown) => Promise<unknown>;

/** A client whose responses the test controls, one handler per request name; events are emitted by hand. */
export function fakeClient(handlers: Partial<Record<RequestName, Handler>>, transport: RendererClient['transport'] = 'ipc') {
  const calls: Array<{ name: RequestName; args: unknown }> = [];
  const hub = new EventHub();
  const client: RendererClient = {
    transport,
    request<K extends RequestName>(name: K, args: RequestArgs<K>): Promise<RequestResult<K>> {
      calls.push({ name, args });
      const handler = handlers[name];
      if (!handler) return Promise.reject(new Error(`unexpected ${name}`));
      return handler(args) as Promise<RequestResult<K>>;
    },
    on<E extends EventName>(name: E, listener: (payload: Events[E]) => void) {
      return hub.on(name, listener);
    },
    connectionState: () => 'open',
    onConnectionChange: () => () => {},
    dispose: () => {},
  };
  const emit = <E extends EventName>(name: E, payload: Events[E]) => hub.emit(name, payload);
  return { client, calls, emit, names: () => calls.map((c) => c.name) };
}

/**
 * Tests give a conversation's whole branch as `conversations.messages`; windows open with
 * `conversations.messagesPage`. These branches are shorter than a page, so a page is the whole
 * branch with nothing older (paging itself is tested against the real HistoryStore).
 */
export function withPages(handlers: Partial<Record<RequestName, Handler>>): Partial<Record<RequestName, Handler>> {
  const branch = handlers['conversations.messages'];
  if (!branch || handlers['conversations.messagesPage']) return handlers;
  return { ...handlers, 'conversations.messagesPage': async (args) => ({ messages: await branch(args), hasOlder: false }) };
}

export function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

export function msg(id: string, patch: Partial<Message> = {}): Message {
  return {
    id, conversationId: 'c1', parentId: null, role: 'assistant', content: '', reasoning: '', status: 'done',
    error: null, providerId: null, model: null, usage: null, context: null, finishReason: null, reasoningMs: null, webSearch: null,
    createdAt: 1, updatedAt: 1, ...patch,
  };
}

export function conv(id: string, patch: Partial<Conversation> = {}): Conversation {
  return { id, title: id, origin: 'chat', params: {}, providerId: null, model: null, pinned: false, archived: false, webSearch: null, createdAt: 1, updatedAt: 1, ...patch };
}

export function provider(id: string, patch: Partial<ProviderView> = {}): ProviderView {
  return {
    id, name: id, kind: 'openai-compatible', presetId: 'custom', baseUrl: 'http://x/v1', appId: null, defaultModel: `${id}-model`,
    contextWindow: null, hasKey: true, hasSecret: false, custom: null, storedSecretHeaders: [], createdAt: 1, ...patch,
  };
}

export const SETTINGS: Settings = {
  language: 'en',
  theme: 'system',
  defaultProviderId: null,
  closeToTray: true,
  openAtLogin: false,
  proxyUrl: null,
  streamTimeoutSeconds: 120,
  webSearch: { enabledByDefault: false, backend: 'searxng', searxngUrl: '', readPrivatePages: false },
  quickAsk: { shortcut: 'CommandOrControl+Shift+Space', providerId: null, model: null, prefillFromClipboard: false },
  localFeed: { enabled: false, port: null },
  localApi: { enabled: false, port: null, saveToHistory: false },
};

/** Lets queued promise callbacks run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

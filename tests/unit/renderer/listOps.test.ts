import { describe, expect, it } from 'vitest';
import type { Conversation, Message } from '../../../src/shared/domain';
import {
  applySnapshot,
  mergeRetried,
  mergeSent,
  streamingMessage,
  upsertConversation,
} from '../../../src/renderer/src/state/listOps';

function msg(id: string, patch: Partial<Message> = {}): Message {
  return {
    id,
    conversationId: 'c1',
    parentId: null,
    role: 'assistant',
    content: '',
    reasoning: '',
    status: 'done',
    error: null,
    providerId: null,
    model: null,
    usage: null,
    context: null,
    finishReason: null,
    reasoningMs: null,
    webSearch: null,
    createdAt: 1,
    updatedAt: 1,
    ...patch,
  };
}

function conv(id: string, updatedAt: number, title = id): Conversation {
  return { id, title, origin: 'chat', params: {}, providerId: null, model: null, pinned: false, archived: false, webSearch: null, createdAt: 0, updatedAt };
}

describe('conversation list', () => {
  it('keeps newest first when a conversation changes', () => {
    const list = [conv('a', 3), conv('b', 2), conv('c', 1)];
    expect(upsertConversation(list, conv('c', 9)).map((c) => c.id)).toEqual(['c', 'a', 'b']);
    expect(upsertConversation(list, conv('d', 5)).map((c) => c.id)).toEqual(['d', 'a', 'b', 'c']);
  });

  it('replaces in place when only the title changed', () => {
    const list = [conv('a', 3), conv('b', 2)];
    const next = upsertConversation(list, conv('b', 2, 'Renamed'));
    expect(next.map((c) => c.title)).toEqual(['a', 'Renamed']);
  });
});

describe('message list', () => {
  it('appends the sent pair in order, keeping an assistant row stream events already filled', () => {
    const streamed = msg('a1', { content: 'Hel', status: 'streaming' });
    const list = [msg('u0', { role: 'user' }), msg('a0'), streamed];
    const next = mergeSent(list, msg('u1', { role: 'user' }), msg('a1', { status: 'streaming' }));
    expect(next.map((m) => m.id)).toEqual(['u0', 'a0', 'u1', 'a1']);
    expect(next[3]!.content).toBe('Hel');
  });

  it('puts a retried answer where the failed one was and drops what followed it', () => {
    const list = [msg('u1', { role: 'user' }), msg('a1', { status: 'error' }), msg('u2', { role: 'user' })];
    const next = mergeRetried(list, 'a1', msg('a1b', { status: 'streaming' }));
    expect(next.map((m) => m.id)).toEqual(['u1', 'a1b']);
  });

  it('applies a late-attach snapshot to the streaming message', () => {
    const list = [msg('u1', { role: 'user' }), msg('a1', { content: 'He', status: 'streaming' })];
    const next = applySnapshot(list, { conversationId: 'c1', messageId: 'a1', content: 'Hello wor', reasoning: 'r' });
    expect(next[1]!.content).toBe('Hello wor');
    expect(next[1]!.reasoning).toBe('r');
    expect(next[0]).toBe(list[0]);
  });

  it('finds the streaming assistant message', () => {
    expect(streamingMessage([msg('a', { status: 'streaming' }), msg('b')])?.id).toBe('a');
    expect(streamingMessage([msg('a'), msg('u', { role: 'user', status: 'streaming' })])).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import type { Message } from '../../../src/shared/domain';
import { applyStreamEvent } from '../../../src/shared/messageReducer';

const base: Message = {
  id: 'a1', conversationId: 'c', parentId: 'u1', role: 'assistant', content: '', reasoning: '', status: 'streaming',
  error: null, providerId: 'p', model: 'm', usage: null, context: null, finishReason: null, reasoningMs: null, webSearch: null, createdAt: 1, updatedAt: 1,
};

describe('applyStreamEvent', () => {
  it('builds the message from start, text and reasoning pieces, and end; end is authoritative', () => {
    let list: Message[] = [];
    list = applyStreamEvent(list, { conversationId: 'c', messageId: 'a1', event: { type: 'start', message: base } });
    list = applyStreamEvent(list, { conversationId: 'c', messageId: 'a1', event: { type: 'text', text: '你' } });
    list = applyStreamEvent(list, { conversationId: 'c', messageId: 'a1', event: { type: 'reasoning', text: 'r' } });
    list = applyStreamEvent(list, { conversationId: 'c', messageId: 'a1', event: { type: 'text', text: '好' } });
    expect(list[0]).toMatchObject({ content: '你好', reasoning: 'r', status: 'streaming' });
    list = applyStreamEvent(list, { conversationId: 'c', messageId: 'a1', event: { type: 'end', message: { ...base, content: '你好!', status: 'done' } } });
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ content: '你好!', status: 'done' });
  });

  it('ignores text for unknown messages and returns the same array for no-ops', () => {
    const list = [base];
    expect(applyStreamEvent(list, { conversationId: 'c', messageId: 'zz', event: { type: 'text', text: 'x' } })).toBe(list);
    expect(applyStreamEvent(list, { conversationId: 'c', messageId: 'a1', event: { type: 'reasoning', text: '' } })).toBe(list);
  });
});

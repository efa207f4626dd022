import { describe, expect, it } from 'vitest';
import { applyStreamEvent } from '../../../src/shared/messageReducer';
import { activeList, paneContent, paneStreaming } from '../../../src/renderer/src/state/paneSelectors';
import { initialState } from '../../../src/renderer/src/state/store';
import { msg, withList } from './support/messageState';


describe('what the conversation pane subscribes to', () => {
  it('does not change when a streamed delta replaces the message list (only the list re-renders)', () => {
    const before = withList([msg('q', { role: 'user', content: 'hi' }), msg('a', { status: 'streaming', content: 'Hel' })]);
    const list = applyStreamEvent(before.messages!.list, { conversationId: 'c1', messageId: 'a', event: { type: 'text', text: 'lo' } });
    const after = withList(list);
    expect(activeList(after)).not.toBe(activeList(before));
    expect(paneContent(after)).toBe(paneContent(before));
    expect(paneStreaming(after)).toBe(paneStreaming(before));
    expect([paneContent(after), paneStreaming(after)]).toEqual(['messages', true]);
  });

  it('follows what a delta cannot bring: loading, empty, an answer ending', () => {
    expect(paneContent({ ...initialState, activeId: 'c1' })).toBe('loading');
    expect(paneContent({ ...withList([]), messages: { conversationId: 'other', list: [msg('x', {})] } })).toBe('loading');
    expect(paneContent(withList([]))).toBe('empty');
    expect(paneStreaming(withList([msg('a', { status: 'done', content: 'Hello' })]))).toBe(false);
  });
});

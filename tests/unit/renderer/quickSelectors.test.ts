import { describe, expect, it } from 'vitest';
import { applyStreamEvent } from '../../../src/shared/messageReducer';
import { canCopyAnswer, lastAnswer } from '../../../src/renderer/src/quick/quickSelectors';
import type { AppState } from '../../../src/renderer/src/state/store';
import { msg, withList } from './support/messageState';

const delta = (s: AppState, text: string): AppState =>
  withList(applyStreamEvent(s.messages!.list, { conversationId: 'c1', messageId: 'a', event: { type: 'text', text } }));

describe('what the quick-ask actions subscribe to', () => {
  it('turns true with the first text and stays the same value for every delta after it', () => {
    const empty = withList([msg('q', { role: 'user', content: 'hi' }), msg('a', { status: 'streaming' })]);
    expect(canCopyAnswer(empty)).toBe(false);
    const first = delta(empty, 'Hel');
    const second = delta(first, 'lo');
    expect(lastAnswer(second)).not.toBe(lastAnswer(first));
    expect([canCopyAnswer(first), canCopyAnswer(second)]).toEqual([true, true]);
    expect(lastAnswer(second)?.content).toBe('Hello');
  });

  it('reads the last answer of the conversation shown, not a question after it nor another conversation', () => {
    const asked = withList([msg('a', { content: 'Old answer' }), msg('q', { role: 'user', content: 'Next?' })]);
    expect(lastAnswer(asked)?.id).toBe('a');
    expect(canCopyAnswer({ ...asked, activeId: 'c2' })).toBe(false);
    expect(canCopyAnswer(withList([msg('q', { role: 'user', content: 'hi' })]))).toBe(false);
  });
});

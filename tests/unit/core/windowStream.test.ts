import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EventBus } from '../../../src/main/core/base';
import { WindowStream } from '../../../src/main/core/streaming/windowListener';
import type { Message } from '../../../src/shared/domain';
import type { StreamEvent } from '../../../src/shared/streamEvents';

const state = { conversationId: 'c', messageId: 'm', content: '', reasoning: '', usage: null, webSearch: null };
const row = { id: 'm', conversationId: 'c', status: 'done' } as Message;

function windowStream() {
  const bus = new EventBus();
  const out: StreamEvent[] = [];
  bus.on((name, payload) => {
    if (name === 'stream') out.push((payload as { event: StreamEvent }).event);
  });
  const w = new WindowStream(bus, 'c', 'm', 16);
  const on = (e: Parameters<NonNullable<WindowStream['listener']['onEvent']>>[0]) => w.listener.onEvent?.(e, state);
  return { w, on, out };
}

describe('WindowStream: the one batching step for windows', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    // Restored even when an expectation above failed, so no later test inherits fake timers.
    vi.useRealTimers();
  });

  it('joins the text (and the reasoning) of one interval, keeping their order', () => {
    const { on, out } = windowStream();
    on({ type: 'reasoning', text: 'r1' });
    on({ type: 'reasoning', text: 'r2' });
    on({ type: 'text', text: 'a' });
    on({ type: 'text', text: 'b' });
    expect(out).toEqual([]);
    vi.advanceTimersByTime(16);
    expect(out).toEqual([
      { type: 'reasoning', text: 'r1r2' },
      { type: 'text', text: 'ab' },
    ]);
  });

  it('sends pending text before any other event, and `end` last', () => {
    const { w, on, out } = windowStream();
    w.start(row);
    on({ type: 'text', text: 'c' });
    on({ type: 'usage', usage: { promptTokens: 1, completionTokens: 1, totalTokens: 2 } });
    on({ type: 'text', text: 'd' });
    w.end(row);
    expect(out.map((e) => e.type)).toEqual(['start', 'text', 'usage', 'text', 'end']);
    vi.advanceTimersByTime(100);
    expect(out).toHaveLength(5);
  });

  it('flush sends what is pending at once and leaves nothing for the timer', () => {
    const { w, on, out } = windowStream();
    on({ type: 'text', text: 'x' });
    w.flush();
    expect(out).toEqual([{ type: 'text', text: 'x' }]);
    vi.advanceTimersByTime(100);
    expect(out).toHaveLength(1);
  });
});

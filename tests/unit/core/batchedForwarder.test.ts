import { describe, expect, it, vi } from 'vitest';
import { BatchedForwarder } from '../../../src/main/core/streaming/windowListener';
import type { StreamEvent } from '../../../src/shared/streamEvents';

describe('BatchedForwarder', () => {
  it('coalesces deltas within one interval and flushes before usage', () => {
    vi.useFakeTimers();
    const out: StreamEvent[] = [];
    const f = new BatchedForwarder((e) => out.push(e), 16);
    f.addText('a');
    f.addReasoning('r');
    f.addText('b');
    expect(out).toEqual([]);
    vi.advanceTimersByTime(16);
    expect(out).toEqual([{ type: 'delta', text: 'ab', reasoning: 'r' }]);
    f.addText('c');
    f.usage({ promptTokens: 1, completionTokens: 1, totalTokens: 2 });
    expect(out.slice(1)).toEqual([
      { type: 'delta', text: 'c', reasoning: '' },
      { type: 'usage', usage: { promptTokens: 1, completionTokens: 1, totalTokens: 2 } },
    ]);
    f.flush();
    vi.advanceTimersByTime(100);
    expect(out).toHaveLength(3);
    vi.useRealTimers();
  });
});

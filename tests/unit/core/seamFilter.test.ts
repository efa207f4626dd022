import { describe, expect, it } from 'vitest';
import { dropRepeatedSeam, longestOverlap } from '../../../src/main/core/chat/seamFilter';
import type { ProviderEvent } from '../../../src/main/core/providers/provider';

async function run(partial: string, pieces: string[]): Promise<string> {
  async function* source(): AsyncIterable<ProviderEvent> {
    for (const text of pieces) yield { type: 'text', text };
    yield { type: 'done', finishReason: 'stop' };
  }
  let out = '';
  for await (const e of dropRepeatedSeam(partial, source())) if (e.type === 'text') out += e.text;
  return out;
}

describe('dropRepeatedSeam', () => {
  it('drops a restart of the last words, across pieces', async () => {
    expect(await run('The brook keeps flow', ['keeps fl', 'owing, one token', ' at a time.'])).toBe('ing, one token at a time.');
  });

  it('works for Chinese', async () => {
    expect(await run('今天天气很好，我们去', ['我们去公园', '散步吧。'])).toBe('公园散步吧。');
  });

  it('passes a clean continuation through unchanged, including short answers', async () => {
    expect(await run('The brook keeps', [' flowing.'])).toBe(' flowing.');
    expect(await run('abc', ['x'])).toBe('x');
    const long = 'y'.repeat(200);
    expect(await run('abc', [long])).toBe(long);
  });

  it('ignores overlaps too short to be a repeat', () => {
    expect(longestOverlap('is a', 'a cat')).toBe(0);
    expect(longestOverlap('flowing on', ' on and on')).toBe(3);
  });
});

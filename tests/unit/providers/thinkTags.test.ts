import { describe, expect, it } from 'vitest';
import type { ProviderEvent } from '../../../src/main/core/providers/provider';
import { ThinkTagSplitter } from '../../../src/main/core/providers/thinkTags';

function split(chunks: string[]): { reasoning: string; text: string; events: ProviderEvent[] } {
  const s = new ThinkTagSplitter();
  const events = [...chunks.flatMap((c) => s.push(c)), ...s.flush()];
  const join = (t: 'text' | 'reasoning'): string => events.map((e) => (e.type === t ? e.text : '')).join('');
  return { reasoning: join('reasoning'), text: join('text'), events };
}

/** Every way to cut `text` into two and into three pieces. */
function allCuts(text: string): string[][] {
  const out: string[][] = [];
  for (let i = 0; i <= text.length; i++) {
    out.push([text.slice(0, i), text.slice(i)]);
    for (let j = i; j <= text.length; j++) out.push([text.slice(0, i), text.slice(i, j), text.slice(j)]);
  }
  return out;
}

describe('ThinkTagSplitter', () => {
  it('splits reasoning from the answer at every possible pair of cut points', () => {
    const content = '\n<think>\nStep one. Step <two>.\n</think>\n\nAnswer with a < sign and </thin words.';
    for (const chunks of allCuts(content)) {
      const out = split(chunks);
      expect({ chunks, reasoning: out.reasoning, text: out.text }).toEqual({
        chunks,
        reasoning: 'Step one. Step <two>.\n',
        text: 'Answer with a < sign and </thin words.',
      });
    }
  });

  it('leaves text without tags untouched, whatever the cuts', () => {
    const content = '  Plain answer, <b>bold</b> and a stray </think> later.';
    for (const chunks of allCuts(content)) expect(split(chunks)).toMatchObject({ reasoning: '', text: content });
  });

  it('treats a <think> after the start of the answer as text', () => {
    expect(split(['Use the ', '<think>', ' tag.'])).toMatchObject({ reasoning: '', text: 'Use the <think> tag.' });
  });

  it('keeps everything as reasoning when the answer ends inside the tags (cut by a length limit)', () => {
    expect(split(['<think>Still thinking when the tokens ran o', 'ut</th'])).toMatchObject({
      reasoning: 'Still thinking when the tokens ran out</th',
      text: '',
    });
  });

  it('holds back no more than a possible tag prefix', () => {
    const s = new ThinkTagSplitter();
    expect(s.push('<think>abc</t')).toEqual([{ type: 'reasoning', text: 'abc' }]);
    expect(s.push('x')).toEqual([{ type: 'reasoning', text: '</tx' }]);
    expect(s.push('</think>Hi')).toEqual([{ type: 'text', text: 'Hi' }]);
  });

  it('emits text at once when the answer does not start with a tag', () => {
    const s = new ThinkTagSplitter();
    expect(s.push('Hello')).toEqual([{ type: 'text', text: 'Hello' }]);
  });

  it('an empty think block yields only the answer', () => {
    expect(split(['<think>\n\n</think>\n\nJust the answer.'])).toMatchObject({ reasoning: '', text: 'Just the answer.' });
  });
});

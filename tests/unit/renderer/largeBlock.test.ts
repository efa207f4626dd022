import { describe, expect, it } from 'vitest';
import { fencedCode, isLargeBlock, LARGE_BLOCK, pieces } from '../../../src/renderer/src/markdown/largeText';

const blob = (n: number) => Array.from({ length: n }, (_, i) => 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'[(i * 37) % 64]).join('');

describe('large blocks', () => {
  it('are blocks over the size limit or with a long unbroken run; ordinary blocks are not', () => {
    expect(isLargeBlock(blob(2000))).toBe(true);
    expect(isLargeBlock(`Intro ${blob(1999)} outro`)).toBe(false);
    expect(isLargeBlock('word '.repeat(LARGE_BLOCK / 5 + 1))).toBe(true);
    expect(isLargeBlock('A paragraph with **bold** text.')).toBe(false);
  });

  it('cut into pieces that give back the text, cut at whitespace when there is some', () => {
    const text = blob(200_000);
    const cut = pieces(text);
    expect(cut.join('')).toBe(text);
    expect(Math.max(...cut.map((piece) => piece.length))).toBeLessThanOrEqual(2048);
    const prose = 'Some words in a sentence. '.repeat(1000);
    const proseCut = pieces(prose);
    expect(proseCut.join('')).toBe(prose);
    for (const piece of proseCut.slice(0, -1)) expect(piece.endsWith(' ')).toBe(true);
  });

  it('show a fenced block as its code without the fences, anything else as itself', () => {
    expect(fencedCode('```js\nlet a;\nlet b;\n```')).toBe('let a;\nlet b;');
    expect(fencedCode('~~~~\nstill open, streaming')).toBe('still open, streaming');
    expect(fencedCode('````md\n```\ninner\n```\n````\n')).toBe('```\ninner\n```');
    expect(fencedCode('A paragraph ``` with backticks')).toBeNull();
  });
});

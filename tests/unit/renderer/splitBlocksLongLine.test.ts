import { Lexer } from 'marked';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { allBlocks, blockText, IncrementalSplitter, splitBlocks } from '../../../src/renderer/src/markdown/splitBlocks';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const blob = (n: number) => Array.from({ length: n }, (_, i) => ALPHABET[(i * 37 + (i >> 6)) % 64]).join('');

/** Streams `text` in `chunk`-character updates; returns the splits and how many characters were lexed. */
function stream(text: string, chunk: number) {
  const lexed = vi.spyOn(Lexer.prototype, 'blockTokens');
  const splitter = new IncrementalSplitter();
  const splits = [];
  for (let i = chunk; i < text.length + chunk; i += chunk) splits.push(splitter.split(text.slice(0, i), { appended: true }));
  const chars = lexed.mock.calls.reduce((sum, [src]) => sum + src.length, 0);
  return { splits, chars };
}

afterEach(() => vi.restoreAllMocks());

describe('a long line streamed into a large block', () => {
  const line = blob(200_000);

  it('is not re-lexed per update: the lexed text stays near the line length, not its square', () => {
    const text = `Here is the blob:\n\n${line}`;
    const { chars, splits } = stream(text, 1000);
    // 200 updates re-lexing the growing line would lex about 20 million characters.
    expect(chars).toBeLessThan(line.length / 4);
    const texts = allBlocks(splits.at(-1)!).map(blockText);
    expect(texts.length).toBe(2);
    expect(texts[1] === line).toBe(true);
  });

  it('settles pieces that never change again; only the newest text changes per update', () => {
    const { splits } = stream(`Intro.\n\n${line}`, 700);
    let previous: readonly string[] = [];
    for (const split of splits) {
      const block = allBlocks(split).at(-1)!;
      if (!block.settled) continue;
      const pieces = block.settled.pieces;
      expect(pieces.slice(0, previous.length).every((piece, i) => piece === previous[i])).toBe(true);
      expect(block.raw.length).toBeLessThanOrEqual(2 * 2048);
      previous = pieces.slice();
    }
    expect(previous.length).toBeGreaterThan(80);
  });

  it('a newline ends the long line and the blocks after it are lexed as usual', () => {
    const text = `Intro.\n\n${line}\n\nThat was all of it.\n\n- a\n- b\n`;
    const { splits } = stream(text, 997);
    const streamed = allBlocks(splits.at(-1)!).map(blockText);
    const whole = allBlocks(splitBlocks(text)).map(blockText);
    expect(streamed.length).toBe(whole.length);
    expect(streamed.every((raw, i) => raw === whole[i])).toBe(true);
  });

  it('inside a fenced code block keeps the fence in the head and the code in the pieces', () => {
    const text = `\`\`\`text\nfirst line\n${line}`;
    const { splits } = stream(text, 1500);
    const block = allBlocks(splits.at(-1)!).at(-1)!;
    expect(block.settled?.head).toBe('```text\nfirst line\n');
    expect(blockText(block) === text).toBe(true);
  });

  it('a line of dashes that a later character could turn into a paragraph is lexed as usual', () => {
    const { splits } = stream(`Title\n${'-'.repeat(20_000)}`, 1000);
    expect(allBlocks(splits.at(-1)!).every((block) => block.settled === undefined)).toBe(true);
  });
});

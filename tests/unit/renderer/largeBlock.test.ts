import { describe, expect, it } from 'vitest';
import { fencedCode, isLargeBlock, LARGE_BLOCK, pieceRuns, pieces, sameTexts, shownPieces } from '../../../src/renderer/src/markdown/largeText';
import { allBlocks, IncrementalSplitter } from '../../../src/renderer/src/markdown/splitBlocks';

const blob = (n: number) => Array.from({ length: n }, (_, i) => 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'[(i * 37) % 64]).join('');

describe('large blocks', () => {
  it('are blocks over the size limit or with a long unbroken run; ordinary blocks are not', () => {
    expect(isLargeBlock(blob(2000))).toBe(true);
    expect(isLargeBlock(`Intro ${blob(1999)} outro`)).toBe(false);
    expect(isLargeBlock(`Intro ${blob(1999)}`)).toBe(false);
    expect(isLargeBlock(`Intro\n${blob(2000)}`)).toBe(true);
    expect(isLargeBlock(`${'word '.repeat(500)}${blob(1998)} ${blob(2001)}`)).toBe(true);
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

  it('growing as a long line, change only their last runs of pieces per update: React skips the other runs', () => {
    const splitter = new IncrementalSplitter();
    const text = `Intro.\n\n${blob(200_000)}`;
    let previous: (readonly string[])[] = [];
    let head: { text: string | null; pieces: string[] } = { text: null, pieces: [] };
    const changedPerUpdate: number[] = [];
    for (let end = 1000; end < text.length + 1000; end += 1000) {
      const block = allBlocks(splitter.split(text.slice(0, end), { appended: true })).at(-1)!;
      if (!block.settled) continue;
      // LargeBlock cuts the head once (useMemo on its text).
      if (head.text !== block.settled.head) head = { text: block.settled.head, pieces: block.settled.head ? pieces(block.settled.head) : [] };
      const runs = pieceRuns(shownPieces(block.raw, block.settled, head.pieces).texts);
      changedPerUpdate.push(runs.filter((run, i) => previous[i] === undefined || !sameTexts(run, previous[i]!)).length);
      previous = runs;
    }
    expect(changedPerUpdate.length).toBeGreaterThan(150);
    expect(previous.length).toBeGreaterThan(5);
    expect(Math.max(...changedPerUpdate.slice(1))).toBeLessThanOrEqual(2);
  });
});

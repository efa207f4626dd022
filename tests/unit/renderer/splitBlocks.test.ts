import { describe, expect, it } from 'vitest';
import { EMPTY_SPLIT, IncrementalSplitter, splitBlocks } from '../../../src/renderer/src/markdown/splitBlocks';

const SAMPLE = [
  '# Title',
  '',
  'A paragraph with **bold** and a [link](https://example.com).',
  'It continues on a second line.',
  '',
  '- one',
  '- two',
  '',
  '- three (same list, loose)',
  '',
  '1. first',
  '2. second',
  '',
  '```ts',
  'const a = 1;',
  '',
  '',
  'const b = 2;',
  '```',
  '',
  '> quoted',
  'lazy continuation',
  '',
  '| a | b |',
  '|---|---|',
  '| 1 | 2 |',
  '',
  'Setext heading',
  '---',
  '',
  '    indented code',
  '',
  '***',
  '',
  'Last paragraph with `code`.',
  '',
].join('\n');

function raws(source: string): string[] {
  return splitBlocks(source).blocks.map((b) => b.raw);
}

function streamIn(source: string, chunk: number): string[] {
  const splitter = new IncrementalSplitter();
  for (let i = chunk; i < source.length; i += chunk) splitter.split(source.slice(0, i));
  return splitter.split(source).blocks.map((b) => b.raw);
}

describe('splitBlocks', () => {
  it('splits top-level blocks and drops blank space between them', () => {
    const blocks = raws('# Hi\n\nSome text.\n\n- a\n- b\n');
    expect(blocks.map((r) => r.trim())).toEqual(['# Hi', 'Some text.', '- a\n- b']);
  });

  it('keeps a fenced code block that is still open as one last block', () => {
    const source = 'Intro.\n\n```python\ndef f():\n\n\n    return 1\n\n# not a heading\n\n- not a list';
    const blocks = raws(source);
    expect(blocks).toHaveLength(2);
    expect(blocks[1]).toBe(source.slice(source.indexOf('```')));
  });

  it('closes the code block once the fence arrives and starts a new block after it', () => {
    const blocks = raws('```js\nlet x;\n```\n\nAfter.');
    expect(blocks).toEqual(['```js\nlet x;\n```', 'After.']);
  });

  it('reuses finished blocks (same objects) when text is appended', () => {
    const first = splitBlocks('# A\n\nPara one.\n\nPara two is gro');
    const second = splitBlocks('# A\n\nPara one.\n\nPara two is growing.\n\nNew', first);
    expect(second.blocks[0]).toBe(first.blocks[0]);
    expect(second.blocks[1]).toBe(first.blocks[1]);
    expect(second.blocks.at(-1)!.raw).toBe('New');
  });

  it('returns the previous split untouched when nothing changed', () => {
    const first = splitBlocks('Hello\n\nWorld');
    expect(splitBlocks('Hello\n\nWorld', first)).toBe(first);
  });

  it('streamed in any chunk size, ends with the same blocks as one full split', () => {
    const full = raws(SAMPLE);
    for (const chunk of [1, 2, 3, 5, 7, 16, 64]) {
      expect(streamIn(SAMPLE, chunk), `chunk ${chunk}`).toEqual(full);
    }
  });

  it('never changes a block once a blank line and two more blocks follow it', () => {
    const splitter = new IncrementalSplitter();
    let previous = EMPTY_SPLIT;
    for (let i = 1; i <= SAMPLE.length; i++) {
      const next = splitter.split(SAMPLE.slice(0, i));
      for (let b = 0; b < previous.blocks.length - 2; b++) {
        const after = previous.blocks[b + 1]!;
        const gap = previous.source.slice(previous.blocks[b]!.start, after.start);
        if (/\n[ \t]*\n\s*$/.test(gap)) expect(next.blocks[b]).toBe(previous.blocks[b]);
      }
      previous = next;
    }
  });

  it('matches a full split for many generated documents and chunk sizes', () => {
    const fragments = [
      '# Heading\n', 'Para text\n', 'more text\n', '\n', '\n\n', '- item\n', '  - nested\n', '1. one\n', '2. two\n',
      '```py\nx = 1\n', '```\n', '> quote\n', '| a | b |\n', '|---|---|\n', '| 1 | 2 |\n', '---\n', '===\n',
      '    code\n', '<div>\n', '</div>\n', '[ref]: https://x.y\n', '* star\n', 'with `code` and **bold**\n', '~~~\n',
      '***\n', '- [ ] task\n', '<!-- c -->\n', '1) paren\n', '   lazy\n', '中文段落，没有空格。\n',
    ];
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    for (let n = 0; n < 1500; n++) {
      let doc = '';
      const parts = 3 + Math.floor(random() * 14);
      for (let i = 0; i < parts; i++) doc += fragments[Math.floor(random() * fragments.length)];
      const chunk = 1 + Math.floor(random() * 9);
      expect(streamIn(doc, chunk), JSON.stringify(doc)).toEqual(raws(doc));
    }
  });

  it('covers the whole source: every non-blank character is in some block', () => {
    const { blocks } = splitBlocks(SAMPLE);
    let covered = '';
    for (const b of blocks) {
      expect(SAMPLE.slice(b.start, b.start + b.raw.length)).toBe(b.raw);
      covered += b.raw;
    }
    expect(covered.replace(/\s/g, '')).toBe(SAMPLE.replace(/\s/g, ''));
  });

  it('starts over when the text is replaced rather than appended', () => {
    const first = splitBlocks('Old text\n\nmore');
    const second = splitBlocks('New text', first);
    expect(second.blocks.map((b) => b.raw)).toEqual(['New text']);
  });

  it('normalizes Windows newlines', () => {
    expect(raws('a\r\n\r\nb')).toEqual(['a', 'b']);
  });
});

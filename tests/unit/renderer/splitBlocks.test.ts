import { describe, expect, it } from 'vitest';
import { allBlocks, GROUP_SIZE, IncrementalSplitter, splitBlocks, type MarkdownBlock } from '../../../src/renderer/src/markdown/splitBlocks';

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
  return allBlocks(splitBlocks(source)).map((b) => b.raw);
}

function streamIn(source: string, chunk: number): string[] {
  const splitter = new IncrementalSplitter();
  for (let i = chunk; i < source.length; i += chunk) splitter.split(source.slice(0, i), { appended: true });
  return allBlocks(splitter.split(source, { appended: true })).map((b) => b.raw);
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

  it('keeps unchanged blocks (same objects) when text is appended, from the moment they are finished', () => {
    const splitter = new IncrementalSplitter();
    const first = allBlocks(splitter.split('# A\n\nPara one.\n\nPara two is gro'));
    const second = allBlocks(splitter.split('# A\n\nPara one.\n\nPara two is growing.\n\nNew'));
    expect(second[0]).toBe(first[0]);
    expect(second[1]!.raw).toBe(first[1]!.raw);
    expect(second.at(-1)!.raw).toBe('New');
    const third = allBlocks(splitter.split('# A\n\nPara one.\n\nPara two is growing.\n\nNew text'));
    expect(third[1]).toBe(second[1]);
    const fourth = allBlocks(splitter.split('# A\n\nPara one.\n\nPara two is growing.\n\nNew text\n\nMore'));
    expect(fourth.slice(0, 2)).toEqual(third.slice(0, 2));
    expect(fourth[0]).toBe(third[0]);
    expect(fourth[1]).toBe(third[1]);
  });

  it('returns the previous split untouched when nothing changed', () => {
    const splitter = new IncrementalSplitter();
    const first = splitter.split('Hello\n\nWorld');
    expect(splitter.split('Hello\n\nWorld')).toBe(first);
  });

  it('streamed in any chunk size, ends with the same blocks as one full split', () => {
    const full = raws(SAMPLE);
    for (const chunk of [1, 2, 3, 5, 7, 16, 64]) {
      expect(streamIn(SAMPLE, chunk), `chunk ${chunk}`).toEqual(full);
    }
  });

  it('never changes a block once a blank line and two more blocks follow it', () => {
    const splitter = new IncrementalSplitter();
    let previous: MarkdownBlock[] = [];
    for (let i = 1; i <= SAMPLE.length; i++) {
      const next = allBlocks(splitter.split(SAMPLE.slice(0, i), { appended: true }));
      for (let b = 0; b < previous.length - 2; b++) {
        const after = previous[b + 1]!;
        const gap = SAMPLE.slice(previous[b]!.start, after.start);
        if (/\n[ \t]*\n\s*$/.test(gap)) expect(next[b]).toBe(previous[b]);
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
    const blocks = allBlocks(splitBlocks(SAMPLE));
    let covered = '';
    for (const b of blocks) {
      expect(SAMPLE.slice(b.start, b.start + b.raw.length)).toBe(b.raw);
      covered += b.raw;
    }
    expect(covered.replace(/\s/g, '')).toBe(SAMPLE.replace(/\s/g, ''));
  });

  it('starts over when the text is replaced rather than appended', () => {
    const splitter = new IncrementalSplitter();
    splitter.split('Old text\n\nmore\n\nand more');
    expect(allBlocks(splitter.split('New text')).map((b) => b.raw)).toEqual(['New text']);
    splitter.split('New text\n\nmore');
    // Same length and seam, different start: a streaming caller's seam check would miss it, a full check does not.
    expect(allBlocks(splitter.split('Odd text\n\nmore')).map((b) => b.raw)).toEqual(['Odd text', 'more']);
  });

  it('normalizes Windows newlines, also when "\\r" and "\\n" arrive in different pieces', () => {
    expect(raws('a\r\n\r\nb')).toEqual(['a', 'b']);
    const windows = SAMPLE.replace(/\n/g, '\r\n');
    for (const chunk of [1, 2, 3, 7]) expect(streamIn(windows, chunk), `chunk ${chunk}`).toEqual(raws(SAMPLE));
    expect(streamIn('a\r\rb\r\n\rc', 1)).toEqual(raws('a\n\nb\n\nc'));
  });

  it('keeps finished blocks in frozen groups that keep their identity as the answer grows', () => {
    const paragraphs = Array.from({ length: GROUP_SIZE * 3 }, (_, i) => `Paragraph ${i}.\n\n`).join('');
    const splitter = new IncrementalSplitter();
    let previous = splitter.split('');
    for (let i = 100; i <= paragraphs.length; i += 100) {
      const next = splitter.split(paragraphs.slice(0, i), { appended: true });
      for (let g = 0; g < previous.groups.length - 2; g++) expect(next.groups[g]).toBe(previous.groups[g]);
      for (const group of next.groups) expect(group.length).toBeLessThanOrEqual(GROUP_SIZE);
      previous = next;
    }
    expect(allBlocks(splitter.split(paragraphs, { appended: true })).map((b) => b.raw)).toEqual(raws(paragraphs));
  });
});

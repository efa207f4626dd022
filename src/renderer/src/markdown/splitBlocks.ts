/**
 * Splits markdown into top-level blocks so a streaming answer re-renders only its last,
 * growing block. Pure: the previous split is passed in and reused when the new source only
 * appends to it, so finished blocks keep their identity (and memoized components skip work).
 */
import { Lexer } from 'marked';

export interface MarkdownBlock {
  /** Offset of the block in the (newline-normalized) source. */
  readonly start: number;
  readonly raw: string;
}

export interface BlockSplit {
  readonly source: string;
  readonly blocks: readonly MarkdownBlock[];
}

export const EMPTY_SPLIT: BlockSplit = { source: '', blocks: [] };

/**
 * Appending text can change how the end of the document lexes, even blocks back: "2. two"
 * after a paragraph line is paragraph text, until a "-" on the next line briefly makes a
 * setext heading of it. A block is final only when a blank line separates it from the next
 * block and a further block follows that one (so an ordered list "1. a" followed by a
 * paragraph "2" that turns into "2." is still relexed as one list).
 */
function reusableCount(previous: BlockSplit): number {
  const { blocks, source } = previous;
  for (let i = blocks.length - 2; i >= 1; i--) {
    const before = blocks[i - 1]!;
    const start = blocks[i]!.start;
    const gap = source.slice(Math.max(before.start, start - 64), start);
    if (/\n[ \t]*\n[ \t\n]*$/.test(gap)) return i;
  }
  return 0;
}

function normalizeNewlines(source: string): string {
  return source.includes('\r') ? source.replace(/\r\n?/g, '\n') : source;
}

/** Block-level tokens only: inline tokenizing is react-markdown's job, not ours. */
function lexBlocks(source: string, from: number): MarkdownBlock[] {
  const tokens = new Lexer().blockTokens(source.slice(from));
  const blocks: MarkdownBlock[] = [];
  let pos = from;
  for (const token of tokens) {
    let start = pos;
    if (!source.startsWith(token.raw, pos)) {
      const found = source.indexOf(token.raw, pos);
      if (found < 0) break; // raw does not map back onto the source: the rest becomes one block
      start = found;
    }
    pos = start + token.raw.length;
    if (token.type !== 'space') blocks.push({ start, raw: token.raw });
  }
  if (pos < source.length && source.slice(pos).trim() !== '') {
    blocks.push({ start: pos, raw: source.slice(pos) });
  }
  return blocks;
}

export function splitBlocks(source: string, previous: BlockSplit = EMPTY_SPLIT): BlockSplit {
  const text = normalizeNewlines(source);
  if (text === previous.source) return previous;
  const keep = previous.blocks.length > 0 && text.startsWith(previous.source) ? reusableCount(previous) : 0;
  const from = keep > 0 ? previous.blocks[keep]!.start : 0;
  const blocks: MarkdownBlock[] = previous.blocks.slice(0, keep);
  for (const block of lexBlocks(text, from)) {
    const old = previous.blocks[blocks.length];
    blocks.push(old && old.start === block.start && old.raw === block.raw ? old : block);
  }
  return { source: text, blocks };
}

/** Keeps the last split so each call only lexes what changed. One per rendered message. */
export class IncrementalSplitter {
  private last: BlockSplit = EMPTY_SPLIT;

  split(source: string): BlockSplit {
    this.last = splitBlocks(source, this.last);
    return this.last;
  }
}

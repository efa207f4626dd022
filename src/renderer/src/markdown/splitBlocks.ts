/**
 * Splits markdown into top-level blocks so a streaming answer re-renders only its last,
 * growing block. The work per update depends on the update, not on the answer:
 * - only the appended text is newline-normalized (a "\r" at the end of one piece and the "\n"
 *   at the start of the next still make one newline);
 * - only the open tail (from the first block that may still change) is kept and re-lexed;
 * - finished blocks are appended to frozen groups of GROUP_SIZE that keep their identity, so
 *   React compares a handful of groups per update, not every block;
 * - finished blocks are marked `final` (the view mounts each afresh once, see Markdown.tsx);
 * - every finished block's raw is a copy: a slice would keep alive the whole text it was cut
 *   from, and with it every version of a growing answer (memory growing with its square);
 *   open blocks are slices of the open tail only, which is itself a copy;
 * - a long line still growing at the end of a large block is not re-lexed at all: its settled
 *   part is cut into fixed pieces that never change again (see LongLine), until a newline
 *   arrives and the tail is lexed once more.
 */
import { Lexer } from 'marked';
import { isLargeBlock, PIECE, pieceEnd } from './largeText';

export interface MarkdownBlock {
  /** Offset of the block in the (newline-normalized) source. */
  readonly start: number;
  /** The block's markdown; for a block with `settled` text, only what follows it. */
  readonly raw: string;
  /** A long line still growing: the block's text before `raw`, final, shown as text (see LargeBlock). */
  readonly settled?: SettledText;
  /** Finished: the block can no longer change (see finalCount). */
  readonly final?: true;
}

export interface SettledText {
  /** The block's text before the long line (its fence line, earlier lines). */
  readonly head: string;
  /** The long line's settled part, in pieces of about PIECE characters that keep their identity. */
  readonly pieces: readonly string[];
}

/** The whole markdown of a block. */
export function blockText(block: MarkdownBlock): string {
  return block.settled ? block.settled.head + block.settled.pieces.join('') + block.raw : block.raw;
}

/**
 * A last line this long in a large open block stops being re-lexed: appending to a line that
 * is already this long and not a fence cannot change how the blocks before it lex, and the
 * block is shown as text anyway. Below it, re-lexing costs less than a millisecond.
 */
const LONG_LINE = 4 * PIECE;

/** A fence opener, a thematic break or setext underline, a table delimiter row: lines whose kind the next character can change. */
const FRAGILE_LINE = /^(?: {0,3}(?:`{3,}|~{3,})|[\s\-=*_|:#>+]*$)/;

/** The open tail's last block while its last line grows (see LONG_LINE). */
interface LongLine {
  /** Open blocks before it, as last lexed. */
  readonly before: MarkdownBlock[];
  readonly start: number;
  readonly head: string;
  /** Settled pieces; the array grows, the pieces never change. */
  readonly pieces: string[];
  settledLength: number;
  /** The newest, unsettled text of the line (under two pieces). */
  rest: string;
  /** Normalized tail text before the block. */
  readonly prefix: string;
}

/** Finished blocks per frozen group: big enough that an answer has few groups, small enough to render at once. */
export const GROUP_SIZE = 64;

export interface BlockSplit {
  /** All blocks in groups of GROUP_SIZE. Groups made only of finished blocks keep their identity. */
  readonly groups: readonly (readonly MarkdownBlock[])[];
  /** Length of the normalized text the split covers. */
  readonly length: number;
}

export const EMPTY_SPLIT: BlockSplit = { groups: [], length: 0 };

export function allBlocks(split: BlockSplit): MarkdownBlock[] {
  return split.groups.flat();
}

/** A fresh copy of `text` that shares no storage with the string it was cut from. */
export function detached(text: string): string {
  return text.length === 0 ? "" : (JSON.parse(JSON.stringify(text)) as string);
}

/**
 * Appending text can change how the end of the document lexes, even blocks back: "2. two"
 * after a paragraph line is paragraph text, until a "-" on the next line briefly makes a
 * setext heading of it. A block is final only when a blank line separates it from the next
 * block and a further block follows that one (so an ordered list "1. a" followed by a
 * paragraph "2" that turns into "2." is still relexed as one list). Returns how many of the
 * leading blocks are final.
 */
function finalCount(blocks: readonly MarkdownBlock[], text: string, textStart: number): number {
  for (let i = blocks.length - 2; i >= 1; i--) {
    const before = blocks[i - 1]!;
    const start = blocks[i]!.start;
    const gap = text.slice(Math.max(before.start, start - 64) - textStart, start - textStart);
    if (/\n[ \t]*\n[ \t\n]*$/.test(gap)) return i;
  }
  return 0;
}

/**
 * Block-level tokens only: inline tokenizing is react-markdown's job, not ours. Raws are
 * slices of the tail; a block is copied when it is finished (see relexTail).
 */
function lexBlocks(text: string, textStart: number): MarkdownBlock[] {
  const tokens = new Lexer().blockTokens(text);
  const blocks: MarkdownBlock[] = [];
  let pos = 0;
  for (const token of tokens) {
    let start = pos;
    if (!text.startsWith(token.raw, pos)) {
      const found = text.indexOf(token.raw, pos);
      if (found < 0) break; // raw does not map back onto the source: the rest becomes one block
      start = found;
    }
    pos = start + token.raw.length;
    if (token.type !== 'space') blocks.push({ start: textStart + start, raw: token.raw });
  }
  if (pos < text.length && text.slice(pos).trim() !== '') {
    blocks.push({ start: textStart + pos, raw: text.slice(pos) });
  }
  return blocks;
}

/**
 * Keeps the state of one rendered message's text so each call only normalizes, lexes and
 * copies what changed. `split(content, { appended: true })` trusts the caller that content
 * only grew (a streaming answer) and checks just the seam; otherwise a full prefix check
 * decides between continuing and starting over.
 */
export class IncrementalSplitter {
  private content = '';
  private seam = '';
  private endsInCarriageReturn = false;
  /** Finished blocks, final and copied; append-only. */
  private readonly finished: MarkdownBlock[] = [];
  private readonly frozen: (readonly MarkdownBlock[])[] = [];
  /** Normalized text from `tailStart` on: the part that is re-lexed. */
  private tail = '';
  private tailStart = 0;
  private long: LongLine | null = null;
  private last: BlockSplit = EMPTY_SPLIT;

  split(content: string, options: { appended?: boolean } = {}): BlockSplit {
    if (content === this.content) return this.last;
    if (!this.continues(content, options.appended === true)) this.reset();
    const delta = content.slice(this.content.length);
    this.content = content;
    this.seam = detached(content.slice(-32));
    const normalized = this.normalizedDelta(delta);
    if (this.long && !normalized.includes('\n')) {
      this.growLongLine(this.long, normalized);
      return this.last;
    }
    if (this.long) this.endLongLine(this.long);
    this.tail += normalized;
    this.relexTail();
    if (options.appended === true) this.startLongLine();
    return this.last;
  }

  private continues(content: string, appended: boolean): boolean {
    const before = this.content.length;
    if (before === 0 || content.length < before) return false;
    if (appended) return content.slice(before - this.seam.length, before) === this.seam;
    return content.startsWith(this.content);
  }

  private reset(): void {
    this.content = '';
    this.seam = '';
    this.endsInCarriageReturn = false;
    this.finished.length = 0;
    this.frozen.length = 0;
    this.tail = '';
    this.tailStart = 0;
    this.long = null;
    this.last = EMPTY_SPLIT;
  }

  /** Enters long-line mode when the open tail ends in a large block whose last line is long. */
  private startLongLine(): void {
    const blocks = allBlocks(this.last);
    const block = blocks.at(-1);
    const end = this.tailStart + this.tail.length;
    if (!block || block.start + block.raw.length !== end || !isLargeBlock(block.raw)) return;
    const lineStart = block.raw.lastIndexOf('\n') + 1;
    if (block.raw.length - lineStart < LONG_LINE || FRAGILE_LINE.test(block.raw.slice(lineStart, lineStart + 64))) return;
    const openCount = blocks.length - this.finished.length;
    this.long = {
      before: blocks.slice(blocks.length - openCount, -1),
      start: block.start,
      head: detached(block.raw.slice(0, lineStart)),
      pieces: [],
      settledLength: 0,
      rest: block.raw.slice(lineStart),
      prefix: detached(this.tail.slice(0, block.start - this.tailStart)),
    };
    this.tail = '';
    this.growLongLine(this.long, '');
  }

  /** Appends to the long line: settles whole pieces (copied once) and publishes, without lexing. */
  private growLongLine(long: LongLine, text: string): void {
    let rest = long.rest + text;
    while (rest.length > 2 * PIECE) {
      const cut = pieceEnd(rest);
      long.pieces.push(detached(rest.slice(0, cut)));
      long.settledLength += cut;
      rest = rest.slice(cut);
    }
    long.rest = detached(rest);
    const block: MarkdownBlock = { start: long.start, raw: long.rest, settled: { head: long.head, pieces: long.pieces } };
    this.publish(long.before.concat(block), this.tailStart + long.prefix.length + long.head.length + long.settledLength + long.rest.length);
  }

  /** A newline ends the line: the tail is whole text again and is lexed as usual. */
  private endLongLine(long: LongLine): void {
    this.tail = long.prefix + long.head + long.pieces.join('') + long.rest;
    this.long = null;
  }

  private normalizedDelta(delta: string): string {
    const rest = this.endsInCarriageReturn && delta.startsWith('\n') ? delta.slice(1) : delta;
    if (delta !== '') this.endsInCarriageReturn = delta.endsWith('\r');
    return rest.includes('\r') ? rest.replace(/\r\n?/g, '\n') : rest;
  }

  private relexTail(): void {
    const open = this.reuse(lexBlocks(this.tail, this.tailStart));
    const final = finalCount(open, this.tail, this.tailStart);
    if (final > 0) {
      // Copied once, when finished: a slice would keep the whole tail it was cut from alive. Open
      // blocks stay slices (copying a huge growing block on every update filled the heap with
      // large strings and the page with garbage-collection pauses).
      for (const block of open.slice(0, final)) this.finished.push({ start: block.start, raw: detached(block.raw), final: true });
      const cut = open[final]!.start;
      this.tail = detached(this.tail.slice(cut - this.tailStart));
      this.tailStart = cut;
    }
    this.publish(open.slice(final), this.tailStart + this.tail.length);
  }

  /** Freezes full groups of finished blocks and makes the split: finished blocks, then the open ones. */
  private publish(open: readonly MarkdownBlock[], length: number): void {
    while (this.finished.length >= (this.frozen.length + 1) * GROUP_SIZE) {
      const from = this.frozen.length * GROUP_SIZE;
      this.frozen.push(this.finished.slice(from, from + GROUP_SIZE));
    }
    const live = this.finished.slice(this.frozen.length * GROUP_SIZE).concat(open);
    const groups = this.frozen.slice();
    for (let i = 0; i < live.length; i += GROUP_SIZE) groups.push(live.slice(i, i + GROUP_SIZE));
    this.last = { groups, length };
  }

  /** Open blocks that did not change keep their objects (and memoized components skip them). */
  private reuse(open: MarkdownBlock[]): MarkdownBlock[] {
    const byStart = new Map(this.last.groups.slice(-2).flat().map((block) => [block.start, block]));
    return open.map((block) => {
      const old = byStart.get(block.start);
      return old && old.raw === block.raw ? old : block;
    });
  }
}

/** The blocks of a whole text in one pass. */
export function splitBlocks(source: string): BlockSplit {
  return new IncrementalSplitter().split(source);
}

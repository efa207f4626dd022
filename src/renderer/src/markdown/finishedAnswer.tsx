import { Children, Fragment, isValidElement, type ReactNode } from 'react';
import { BoundedCache } from './boundedCache';
import { LargeBlock } from './LargeBlock';
import { isLargeBlock } from './largeText';
import { renderMarkdown } from './markdownOptions';
import { allBlocks, splitBlocks } from './splitBlocks';

/**
 * Blocks per part of a finished answer: one part is parsed and drawn per task, so this bounds
 * the longest task (16 blocks of a long answer: about 40 ms on the build machine under load).
 */
export const PART_BLOCKS = 16;

/** A piece of a finished answer parsed on its own: a run of ordinary blocks, or one very large block shown as text. */
type Part = { readonly kind: 'markdown'; readonly text: string } | { readonly kind: 'large'; readonly raw: string };

/**
 * A finished answer cut into parts of at most PART_BLOCKS blocks, each rendered (one markdown
 * pass over its exact source) the first time it is asked for and kept. A long answer can then
 * be shown part by part, one task each, instead of in one task of seconds; `groups` are the
 * parts rendered so far, in order.
 */
export class FinishedAnswer {
  private readonly rendered: (readonly ReactNode[] | undefined)[];

  constructor(
    readonly content: string,
    private readonly parts: readonly Part[],
  ) {
    this.rendered = parts.map(() => undefined);
  }

  get partCount(): number {
    return this.parts.length;
  }

  isRendered(index: number): boolean {
    return this.rendered[index] !== undefined;
  }

  /** Part `index` as React elements, rendered now if it was not yet. */
  part(index: number): readonly ReactNode[] {
    let nodes = this.rendered[index];
    if (!nodes) {
      const part = this.parts[index]!;
      const blocks = part.kind === 'large' ? [<LargeBlock raw={part.raw} />] : passBlocks(part.text);
      nodes = blocks.map((node, i) => <Fragment key={i}>{node}</Fragment>);
      this.rendered[index] = nodes;
    }
    return nodes;
  }

  /** Every part, rendered now where needed. */
  get groups(): readonly (readonly ReactNode[])[] {
    return this.parts.map((_, index) => this.part(index));
  }
}

/**
 * Rendered answers kept across remounts: the virtualized message list drops rows that scroll
 * out of view, and scrolling back to a long answer would otherwise parse and highlight it again.
 * Bounded in bytes of source text (UTF-16), a proxy for the element tree it made.
 */
const CACHE_LIMITS = { maxEntries: 256, maxWeight: 32 * 1024 * 1024 };

/** Two bytes per UTF-16 code unit: what the source text weighs, in bytes. */
export const answerWeight = (content: string): number => content.length * 2;

export function createAnswerCache(limits = CACHE_LIMITS): BoundedCache<string, FinishedAnswer> {
  return new BoundedCache<string, FinishedAnswer>(limits);
}

/** The app's cache (exported for tests that check a mounted answer is kept). */
export const answerCache = createAnswerCache();

/** The blocks of one markdown pass over `text` (the top-level elements, whitespace between them dropped). */
function passBlocks(text: string): ReactNode[] {
  const root = renderMarkdown(text, true);
  if (!isValidElement<{ children?: ReactNode }>(root)) return [];
  return Children.toArray(root.props.children).filter((node) => typeof node !== 'string' || node.trim() !== '');
}

/**
 * A link or footnote definition: what it defines may be used in another part, so an answer
 * with one is parsed in a single pass (apart from its very large blocks).
 */
const DEFINITION = /^ {0,3}\[[^\]\n]+\]:/m;

/**
 * Cuts a finished answer into parts: runs of at most PART_BLOCKS ordinary blocks, and each very
 * large block (a blob, a dump) alone, shown as text (LargeBlock). A block renders the same on
 * its own as inside the whole answer (streaming answers are drawn block by block), so parsing
 * the runs apart shows what one pass over the whole would.
 */
export function finishedAnswerParts(content: string): Part[] {
  const source = content.includes('\r') ? content.replace(/\r\n?/g, '\n') : content;
  const runLimit = DEFINITION.test(source) ? Number.POSITIVE_INFINITY : PART_BLOCKS;
  const parts: Part[] = [];
  let runStart = -1;
  let runEnd = -1;
  let runBlocks = 0;
  const endRun = () => {
    if (runStart >= 0) parts.push({ kind: 'markdown', text: source.slice(runStart, runEnd) });
    runStart = -1;
    runBlocks = 0;
  };
  for (const block of allBlocks(splitBlocks(content))) {
    if (isLargeBlock(block.raw)) {
      endRun();
      parts.push({ kind: 'large', raw: block.raw });
      continue;
    }
    if (runBlocks === runLimit) endRun();
    if (runStart < 0) runStart = block.start;
    runEnd = block.start + block.raw.length;
    runBlocks++;
  }
  endRun();
  return parts;
}

/** A whole finished answer rendered now (every part). */
export function renderFinishedAnswer(content: string): FinishedAnswer {
  const answer = new FinishedAnswer(content, finishedAnswerParts(content));
  void answer.groups;
  return answer;
}

/**
 * The answer for message `key` with this content: from the cache when it was seen before with
 * the same content (a remount keeps the parts already rendered), else cut into parts now (none
 * rendered yet) and kept. A changed content (an edit, a continued answer) misses and replaces
 * the entry.
 */
export function finishedAnswer(key: string, content: string, cache = answerCache): FinishedAnswer {
  const cached = cache.get(key);
  if (cached && cached.content === content) return cached;
  const answer = new FinishedAnswer(content, finishedAnswerParts(content));
  cache.set(key, answer, answerWeight(content));
  return answer;
}

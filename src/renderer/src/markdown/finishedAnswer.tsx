import { Children, Fragment, isValidElement, type ReactNode } from 'react';
import renderMarkdown from 'react-markdown';
import { BoundedCache } from './boundedCache';
import { LargeBlock } from './LargeBlock';
import { isLargeBlock } from './largeText';
import { markdownOptions } from './markdownOptions';
import { allBlocks, GROUP_SIZE, splitBlocks } from './splitBlocks';

/** A finished answer rendered once: its top-level blocks as React elements, in groups of GROUP_SIZE. */
export interface FinishedAnswer {
  readonly content: string;
  readonly groups: readonly (readonly ReactNode[])[];
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
  const root = renderMarkdown(markdownOptions(text, true));
  if (!isValidElement<{ children?: ReactNode }>(root)) return [];
  return Children.toArray(root.props.children).filter((node) => typeof node !== 'string' || node.trim() !== '');
}

/**
 * Renders a whole finished answer with one markdown pass, instead of a processor per block.
 * Very large blocks (blobs, dumps) are still shown as text (LargeBlock): they are cut out of the
 * pass, and each run of ordinary blocks between them is parsed once, from its exact source.
 */
export function renderFinishedAnswer(content: string): FinishedAnswer {
  const source = content.includes('\r') ? content.replace(/\r\n?/g, '\n') : content;
  const blocks: ReactNode[] = [];
  let runStart = -1;
  let runEnd = -1;
  const endRun = () => {
    if (runStart >= 0) blocks.push(...passBlocks(source.slice(runStart, runEnd)));
    runStart = -1;
  };
  for (const block of allBlocks(splitBlocks(content))) {
    if (isLargeBlock(block.raw)) {
      endRun();
      blocks.push(<LargeBlock raw={block.raw} />);
      continue;
    }
    if (runStart < 0) runStart = block.start;
    runEnd = block.start + block.raw.length;
  }
  endRun();
  // Keys by position: blocks from different passes would repeat each other's keys.
  const keyed = blocks.map((node, index) => <Fragment key={index}>{node}</Fragment>);
  const groups: ReactNode[][] = [];
  for (let i = 0; i < keyed.length; i += GROUP_SIZE) groups.push(keyed.slice(i, i + GROUP_SIZE));
  return { content, groups };
}

/**
 * The rendered answer for message `key` with this content: from the cache when it was rendered
 * before with the same content (a remount), else rendered now and kept. A changed content (an
 * edit, a continued answer) misses and replaces the entry.
 */
export function finishedAnswer(key: string, content: string, cache = answerCache): FinishedAnswer {
  const cached = cache.get(key);
  if (cached && cached.content === content) return cached;
  const answer = renderFinishedAnswer(content);
  cache.set(key, answer, answerWeight(content));
  return answer;
}

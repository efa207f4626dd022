import { memo } from 'react';
import { LargeBlock } from './LargeBlock';
import { isLargeBlock } from './largeText';
import { renderMarkdown } from './markdownOptions';
import type { SettledText } from './splitBlocks';

interface Props {
  raw: string;
  /** Syntax highlighting; skipped for a very large code block while it is still growing. */
  highlight: boolean;
  /** A long line still growing: the text before `raw`, already final (see splitBlocks). */
  settled?: SettledText;
}

/**
 * One top-level markdown block of a streaming answer (see markdownOptions for what is and is
 * not rendered). Memoized on its raw text, so finished blocks never re-render.
 * A very large block is shown as text (see LargeBlock).
 */
export const MarkdownBlock = memo(function MarkdownBlock({ raw, highlight, settled }: Props) {
  if (settled) return <LargeBlock raw={raw} settled={settled} />;
  if (isLargeBlock(raw)) return <LargeBlock raw={raw} />;
  return renderMarkdown(raw, highlight);
});

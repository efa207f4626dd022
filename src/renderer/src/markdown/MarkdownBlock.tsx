import { memo, type ComponentPropsWithoutRef } from 'react';
import ReactMarkdown, { type Components, type ExtraProps, type Options } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { Citation } from './Citation';
import { CodeBlock } from './CodeBlock';
import { remarkCitations } from './remarkCitations';
import { ImageLink, InsideLink } from './ImageLink';
import { LargeBlock } from './LargeBlock';
import { isLargeBlock } from './largeText';
import { sharedHighlight } from './sharedHighlight';
import type { SettledText } from './splitBlocks';
import { safeUrl } from './urlPolicy';

const remarkPlugins: Options['remarkPlugins'] = [remarkGfm, remarkCitations];
const highlighted: Options['rehypePlugins'] = [sharedHighlight];
const plain: Options['rehypePlugins'] = [];

function Link({ node: _node, href, children, ...rest }: ComponentPropsWithoutRef<'a'> & ExtraProps) {
  if (!href) return <span className="md-link-removed">{children}</span>;
  return (
    <a {...rest} href={href} target="_blank" rel="noopener noreferrer">
      <InsideLink.Provider value={true}>{children}</InsideLink.Provider>
    </a>
  );
}

function Table({ node: _node, ...rest }: ComponentPropsWithoutRef<'table'> & ExtraProps) {
  return (
    <div className="md-table">
      <table {...rest} />
    </div>
  );
}

const components: Components = { a: Link, img: ImageLink, pre: CodeBlock, table: Table, cite: Citation };

interface Props {
  raw: string;
  /** Syntax highlighting; skipped for a very large code block while it is still growing. */
  highlight: boolean;
  /** A long line still growing: the text before `raw`, already final (see splitBlocks). */
  settled?: SettledText;
}

/**
 * One top-level markdown block. Raw HTML is shown as text, never rendered (no rehype-raw);
 * URLs go through the allow-list; images are never loaded (see ImageLink). Memoized on its raw text, so finished blocks never re-render.
 * A very large block is shown as text (see LargeBlock).
 */
export const MarkdownBlock = memo(function MarkdownBlock({ raw, highlight, settled }: Props) {
  if (settled) return <LargeBlock raw={raw} settled={settled} />;
  if (isLargeBlock(raw)) return <LargeBlock raw={raw} />;
  return (
    <ReactMarkdown
      remarkPlugins={remarkPlugins}
      rehypePlugins={highlight ? highlighted : plain}
      urlTransform={safeUrl}
      components={components}
    >
      {raw}
    </ReactMarkdown>
  );
});

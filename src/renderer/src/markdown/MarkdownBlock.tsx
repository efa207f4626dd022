import { memo, type ComponentPropsWithoutRef } from 'react';
import ReactMarkdown, { type Components, type ExtraProps, type Options } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { CodeBlock } from './CodeBlock';
import { sharedHighlight } from './sharedHighlight';
import { safeUrl } from './urlPolicy';

const remarkPlugins: Options['remarkPlugins'] = [remarkGfm];
const highlighted: Options['rehypePlugins'] = [sharedHighlight];
const plain: Options['rehypePlugins'] = [];

function Link({ node: _node, href, children, ...rest }: ComponentPropsWithoutRef<'a'> & ExtraProps) {
  if (!href) return <span className="md-link-removed">{children}</span>;
  return (
    <a {...rest} href={href} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  );
}

function Image({ node: _node, src, alt }: ComponentPropsWithoutRef<'img'> & ExtraProps) {
  if (typeof src !== 'string' || src === '') return alt ? <span className="md-image-removed">[{alt}]</span> : null;
  return <img src={src} alt={alt ?? ''} loading="lazy" decoding="async" referrerPolicy="no-referrer" />;
}

function Table({ node: _node, ...rest }: ComponentPropsWithoutRef<'table'> & ExtraProps) {
  return (
    <div className="md-table">
      <table {...rest} />
    </div>
  );
}

const components: Components = { a: Link, img: Image, pre: CodeBlock, table: Table };

interface Props {
  raw: string;
  /** Syntax highlighting; skipped for a very large code block while it is still growing. */
  highlight: boolean;
}

/**
 * One top-level markdown block. Raw HTML is shown as text, never rendered (no rehype-raw);
 * URLs go through the allow-list. Memoized on its raw text, so finished blocks never re-render.
 */
export const MarkdownBlock = memo(function MarkdownBlock({ raw, highlight }: Props) {
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

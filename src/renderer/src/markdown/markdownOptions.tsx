import type { ComponentPropsWithoutRef } from 'react';
import type { Components, ExtraProps, Options } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { Citation } from './Citation';
import { CodeBlock } from './CodeBlock';
import { ImageLink, InsideLink } from './ImageLink';
import { remarkCitations } from './remarkCitations';
import { sharedHighlight } from './sharedHighlight';
import { safeUrl } from './urlPolicy';

/**
 * The one markdown configuration, shared by a streaming answer's blocks (MarkdownBlock) and a
 * finished answer's single pass (finishedAnswer), so both look the same. Raw HTML is shown as
 * text, never rendered (no rehype-raw); URLs go through the allow-list; images are never loaded.
 */
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

/** react-markdown's options for `text`, with or without syntax highlighting. */
export function markdownOptions(text: string, highlight: boolean): Options {
  return { children: text, remarkPlugins, rehypePlugins: highlight ? highlighted : plain, urlTransform: safeUrl, components };
}

import { cloneElement, isValidElement, type ComponentPropsWithoutRef, type ReactElement, type ReactNode } from 'react';
import Markdown, { type Components, type ExtraProps, type Options } from 'react-markdown';
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

/**
 * A copy of a rendered tree whose custom components no longer get the hast `node` prop:
 * react-markdown always passes it, and an element on screen keeping it keeps that node's whole
 * subtree (a highlighted code block's, a table's, with positions), a second tree beside React's
 * (~3.5 MB of a 50,000-token answer's 12). No component here reads it.
 */
function withoutNodes(tree: ReactNode): ReactNode {
  if (Array.isArray(tree)) {
    const children = tree as readonly ReactNode[];
    const copied = children.map(withoutNodes);
    return copied.some((child, i) => child !== children[i]) ? copied : tree;
  }
  if (!isValidElement<{ children?: ReactNode; node?: unknown }>(tree)) return tree;
  const { children, node } = tree.props;
  const copied = children === undefined ? undefined : withoutNodes(children);
  if (node === undefined && copied === children) return tree;
  return cloneElement(tree, node === undefined ? { children: copied } : { node: undefined, children: copied });
}

/** `text` rendered with the one configuration, as elements that hold no hast nodes. */
export function renderMarkdown(text: string, highlight: boolean): ReactElement {
  return withoutNodes(Markdown(markdownOptions(text, highlight))) as ReactElement;
}

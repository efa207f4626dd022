import { createContext, useContext, type ComponentPropsWithoutRef } from 'react';
import type { ExtraProps } from 'react-markdown';
import type { WebSource } from '../../../shared/webSearch';
import { safeUrl } from './urlPolicy';

/** The sources of the answer being rendered; a context, so finished blocks need not re-render. */
export const CitationSources = createContext<readonly WebSource[]>([]);

/**
 * A citation mark: a link to its source with the excerpt on hover or focus. A number with no
 * source behind it stays plain text, so a model's stray "[7]" links nowhere.
 */
export function Citation({ node: _node, children, ...rest }: ComponentPropsWithoutRef<'cite'> & ExtraProps) {
  const sources = useContext(CitationSources);
  const n = Number((rest as Record<string, unknown>)['data-n']);
  const source = sources.find((s) => s.n === n);
  const href = source ? safeUrl(source.url, 'href') : null;
  if (!source || !href) return <>{children}</>;
  return (
    <span className="citation">
      <a
        className="citation__mark"
        href={href}
        target="_blank"
        rel="noopener noreferrer"
        data-testid="citation"
        data-n={n}
      >
        {n}
      </a>
      <span className="citation__card" role="tooltip" data-testid="citation-card">
        <span className="citation__title">{source.title}</span>
        <span className="citation__site">{source.site}</span>
        <span className="citation__excerpt">{source.excerpt}</span>
      </span>
    </span>
  );
}

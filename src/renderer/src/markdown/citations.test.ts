import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CitationSources } from './Citation';
import { MarkdownBlock } from './MarkdownBlock';
import type { WebSource } from '../../../shared/webSearch';

const SOURCES: WebSource[] = [
  { n: 1, url: 'https://rivers.example/amazon', title: 'Amazon', site: 'rivers.example', excerpt: 'The Amazon carries <b>most</b> water.' },
  { n: 2, url: 'javascript:alert(1)', title: 'Bad', site: 'bad', excerpt: 'x' },
];

function render(raw: string, sources: WebSource[] = SOURCES): string {
  return renderToStaticMarkup(
    createElement(CitationSources.Provider, { value: sources }, createElement(MarkdownBlock, { raw, highlight: false })),
  );
}

describe('citation marks', () => {
  it('link [n] to its source with the excerpt as text, never as HTML', () => {
    const html = render('The Amazon is largest [1][3].');
    expect(html).toContain('<a class="citation__mark" href="https://rivers.example/amazon" target="_blank" rel="noopener noreferrer" data-testid="citation" data-n="1">1</a>');
    expect(html).toContain('The Amazon carries &lt;b&gt;most&lt;/b&gt; water.');
    // No source 3: the mark stays text.
    expect(html).toContain('[3]');
  });

  it('leave code, unsafe URLs and answers without sources alone', () => {
    expect(render('Use `arr[1]` here.')).toContain('<code>arr[1]</code>');
    expect(render('Bad link [2].')).not.toContain('javascript:');
    expect(render('Bad link [2].')).toContain('[2]');
    expect(render('Plain [1].', [])).toContain('Plain [1].');
  });
});

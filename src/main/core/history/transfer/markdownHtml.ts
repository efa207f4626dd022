import { createRequire } from 'node:module';
import { Marked, type Tokens } from 'marked';

/** The part of highlight.js the HTML export uses. */
interface Highlighter {
  getLanguage(name: string): object | undefined;
  highlight(code: string, options: { language: string; ignoreIllegals?: boolean }): { value: string };
}

// Required, not imported: highlight.js's typings pull in the DOM lib (`/// <reference lib="dom" />`),
// which would give all main-process code browser globals; this keeps its types out of the core.
// Loaded on the first export, not at start: it is a tenth of the core's startup work.
let loaded: Highlighter | null = null;
function highlighter(): Highlighter {
  loaded ??= createRequire(import.meta.url)('highlight.js/lib/common') as Highlighter;
  return loaded;
}

/**
 * Markdown to HTML for the exported page. Model output is untrusted, so nothing in it may
 * become markup of its own: raw HTML is shown as text, links keep only http(s) and mailto,
 * images are never loaded (a link to them instead), and highlighted code comes from
 * highlight.js, which escapes what it is given.
 */
const LINK_PROTOCOLS: ReadonlySet<string> = new Set(['http:', 'https:', 'mailto:']);

function safeHref(href: string): string | null {
  try {
    const url = new URL(href.trim());
    return LINK_PROTOCOLS.has(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function highlightedCode({ text, lang }: Tokens.Code): string {
  const language = (lang ?? '').trim().split(/\s+/)[0] ?? '';
  const hljs = language === '' ? null : highlighter();
  const known = hljs !== null && hljs.getLanguage(language) !== undefined;
  const body = known ? hljs.highlight(text, { language, ignoreIllegals: true }).value : escapeHtml(text);
  const label = language !== '' ? `<div class="code-lang">${escapeHtml(language)}</div>` : '';
  const cls = known ? ` class="hljs language-${escapeHtml(language)}"` : '';
  return `<div class="code-block">${label}<pre><code${cls}>${body}</code></pre></div>\n`;
}

const exportMarked = new Marked({
  gfm: true,
  renderer: {
    html: ({ text }) => escapeHtml(text),
    code: highlightedCode,
    link({ href, title, tokens }) {
      const inner = this.parser.parseInline(tokens);
      const safe = safeHref(href);
      if (!safe) return inner;
      const titleAttr = title ? ` title="${escapeHtml(title)}"` : '';
      return `<a href="${escapeHtml(safe)}"${titleAttr} rel="noopener noreferrer">${inner}</a>`;
    },
    image({ href, text }) {
      const label = escapeHtml(text.trim() || href);
      const safe = safeHref(href);
      return safe ? `<a class="image-link" href="${escapeHtml(safe)}" rel="noopener noreferrer">[${label}]</a>` : `[${label}]`;
    },
  },
});

/** One message's Markdown as safe HTML. */
export function markdownToSafeHtml(markdown: string): string {
  return exportMarked.parse(markdown, { async: false });
}

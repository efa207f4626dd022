import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

export interface ExtractedPage {
  title: string;
  /** The main text, paragraphs separated by blank lines. */
  text: string;
}

/** Far more than any excerpt uses (a source gets at most a few thousand tokens). */
export const MAX_TEXT_CHARS = 100_000;
/**
 * Script and style bodies are often most of a page's bytes; dropping them before parsing
 * keeps the (synchronous) parse short. The DOM pass below still removes any that remain.
 */
const SCRIPT_OR_STYLE = /<(script|style|noscript|template|svg)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;

/** Elements whose end starts a new paragraph in the extracted text. */
const BLOCK_END = /<\/(p|div|h[1-6]|li|tr|blockquote|pre|section|article|dd|dt|figcaption|td|th)\s*>|<br\s*\/?>/gi;

/**
 * The readable main text of an HTML page (Mozilla Readability on a linkedom DOM). The page is
 * only parsed, never run: linkedom has no script engine and loads nothing, and scripts,
 * styles and frames are removed before Readability looks at it.
 */
export function extractMainText(html: string, fallbackTitle: string): ExtractedPage {
  const { document } = parseHTML(html.replace(SCRIPT_OR_STYLE, ''));
  for (const el of document.querySelectorAll('script, style, noscript, template, iframe, object, embed, svg')) el.remove();
  const pageTitle = clean(document.querySelector('title')?.textContent ?? '');
  let article: { title?: string | null; content?: string | null } | null = null;
  try {
    article = new Readability(document as unknown as Document, { charThreshold: 200 }).parse();
  } catch {
    article = null;
  }
  const body = article?.content ?? document.body?.innerHTML ?? '';
  return { title: clean(article?.title ?? '') || pageTitle || fallbackTitle, text: htmlToText(body).slice(0, MAX_TEXT_CHARS) };
}

function htmlToText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html.replace(BLOCK_END, (m) => `${m}\n\n`)}</body></html>`);
  const raw: string = document.body?.textContent ?? '';
  return raw
    .split(/\n\s*\n/)
    .map(clean)
    .filter((p) => p !== '')
    .join('\n\n');
}

function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

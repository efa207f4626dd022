/**
 * One web-search engine. A backend knows its wire format (protocols.md §7) and nothing else;
 * like a provider it throws AppError for every failure, and the AbortError itself on Stop.
 */
import { isRecord, isWebUrl } from '../net';

export interface SearchHit {
  url: string;
  title: string;
  /** The engine's snippet, plain text; used when the page itself cannot be read. */
  snippet: string;
}

export interface SearchBackend {
  /** Shown in the search step ("SearXNG", "Tavily", "Brave"). */
  readonly engine: string;
  search(query: string, limit: number, signal: AbortSignal): Promise<SearchHit[]>;
}

export interface SearchBackendDeps {
  fetch: typeof globalThis.fetch;
}

/** Engines put highlight markup (`<strong>`) and entities in snippets; the model wants text. */
export function plainSnippet(text: unknown): string {
  if (typeof text !== 'string') return '';
  return text
    .replace(/<[^>]*>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * An engine's result list as hits: web addresses only, the title and the snippet (from
 * `snippetField`) as plain text, the first hit per URL, at most `limit`.
 */
export function resultHits(results: readonly unknown[], snippetField: string, limit: number): SearchHit[] {
  const hits = results
    .filter(isRecord)
    .filter((r) => isWebUrl(r.url))
    .map((r) => ({ url: r.url as string, title: plainSnippet(r.title), snippet: plainSnippet(r[snippetField]) }));
  return uniqueHits(hits, limit);
}

/** Keeps the first hit per URL, up to `limit`. */
export function uniqueHits(hits: readonly SearchHit[], limit: number): SearchHit[] {
  const seen = new Set<string>();
  const out: SearchHit[] = [];
  for (const hit of hits) {
    if (seen.has(hit.url)) continue;
    seen.add(hit.url);
    out.push(hit);
    if (out.length >= limit) break;
  }
  return out;
}

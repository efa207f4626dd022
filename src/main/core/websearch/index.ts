/**
 * websearch: Brook's own web search before an answer: the model writes queries, an engine
 * (SearXNG, Tavily, Brave) searches, pages are read (Readability, never run), excerpts are
 * composed into the prompt with [n] citations. Uses base, net, providers and settings.
 */
export { webSearchAnswer, type WebSearchRun } from './pipeline';
export type { SearchBackend, SearchHit } from './searchBackend';
export { WebSearchService, type WebSearchServiceOptions } from './WebSearchService';

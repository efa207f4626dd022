/**
 * Web search as the user watches it: the steps of one answer's search and the sources the
 * answer cites. Stored with the message (messages.web_search_json) and streamed as
 * `search.step` / `search.source` events, so the live view and the view from history are the
 * same data.
 */
import type { AppErrorData } from './errors';

import type { ProviderKind, WebSearchKeyStatus, WebSearchSettings } from './domain';

/** Where searches go. `native`: the chat provider's own search (hasNativeSearch). */
export const WEB_SEARCH_BACKENDS = ['searxng', 'tavily', 'brave', 'native'] as const;
/**
 * Provider kinds whose own search Brook can show: Gemini grounding, Anthropic's web search
 * tool, Spark's `web_search` tool (Spark Lite has none: the Spark provider reports a skipped
 * search step instead).
 */
export const NATIVE_SEARCH_KINDS: readonly ProviderKind[] = ['gemini', 'anthropic', 'spark'];
/**
 * OpenAI-compatible presets whose server has a search Brook can read: Baidu Qianfan v2's
 * `web_search` option. Other OpenAI-compatible servers never get the field.
 */
export const NATIVE_SEARCH_PRESETS = ['qianfan-v2'] as const;
export type NativeSearchPreset = (typeof NATIVE_SEARCH_PRESETS)[number];

/** The search dialect a provider configured from this preset speaks, if any. */
export function nativeSearchPreset(kind: ProviderKind, presetId: string): NativeSearchPreset | null {
  if (kind !== 'openai-compatible') return null;
  return NATIVE_SEARCH_PRESETS.find((p) => p === presetId) ?? null;
}

/** Whether the `native` backend can search with this provider. */
export function hasNativeSearch(kind: ProviderKind, presetId: string): boolean {
  return NATIVE_SEARCH_KINDS.includes(kind) || nativeSearchPreset(kind, presetId) !== null;
}
/**
 * Whether a search can run at all: the chosen engine has its address or key, or (for the
 * provider's own search) the chat's provider has one. The window hides the switch without it
 * and the core answers without searching, so both ask this one rule.
 */
export function webSearchCanRun(
  webSearch: Pick<WebSearchSettings, 'backend' | 'searxngUrl'>,
  keys: WebSearchKeyStatus,
  providerHasNativeSearch: boolean,
): boolean {
  switch (webSearch.backend) {
    case 'searxng':
      return webSearch.searxngUrl.trim() !== '';
    case 'tavily':
      return keys.tavily;
    case 'brave':
      return keys.brave;
    case 'native':
      return providerHasNativeSearch;
  }
}
export type WebSearchBackend = (typeof WEB_SEARCH_BACKENDS)[number];
/** Backends whose key lives in the secret store. */
export type KeyedSearchBackend = 'tavily' | 'brave';

/**
 * - `queries`: the model writes the search queries (args: the queries).
 * - `search`: one query sent to the engine (args: [query]; `engine`, `resultCount`).
 * - `read`: one page fetched and its main text extracted (args: [url]; `title`).
 * - `compose`: excerpts put in the prompt (`resultCount`: how many sources).
 */
export type WebSearchStepKind = 'queries' | 'search' | 'read' | 'compose';
/** `skipped`: a page that timed out, was too big or was not a web page; the search went on. */
export type WebSearchStepStatus = 'running' | 'done' | 'failed' | 'skipped';

export interface WebSearchStep {
  /** Unique within the message; a step first arrives `running`, then again with its outcome. */
  id: string;
  kind: WebSearchStepKind;
  status: WebSearchStepStatus;
  args: string[];
  engine?: string;
  resultCount?: number;
  title?: string;
  /** Why a step failed or was skipped. */
  error?: AppErrorData;
}

export interface WebSource {
  /** The citation number: the model writes [n]. Starts at 1. */
  n: number;
  url: string;
  title: string;
  /** The host name, shown next to the title. */
  site: string;
  /** The text the model was given (shortened), shown when hovering a citation. */
  excerpt: string;
}

export interface WebSearchRecord {
  steps: WebSearchStep[];
  sources: WebSource[];
}

export const EMPTY_WEB_SEARCH: WebSearchRecord = { steps: [], sources: [] };

/** Pure: a step replaces the one with its id, or is appended. */
export function withStep(record: WebSearchRecord | null, step: WebSearchStep): WebSearchRecord {
  const base = record ?? EMPTY_WEB_SEARCH;
  const index = base.steps.findIndex((s) => s.id === step.id);
  const steps = index >= 0 ? base.steps.map((s, i) => (i === index ? step : s)) : [...base.steps, step];
  return { steps, sources: base.sources };
}

/** Pure: a source replaces the one with its number, or is appended. */
export function withSource(record: WebSearchRecord | null, source: WebSource): WebSearchRecord {
  const base = record ?? EMPTY_WEB_SEARCH;
  const sources = [...base.sources.filter((s) => s.n !== source.n), source].sort((a, b) => a.n - b.n);
  return { steps: base.steps, sources };
}

/**
 * The one-line summary's figures: "Searched 2 queries · read 5 pages". `skipped`: no search was
 * tried because the model has none (Spark Lite).
 */
export function searchSummary(record: WebSearchRecord): {
  queries: number;
  pages: number;
  failed: boolean;
  skipped: boolean;
  /** The provider searched by itself (no pages read by Brook): its engine, for "Searched with Baidu". */
  nativeEngine: string | null;
} {
  const searches = record.steps.filter((s) => s.kind === 'search');
  const brookRead = record.steps.some((s) => s.kind === 'read' || s.kind === 'compose');
  return {
    queries: searches.filter((s) => s.status === 'done').length,
    pages: record.steps.filter((s) => s.kind === 'read' && s.status === 'done').length,
    failed: searches.length > 0 && searches.every((s) => s.status === 'failed'),
    skipped: searches.length > 0 && searches.every((s) => s.status === 'skipped'),
    nativeEngine: brookRead ? null : (searches.find((s) => s.engine)?.engine ?? null),
  };
}

/**
 * Provider-native search (Gemini grounding, Anthropic's web search tool, Spark's web_search
 * tool, Qianfan v2's web_search option) turned into the same
 * step and source events as Brook's own pipeline. Each tracker is fed what its protocol streams
 * and returns the events to yield; they hold no network and no state beyond one answer.
 */
import type { WebSearchStep, WebSource } from '../../../shared/webSearch';
import { isRecord } from '../net/http';
import type { ProviderEvent } from './provider';
import { hostOf } from '../websearch/compose';

const EXCERPT_CHARS = 400;

/** Numbered sources, one per URL, in the order they first appear. */
class SourceBook {
  private readonly byUrl = new Map<string, WebSource>();

  /** Adds or improves a source; returns it when it is new or changed. */
  note(url: string, title: string, excerpt = ''): WebSource | null {
    const old = this.byUrl.get(url);
    const clipped = excerpt.length > EXCERPT_CHARS ? `${excerpt.slice(0, EXCERPT_CHARS)}…` : excerpt;
    if (old && (old.excerpt !== '' || clipped === '')) return null;
    const source: WebSource = old
      ? { ...old, excerpt: clipped }
      : { n: this.byUrl.size + 1, url, title: title || hostOf(url), site: hostOf(url), excerpt: clipped };
    this.byUrl.set(url, source);
    return source;
  }

  get(url: string): WebSource | undefined {
    return this.byUrl.get(url);
  }
}

const step = (s: WebSearchStep): ProviderEvent => ({ type: 'search_step', step: s });
const source = (s: WebSource): ProviderEvent => ({ type: 'search_source', source: s });

/**
 * Gemini `candidates[].groundingMetadata` (protocols.md §3.4). Which frame carries it is
 * unconfirmed, so every frame's copy is read and only what is new is reported. Source titles
 * are the site's domain; the URLs may be Google redirect links, which open the same page.
 */
export class GeminiGrounding {
  private readonly queries = new Set<string>();
  private readonly sources = new SourceBook();

  update(metadata: unknown): ProviderEvent[] {
    if (!isRecord(metadata)) return [];
    const out: ProviderEvent[] = [];
    const queries = Array.isArray(metadata.webSearchQueries) ? metadata.webSearchQueries.filter((q): q is string => typeof q === 'string') : [];
    const fresh = queries.filter((q) => !this.queries.has(q));
    if (fresh.length > 0) {
      for (const q of fresh) this.queries.add(q);
      const all = [...this.queries];
      out.push(step({ id: 'queries', kind: 'queries', status: 'done', args: all }));
      all.forEach((q, i) => out.push(step({ id: `search-${i + 1}`, kind: 'search', status: 'done', args: [q], engine: 'Google' })));
    }
    const chunks: unknown[] = Array.isArray(metadata.groundingChunks) ? metadata.groundingChunks : [];
    const supports: unknown[] = Array.isArray(metadata.groundingSupports) ? metadata.groundingSupports : [];
    chunks.forEach((chunk, index) => {
      const web = isRecord(chunk) && isRecord(chunk.web) ? chunk.web : null;
      if (!web || typeof web.uri !== 'string') return;
      const cited = supports
        .filter((s) => isRecord(s) && Array.isArray(s.groundingChunkIndices) && s.groundingChunkIndices.includes(index))
        .map((s) => (isRecord(s) && isRecord(s.segment) && typeof s.segment.text === 'string' ? s.segment.text : ''))
        .filter((t) => t !== '')
        .join(' … ');
      const title = typeof web.title === 'string' ? web.title : '';
      const added = this.sources.note(web.uri, title, cited);
      if (added) out.push(source(added));
    });
    return out;
  }
}

/**
 * Anthropic's server-side `web_search` tool (protocols.md §2): a `server_tool_use` block holds
 * the query, a `web_search_tool_result` block the results or an error, and text blocks carry
 * `citations_delta`. Cited text blocks get their marks appended as " [n]" when they end, so
 * the answer cites like one from Brook's own search.
 */
export class AnthropicWebSearch {
  private readonly sources = new SourceBook();
  /** Content-block index → what that block is doing. */
  private readonly blocks = new Map<number, { kind: 'search'; id: string; input: string; toolUseId: string } | { kind: 'text'; cited: number[] }>();
  private readonly searchByToolUse = new Map<string, { id: string; query: string }>();
  private searches = 0;

  blockStart(index: number, block: Record<string, unknown>): ProviderEvent[] {
    if (block.type === 'server_tool_use' && block.name === 'web_search') {
      const id = `search-${++this.searches}`;
      const toolUseId = typeof block.id === 'string' ? block.id : id;
      const query = isRecord(block.input) && typeof block.input.query === 'string' ? block.input.query : '';
      this.blocks.set(index, { kind: 'search', id, input: '', toolUseId });
      this.searchByToolUse.set(toolUseId, { id, query });
      return [step({ id, kind: 'search', status: 'running', args: query ? [query] : [], engine: 'Claude' })];
    }
    if (block.type === 'web_search_tool_result') return this.results(block);
    if (block.type === 'text') this.blocks.set(index, { kind: 'text', cited: [] });
    return [];
  }

  blockDelta(index: number, delta: Record<string, unknown>): ProviderEvent[] {
    const block = this.blocks.get(index);
    if (block?.kind === 'search' && delta.type === 'input_json_delta' && typeof delta.partial_json === 'string') {
      block.input += delta.partial_json;
    }
    if (block?.kind === 'text' && delta.type === 'citations_delta' && isRecord(delta.citation)) {
      const c = delta.citation;
      if (typeof c.url !== 'string') return [];
      const added = this.sources.note(c.url, typeof c.title === 'string' ? c.title : '', typeof c.cited_text === 'string' ? c.cited_text : '');
      const n = this.sources.get(c.url)!.n;
      if (!block.cited.includes(n)) block.cited.push(n);
      return added ? [source(added)] : [];
    }
    return [];
  }

  blockStop(index: number): ProviderEvent[] {
    const block = this.blocks.get(index);
    this.blocks.delete(index);
    if (block?.kind === 'search' && block.input !== '') {
      let query = '';
      try {
        const input: unknown = JSON.parse(block.input);
        query = isRecord(input) && typeof input.query === 'string' ? input.query : '';
      } catch {
        query = '';
      }
      if (query === '') return [];
      this.searchByToolUse.set(block.toolUseId, { id: block.id, query });
      return [step({ id: block.id, kind: 'search', status: 'running', args: [query], engine: 'Claude' })];
    }
    if (block?.kind === 'text' && block.cited.length > 0) {
      return [{ type: 'text', text: ` ${block.cited.map((n) => `[${n}]`).join('')}` }];
    }
    return [];
  }

  private results(block: Record<string, unknown>): ProviderEvent[] {
    const toolUseId = typeof block.tool_use_id === 'string' ? block.tool_use_id : '';
    const search = this.searchByToolUse.get(toolUseId) ?? { id: `search-${++this.searches}`, query: '' };
    const args = search.query ? [search.query] : [];
    const content = block.content;
    if (isRecord(content) && content.type === 'web_search_tool_result_error') {
      const code = typeof content.error_code === 'string' ? content.error_code : 'unavailable';
      const error = {
        code: code === 'too_many_requests' ? ('rate_limit' as const) : ('provider' as const),
        messageKey: code === 'too_many_requests' ? 'errors.rate_limit' : 'errors.provider',
        retryable: true,
        detail: code,
      };
      return [step({ id: search.id, kind: 'search', status: 'failed', args, engine: 'Claude', error })];
    }
    const results = Array.isArray(content) ? content.filter(isRecord).filter((r) => r.type === 'web_search_result' && typeof r.url === 'string') : [];
    const out: ProviderEvent[] = [step({ id: search.id, kind: 'search', status: 'done', args, engine: 'Claude', resultCount: results.length })];
    for (const r of results) {
      const added = this.sources.note(r.url as string, typeof r.title === 'string' ? r.title : '');
      if (added) out.push(source(added));
    }
    return out;
  }
}

/**
 * Spark's `web_search` tool (protocols.md §4.5). Only Pro, Max and Ultra have the search
 * plugin; Lite (`lite`, and `general`, the old V1.5 name served at Lite's v1.1 path) has none.
 * X1's request example carries the tool too, so every other domain gets it.
 */
export function sparkHasSearch(domain: string): boolean {
  const d = domain.trim().toLowerCase();
  return d !== 'lite' && d !== 'general';
}

/** The `parameter.chat.tools` entry that switches the search plugin on. */
export const SPARK_SEARCH_TOOL = { type: 'web_search', web_search: { enable: true, show_ref_label: false, search_mode: 'normal' } } as const;

/**
 * What Spark's search did, as far as Brook can tell. The frame and fields that carry the
 * sources' titles and URLs on the WebSocket are UNCONFIRMED (§4.5, §10.5), so none are parsed:
 * the user sees one `search` step — running from the request, done once the answer starts —
 * and no sources, rather than guessed ones. Lite gets a skipped step saying it has no search.
 */
export class SparkWebSearch {
  private answered = false;

  constructor(private readonly searches: boolean) {}

  start(): ProviderEvent[] {
    if (!this.searches) {
      const error = { code: 'bad_request' as const, messageKey: 'errors.sparkLiteNoSearch', retryable: false };
      return [step({ id: 'search-1', kind: 'search', status: 'skipped', args: [], engine: SPARK_ENGINE, error })];
    }
    return [step({ id: 'search-1', kind: 'search', status: 'running', args: [], engine: SPARK_ENGINE })];
  }

  /** Called for each piece of answer (or reasoning) text, and once at the end. */
  answering(): ProviderEvent[] {
    if (!this.searches || this.answered) return [];
    this.answered = true;
    return [step({ id: 'search-1', kind: 'search', status: 'done', args: [], engine: SPARK_ENGINE })];
  }
}

const SPARK_ENGINE = 'iFlytek Spark';

/**
 * Baidu Qianfan v2's `web_search` option (protocols.md §5.2): the results come in a top-level
 * `search_results` array on the first and last chunks, each with `title` and `url` (or
 * `link`). Other fields (`index`, …) are UNCONFIRMED and not read, so sources are numbered in
 * the order they arrive. The one `search` step is done once results or answer text arrive.
 */
export class QianfanWebSearch {
  private readonly sources = new SourceBook();
  private count = 0;
  private done = false;

  static readonly REQUEST = { enable: true, enable_citation: true, enable_trace: true } as const;

  start(): ProviderEvent[] {
    return [step({ id: 'search-1', kind: 'search', status: 'running', args: [], engine: QIANFAN_ENGINE })];
  }

  /** Reads one chunk's `search_results`; `answering` says the chunk also carried answer text. */
  chunk(json: Record<string, unknown>, answering: boolean): ProviderEvent[] {
    const out: ProviderEvent[] = [];
    const results: unknown[] = Array.isArray(json.search_results) ? json.search_results : [];
    for (const r of results) {
      if (!isRecord(r)) continue;
      const url = [r.url, r.link].find((u): u is string => typeof u === 'string' && /^https?:\/\//i.test(u));
      if (!url) continue;
      const added = this.sources.note(url, typeof r.title === 'string' ? r.title : '');
      if (added) {
        this.count++;
        out.push(source(added));
      }
    }
    // New sources re-send the step with the new count; the step replaces its earlier self.
    if (out.length > 0 || (answering && !this.done)) {
      this.done = true;
      out.unshift(step({ id: 'search-1', kind: 'search', status: 'done', args: [], engine: QIANFAN_ENGINE, resultCount: this.count }));
    }
    return out;
  }

  /** The answer ended: the step is done even if nothing was found. */
  end(): ProviderEvent[] {
    if (this.done) return [];
    this.done = true;
    return [step({ id: 'search-1', kind: 'search', status: 'done', args: [], engine: QIANFAN_ENGINE, resultCount: this.count })];
  }
}

const QIANFAN_ENGINE = 'Baidu';

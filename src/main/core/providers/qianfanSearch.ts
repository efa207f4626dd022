import { isRecord } from '../net';
import type { ProviderEvent } from './provider';
import { SourceBook, sourceEvent, stepEvent } from './searchSources';

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
    return [stepEvent({ id: 'search-1', kind: 'search', status: 'running', args: [], engine: QIANFAN_ENGINE })];
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
        out.push(sourceEvent(added));
      }
    }
    // New sources re-send the step with the new count; the step replaces its earlier self.
    if (out.length > 0 || (answering && !this.done)) {
      this.done = true;
      out.unshift(stepEvent({ id: 'search-1', kind: 'search', status: 'done', args: [], engine: QIANFAN_ENGINE, resultCount: this.count }));
    }
    return out;
  }

  /** The answer ended: the step is done even if nothing was found. */
  end(): ProviderEvent[] {
    if (this.done) return [];
    this.done = true;
    return [stepEvent({ id: 'search-1', kind: 'search', status: 'done', args: [], engine: QIANFAN_ENGINE, resultCount: this.count })];
  }
}

const QIANFAN_ENGINE = 'Baidu';

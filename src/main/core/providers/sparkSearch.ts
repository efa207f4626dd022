import type { ProviderEvent } from './provider';
import { stepEvent } from './searchSources';

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
      return [stepEvent({ id: 'search-1', kind: 'search', status: 'skipped', args: [], engine: SPARK_ENGINE, error })];
    }
    return [stepEvent({ id: 'search-1', kind: 'search', status: 'running', args: [], engine: SPARK_ENGINE })];
  }

  /** Called for each piece of answer (or reasoning) text, and once at the end. */
  answering(): ProviderEvent[] {
    if (!this.searches || this.answered) return [];
    this.answered = true;
    return [stepEvent({ id: 'search-1', kind: 'search', status: 'done', args: [], engine: SPARK_ENGINE })];
  }
}

const SPARK_ENGINE = 'iFlytek Spark';

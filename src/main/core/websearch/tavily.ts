import { AppError } from '../../../shared/errors';
import { isRecord, readJson, sendOk, withSecretHeaders } from '../net';
import { resultHits, type SearchBackend, type SearchBackendDeps } from './searchBackend';

export const TAVILY_URL = 'https://api.tavily.com';

/** Tavily's search API (protocols.md §7.2): POST /search with a Bearer key. */
export class TavilyBackend implements SearchBackend {
  readonly engine = 'Tavily';

  constructor(
    private readonly apiKey: string | null,
    private readonly deps: SearchBackendDeps,
    private readonly baseUrl = TAVILY_URL,
  ) {}

  async search(query: string, limit: number, signal: AbortSignal) {
    if (!this.apiKey) throw new AppError('auth', { messageKey: 'errors.searchKeyMissing', params: { engine: this.engine }, retryable: false });
    const errorContext = { secrets: [this.apiKey], wrongPathKey: null };
    const response = await sendOk({
      fetch: this.deps.fetch,
      url: `${this.baseUrl}/search`,
      init: {
        method: 'POST',
        headers: withSecretHeaders({ 'content-type': 'application/json' }, { authorization: `Bearer ${this.apiKey}` }),
        body: JSON.stringify({ query, max_results: limit, search_depth: 'basic', include_answer: false }),
      },
      signal,
      errorContext,
    });
    const body = await readJson(response, signal, 'The Tavily answer', errorContext);
    const results = isRecord(body) && Array.isArray(body.results) ? body.results : [];
    return resultHits(results, 'content', limit);
  }
}

import { AppError } from '../../../shared/errors';
import { isRecord, readJson, sendOk, withSecretHeaders } from '../net';
import { resultHits, type SearchBackend, type SearchBackendDeps } from './searchBackend';

export const BRAVE_URL = 'https://api.search.brave.com';

/** Brave Search API (protocols.md §7.3): GET /res/v1/web/search with X-Subscription-Token. */
export class BraveBackend implements SearchBackend {
  readonly engine = 'Brave';

  constructor(
    private readonly apiKey: string | null,
    private readonly deps: SearchBackendDeps,
    private readonly baseUrl = BRAVE_URL,
  ) {}

  async search(query: string, limit: number, signal: AbortSignal) {
    if (!this.apiKey) throw new AppError('auth', { messageKey: 'errors.searchKeyMissing', params: { engine: this.engine }, retryable: false });
    const url = new URL(`${this.baseUrl}/res/v1/web/search`);
    url.searchParams.set('q', query.slice(0, 400));
    url.searchParams.set('count', String(Math.min(20, Math.max(1, limit))));
    // Snippets without highlight markers.
    url.searchParams.set('text_decorations', 'false');
    const errorContext = { secrets: [this.apiKey], wrongPathKey: null };
    const response = await sendOk({
      fetch: this.deps.fetch,
      url: url.href,
      init: {
        method: 'GET',
        headers: withSecretHeaders({ accept: 'application/json' }, { 'x-subscription-token': this.apiKey }),
      },
      signal,
      errorContext,
    });
    const body = await readJson(response, signal, 'The Brave answer', errorContext);
    const web = isRecord(body) && isRecord(body.web) ? body.web : {};
    const results = Array.isArray(web.results) ? web.results : [];
    return resultHits(results, 'description', limit);
  }
}

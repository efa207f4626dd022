import { AppError } from '../../../shared/errors';
import { errorFromResponse, isRecord, readJson, sendOk } from '../net';
import { resultHits, type SearchBackend, type SearchBackendDeps } from './searchBackend';

/**
 * A self-hosted SearXNG instance (protocols.md §7.1). `format=json` works only where the
 * instance enables it in `search.formats`; the default is HTML only and answers 403, which
 * is told to the user as exactly that.
 */
export class SearxngBackend implements SearchBackend {
  readonly engine = 'SearXNG';

  constructor(
    private readonly baseUrl: string,
    private readonly deps: SearchBackendDeps,
  ) {}

  async search(query: string, limit: number, signal: AbortSignal) {
    const base = this.baseUrl.trim().replace(/\/+$/, '');
    if (base === '') throw new AppError('bad_request', { messageKey: 'errors.searchUrlMissing', retryable: false });
    let url: URL;
    try {
      url = new URL(`${base}/search`);
    } catch {
      throw new AppError('bad_request', { messageKey: 'errors.badUrl', retryable: false });
    }
    url.searchParams.set('q', query);
    url.searchParams.set('format', 'json');
    const response = await sendOk({
      fetch: this.deps.fetch,
      url: url.href,
      init: { method: 'GET', headers: { accept: 'application/json' } },
      signal,
      errorContext: { wrongPathKey: null },
      toError: async (r) =>
        r.status === 403
          ? new AppError('bad_request', { messageKey: 'errors.searxngJsonDisabled', status: 403, retryable: false })
          : errorFromResponse(r, { wrongPathKey: null }),
    });
    const body = await readJson(response, signal, 'The SearXNG answer', {});
    const results = isRecord(body) && Array.isArray(body.results) ? body.results : [];
    return resultHits(results, 'content', limit);
  }
}

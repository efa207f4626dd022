import { AppError } from '../../../shared/errors';
import { abortReason, privateTarget, readCappedText, systemLookup, type HostLookup } from '../net';
import type { ExtractedPage } from './extractText';

export interface PageReaderOptions {
  fetch: typeof globalThis.fetch;
  /** A page slower than this is skipped. */
  timeoutMs?: number;
  /** Bytes read at most; the rest of a bigger page is not downloaded. */
  maxBytes?: number;
  /** Read pages on loopback and local-network addresses too (a setting, off by default). */
  allowPrivateAddresses?: boolean;
  lookup?: HostLookup;
}

/** Redirects followed at most, each checked like the first address. */
const MAX_REDIRECTS = 5;

export const DEFAULT_PAGE_TIMEOUT_MS = 8000;
export const DEFAULT_PAGE_MAX_BYTES = 2 * 1024 * 1024;
const HTML_TYPES = /^(text\/html|application\/xhtml\+xml)\b/i;

/**
 * Fetches one page and extracts its main text. Failures are AppErrors whose key says why the
 * page was skipped (`errors.pageTimeout`, `errors.pageNotHtml`, …); Stop rejects with the
 * AbortError itself, like a provider.
 */
export class PageReader {
  private readonly timeoutMs: number;
  private readonly maxBytes: number;

  constructor(private readonly options: PageReaderOptions) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_PAGE_TIMEOUT_MS;
    this.maxBytes = options.maxBytes ?? DEFAULT_PAGE_MAX_BYTES;
  }

  async read(url: string, signal: AbortSignal): Promise<ExtractedPage> {
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const combined = AbortSignal.any([signal, timeout]);
    const fail = (err: unknown): unknown => {
      if (signal.aborted) return abortReason(signal, err);
      if (timeout.aborted) return skip('errors.pageTimeout', { seconds: Math.ceil(this.timeoutMs / 1000) });
      return err instanceof AppError ? err : skip('errors.pageUnreadable', {}, err instanceof Error ? err.message : String(err));
    };
    try {
      const response = await this.fetchChecked(url, combined);
      if (!response.ok) {
        void response.body?.cancel().catch(() => undefined);
        throw skip('errors.pageUnreadable', {}, `HTTP ${response.status}`, response.status);
      }
      const type = response.headers.get('content-type') ?? '';
      if (!HTML_TYPES.test(type)) {
        void response.body?.cancel().catch(() => undefined);
        throw skip('errors.pageNotHtml', { type: type.split(';')[0]!.trim() || '?' });
      }
      // Reads until the cap, then cancels the download; what arrived is still parsed.
      const html = await readCappedText(response.body, { maxBytes: this.maxBytes, charset: charsetOf(type), signal: combined });
      // linkedom costs ~0.2 s to load: only a web search that reads pages pays it, not every start.
      const { extractMainText } = await import('./extractText');
      return extractMainText(html, new URL(url).hostname);
    } catch (err) {
      throw fail(err);
    }
  }

  /**
   * Follows redirects one by one so that each address is checked: a public result must not
   * bounce Brook onto a private one.
   */
  private async fetchChecked(url: string, signal: AbortSignal): Promise<Response> {
    let current = new URL(url);
    for (let hop = 0; ; hop++) {
      if (!this.options.allowPrivateAddresses) {
        const target = await privateTarget(current, this.options.lookup ?? systemLookup);
        if (target) throw skip('errors.pagePrivateAddress', { host: current.hostname }, target);
      }
      const response = await this.options.fetch(current, {
        method: 'GET',
        redirect: 'manual',
        headers: { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1', 'user-agent': 'Mozilla/5.0 (compatible; Brook)' },
        signal,
      });
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) return response;
      void response.body?.cancel().catch(() => undefined);
      if (hop >= MAX_REDIRECTS) throw skip('errors.pageUnreadable', {}, 'too many redirects');
      current = new URL(location, current);
      if (current.protocol !== 'http:' && current.protocol !== 'https:') throw skip('errors.pageUnreadable', {}, `redirect to ${current.protocol}`);
    }
  }
}

function skip(messageKey: string, params: Record<string, string | number>, detail?: string, status?: number): AppError {
  return new AppError('network', { messageKey, params, detail, status, retryable: false });
}

function charsetOf(contentType: string): string {
  return /charset=["']?([\w-]+)/i.exec(contentType)?.[1] ?? 'utf-8';
}

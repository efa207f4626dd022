import type { Conversation, WebSearchKeyStatus } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { webSearchCanRun, type KeyedSearchBackend } from '../../../shared/webSearch';
import type { SecretStore, SettingsRepository } from '../settings';
import { BRAVE_URL, BraveBackend } from './brave';
import { PageReader } from './pageReader';
import type { SearchBackend } from './searchBackend';
import { SearxngBackend } from './searxng';
import { TAVILY_URL, TavilyBackend } from './tavily';

export interface WebSearchServiceOptions {
  /** Tests point the hosted APIs at fixture servers. */
  endpoints?: { tavily?: string; brave?: string };
  pageTimeoutMs?: number;
  pageMaxBytes?: number;
}

/** Secret-store entries of the search keys (provider entries are UUIDs, so no clash). */
const keyId = (backend: KeyedSearchBackend) => `websearch:${backend}`;
const ENGINE_NAMES: Record<KeyedSearchBackend, string> = { tavily: 'Tavily', brave: 'Brave' };

/** The search settings joined with their keys: which engine a turn uses, and how pages are read. */
export class WebSearchService {
  constructor(
    private readonly settings: SettingsRepository,
    private readonly secrets: SecretStore,
    /** The proxy-aware fetch, so the proxy setting applies to searches and pages too. */
    private readonly fetch: typeof globalThis.fetch,
    private readonly options: WebSearchServiceOptions = {},
  ) {}

  keys(): WebSearchKeyStatus {
    return { tavily: this.secrets.get(keyId('tavily')) !== null, brave: this.secrets.get(keyId('brave')) !== null };
  }

  setKey(backend: KeyedSearchBackend, key: string | null): WebSearchKeyStatus {
    if (key) this.secrets.set(keyId(backend), key);
    else this.secrets.delete(keyId(backend));
    return this.keys();
  }

  enabledFor(conversation: Conversation): boolean {
    return conversation.webSearch ?? this.settings.read().settings.webSearch.enabledByDefault;
  }

  /** The chat provider's own search is chosen instead of an engine. */
  usesNative(): boolean {
    return this.settings.read().settings.webSearch.backend === 'native';
  }

  /**
   * Why a search cannot run for a chat on this provider (the rule the window's switch uses),
   * or null when it can. Checked before a turn so nothing is spent on a search that fails.
   */
  unusableReason(providerHasNativeSearch: boolean): AppError | null {
    const { webSearch } = this.settings.read().settings;
    if (webSearchCanRun(webSearch, this.keys(), providerHasNativeSearch)) return null;
    switch (webSearch.backend) {
      case 'searxng':
        return new AppError('bad_request', { messageKey: 'errors.searchUrlMissing', retryable: false });
      case 'tavily':
      case 'brave':
        return new AppError('auth', { messageKey: 'errors.searchKeyMissing', params: { engine: ENGINE_NAMES[webSearch.backend] }, retryable: false });
      case 'native':
        return new AppError('bad_request', { messageKey: 'errors.nativeSearchUnsupported', retryable: false });
    }
  }

  /** The chosen engine, or the reason it cannot be used (shown as the failed search step). */
  backend(): SearchBackend | AppError {
    const { webSearch } = this.settings.read().settings;
    const deps = { fetch: this.fetch };
    try {
      switch (webSearch.backend) {
        case 'searxng':
          return new SearxngBackend(webSearch.searxngUrl, deps);
        case 'tavily':
          return new TavilyBackend(this.secrets.get(keyId('tavily')), deps, this.options.endpoints?.tavily ?? TAVILY_URL);
        case 'brave':
          return new BraveBackend(this.secrets.get(keyId('brave')), deps, this.options.endpoints?.brave ?? BRAVE_URL);
        case 'native':
          return new AppError('bad_request', { messageKey: 'errors.nativeSearchUnsupported', retryable: false });
      }
    } catch (err) {
      // An unreadable key file: the search step fails with that reason, the answer goes on.
      return AppError.from(err);
    }
  }

  reader(): PageReader {
    return new PageReader({
      fetch: this.fetch,
      timeoutMs: this.options.pageTimeoutMs,
      maxBytes: this.options.pageMaxBytes,
      allowPrivateAddresses: this.settings.read().settings.webSearch.readPrivatePages,
    });
  }
}

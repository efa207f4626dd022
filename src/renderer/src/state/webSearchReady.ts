import type { ProviderView, Settings, WebSearchKeyStatus } from '../../../shared/domain';
import { hasNativeSearch } from '../../../shared/webSearch';

/**
 * Whether web search can run for a chat on this provider: the chosen engine has its address
 * or key, or (for "the provider's own search") the provider has one. Without it, switching
 * search on would only spend a model call on a search that fails.
 */
export function webSearchReady(settings: Settings | null, keys: WebSearchKeyStatus, provider: ProviderView | undefined): boolean {
  if (!settings) return false;
  const { backend, searxngUrl } = settings.webSearch;
  switch (backend) {
    case 'searxng':
      return searxngUrl.trim() !== '';
    case 'tavily':
      return keys.tavily;
    case 'brave':
      return keys.brave;
    case 'native':
      return provider !== undefined && hasNativeSearch(provider.kind, provider.presetId);
  }
}

import type { ProviderView, Settings, WebSearchKeyStatus } from '../../../shared/domain';
import { hasNativeSearch, webSearchCanRun } from '../../../shared/webSearch';

/**
 * Whether web search can run for a chat on this provider (the shared rule the core also
 * applies before a turn). Without it, the switch offers to set an engine up instead.
 */
export function webSearchReady(settings: Settings | null, keys: WebSearchKeyStatus, provider: ProviderView | undefined): boolean {
  if (!settings) return false;
  return webSearchCanRun(settings.webSearch, keys, provider !== undefined && hasNativeSearch(provider.kind, provider.presetId));
}

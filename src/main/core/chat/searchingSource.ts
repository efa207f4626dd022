import type { Provider, ProviderEvent, ProviderRequest } from '../providers/provider';
import { webSearchAnswer } from '../websearch/pipeline';
import type { WebSearchService } from '../websearch/WebSearchService';

/** A turn's event source when the conversation searches the web first (see websearch/pipeline). */
export function searchingSource(
  search: WebSearchService,
  provider: Provider,
  request: ProviderRequest,
  budgetTokens: number,
): (signal: AbortSignal) => AsyncIterable<ProviderEvent> {
  return (signal) =>
    webSearchAnswer(
      {
        backend: search.backend(),
        reader: search.reader(),
        provider,
        request,
        budgetTokens,
        today: new Date().toISOString().slice(0, 10),
      },
      signal,
    );
}

import { AppError } from '../../../shared/errors';
import { searchUnavailableNote, type Provider, type ProviderEvent, type ProviderRequest } from '../providers';
import { webSearchAnswer, type WebSearchService } from '../websearch';

/**
 * A turn's event source when the conversation searches the web first: Brook's own pipeline
 * (see websearch/pipeline), or the provider's built-in search where that is the chosen backend.
 */
export function searchingSource(
  search: WebSearchService,
  /** The provider has a search of its own (hasNativeSearch). */
  nativeSearch: boolean,
  provider: Provider,
  request: ProviderRequest,
  budgetTokens: number,
): (signal: AbortSignal) => AsyncIterable<ProviderEvent> {
  if (search.usesNative()) {
    if (nativeSearch) return (signal) => provider.stream({ ...request, webSearch: true }, signal);
    return (signal) => withoutNativeSearch(provider, request, signal);
  }
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

/** The provider has no search of its own: say so as a failed step and answer without. */
async function* withoutNativeSearch(provider: Provider, request: ProviderRequest, signal: AbortSignal): AsyncGenerator<ProviderEvent> {
  const error = new AppError('bad_request', { messageKey: 'errors.nativeSearchUnsupported', retryable: false });
  yield { type: 'search.step', step: { id: 'search-1', kind: 'search', status: 'failed', args: [], error: error.toJSON() } };
  const note = searchUnavailableNote();
  yield* provider.stream({ ...request, system: request.system ? `${request.system}\n\n${note}` : note }, signal);
}

import type { AppError } from '../../../shared/errors';
import { searchUnavailableNote, type Provider, type ProviderEvent, type ProviderRequest } from '../providers';
import { webSearchAnswer, type WebSearchService } from '../websearch';

/**
 * A turn's event source when the conversation searches the web first: Brook's own pipeline
 * (see websearch/pipeline), or the provider's built-in search where that is the chosen backend.
 */
export function searchingSource(
  search: WebSearchService,
  provider: Provider,
  request: ProviderRequest,
  budgetTokens: number,
): (signal: AbortSignal) => AsyncIterable<ProviderEvent> {
  if (search.usesNative()) return (signal) => provider.stream({ ...request, webSearch: true }, signal);
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

/**
 * Search is on but cannot run (no engine address or key, or the provider's own search on a
 * provider without one). We answer without it rather than refuse: with "search on by
 * default" and no engine, the window hides the switch, so refusing would leave the user no
 * way to chat at all. No query-writing call and no engine request are made; one skipped step
 * says why (its error links to Settings → Web search) and the model is told not to pretend.
 */
export function unsearchedSource(
  provider: Provider,
  request: ProviderRequest,
  reason: AppError,
): (signal: AbortSignal) => AsyncIterable<ProviderEvent> {
  return async function* (signal) {
    yield { type: 'search.step', step: { id: 'search-1', kind: 'search', status: 'skipped', args: [], error: reason.toJSON() } };
    const note = searchUnavailableNote();
    yield* provider.stream({ ...request, system: request.system ? `${request.system}\n\n${note}` : note }, signal);
  };
}

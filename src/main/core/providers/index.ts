/**
 * providers: one file per wire protocol behind one interface (./provider.ts), listed by hand in
 * ./registry.ts. A provider's own web search sits beside it (geminiGrounding, anthropicSearch,
 * sparkSearch, qianfanSearch). Providers know a protocol and nothing else: no database, no
 * windows, no settings. Uses base and net.
 */
export { type CustomEndpointConnection } from './customEndpoint';
export { testCustomEndpoint } from './customEndpointTest';
export { CONTINUE_INSTRUCTION, continuationMessages, continueRequest } from './continuation';
export type {
  ChatTurnMessage,
  Provider,
  ProviderConnection,
  ProviderDeps,
  ProviderEvent,
  ProviderFactory,
  ProviderRequest,
} from './provider';
export { getProviderFactory, PROVIDER_FACTORIES } from './registry';
export { searchFoundNothingNote, searchUnavailableNote } from './searchNotes';
export { IMAGE_LIMITS, noVisionError, type ImageLimits } from './imageParts';

/**
 * The one interface every provider module implements. A provider knows a wire protocol and
 * nothing else: no database, no windows, no settings. It throws AppError for every failure.
 */
import type { ProviderKind, Usage } from '../../../shared/domain';

export interface ChatTurnMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface ProviderRequest {
  model: string;
  messages: ChatTurnMessage[];
  temperature?: number;
  maxOutputTokens?: number;
}

export type ProviderEvent =
  | { type: 'text'; text: string }
  | { type: 'reasoning'; text: string }
  | { type: 'usage'; usage: Usage }
  | { type: 'done'; finishReason: string | null };

export interface ProviderConnection {
  baseUrl: string;
  /** null for servers that need no key (Ollama, LM Studio). */
  apiKey: string | null;
}

export interface ProviderDeps {
  fetch: typeof globalThis.fetch;
}

export interface Provider {
  /** Yields events until the answer ends; aborting `signal` ends it with an AbortError. */
  stream(request: ProviderRequest, signal: AbortSignal): AsyncIterable<ProviderEvent>;
  /** Model ids the server offers; throws AppError when the server cannot be used. */
  listModels(signal: AbortSignal): Promise<string[]>;
}

export interface ProviderFactory {
  kind: ProviderKind;
  create(connection: ProviderConnection, deps: ProviderDeps): Provider;
}

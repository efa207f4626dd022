/**
 * The one interface every provider module implements. A provider knows a wire protocol and
 * nothing else: no database, no windows, no settings. It throws AppError for every failure,
 * except a user's Stop: when `signal` aborts, it rejects with the AbortError itself.
 */
import type { Agent } from 'node:http';
import type { ProviderKind, ReasoningEffort } from '../../../shared/domain';
import type { LiveEvent } from '../../../shared/streamEvents';
import type { RoundThinking } from '../../../shared/roundThinking';
import type { NativeSearchPreset } from '../../../shared/webSearch';
import type { ChatTurnMessage } from '../base';
import type { CustomEndpointConnection } from './customEndpoint';

export type { ChatTurnMessage };


export interface ProviderRequest {
  model: string;
  /**
   * The conversation, oldest first, ending with the user's newest message. `system` entries
   * are allowed anywhere; providers whose protocol has no system role (Anthropic, Gemini,
   * Qianfan v1) lift them into their top-level system field, after `system` below.
   * Consecutive same-role turns are merged where a protocol demands alternation.
   */
  messages: ChatTurnMessage[];
  /** The system prompt. Sent where the protocol wants it (a first message, `system`, `systemInstruction`). */
  system?: string;
  /** Validate against PARAMETER_RANGES[kind] before sending; providers pass values through as given. */
  temperature?: number;
  topP?: number;
  /** Sent only where the protocol has it (Anthropic, Gemini, Spark); ignored by the others. */
  topK?: number;
  maxOutputTokens?: number;
  /**
   * Ask for the model's reasoning where the protocol has a switch (Anthropic `thinking`,
   * Gemini `thinkingConfig.includeThoughts`). Undefined = the provider's default: off for
   * Anthropic (thinking costs output budget and forbids temperature/top_k/prefill), on for
   * Gemini models known to think. Protocols that always stream reasoning (DeepSeek, Spark X1)
   * ignore it.
   */
  reasoning?: boolean;
  /** Anthropic only: turns thinking on with this budget (≥ 1024), overriding `reasoning`'s default budget. */
  thinkingBudget?: number;
  /** OpenAI-compatible only: sent as `reasoning_effort`. */
  reasoningEffort?: ReasoningEffort;
  /**
   * "Continue": the text of the assistant answer so far. The new events carry only what
   * comes after it, never a repeat. How each kind honours it is PREFILL_SUPPORT[kind]:
   * - `native` (Anthropic): sent as a trailing assistant message the model continues.
   * - `best-effort` (OpenAI-compatible): sent as a trailing assistant message. Ollama,
   *   llama.cpp server and LM Studio continue it; vLLM only with `continue_final_message`;
   *   Moonshot/Kimi needs `partial: true` and DeepSeek `prefix: true` on its beta URL, Mistral
   *   `prefix: true` (not sent: OpenAI itself rejects unknown message fields); OpenAI answers
   *   anew instead of continuing.
   * - `none` (Gemini, Spark, Qianfan): passing a prefill is a bad_request. The caller builds an
   *   explicit continuation instead (`continuationMessages` in ./continuation.ts).
   */
  prefill?: string;
  /**
   * Use the provider's own web search (hasNativeSearch in shared/webSearch): Gemini grounding,
   * Anthropic's `web_search` tool, Spark's `web_search` tool, Qianfan v2's `web_search` option
   * (ProviderConnection.nativeSearch). Its queries and sources come back as
   * `search.step`/`search.source`; providers without a search ignore it.
   */
  webSearch?: boolean;
  /** The conversation this answer belongs to; only the custom kind sends it (`{{conversation_id}}`). */
  conversationId?: string;
  /**
   * Tools the model may call (names already `[a-zA-Z0-9_-]{1,64}`). Sent in the protocol's own
   * form; a call comes back as `tool.call` events before `done` (finish reason `tool_calls`).
   * Kinds without tool calling refuse a request with tools before sending anything.
   */
  tools?: OfferedTool[];
}

/** A tool as a provider offers it to the model. */
export interface OfferedTool {
  name: string;
  description: string;
  /** JSON Schema of the arguments object. */
  parameters: Record<string, unknown>;
}

/** One complete tool call the model made: its arguments are the whole JSON text, as sent. */
export interface ProviderToolCall {
  /** The protocol's call id; synthesised where the protocol has none (Gemini). */
  id: string;
  name: string;
  arguments: string;
}

/**
 * What a provider yields: the stream's live events under their one name (shared/streamEvents:
 * text, reasoning, usage just before `done`, search.step and search.source from a search),
 * then `done`.
 */
export type ProviderEvent =
  | LiveEvent
  /**
   * The answer is complete. `finishReason` uses OpenAI's words for what they share: `stop`,
   * `length` (the output cap cut it — offer Continue), `content_filter`, `tool_calls`; anything
   * else is the provider's own reason, lowercased. null when the server gave none.
   */
  | {
      type: 'done';
      finishReason: string | null;
      /** With tool calls: the thinking that must go back with them (the tool loop carries it in the round). */
      thinking?: RoundThinking;
    }
  /** A tool call whose arguments are complete; several may come before one `done`. */
  | { type: 'tool.call'; call: ProviderToolCall };

/**
 * Where and as whom to connect. One flat shape for every kind, so settings can store it
 * without a union; CREDENTIAL_FIELDS[kind] (./catalog.ts) says which fields a kind uses and
 * what the vendor calls them:
 *
 * | kind              | apiKey                    | apiSecret                    | appId      |
 * |-------------------|---------------------------|------------------------------|------------|
 * | openai-compatible | Bearer key, or null       | –                            | –          |
 * | anthropic         | `x-api-key`               | –                            | –          |
 * | gemini            | `x-goog-api-key`          | –                            | –          |
 * | spark             | APIKey (signs the URL)    | APISecret (HMAC key)         | APPID      |
 * | qianfan           | API Key (OAuth client_id) | Secret Key (client_secret)   | –          |
 *
 * `apiKey` and `apiSecret` are secrets (keep them in the secret store); `appId` is not.
 */
export interface ProviderConnection {
  /** The protocol's base address; an empty string means the kind's default (DEFAULT_BASE_URLS). */
  baseUrl: string;
  /** null for servers that need no key (Ollama, LM Studio). */
  apiKey: string | null;
  apiSecret?: string | null;
  appId?: string | null;
  /**
   * OpenAI-compatible only: the server's own search, known from the preset the provider was
   * configured from (nativeSearchPreset). Absent: no search fields are ever sent.
   */
  nativeSearch?: NativeSearchPreset | null;
  /** The custom kind only: the user's endpoint description and its secret header values. */
  custom?: CustomEndpointConnection;
}

export interface ProviderDeps {
  fetch: typeof globalThis.fetch;
  /** Wall clock for signatures and token expiry; Date.now when absent. */
  now?: () => number;
  /**
   * Agent for WebSocket providers (Spark), e.g. a proxy agent; fetch-based providers get their
   * proxy through `fetch`.
   */
  webSocketAgent?: Agent;
}

export interface Provider {
  /** Yields events until the answer ends; aborting `signal` ends it with an AbortError. */
  stream(request: ProviderRequest, signal: AbortSignal): AsyncIterable<ProviderEvent>;
  /**
   * Model ids the server offers; throws AppError when the server cannot be used. Kinds without
   * a model list (Spark, Qianfan v1) prove the credentials and return their known table.
   */
  listModels(signal: AbortSignal): Promise<string[]>;
}

export interface ProviderFactory {
  kind: ProviderKind;
  create(connection: ProviderConnection, deps: ProviderDeps): Provider;
}

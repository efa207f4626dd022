/**
 * Anthropic Messages streaming (protocols.md §2): `POST {base}/v1/messages` with `x-api-key`
 * and `anthropic-version`, an SSE stream of named events:
 *   message_start → (content_block_start → content_block_delta* → content_block_stop)* →
 *   message_delta+ → message_stop, with `ping` anywhere, and `error` possible after HTTP 200.
 * Unknown event types and block/delta types are ignored: Anthropic says new ones will appear.
 *
 * Usage: `message_start.message.usage` has the input counts, every `message_delta.usage` the
 * cumulative totals; values overwrite, never add (§2.4). One usage event goes out at the end.
 *
 * Cancellation contract: see ./common.ts.
 */
import type { Usage } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { DEFAULT_BASE_URLS } from '../../../shared/providerCatalog';
import { checkedUrl, connectionLost, type ErrorContext, errorFromStreamPayload, finiteNumber, isRecord, parseJson, readJson, readSse, redact, resolveFailure, sendOk, trimBase, truncateDetail, withSecretHeaders } from '../net';
import { anthropicContent } from './imageParts';
import { makeUsage, noUserMessage, splitMessages } from './messages';
import { AnthropicWebSearch } from './anthropicSearch';
import { anthropicToolMessages, anthropicToolsField, AnthropicToolUses, type AnthropicWireMessage } from './anthropicTools';
import { AnthropicThinkingBlocks } from './anthropicThinking';
import { BatchedEvents } from './batchedEvents';
import type { Provider, ProviderConnection, ProviderDeps, ProviderEvent, ProviderFactory, ProviderRequest } from './provider';

export const ANTHROPIC_VERSION = '2023-06-01';
/** `max_tokens` is required; 4096 is within every current model's output limit. */
export const ANTHROPIC_DEFAULT_MAX_TOKENS = 4096;
/** With thinking on, the budget comes out of max_tokens, so the default is larger. */
const THINKING_DEFAULT_MAX_TOKENS = 16384;
/** The smallest `budget_tokens` the API accepts (§2.2). */
const MIN_THINKING_BUDGET = 1024;
/** Room left for the answer when a thinking budget raises max_tokens. */
const MIN_ANSWER_TOKENS = 1024;
/** With thinking on, top_p must lie in [0.95, 1] (§2.2). */
const MIN_THINKING_TOP_P = 0.95;
const MAX_MODEL_PAGES = 20;

export const anthropicFactory: ProviderFactory = {
  kind: 'anthropic',
  create(connection, deps) {
    return new AnthropicProvider(connection, deps);
  },
};

const FINISH_REASONS: Record<string, string> = {
  end_turn: 'stop',
  stop_sequence: 'stop',
  max_tokens: 'length',
  model_context_window_exceeded: 'length',
  refusal: 'content_filter',
  tool_use: 'tool_calls',
};

export class AnthropicProvider implements Provider {
  private readonly baseUrl: string;
  private readonly errorContext: ErrorContext;

  constructor(
    private readonly connection: ProviderConnection,
    private readonly deps: ProviderDeps,
  ) {
    // The SDK's base has no /v1; people paste it with one.
    this.baseUrl = trimBase(connection.baseUrl, DEFAULT_BASE_URLS.anthropic).replace(/\/v1$/, '');
    this.errorContext = { secrets: [connection.apiKey], wrongPathKey: null };
  }

  stream(request: ProviderRequest, signal: AbortSignal): AsyncIterable<ProviderEvent> {
    return new BatchedEvents((out) => this.produce(request, signal, out));
  }

  /** The events of one answer, pushed into `out` a network read at a time (./batchedEvents.ts). */
  private async *produce(request: ProviderRequest, signal: AbortSignal, out: ProviderEvent[]): AsyncGenerator<void, void, undefined> {
    const { body, leading, search } = anthropicBody(request);
    const toolUses = new AnthropicToolUses();
    const thinking = new AnthropicThinkingBlocks();

    const response = await this.send('/v1/messages', signal, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify(body),
    });
    if (!(response.headers.get('content-type') ?? '').includes('text/event-stream') || !response.body) throw await this.notAStream(response, signal);

    const usage = new UsageTotals();
    let finishReason: string | null = null;
    let receivedAny = false;
    for await (const items of readSse(response.body, signal, { endMarker: 'message_stop', errorContext: this.errorContext })) {
      for (const item of items) {
        receivedAny = true;
        if (item.type === 'json') {
          if (isRecord(item.value) && item.value.error !== undefined) throw errorFromStreamPayload(item.value, this.errorContext);
          continue;
        }
        if (item.event.data.trim() === '') continue;
        const json = parseJson(item.event.data);
        if (!isRecord(json)) {
          if (item.event.event === 'error') throw errorFromStreamPayload({ error: item.event.data }, this.errorContext);
          throw new AppError('provider', { detail: `Unreadable stream event: ${truncateDetail(redact(item.event.data, this.errorContext), 200)}` });
        }
        // The `event:` name and the data's `type` are the same by spec; trust the data if they differ.
        const type = typeof json.type === 'string' ? json.type : item.event.event;
        switch (type) {
          case 'error':
            throw errorFromStreamPayload(json, this.errorContext);
          case 'message_start':
            if (isRecord(json.message)) usage.update(json.message.usage);
            break;
          case 'content_block_start': {
            // A block may start with text already in it (usually "").
            const block = isRecord(json.content_block) ? json.content_block : {};
            if (search) out.push(...search.blockStart(finiteNumber(json.index) ?? -1, block));
            toolUses.blockStart(finiteNumber(json.index) ?? -1, block);
            thinking.blockStart(finiteNumber(json.index) ?? -1, block);
            if (block.type === 'text' && typeof block.text === 'string') out.push(...textEvent(leading.take(block.text)));
            if (block.type === 'thinking' && typeof block.thinking === 'string' && block.thinking !== '') {
              out.push({ type: 'reasoning', text: block.thinking });
            }
            break;
          }
          case 'content_block_delta': {
            const delta = isRecord(json.delta) ? json.delta : {};
            if (delta.type === 'text_delta' && typeof delta.text === 'string') out.push(...textEvent(leading.take(delta.text)));
            if (delta.type === 'thinking_delta' && typeof delta.thinking === 'string' && delta.thinking !== '') {
              out.push({ type: 'reasoning', text: delta.thinking });
            }
            // signature_delta, input_json_delta, citations_delta: not shown, except for web search.
            if (search) out.push(...search.blockDelta(finiteNumber(json.index) ?? -1, delta));
            toolUses.blockDelta(finiteNumber(json.index) ?? -1, delta);
            thinking.blockDelta(finiteNumber(json.index) ?? -1, delta);
            break;
          }
          case 'content_block_stop':
            if (search) out.push(...search.blockStop(finiteNumber(json.index) ?? -1));
            out.push(...toolUses.blockStop(finiteNumber(json.index) ?? -1));
            break;
          case 'message_delta': {
            const delta = isRecord(json.delta) ? json.delta : {};
            if (typeof delta.stop_reason === 'string') finishReason = FINISH_REASONS[delta.stop_reason] ?? delta.stop_reason.toLowerCase();
            usage.update(json.usage);
            break;
          }
          case 'message_stop': {
            const total = usage.toUsage();
            if (total) out.push({ type: 'usage', usage: total });
            const roundThinking = toolUses.any ? thinking.forRound(request.model) : undefined;
            out.push({ type: 'done', finishReason, ...(roundThinking ? { thinking: roundThinking } : {}) });
            return;
          }
          default:
            // ping, and event types added after this was written.
            break;
        }
      }
      // The reader gets this read's events now, before the next read is awaited.
      yield;
    }
    throw connectionLost('message_stop', receivedAny);
  }

  /** A 2xx answer that is no event stream: an error envelope, or not Anthropic's API at all. */
  private async notAStream(response: Response, signal: AbortSignal): Promise<unknown> {
    const contentType = response.headers.get('content-type') ?? '';
    const text = await response.text().catch((err: unknown) => {
      throw resolveFailure(err, signal, () => connectionLost('message_stop', false, err));
    });
    const json = parseJson(text);
    if (isRecord(json) && json.type === 'error') return errorFromStreamPayload(json, this.errorContext);
    return new AppError('provider', { detail: `Expected an event stream, got ${contentType || 'no content type'}.` });
  }

  async listModels(signal: AbortSignal): Promise<string[]> {
    const ids: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < MAX_MODEL_PAGES; page++) {
      const query = new URLSearchParams({ limit: '1000' });
      if (after !== null) query.set('after_id', after);
      const response = await this.send(`/v1/models?${query.toString()}`, signal, { method: 'GET', headers: { accept: 'application/json' } });
      const json = await readJson(response, signal, 'The model list', this.errorContext);
      if (!isRecord(json) || !Array.isArray(json.data)) throw new AppError('provider', { detail: 'The model list has no `data` array.' });
      for (const m of json.data as unknown[]) if (isRecord(m) && typeof m.id === 'string') ids.push(m.id);
      if (json.has_more !== true || typeof json.last_id !== 'string') break;
      after = json.last_id;
    }
    return [...new Set(ids)].sort((a, b) => a.localeCompare(b, 'en'));
  }

  private send(path: string, signal: AbortSignal, init: RequestInit): Promise<Response> {
    const url = checkedUrl(this.baseUrl, path).toString();
    const headers = withSecretHeaders(init.headers, { 'x-api-key': this.connection.apiKey });
    headers.set('anthropic-version', ANTHROPIC_VERSION);
    return sendOk({ fetch: this.deps.fetch, url, init: { ...init, headers }, signal, errorContext: this.errorContext });
  }
}

/** The request body: the turns, a prefill to continue, thinking or sampling, and the search tool. */
function anthropicBody(request: ProviderRequest): { body: Record<string, unknown>; leading: WhitespaceDropper; search: AnthropicWebSearch | null } {
  const { system, turns } = splitMessages(request);
  if (!turns.some((t) => t.role === 'user')) throw noUserMessage();
  // "Continue" (native): a final assistant message is continued by the model. The API
  // rejects one that ends in whitespace, so that is cut here and the same whitespace is
  // dropped from the start of the continuation, which the caller appends to the full text.
  const prefill = request.prefill ?? '';
  const sentPrefill = prefill.replace(/\s+$/u, '');
  const leading = new WhitespaceDropper(prefill.slice(sentPrefill.length));
  const { maxTokens, budget } = thinkingPlan(request, sentPrefill !== '');

  // Tool rounds need content blocks; without them the plain turns stay as they always were.
  const messages: AnthropicWireMessage[] = request.messages.some((m) => m.toolRounds?.length)
    ? anthropicToolMessages(request.messages, { model: request.model, thinkingOn: budget !== null })
    : turns.map((t) => ({ role: t.role, content: anthropicContent(t.content, t.images) }));
  if (sentPrefill !== '') messages.push({ role: 'assistant', content: sentPrefill });

  const body: Record<string, unknown> = { model: request.model, max_tokens: maxTokens, messages, stream: true };
  if (system !== '') body.system = system;
  if (budget !== null) {
    body.thinking = { type: 'enabled', budget_tokens: budget };
    // Thinking forbids temperature and top_k, and allows top_p only from 0.95 to 1.
    if (request.topP !== undefined && request.topP >= MIN_THINKING_TOP_P) body.top_p = request.topP;
  } else {
    if (request.temperature !== undefined) body.temperature = request.temperature;
    if (request.topP !== undefined) body.top_p = request.topP;
    if (request.topK !== undefined) body.top_k = request.topK;
  }

  const search = request.webSearch ? new AnthropicWebSearch() : null;
  const tools: unknown[] = request.tools ? anthropicToolsField(request.tools) : [];
  if (search) tools.push({ type: 'web_search_20250305', name: 'web_search', max_uses: 3 });
  if (tools.length > 0) body.tools = tools;
  return { body, leading, search };
}

/**
 * max_tokens and the thinking budget (null = no thinking). Thinking forbids a prefill and needs
 * budget < max_tokens: a user's budget raises max_tokens to leave MIN_ANSWER_TOKENS for the
 * answer; the old `reasoning` switch takes half of max_tokens instead.
 */
function thinkingPlan(request: ProviderRequest, hasPrefill: boolean): { maxTokens: number; budget: number | null } {
  if (!hasPrefill && request.thinkingBudget !== undefined) {
    const budget = Math.max(MIN_THINKING_BUDGET, Math.floor(request.thinkingBudget));
    const maxTokens = Math.max(request.maxOutputTokens ?? THINKING_DEFAULT_MAX_TOKENS, budget + MIN_ANSWER_TOKENS);
    return { maxTokens, budget };
  }
  const thinking = !hasPrefill && request.reasoning === true;
  const maxTokens = request.maxOutputTokens ?? (thinking ? THINKING_DEFAULT_MAX_TOKENS : ANTHROPIC_DEFAULT_MAX_TOKENS);
  if (!thinking || maxTokens <= MIN_THINKING_BUDGET) return { maxTokens, budget: null };
  return { maxTokens, budget: Math.max(MIN_THINKING_BUDGET, Math.floor(maxTokens / 2)) };
}

function* textEvent(text: string): Generator<ProviderEvent> {
  if (text !== '') yield { type: 'text', text };
}

/**
 * Drops, from the start of the continuation, the longest prefix it shares with the whitespace
 * cut off the prefill: "foo " + " bar" → "bar"; "a\n" + "\n\nb" → "\nb". Stops at the first
 * character that does not match.
 */
class WhitespaceDropper {
  constructor(private pending: string) {}

  take(text: string): string {
    let i = 0;
    while (this.pending !== '' && i < text.length && text[i] === this.pending[0]) {
      this.pending = this.pending.slice(1);
      i++;
    }
    if (i < text.length) this.pending = '';
    return text.slice(i);
  }
}

/** Anthropic's counters; input = input + cache creation + cache reads (§2.4). */
class UsageTotals {
  private input: number | null = null;
  private cacheCreation: number | null = null;
  private cacheRead: number | null = null;
  private output: number | null = null;

  update(value: unknown): void {
    if (!isRecord(value)) return;
    this.input = finiteNumber(value.input_tokens) ?? this.input;
    this.cacheCreation = finiteNumber(value.cache_creation_input_tokens) ?? this.cacheCreation;
    this.cacheRead = finiteNumber(value.cache_read_input_tokens) ?? this.cacheRead;
    this.output = finiteNumber(value.output_tokens) ?? this.output;
  }

  toUsage(): Usage | null {
    const parts = [this.input, this.cacheCreation, this.cacheRead];
    const prompt = parts.every((p) => p === null) ? null : parts.reduce<number>((sum, p) => sum + (p ?? 0), 0);
    return makeUsage(prompt, this.output);
  }
}

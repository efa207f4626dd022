/**
 * OpenAI Chat Completions streaming, as spoken by OpenAI and the servers that copy it
 * (DeepSeek, Ollama's /v1, vLLM, LM Studio, Qianfan v2, Spark HTTP, …). See
 * /work/shared/reference/protocols.md §1 for the wire format and §8 for the SSE rules.
 *
 * Reasoning arrives three ways and is always surfaced as `reasoning`, never as answer text:
 * `delta.reasoning_content` (DeepSeek, vLLM ≤0.10), `delta.reasoning` (Ollama, newer vLLM) and
 * inline `<think>…</think>` in `content` (see ./thinkTags.ts).
 *
 * Ollama: its native `/api/chat` (NDJSON) is not implemented. The `/v1` endpoint covers what
 * Brook uses — text, `reasoning`, usage, errors — so Ollama is a preset of this provider. What
 * /v1 cannot set is `num_ctx`; users who need a larger window set it in the Modelfile or with
 * OLLAMA_CONTEXT_LENGTH.
 *
 * Cancellation contract: see ./common.ts (abort → AbortError, AbortSignal.timeout → `timeout`).
 */
import { AppError } from '../../../shared/errors';
import { DEFAULT_BASE_URLS } from '../../../shared/providerCatalog';
import { checkedUrl, connectionLost, type ErrorContext, errorFromStreamPayload, type ExtraErrorKey, finiteNumber, isRecord, nonEmptyString, parseJson, readSse, redact, resolveFailure, sendOk, trimBase, truncateDetail, withSecretHeaders } from '../net';
import { makeUsage, messagesWithSystem } from './messages';
import type { Provider, ProviderConnection, ProviderDeps, ProviderEvent, ProviderFactory, ProviderRequest } from './provider';
import { ThinkTagSplitter } from './thinkTags';
import { BatchedEvents } from './batchedEvents';
import { QianfanWebSearch } from './qianfanSearch';
import { openAIMessages, OpenAIToolCalls, openAIToolsField } from './openaiTools';
import type { Usage } from '../../../shared/domain';
import type { RoundThinking } from '../../../shared/roundThinking';

const NOT_COMPATIBLE: ExtraErrorKey = 'errors.notOpenAICompatible';

export const openAICompatibleFactory: ProviderFactory = {
  kind: 'openai-compatible',
  create(connection, deps) {
    return new OpenAICompatibleProvider(connection, deps);
  },
};

export class OpenAICompatibleProvider implements Provider {
  private readonly baseUrl: string;
  private readonly errorContext: ErrorContext;

  constructor(
    private readonly connection: ProviderConnection,
    private readonly deps: ProviderDeps,
  ) {
    this.baseUrl = trimBase(connection.baseUrl, DEFAULT_BASE_URLS['openai-compatible']);
    this.errorContext = { secrets: [connection.apiKey] };
  }

  stream(request: ProviderRequest, signal: AbortSignal): AsyncIterable<ProviderEvent> {
    return new BatchedEvents((out) => this.produce(request, signal, out));
  }

  /** The events of one answer, pushed into `out` a network read at a time (./batchedEvents.ts). */
  private async *produce(request: ProviderRequest, signal: AbortSignal, out: ProviderEvent[]): AsyncGenerator<void, void, undefined> {
    const messages = openAIMessages(messagesWithSystem(request));
    // "Continue": the partial answer goes last as an assistant message. Which servers continue
    // it rather than answer anew is documented at ProviderRequest.prefill.
    if (request.prefill) messages.push({ role: 'assistant', content: request.prefill });
    const body: Record<string, unknown> = {
      model: request.model,
      messages,
      stream: true,
      stream_options: { include_usage: true },
    };
    if (request.temperature !== undefined) body.temperature = request.temperature;
    if (request.topP !== undefined) body.top_p = request.topP;
    // `max_tokens`, not `max_completion_tokens`: the compatible servers know only the former.
    if (request.maxOutputTokens !== undefined) body.max_tokens = request.maxOutputTokens;
    // Reasoning models (o-series, gpt-5, grok-3-mini, …); sent only when the user chose one.
    if (request.reasoningEffort !== undefined) body.reasoning_effort = request.reasoningEffort;
    if (request.tools && request.tools.length > 0) body.tools = openAIToolsField(request.tools);
    // Only servers known (from their preset) to have a search get a search field: other
    // OpenAI-compatible servers may reject unknown fields.
    const search = request.webSearch && this.connection.nativeSearch === 'qianfan-v2' ? new QianfanWebSearch() : null;
    if (search) body.web_search = QianfanWebSearch.REQUEST;

    const response = await this.send('/chat/completions', signal, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify(body),
    });

    const contentType = response.headers.get('content-type') ?? '';
    if (!contentType.includes('text/event-stream')) {
      out.push(...(await this.nonStreamingAnswer(response, contentType, signal)));
      return;
    }
    if (!response.body) throw new AppError('provider', { messageKey: NOT_COMPATIBLE, detail: 'Empty response body.' });
    if (search) out.push(...search.start());
    yield* this.readEvents(response.body, signal, search, out);
  }

  async listModels(signal: AbortSignal): Promise<string[]> {
    const response = await this.send('/models', signal, { method: 'GET', headers: { accept: 'application/json' } });
    let json: unknown;
    try {
      json = await response.json();
    } catch (err) {
      throw resolveFailure(err, signal, () => new AppError('provider', { messageKey: NOT_COMPATIBLE, detail: 'The model list is not JSON.' }));
    }
    const data = isRecord(json) ? json.data : undefined;
    if (!Array.isArray(data)) {
      throw new AppError('provider', { messageKey: NOT_COMPATIBLE, detail: 'The model list has no `data` array.' });
    }
    const ids = data.flatMap((m: unknown) => (isRecord(m) && typeof m.id === 'string' ? [m.id] : []));
    return [...new Set(ids)].sort((a, b) => a.localeCompare(b, 'en'));
  }

  private send(path: string, signal: AbortSignal, init: RequestInit): Promise<Response> {
    const url = checkedUrl(this.baseUrl, path).toString();
    const key = this.connection.apiKey;
    const headers = withSecretHeaders(init.headers, { authorization: key === null ? null : `Bearer ${key}` });
    return sendOk({ fetch: this.deps.fetch, url, init: { ...init, headers }, signal, errorContext: this.errorContext });
  }

  private async *readEvents(body: ReadableStream<Uint8Array>, signal: AbortSignal, search: QianfanWebSearch | null, out: ProviderEvent[]): AsyncGenerator<void, void, undefined> {
    const think = new ThinkTagSplitter();
    const calls = new OpenAIToolCalls();
    const reasoning = new ReasoningField();
    let finishReason: string | null = null;
    let usage: Usage | null = null;
    let receivedAny = false;
    const finish = (): void => {
      out.push(...think.flush());
      if (search) out.push(...search.end());
      // Some servers (Ollama) end a turn of calls with `stop`: the calls decide.
      if (calls.any) finishReason = 'tool_calls';
      const thinking = calls.any ? reasoning.forRound() : undefined;
      out.push(...calls.flush());
      if (usage) out.push({ type: 'usage', usage });
      out.push({ type: 'done', finishReason, ...(thinking ? { thinking } : {}) });
    };

    for await (const items of readSse(body, signal, { endMarker: '[DONE]', errorContext: this.errorContext })) {
      for (const item of items) {
        receivedAny = true;
        // A bare JSON line with `error` (how Ollama's /v1 reports a mid-stream error is UNCONFIRMED, §1.7).
        if (item.type === 'json') {
          if (isRecord(item.value) && item.value.error !== undefined) throw errorFromStreamPayload(item.value, this.errorContext);
          continue;
        }
        const event = item.event;
        // A bare `data:` line carries nothing; some servers use it as a heartbeat.
        if (event.data.trim() === '') continue;
        if (event.event === 'error') throw errorFromStreamPayload(parseJson(event.data) ?? { error: event.data }, this.errorContext);
        if (event.data.trim() === '[DONE]') {
          finish();
          return;
        }
        const json = parseJson(event.data);
        if (!isRecord(json)) {
          const sample = truncateDetail(redact(event.data, this.errorContext), 200);
          throw new AppError('provider', { detail: `Unreadable stream chunk: ${sample}` });
        }
        if (json.error !== undefined && json.error !== null) throw errorFromStreamPayload(json, this.errorContext);
        const delta = firstChoiceDelta(json);
        if (search) out.push(...search.chunk(json, delta !== null && (nonEmptyString(delta.content) !== null || (nonEmptyString(delta.reasoning_content) ?? nonEmptyString(delta.reasoning)) !== null)));
        if (delta) {
          const piece = reasoning.take(delta);
          if (piece !== null) out.push({ type: 'reasoning', text: piece });
          if (typeof delta.content === 'string' && delta.content !== '') out.push(...think.push(delta.content));
          if (delta.tool_calls !== undefined && delta.tool_calls !== null) calls.push(delta);
        }
        // Normally on its own chunk with `choices: []`, but some servers attach it to the last one.
        usage = toUsage(json.usage) ?? usage;
        finishReason = lastFinishReason(json) ?? finishReason;
      }
      // The reader gets this read's events now, before the next read is awaited.
      yield;
    }

    // Some proxies drop `[DONE]` but close cleanly after the finish chunk: the answer is
    // complete. Without a finish_reason, the answer was cut off.
    if (finishReason !== null) {
      finish();
      return;
    }
    out.push(...think.flush());
    throw connectionLost('[DONE]', receivedAny);
  }

  /** A server that ignored `stream: true` and sent one JSON completion; anything else is not ours. */
  private async nonStreamingAnswer(response: Response, contentType: string, signal: AbortSignal): Promise<ProviderEvent[]> {
    let text: string;
    try {
      text = await response.text();
    } catch (err) {
      throw resolveFailure(err, signal, () => connectionLost('[DONE]', true, err));
    }
    const json = contentType.includes('json') ? parseJson(text) : undefined;
    if (isRecord(json) && json.error !== undefined && json.error !== null) throw errorFromStreamPayload(json, this.errorContext);
    const choice = isRecord(json) && Array.isArray(json.choices) ? json.choices[0] : undefined;
    const message = isRecord(choice) ? choice.message : undefined;
    if (!isRecord(json) || !isRecord(choice) || !isRecord(message)) {
      throw new AppError('provider', {
        messageKey: NOT_COMPATIBLE,
        detail: `Expected an event stream, got ${contentType || 'no content type'}.`,
      });
    }
    const reasoning = new ReasoningField();
    const piece = reasoning.take(message);
    const out: ProviderEvent[] = [];
    if (piece !== null) out.push({ type: 'reasoning', text: piece });
    if (typeof message.content === 'string' && message.content !== '') {
      const think = new ThinkTagSplitter();
      out.push(...think.push(message.content), ...think.flush());
    }
    const calls = new OpenAIToolCalls();
    if (message.tool_calls !== undefined && message.tool_calls !== null) calls.push(message);
    const hadCalls = calls.any;
    const thinking = hadCalls ? reasoning.forRound() : undefined;
    out.push(...calls.flush());
    const usage = toUsage(json.usage);
    if (usage) out.push({ type: 'usage', usage });
    out.push({ type: 'done', finishReason: hadCalls ? 'tool_calls' : typeof choice.finish_reason === 'string' ? choice.finish_reason : null, ...(thinking ? { thinking } : {}) });
    return out;
  }
}

/** The delta of choice 0 (n=1 is all we request; a server that sends more still has index 0 first). */
function firstChoiceDelta(json: Record<string, unknown>): Record<string, unknown> | null {
  const choice = Array.isArray(json.choices) ? json.choices[0] : undefined;
  return isRecord(choice) && isRecord(choice.delta) ? choice.delta : null;
}

/**
 * DeepSeek and vLLM ≤0.10 say reasoning_content; Ollama and newer vLLM say reasoning. Servers
 * in transition may send both with the same text, so take only one. The whole text is kept, in
 * the field it came in: a turn that makes tool calls sends it back there (DeepSeek answers 400
 * otherwise; protocols.md §1.5). Inline `<think>` text is not sent back.
 */
class ReasoningField {
  private field: 'reasoning_content' | 'reasoning' | null = null;
  private text = '';

  take(delta: Record<string, unknown>): string | null {
    const content = nonEmptyString(delta.reasoning_content);
    const piece = content ?? nonEmptyString(delta.reasoning);
    if (piece === null) return null;
    this.field ??= content !== null ? 'reasoning_content' : 'reasoning';
    this.text += piece;
    return piece;
  }

  forRound(): RoundThinking | undefined {
    return this.field === null ? undefined : { family: 'openai', field: this.field, text: this.text };
  }
}

function lastFinishReason(json: Record<string, unknown>): string | null {
  const choice = Array.isArray(json.choices) ? json.choices[0] : undefined;
  return isRecord(choice) && typeof choice.finish_reason === 'string' ? choice.finish_reason : null;
}

function toUsage(value: unknown): Usage | null {
  if (!isRecord(value)) return null;
  return makeUsage(finiteNumber(value.prompt_tokens), finiteNumber(value.completion_tokens), finiteNumber(value.total_tokens));
}

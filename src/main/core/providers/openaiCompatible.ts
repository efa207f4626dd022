/**
 * OpenAI Chat Completions streaming, as spoken by OpenAI and the servers that copy it
 * (DeepSeek, Ollama's /v1, vLLM, LM Studio, Qianfan v2, …). See
 * /work/shared/reference/protocols.md §1 for the wire format and §8 for the SSE rules.
 *
 * Cancellation contract: when `signal` aborts, `stream()` and `listModels()` reject with the
 * AbortError itself, never an AppError, so the caller can tell a user's Stop (message ends as
 * `stopped`) from a failure (message ends as `error`). The one exception is a signal aborted
 * with a TimeoutError reason (AbortSignal.timeout): that is a failure and becomes AppError
 * `timeout`.
 */
import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { AppError } from '../../../shared/errors';
import type { Usage } from '../../../shared/domain';
import type { Provider, ProviderConnection, ProviderDeps, ProviderEvent, ProviderFactory, ProviderRequest } from './provider';
import {
  errorFromFetchFailure,
  errorFromResponse,
  errorFromStreamPayload,
  redact,
  truncateDetail,
  type ErrorContext,
  type ExtraErrorKey,
} from './httpErrors';

/** Far above any real chunk; only guards against a server that never ends a line. */
const MAX_EVENT_CHARS = 8 * 1024 * 1024;
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
    this.baseUrl = connection.baseUrl.trim().replace(/\/+$/, '');
    this.errorContext = { secrets: [connection.apiKey] };
  }

  async *stream(request: ProviderRequest, signal: AbortSignal): AsyncIterable<ProviderEvent> {
    const body: Record<string, unknown> = {
      model: request.model,
      messages: request.messages,
      stream: true,
      stream_options: { include_usage: true },
    };
    if (request.temperature !== undefined) body.temperature = request.temperature;
    if (request.maxOutputTokens !== undefined) body.max_tokens = request.maxOutputTokens;

    const response = await this.send('/chat/completions', signal, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify(body),
    });

    const contentType = response.headers.get('content-type') ?? '';
    if (!contentType.includes('text/event-stream')) {
      yield* this.nonStreamingAnswer(response, contentType, signal);
      return;
    }
    if (!response.body) throw new AppError('provider', { messageKey: NOT_COMPATIBLE, detail: 'Empty response body.' });
    yield* this.readEvents(response.body, signal);
  }

  async listModels(signal: AbortSignal): Promise<string[]> {
    const response = await this.send('/models', signal, { method: 'GET', headers: { accept: 'application/json' } });
    let json: unknown;
    try {
      json = await response.json();
    } catch (err) {
      throw this.failure(err, signal, () => new AppError('provider', { messageKey: NOT_COMPATIBLE, detail: 'The model list is not JSON.' }));
    }
    const data = isRecord(json) ? json.data : undefined;
    if (!Array.isArray(data)) {
      throw new AppError('provider', { messageKey: NOT_COMPATIBLE, detail: 'The model list has no `data` array.' });
    }
    const ids = data.flatMap((m: unknown) => (isRecord(m) && typeof m.id === 'string' ? [m.id] : []));
    return [...new Set(ids)].sort((a, b) => a.localeCompare(b, 'en'));
  }

  /** Fetches and returns a 2xx response; everything else becomes an AppError (or the abort). */
  private async send(path: string, signal: AbortSignal, init: RequestInit): Promise<Response> {
    const url = this.url(path);
    const headers = new Headers(init.headers);
    if (this.connection.apiKey !== null) {
      try {
        headers.set('authorization', `Bearer ${this.connection.apiKey}`);
      } catch {
        // Headers.set quotes the bad value in its message: never let the key into an error.
        throw new AppError('auth', { messageKey: 'errors.auth', detail: 'The API key contains characters that cannot be sent.' });
      }
    }
    let response: Response;
    try {
      response = await this.deps.fetch(url, { ...init, headers, signal });
    } catch (err) {
      throw this.failure(err, signal, () => errorFromFetchFailure(err, this.errorContext));
    }
    if (!response.ok) {
      const error = await errorFromResponse(response, this.errorContext);
      // The body read above can be cut short by an abort; the abort still wins.
      throw this.failure(error, signal, () => error);
    }
    return response;
  }

  private url(path: string): string {
    let parsed: URL;
    try {
      parsed = new URL(this.baseUrl + path);
    } catch {
      throw new AppError('bad_request', { messageKey: 'errors.badUrl' satisfies ExtraErrorKey, retryable: false });
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      throw new AppError('bad_request', { messageKey: 'errors.badUrl' satisfies ExtraErrorKey, retryable: false });
    }
    return parsed.toString();
  }

  /**
   * Decides what a caught error means: once the signal has aborted, whatever broke is a
   * consequence of the Stop and the abort itself is thrown; otherwise `toAppError` maps it.
   */
  private failure(err: unknown, signal: AbortSignal, toAppError: () => AppError): unknown {
    if (signal.aborted) return abortReason(signal, err);
    return err instanceof AppError ? err : toAppError();
  }

  private async *readEvents(body: ReadableStream<Uint8Array>, signal: AbortSignal): AsyncGenerator<ProviderEvent> {
    const reader = body.getReader();
    // Not every injected fetch ties the body to the signal; cancelling makes a pending read
    // return promptly either way, and the loop below then reports the abort.
    const onAbort = (): void => void reader.cancel().catch(() => undefined);
    signal.addEventListener('abort', onAbort, { once: true });

    // One TextDecoder for the whole stream: with `stream: true` it keeps the bytes of a UTF-8
    // character split across two network reads until the rest arrives.
    const decoder = new TextDecoder();
    const pending: EventSourceMessage[] = [];
    let overflow = false;
    const parser = createParser({
      onEvent: (event) => pending.push(event),
      // A server that never ends a line would otherwise grow the buffer without bound.
      maxBufferSize: MAX_EVENT_CHARS,
      onError: (err) => {
        if (err.type === 'max-buffer-size-exceeded') overflow = true;
        // Unknown fields and bad `retry:` values are ignored, as the SSE rules say.
      },
    });
    let finishReason: string | null = null;
    let receivedAny = false;

    try {
      for (;;) {
        let chunk: Awaited<ReturnType<typeof reader.read>>;
        try {
          chunk = await reader.read();
        } catch (err) {
          throw this.failure(err, signal, () => connectionLost(err, receivedAny));
        }
        if (signal.aborted) throw abortReason(signal);
        parser.feed(chunk.done ? decoder.decode() : decoder.decode(chunk.value, { stream: true }));
        if (overflow) throw new AppError('provider', { detail: `A stream event exceeded ${MAX_EVENT_CHARS} characters.` });

        for (const event of pending.splice(0)) {
          receivedAny = true;
          // A bare `data:` line carries nothing; some servers use it as a heartbeat.
          if (event.data.trim() === '') continue;
          if (event.event === 'error') throw errorFromStreamPayload(parseJson(event.data) ?? { error: event.data }, this.errorContext);
          if (event.data.trim() === '[DONE]') {
            yield { type: 'done', finishReason };
            return;
          }
          const json = parseJson(event.data);
          if (!isRecord(json)) {
            const sample = truncateDetail(redact(event.data, this.errorContext), 200);
            throw new AppError('provider', { detail: `Unreadable stream chunk: ${sample}` });
          }
          if (json.error !== undefined && json.error !== null) throw errorFromStreamPayload(json, this.errorContext);
          for (const out of chunkEvents(json)) yield out;
          finishReason = lastFinishReason(json) ?? finishReason;
        }

        if (chunk.done) {
          // Some proxies drop `[DONE]` but close cleanly after the finish chunk: the answer
          // is complete. Without a finish_reason, the answer was cut off.
          if (finishReason !== null) {
            yield { type: 'done', finishReason };
            return;
          }
          throw connectionLost(undefined, receivedAny);
        }
      }
    } finally {
      signal.removeEventListener('abort', onAbort);
      // Reached on early return, on error, and when the consumer stops iterating: release the
      // connection instead of letting the server keep generating into a dead socket.
      reader.cancel().catch(() => undefined);
    }
  }

  /** A server that ignored `stream: true` and sent one JSON completion; anything else is not ours. */
  private async *nonStreamingAnswer(response: Response, contentType: string, signal: AbortSignal): AsyncGenerator<ProviderEvent> {
    let text: string;
    try {
      text = await response.text();
    } catch (err) {
      throw this.failure(err, signal, () => connectionLost(err));
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
    const reasoning = nonEmptyString(message.reasoning_content) ?? nonEmptyString(message.reasoning);
    if (reasoning !== null) yield { type: 'reasoning', text: reasoning };
    if (typeof message.content === 'string' && message.content !== '') yield { type: 'text', text: message.content };
    const usage = toUsage(json.usage);
    if (usage) yield { type: 'usage', usage };
    yield { type: 'done', finishReason: typeof choice.finish_reason === 'string' ? choice.finish_reason : null };
  }
}

/** The events one chunk carries. Unknown fields are ignored on purpose (protocols.md §9). */
function chunkEvents(json: Record<string, unknown>): ProviderEvent[] {
  const events: ProviderEvent[] = [];
  // n=1 is all we request; a server that sends more choices still has index 0 first.
  const choice = Array.isArray(json.choices) ? json.choices[0] : undefined;
  const delta = isRecord(choice) && isRecord(choice.delta) ? choice.delta : undefined;
  if (delta) {
    // DeepSeek and vLLM ≤0.10 say reasoning_content; Ollama and newer vLLM say reasoning.
    // Servers in transition may send both with the same text, so take only one.
    const reasoning = nonEmptyString(delta.reasoning_content) ?? nonEmptyString(delta.reasoning);
    if (reasoning !== null) events.push({ type: 'reasoning', text: reasoning });
    if (typeof delta.content === 'string' && delta.content !== '') events.push({ type: 'text', text: delta.content });
  }
  // Normally on its own chunk with `choices: []`, but some servers attach it to the last one.
  const usage = toUsage(json.usage);
  if (usage) events.push({ type: 'usage', usage });
  return events;
}

function lastFinishReason(json: Record<string, unknown>): string | null {
  const choice = Array.isArray(json.choices) ? json.choices[0] : undefined;
  return isRecord(choice) && typeof choice.finish_reason === 'string' ? choice.finish_reason : null;
}

function toUsage(value: unknown): Usage | null {
  if (!isRecord(value)) return null;
  const count = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  const prompt = count(value.prompt_tokens);
  const completion = count(value.completion_tokens);
  const total = count(value.total_tokens);
  if (prompt === null && completion === null && total === null) return null;
  const promptTokens = prompt ?? 0;
  const completionTokens = completion ?? 0;
  return { promptTokens, completionTokens, totalTokens: total ?? promptTokens + completionTokens };
}

/**
 * The error a Stop surfaces as. A TimeoutError reason (AbortSignal.timeout) is a failure,
 * not a Stop, so it becomes AppError `timeout`.
 */
function abortReason(signal: AbortSignal, err?: unknown): unknown {
  const reason: unknown = signal.reason;
  if (reason instanceof Error && reason.name === 'TimeoutError') {
    return new AppError('timeout', { detail: 'The request timed out.' });
  }
  if (reason instanceof Error && reason.name === 'AbortError') return reason;
  if (err instanceof Error && err.name === 'AbortError') return err;
  return new DOMException('The operation was aborted.', 'AbortError');
}

function connectionLost(cause: unknown, midAnswer = true): AppError {
  return new AppError('network', {
    messageKey: 'errors.connectionLost' satisfies ExtraErrorKey,
    retryable: true,
    detail: midAnswer
      ? 'The connection closed mid-answer, before the server sent [DONE].'
      : 'The connection closed before the server sent any data.',
    cause,
  });
}

function nonEmptyString(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

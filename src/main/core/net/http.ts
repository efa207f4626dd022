/**
 * What every provider module needs and none should write twice: the abort rule, URL checks,
 * sending a request with secret headers, reading an SSE body (protocols.md §8), and turning a
 * request's messages into the alternating turns most protocols demand.
 *
 * The abort rule: once `signal` has aborted, whatever broke is a consequence of the Stop and
 * the AbortError itself is thrown, never an AppError, so the caller can tell a user's Stop
 * (message ends `stopped`) from a failure (`error`). The one exception is a signal aborted with
 * a TimeoutError reason (AbortSignal.timeout): that is a failure and becomes AppError `timeout`.
 */
import { createParser, type EventSourceMessage } from 'eventsource-parser';
import type { Usage } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { errorFromFetchFailure, errorFromResponse, type ErrorContext, type ExtraErrorKey } from './httpErrors';
import type { ChatTurnMessage, ProviderRequest } from '../providers/provider';

/** Far above any real chunk; only guards against a server that never ends a line. */
export const MAX_EVENT_CHARS = 8 * 1024 * 1024;
/** Non-SSE lines kept while looking for a bare JSON error; an error body is far smaller. */
const MAX_STRAY_CHARS = 64 * 1024;

// ---------------------------------------------------------------------------------------------
// Small value helpers

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function nonEmptyString(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

export function finiteNumber(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** null when the server reported no counts at all. */
export function makeUsage(prompt: number | null, completion: number | null, total: number | null = null): Usage | null {
  if (prompt === null && completion === null && total === null) return null;
  const promptTokens = prompt ?? 0;
  const completionTokens = completion ?? 0;
  return { promptTokens, completionTokens, totalTokens: total ?? promptTokens + completionTokens };
}

// ---------------------------------------------------------------------------------------------
// Abort and lost connections

/** The error a Stop surfaces as (see the abort rule above). */
export function abortReason(signal: AbortSignal, err?: unknown): unknown {
  const reason: unknown = signal.reason;
  if (reason instanceof Error && reason.name === 'TimeoutError') {
    return new AppError('timeout', { detail: 'The request timed out.' });
  }
  if (reason instanceof Error && reason.name === 'AbortError') return reason;
  if (err instanceof Error && err.name === 'AbortError') return err;
  return new DOMException('The operation was aborted.', 'AbortError');
}

/**
 * Decides what a caught error means: once the signal has aborted, the abort is thrown;
 * otherwise an AppError passes through and anything else is mapped by `toAppError`.
 */
export function resolveFailure(err: unknown, signal: AbortSignal, toAppError: () => AppError): unknown {
  if (signal.aborted) return abortReason(signal, err);
  return err instanceof AppError ? err : toAppError();
}

/** The answer broke off: retryable, and the partial text stays with the message. */
export function connectionLost(endMarker: string, midAnswer: boolean, cause?: unknown): AppError {
  return new AppError('network', {
    messageKey: 'errors.connectionLost' satisfies ExtraErrorKey,
    retryable: true,
    detail: midAnswer
      ? `The connection closed mid-answer, before the server sent ${endMarker}.`
      : 'The connection closed before the server sent any data.',
    cause,
  });
}

// ---------------------------------------------------------------------------------------------
// URLs and requests

/** The base URL without surrounding space and trailing slashes; `fallback` when empty. */
export function trimBase(baseUrl: string, fallback: string): string {
  const trimmed = baseUrl.trim().replace(/\/+$/, '');
  return trimmed === '' ? fallback.replace(/\/+$/, '') : trimmed;
}

/** base + path as a URL, or AppError `errors.badUrl` when it is not one of `protocols`. */
export function checkedUrl(base: string, path: string, protocols: readonly string[] = ['http:', 'https:']): URL {
  let parsed: URL;
  try {
    parsed = new URL(base + path);
  } catch {
    throw new AppError('bad_request', { messageKey: 'errors.badUrl' satisfies ExtraErrorKey, retryable: false });
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new AppError('bad_request', { messageKey: 'errors.badUrl' satisfies ExtraErrorKey, retryable: false });
  }
  return parsed;
}

/**
 * Sets headers that carry a secret. Headers.set quotes a bad value in its message, so a key
 * with a newline or non-Latin-1 character must fail without that message reaching an error.
 */
export function withSecretHeaders(init: ConstructorParameters<typeof Headers>[0], secrets: Record<string, string | null | undefined>): Headers {
  const headers = new Headers(init);
  for (const [name, value] of Object.entries(secrets)) {
    if (value === null || value === undefined) continue;
    try {
      headers.set(name, value);
    } catch {
      throw new AppError('auth', { detail: 'The API key contains characters that cannot be sent.' });
    }
  }
  return headers;
}

export interface SendOptions {
  fetch: typeof globalThis.fetch;
  url: string;
  init: RequestInit;
  signal: AbortSignal;
  errorContext: ErrorContext;
  /** Maps a non-2xx response; errorFromResponse by default. */
  toError?: (response: Response) => Promise<AppError>;
}

/** Fetches and returns a 2xx response; everything else becomes an AppError (or the abort). */
export async function sendOk(opts: SendOptions): Promise<Response> {
  const { signal, errorContext } = opts;
  let response: Response;
  try {
    response = await opts.fetch(opts.url, { ...opts.init, signal });
  } catch (err) {
    throw resolveFailure(err, signal, () => errorFromFetchFailure(err, errorContext));
  }
  if (!response.ok) {
    const error = await (opts.toError ?? ((r: Response) => errorFromResponse(r, errorContext)))(response);
    // The body read above can be cut short by an abort; the abort still wins.
    throw resolveFailure(error, signal, () => error);
  }
  return response;
}

/** The whole body of a small JSON response (model lists, tokens); AppError when unreadable. */
export async function readJson(response: Response, signal: AbortSignal, what: string, errorContext: ErrorContext): Promise<unknown> {
  let text: string;
  try {
    text = await response.text();
  } catch (err) {
    throw resolveFailure(err, signal, () => errorFromFetchFailure(err, errorContext));
  }
  const json = parseJson(text);
  if (json === undefined) throw new AppError('provider', { detail: `${what} is not JSON.` });
  return json;
}

// ---------------------------------------------------------------------------------------------
// Server-sent events

export type SseItem =
  | { type: 'event'; event: EventSourceMessage }
  /**
   * Lines that are not SSE at all and together parse as JSON. Some servers write a bare JSON
   * error into an event stream (Qianfan v1 per its SDK, Gemini per its SDK, protocols.md §3.5,
   * §5.1); eventsource-parser reports each such line as an unknown field.
   */
  | { type: 'json'; value: unknown };

export interface SseOptions {
  /** Named in the detail of a lost connection: "before the server sent <endMarker>". */
  endMarker: string;
  errorContext: ErrorContext;
}

/**
 * Yields the events of an SSE body in order and returns when the body ends cleanly; the caller
 * decides whether that end was complete. A broken body throws a retryable `network` AppError;
 * an abort throws the AbortError. Returning early (or an error in the consumer) cancels the
 * body, so the server stops generating into a dead socket.
 */
export async function* readSse(body: ReadableStream<Uint8Array>, signal: AbortSignal, opts: SseOptions): AsyncGenerator<SseItem> {
  const reader = body.getReader();
  // Not every injected fetch ties the body to the signal; cancelling makes a pending read
  // return promptly either way, and the loop below then reports the abort.
  const onAbort = (): void => void reader.cancel().catch(() => undefined);
  signal.addEventListener('abort', onAbort, { once: true });

  // One TextDecoder for the whole stream: with `stream: true` it keeps the bytes of a UTF-8
  // character split across two network reads until the rest arrives.
  const decoder = new TextDecoder();
  const pending: SseItem[] = [];
  let stray = '';
  let overflow = false;
  const parser = createParser({
    onEvent: (event) => {
      stray = '';
      pending.push({ type: 'event', event });
    },
    // A server that never ends a line would otherwise grow the buffer without bound.
    maxBufferSize: MAX_EVENT_CHARS,
    onError: (err) => {
      if (err.type === 'max-buffer-size-exceeded') overflow = true;
      if (err.type !== 'unknown-field' || err.line === undefined) return; // bad `retry:` values are ignored
      stray = stray === '' ? err.line : `${stray}\n${err.line}`;
      if (stray.length > MAX_STRAY_CHARS) stray = '';
      const value = stray.trimStart().match(/^[[{]/) ? parseJson(stray) : undefined;
      if (value !== undefined) {
        pending.push({ type: 'json', value });
        stray = '';
      }
    },
  });
  let received = 0;

  try {
    for (;;) {
      let chunk: Awaited<ReturnType<typeof reader.read>>;
      try {
        chunk = await reader.read();
      } catch (err) {
        throw resolveFailure(err, signal, () => connectionLost(opts.endMarker, received > 0, err));
      }
      if (signal.aborted) throw abortReason(signal);
      if (chunk.done) {
        parser.feed(decoder.decode());
        // A last line without a newline (a bare JSON error) is still worth reading.
        parser.reset({ consume: true });
      } else {
        parser.feed(decoder.decode(chunk.value, { stream: true }));
      }
      if (overflow) throw new AppError('provider', { detail: `A stream event exceeded ${MAX_EVENT_CHARS} characters.` });
      for (const item of pending.splice(0)) {
        received++;
        yield item;
      }
      if (chunk.done) return;
    }
  } finally {
    signal.removeEventListener('abort', onAbort);
    reader.cancel().catch(() => undefined);
  }
}

// ---------------------------------------------------------------------------------------------
// Messages

export interface Turn {
  role: 'user' | 'assistant';
  content: string;
}

export interface SplitMessages {
  /** `request.system` and every system message, joined by a blank line; '' when none. */
  system: string;
  turns: Turn[];
}

/**
 * For protocols with a top-level system field and strict user/assistant alternation: lifts the
 * system text out, drops empty turns, merges consecutive same-role turns (an answer that
 * failed leaves two user messages in a row) and drops assistant turns before the first user.
 */
export function splitMessages(request: Pick<ProviderRequest, 'system' | 'messages'>): SplitMessages {
  const systemParts = [request.system ?? '', ...request.messages.filter((m) => m.role === 'system').map((m) => m.content)];
  const system = systemParts.filter((s) => s.trim() !== '').join('\n\n');
  const turns: Turn[] = [];
  for (const m of request.messages) {
    if (m.role === 'system' || m.content.trim() === '') continue;
    if (turns.length === 0 && m.role === 'assistant') continue;
    const last = turns.at(-1);
    if (last && last.role === m.role) last.content = `${last.content}\n\n${m.content}`;
    else turns.push({ role: m.role, content: m.content });
  }
  return { system, turns };
}

/** The full message list with `request.system` first, for protocols that have a system role. */
export function messagesWithSystem(request: Pick<ProviderRequest, 'system' | 'messages'>): ChatTurnMessage[] {
  const system = request.system?.trim() ? [{ role: 'system' as const, content: request.system }] : [];
  return [...system, ...request.messages];
}

/** For kinds whose PREFILL_SUPPORT is `none`: the caller must build a continuation request. */
export function rejectPrefill(request: ProviderRequest, providerName: string): void {
  if (request.prefill) {
    throw new AppError('bad_request', {
      retryable: false,
      detail: `${providerName} cannot continue an answer in place; send an explicit continuation request instead.`,
    });
  }
}

export function noUserMessage(): AppError {
  return new AppError('bad_request', { retryable: false, detail: 'The request has no user message to answer.' });
}

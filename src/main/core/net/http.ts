/**
 * Sending an HTTP request and reading a small answer, for providers and search engines alike.
 *
 * The abort rule: once `signal` has aborted, whatever broke is a consequence of the Stop and
 * the AbortError itself is thrown, never an AppError, so the caller can tell a user's Stop
 * (message ends `stopped`) from a failure (`error`). The one exception is a signal aborted with
 * a TimeoutError reason (AbortSignal.timeout): that is a failure and becomes AppError `timeout`.
 */
import { AppError } from '../../../shared/errors';
import { errorFromFetchFailure, errorFromResponse, type ErrorContext, type ExtraErrorKey } from './httpErrors';
import { parseJson } from './json';

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

/**
 * The provider's connection broke off: retryable, and the partial text stays with the message.
 * Its own key: `errors.connectionLost` is the window's link to Brook, and blaming that would send
 * the user looking in the wrong place.
 */
export function connectionLost(endMarker: string, midAnswer: boolean, cause?: unknown): AppError {
  return new AppError('network', {
    messageKey: 'errors.providerConnectionLost' satisfies ExtraErrorKey,
    retryable: true,
    detail: midAnswer
      ? `The connection closed mid-answer, before the server sent ${endMarker}.`
      : 'The connection closed before the server sent any data.',
    cause,
  });
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


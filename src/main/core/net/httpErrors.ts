/**
 * Turns what an HTTP provider can fail with — a status and error body, an error object inside
 * the stream, or a fetch that never got a response — into one AppError. Written for the
 * OpenAI-style envelope `{"error":{"message","type","code","param"}}`, tolerant of the
 * variants other servers send (`{"error":"…"}`, `{"message":"…"}`, `{"detail":"…"}`), and
 * aware of two more envelopes (protocols.md §2.6, §3.5):
 * - Anthropic `{"type":"error","error":{"type":"rate_limit_error","message", "details"?:{"error_code"}}}`;
 * - Google `{"error":{"code":400,"message","status":"INVALID_ARGUMENT","details":[{"reason"},{"retryDelay"}]}}`,
 *   sometimes wrapped in a one-element array.
 *
 * Secrets: every text that may end up in an AppError passes through `redact`, because some
 * servers echo the key they rejected back in the error message.
 */
import { AppError, type AppErrorInit, type ErrorCode, type EXTRA_ERROR_KEYS } from '../../../shared/errors';
import { redactSecrets } from '../../../shared/redactSecrets';
import { readCappedText } from './body';

/** Only keys the locales are known to have (`errors.<code>` is the AppError default). */
export type ExtraErrorKey = (typeof EXTRA_ERROR_KEYS)[number];

const MAX_DETAIL_CHARS = 500;
/** Enough to hold any real error envelope; a wrong URL can return a whole web page. */
const MAX_ERROR_BODY_CHARS = 16_384;

export interface ErrorContext {
  /** Strings that must never appear in an error (the API key). Empty strings are ignored. */
  secrets?: readonly (string | null | undefined)[];
  /**
   * Message key for a 404 without any error envelope, which means the path itself is wrong.
   * Default `errors.notOpenAICompatible`; null keeps the plain `errors.not_found`.
   */
  wrongPathKey?: ExtraErrorKey | null;
}

/** The fields of an error envelope that drive the mapping; all optional because servers vary. */
export interface ErrorFields {
  message?: string;
  type?: string;
  code?: string;
  /** Some servers (vLLM, Google) put the HTTP status number in `error.code`. */
  statusInBody?: number;
  /** Google's `google.rpc.RetryInfo.retryDelay`, e.g. "37s". */
  retryAfterMs?: number;
}

/** The context's secrets, whole, in part or encoded (see shared/redactSecrets). */
export function redact(text: string, ctx: ErrorContext = {}): string {
  return redactSecrets(text, ctx.secrets ?? []);
}

export function truncateDetail(text: string, max = MAX_DETAIL_CHARS): string {
  const trimmed = text.trim();
  return trimmed.length > max ? `${trimmed.slice(0, max)}…` : trimmed;
}

export function cleanDetail(text: string | undefined, ctx: ErrorContext): string | undefined {
  if (text === undefined) return undefined;
  const detail = truncateDetail(redact(text, ctx));
  return detail === '' ? undefined : detail;
}

/**
 * Pulls the error fields out of a parsed JSON value, or returns null when the value does not
 * look like an error envelope at all (used to tell "model not found" from "wrong URL").
 */
export function extractErrorFields(body: unknown): ErrorFields | null {
  // Gemini's REST errors can come as `[{"error": {…}}]`.
  const value = Array.isArray(body) && body.length > 0 ? (body[0] as unknown) : body;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const root = value as Record<string, unknown>;
  const inner = root.error;
  if (typeof inner === 'string') return { message: inner };
  // vLLM (≤ 0.6) sends the error object itself: {"object":"error","message","type","code":400}.
  if (root.object === 'error' && inner === undefined) return extractErrorFields({ error: root });
  if (typeof inner === 'object' && inner !== null) {
    const e = inner as Record<string, unknown>;
    const fields: ErrorFields = {};
    if (typeof e.message === 'string') fields.message = e.message;
    if (typeof e.type === 'string') fields.type = e.type;
    else if (typeof e.status === 'string') fields.type = e.status; // Google: RESOURCE_EXHAUSTED, …
    if (typeof e.code === 'string') fields.code = e.code;
    if (typeof e.code === 'number') fields.statusInBody = e.code;
    readDetails(e.details, fields);
    return fields;
  }
  return null;
}

/** Anthropic `details.error_code`; Google `details[].reason` and `details[].retryDelay`. */
function readDetails(details: unknown, fields: ErrorFields): void {
  const list: unknown[] = Array.isArray(details) ? details : [details];
  for (const d of list) {
    if (typeof d !== 'object' || d === null) continue;
    const rec = d as Record<string, unknown>;
    const reason = [rec.error_code, rec.reason].find((v): v is string => typeof v === 'string');
    if (reason !== undefined && fields.code === undefined) fields.code = reason;
    if (typeof rec.retryDelay === 'string') {
      const seconds = Number(rec.retryDelay.replace(/s$/, ''));
      if (Number.isFinite(seconds)) fields.retryAfterMs = Math.max(0, Math.round(seconds * 1000));
    }
  }
}

/** For `event: error` payloads, which carry no envelope on some servers. */
function looseErrorFields(payload: unknown): ErrorFields {
  if (typeof payload !== 'object' || payload === null) return {};
  const root = payload as Record<string, unknown>;
  const message = [root.message, root.detail].find((v): v is string => typeof v === 'string');
  const fields: ErrorFields = {};
  if (message !== undefined) fields.message = message;
  if (typeof root.type === 'string') fields.type = root.type;
  if (typeof root.code === 'string') fields.code = root.code;
  return fields;
}

/**
 * Context overflow, in the words of: OpenAI and vLLM ("maximum context length is 4096 tokens"),
 * llama.cpp ("the request exceeds the available context size"), Ollama ("the input length
 * exceeds the context length", "prompt too long; exceeded max context length"), LM Studio
 * ("…when context the overflows… loaded with context length of only 4096 tokens", "greater than
 * the context length"), Anthropic ("prompt is too long").
 */
const CONTEXT_TOO_LONG =
  /context[_ ]length|context window|maximum context|context size|context the overflows|context overflow|too many tokens|prompt (?:is )?too long|reduce the length|input is too long/i;

/** Maps by the provider's own code/type, which is more precise than the status when present. */
function codeFromFields(fields: ErrorFields): ErrorCode | null {
  const tag = `${fields.code ?? ''} ${fields.type ?? ''}`.toLowerCase();
  if (/insufficient_quota|billing|insufficient_balance|spend_limit/.test(tag)) return 'quota';
  if (/rate_limit|resource_exhausted/.test(tag)) return 'rate_limit';
  if (/context_length|tokens_exceeded|exceed_context_size/.test(tag)) return 'context_too_long';
  if (/invalid_api_key|api_key_invalid|authentication|permission|unauthorized|unauthenticated/.test(tag)) return 'auth';
  if (/content_filter|content_policy|safety/.test(tag)) return 'content_filter';
  if (/model_not_found|not_found/.test(tag)) return 'not_found';
  if (/timeout_error|deadline_exceeded/.test(tag)) return 'timeout';
  return null;
}

function codeFromStatus(status: number, fields: ErrorFields | null): ErrorCode {
  if (status === 401 || status === 403) return 'auth';
  if (status === 402) return 'quota';
  if (status === 408) return 'timeout';
  if (status === 413) return 'context_too_long';
  if (status === 429) return 'rate_limit';
  if (status === 404) return 'not_found';
  // Older llama.cpp reports an overflow as a 500; the words say what it is.
  if ((status === 400 || status === 500) && fields?.message && CONTEXT_TOO_LONG.test(fields.message)) return 'context_too_long';
  if (status >= 500) return 'provider';
  if (status >= 400) return 'bad_request';
  return 'provider';
}

/** `retry-after-ms` (OpenAI), then `retry-after` in seconds or as an HTTP date. */
export function parseRetryAfter(headers: Headers, now = Date.now()): number | undefined {
  const ms = headers.get('retry-after-ms');
  if (ms !== null && ms.trim() !== '' && Number.isFinite(Number(ms))) return Math.max(0, Number(ms));
  const value = headers.get('retry-after');
  if (value === null || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.round(seconds * 1000));
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * A non-2xx response. Reads (a bounded part of) the body; the caller must not have consumed it.
 */
export async function errorFromResponse(response: Response, ctx: ErrorContext = {}): Promise<AppError> {
  const raw = await readErrorBody(response);
  return errorFromHttp(response, raw, ctx);
}

/** The same mapping for a body already read (with `readErrorBody`), e.g. after a provider looked at it first. */
export function errorFromHttp(response: Pick<Response, 'status' | 'statusText' | 'headers'>, raw: string, ctx: ErrorContext = {}): AppError {
  let fields: ErrorFields | null = null;
  try {
    fields = extractErrorFields(JSON.parse(raw));
  } catch {
    // Not JSON: proxies and wrong URLs answer with HTML or plain text.
  }
  const status = response.status;
  // An explicit provider code wins over the status only where the status is ambiguous:
  // OpenAI sends 429 both for "slow down" and for "out of credit".
  let code = codeFromStatus(status, fields);
  const byFields = fields ? codeFromFields(fields) : null;
  if (byFields && (status === 400 || status === 429 || status === 403)) code = byFields;

  const init: AppErrorInit = {
    status,
    detail: cleanDetail(fields?.message ?? (raw.trim().startsWith('<') ? response.statusText : raw), ctx),
  };
  if (code === 'rate_limit') init.retryAfterMs = parseRetryAfter(response.headers) ?? fields?.retryAfterMs;
  // A 404 without an error envelope means the path itself is wrong (base URL missing /v1,
  // or not an OpenAI-compatible server at all); with one, it is the model that is missing.
  const wrongPathKey = ctx.wrongPathKey === undefined ? ('errors.notOpenAICompatible' satisfies ExtraErrorKey) : ctx.wrongPathKey;
  if (status === 404 && fields === null && wrongPathKey !== null) init.messageKey = wrongPathKey;
  return new AppError(code, init);
}

/** An error object that arrived inside a 200 stream (a `data:` JSON with `error`, or `event: error`). */
export function errorFromStreamPayload(payload: unknown, ctx: ErrorContext = {}): AppError {
  const fields = extractErrorFields(payload) ?? looseErrorFields(payload);
  const code =
    codeFromFields(fields) ??
    (fields.statusInBody !== undefined && fields.statusInBody >= 400 ? codeFromStatus(fields.statusInBody, fields) : null) ??
    (fields.message && CONTEXT_TOO_LONG.test(fields.message) ? 'context_too_long' : 'provider');
  const init: AppErrorInit = { detail: cleanDetail(fields.message ?? 'The server reported an error mid-stream.', ctx) };
  if (code === 'rate_limit' && fields.retryAfterMs !== undefined) init.retryAfterMs = fields.retryAfterMs;
  return new AppError(code, init);
}

const TLS_CODES = /^(CERT_|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|SELF_SIGNED|DEPTH_ZERO_SELF_SIGNED|ERR_TLS_|ERR_SSL_|EPROTO$)/;
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
]);
const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

/** Error codes and messages along the `cause` chain (undici nests them; Happy Eyeballs adds AggregateError). */
function collectCauses(err: unknown): { codes: string[]; messages: string[] } {
  const codes: string[] = [];
  const messages: string[] = [];
  const queue: unknown[] = [err];
  for (let i = 0; i < queue.length && i < 20; i++) {
    const e = queue[i];
    if (typeof e !== 'object' || e === null) continue;
    const rec = e as Record<string, unknown>;
    if (typeof rec.code === 'string') codes.push(rec.code);
    if (typeof rec.message === 'string') messages.push(rec.message);
    if (rec.cause !== undefined) queue.push(rec.cause);
    if (Array.isArray(rec.errors)) queue.push(...(rec.errors as unknown[]));
  }
  return { codes, messages };
}

/**
 * A fetch (or body read) that failed without an HTTP response. Never call this for an abort:
 * the caller checks `signal.aborted` first, because a user's Stop is not a failure.
 */
export function errorFromFetchFailure(err: unknown, ctx: ErrorContext = {}): AppError {
  if (err instanceof AppError) return err;
  const { codes, messages } = collectCauses(err);
  const detail = cleanDetail([...new Set([...messages, ...codes])].join(' — '), ctx);
  const joined = messages.join(' ');
  // Chromium's net stack (Electron net.fetch) reports `net::ERR_…` in the message instead of a code.
  if (codes.some((c) => TLS_CODES.test(c)) || /net::ERR_(CERT|SSL)_/.test(joined)) {
    return new AppError('network', { messageKey: 'errors.tls' satisfies ExtraErrorKey, retryable: false, detail, cause: err });
  }
  if (
    codes.some((c) => UNREACHABLE_CODES.has(c)) ||
    /net::ERR_(CONNECTION_REFUSED|NAME_NOT_RESOLVED|ADDRESS_UNREACHABLE|INTERNET_DISCONNECTED)/.test(joined)
  ) {
    return new AppError('network', { messageKey: 'errors.unreachable' satisfies ExtraErrorKey, detail, cause: err });
  }
  if (codes.some((c) => TIMEOUT_CODES.has(c)) || /net::ERR_TIMED_OUT/.test(joined)) {
    return new AppError('timeout', { detail, cause: err });
  }
  return new AppError('network', { detail, cause: err });
}

/** Reads at most MAX_ERROR_BODY_CHARS, so a wrong URL serving a large page cannot stall us. */
export async function readErrorBody(response: Response): Promise<string> {
  // Four bytes a character at most: enough bytes for the characters kept.
  const text = await readCappedText(response.body, { maxBytes: MAX_ERROR_BODY_CHARS * 4, keepPartial: true });
  return text.slice(0, MAX_ERROR_BODY_CHARS);
}

/**
 * Baidu ERNIE (文心) on Qianfan v1 (protocols.md §5.1). Qianfan v2 is OpenAI-compatible and
 * uses that provider.
 *
 * 1. API Key + Secret Key → `access_token` from `POST {base}/oauth/2.0/token`. Tokens are cached
 *    per (base, keys) across provider instances until shortly before they expire, and fetched
 *    once for concurrent requests.
 * 2. `POST {base}/rpc/2.0/ai_custom/v1/wenxinworkshop/chat/<endpoint>?access_token=…` with
 *    `stream: true`. The endpoint comes from the model (QIANFAN_MODELS).
 * 3. `data: {json}` chunks with an incremental `result`; `is_end: true` ends the answer;
 *    `usage` is cumulative on every chunk.
 * Errors are `{"error_code", "error_msg"}`: as the whole (HTTP 200) JSON body before the
 * stream, as a `data:` chunk, or as a bare JSON line inside the stream (the SDK checks every
 * non-`data:` line). 110/111 (token invalid/expired) drop the cached token and retry once,
 * as long as nothing has been shown yet.
 *
 * UNCONFIRMED (§10.6): the token response's lifetime field. Baidu's OAuth answers
 * `expires_in` in seconds (standard OAuth 2); when it is missing the token is kept for an hour,
 * and an expiry the server reports (111) still refreshes it.
 *
 * Cancellation contract: see ./common.ts.
 */
import { createHash } from 'node:crypto';
import type { Usage } from '../../../shared/domain';
import { AppError, type ErrorCode } from '../../../shared/errors';
import { DEFAULT_BASE_URLS, QIANFAN_MODELS, qianfanEndpoint } from '../../../shared/providerCatalog';
import { abortReason, checkedUrl, cleanDetail, connectionLost, type ErrorContext, errorFromHttp, finiteNumber, isRecord, nonEmptyString, parseJson, readErrorBody, readJson, readSse, redact, resolveFailure, sendOk, trimBase, truncateDetail } from '../net';
import { refuseImages } from './imageParts';
import { makeUsage, noUserMessage, rejectPrefill, splitMessages } from './messages';
import { BatchedEvents } from './batchedEvents';
import type { Provider, ProviderConnection, ProviderDeps, ProviderEvent, ProviderFactory, ProviderRequest } from './provider';
import { refuseTools } from './toolSupport';

export { QIANFAN_MODELS, qianfanEndpoint, type QianfanModel } from '../../../shared/providerCatalog';

const CHAT_PATH = '/rpc/2.0/ai_custom/v1/wenxinworkshop/chat/';
const TOKEN_PATH = '/oauth/2.0/token';
/** Refresh this long before the token's stated expiry (at most half its lifetime). */
export const TOKEN_REFRESH_MARGIN_MS = 5 * 60_000;
const FALLBACK_TOKEN_LIFETIME_MS = 60 * 60_000;
/** A token request that hangs must not hold every waiting answer. */
const TOKEN_TIMEOUT_MS = 30_000;
const TOKEN_ERROR_CODES = new Set([110, 111]);

export const qianfanFactory: ProviderFactory = {
  kind: 'qianfan',
  create(connection, deps) {
    return new QianfanProvider(connection, deps);
  },
};

/**
 * The SDK's code table (§5.1) mapped to AppError codes. The SDK retries 2, 15, 18, 336100,
 * 336501 and 336502; all but 15 (AppNotExist, a setup problem) are retryable codes here too.
 */
export const QIANFAN_ERROR_CODES: Readonly<Record<number, { code: ErrorCode; name: string }>> = {
  1: { code: 'provider', name: 'UnknownError' },
  2: { code: 'provider', name: 'ServiceUnavailable' },
  3: { code: 'bad_request', name: 'UnsupportedMethod' },
  4: { code: 'rate_limit', name: 'RequestLimitReached' },
  6: { code: 'auth', name: 'NoPermissionToAccessData' },
  13: { code: 'auth', name: 'GetServiceTokenFailed' },
  14: { code: 'auth', name: 'IAMCertificationFailed' },
  15: { code: 'auth', name: 'AppNotExist' },
  17: { code: 'quota', name: 'DailyLimitReached' },
  18: { code: 'rate_limit', name: 'QPSLimitReached' },
  19: { code: 'quota', name: 'TotalRequestLimitReached' },
  100: { code: 'bad_request', name: 'InvalidRequest' },
  110: { code: 'auth', name: 'APITokenInvalid' },
  111: { code: 'auth', name: 'APITokenExpired' },
  336000: { code: 'provider', name: 'InternalError' },
  336001: { code: 'bad_request', name: 'InvalidArgument' },
  336002: { code: 'bad_request', name: 'InvalidJSON' },
  336003: { code: 'bad_request', name: 'InvalidParam' },
  336004: { code: 'auth', name: 'PermissionError' },
  336005: { code: 'not_found', name: 'APINameNotExist' },
  // Baidu's "input too long" codes as remembered from its error page; not in the reference.
  // UNCONFIRMED: a bad_request whose message says "too long" is mapped the same way below.
  336007: { code: 'context_too_long', name: 'InputTooLong' },
  336103: { code: 'context_too_long', name: 'PromptTooLong' },
  336100: { code: 'provider', name: 'ServerHighLoad' },
  336101: { code: 'bad_request', name: 'InvalidHTTPMethod' },
  336104: { code: 'bad_request', name: 'InvalidArgumentSystem' },
  336105: { code: 'bad_request', name: 'InvalidArgumentUserSetting' },
  336501: { code: 'rate_limit', name: 'RPMLimitReached' },
  336502: { code: 'rate_limit', name: 'TPMLimitReached' },
};

const TOO_LONG = /too long|exceed(?:s|ed)? .*(?:length|limit|tokens)|max(?:imum)? length|长度|超过.*(?:限制|最大)/i;

/** The AppError for an `{"error_code", "error_msg"}` body. */
export function qianfanError(body: Record<string, unknown>, ctx: ErrorContext = {}): AppError {
  const code = Number(body.error_code);
  const message = typeof body.error_msg === 'string' ? body.error_msg : '';
  const known = QIANFAN_ERROR_CODES[code];
  let appCode: ErrorCode = known?.code ?? 'provider';
  if ((appCode === 'bad_request' || appCode === 'provider') && TOO_LONG.test(message)) appCode = 'context_too_long';
  const detail = `Qianfan error ${Number.isFinite(code) ? code : String(body.error_code)}${known ? ` (${known.name})` : ''}: ${message || 'no message'}`;
  return new AppError(appCode, { detail: cleanDetail(detail, ctx), params: { providerCode: Number.isFinite(code) ? code : -1 } });
}

interface CachedToken {
  token: string;
  /** When to stop using it (expiry minus the margin). */
  refreshAt: number;
}

/**
 * Access tokens by (base URL, API Key, Secret Key). Shared by every QianfanProvider: the app
 * creates a provider per turn, and a token lives for weeks.
 */
export class QianfanTokenCache {
  private readonly tokens = new Map<string, CachedToken>();
  private readonly pending = new Map<string, Promise<CachedToken>>();

  /** A valid cached token, or one fetched with `fetchToken` (once, however many ask at a time). */
  async get(key: string, now: number, signal: AbortSignal, fetchToken: () => Promise<CachedToken>): Promise<string> {
    const cached = this.tokens.get(key);
    if (cached && cached.refreshAt > now) return cached.token;
    let pending = this.pending.get(key);
    if (!pending) {
      pending = fetchToken().finally(() => this.pending.delete(key));
      this.pending.set(key, pending);
      pending.then((t) => this.tokens.set(key, t)).catch(() => undefined);
    }
    return (await raceAbort(pending, signal)).token;
  }

  /** Forgets `token` if it is still the cached one (the server said it is invalid or expired). */
  invalidate(key: string, token: string): void {
    if (this.tokens.get(key)?.token === token) this.tokens.delete(key);
  }

  clear(): void {
    this.tokens.clear();
  }
}

export const sharedQianfanTokens = new QianfanTokenCache();

class TokenRejected extends Error {
  constructor(readonly body: Record<string, unknown>) {
    super('token rejected');
  }
}

export class QianfanProvider implements Provider {
  private readonly baseUrl: string;
  private readonly errorContext: ErrorContext;
  private readonly cacheKey: string;

  constructor(
    private readonly connection: ProviderConnection,
    private readonly deps: ProviderDeps,
    private readonly tokens: QianfanTokenCache = sharedQianfanTokens,
  ) {
    this.baseUrl = trimBase(connection.baseUrl, DEFAULT_BASE_URLS.qianfan);
    this.errorContext = { secrets: [connection.apiKey, connection.apiSecret], wrongPathKey: null };
    this.cacheKey = createHash('sha256')
      .update(`${this.baseUrl}\n${connection.apiKey ?? ''}\n${connection.apiSecret ?? ''}`)
      .digest('hex');
  }

  stream(request: ProviderRequest, signal: AbortSignal): AsyncIterable<ProviderEvent> {
    return new BatchedEvents((out) => this.produce(request, signal, out));
  }

  /** The events of one answer, pushed into `out` a network read at a time (./batchedEvents.ts). */
  private async *produce(request: ProviderRequest, signal: AbortSignal, out: ProviderEvent[]): AsyncGenerator<void, void, undefined> {
    rejectPrefill(request, 'Qianfan v1');
    refuseTools(request, 'Qianfan v1');
    refuseImages(request);
    // Odd count, user first and last, alternating (§5.1): merged turns starting with the user
    // satisfy it as long as the last one is the user's.
    const { system, turns } = splitMessages(request);
    if (turns.at(-1)?.role !== 'user') throw noUserMessage();
    const body: Record<string, unknown> = { messages: turns, stream: true };
    if (system !== '') body.system = system;
    if (request.temperature !== undefined) body.temperature = request.temperature;
    if (request.topP !== undefined) body.top_p = request.topP;
    if (request.maxOutputTokens !== undefined) body.max_output_tokens = request.maxOutputTokens;
    const endpoint = encodeURIComponent(qianfanEndpoint(request.model));

    for (let attempt = 0; ; attempt++) {
      const token = await this.token(signal);
      const ctx: ErrorContext = { ...this.errorContext, secrets: [...(this.errorContext.secrets ?? []), token] };
      try {
        yield* this.answer(`${CHAT_PATH}${endpoint}?access_token=${encodeURIComponent(token)}`, body, signal, ctx, out);
        return;
      } catch (err) {
        if (!(err instanceof TokenRejected)) throw err;
        this.tokens.invalidate(this.cacheKey, token);
        if (attempt > 0) throw qianfanError(err.body, ctx);
      }
    }
  }

  /** Qianfan v1 has no model list: this proves the keys by getting a token, then returns the known table. */
  async listModels(signal: AbortSignal): Promise<string[]> {
    await this.token(signal);
    return QIANFAN_MODELS.map((m) => m.id);
  }

  /** One attempt. Throws TokenRejected for 110/111 while nothing has been pushed into `out` yet. */
  private async *answer(path: string, body: Record<string, unknown>, signal: AbortSignal, ctx: ErrorContext, out: ProviderEvent[]): AsyncGenerator<void, void, undefined> {
    const response = await sendOk({
      fetch: this.deps.fetch,
      url: checkedUrl(this.baseUrl, path).toString(),
      init: { method: 'POST', headers: { 'content-type': 'application/json', accept: 'text/event-stream' }, body: JSON.stringify(body) },
      signal,
      errorContext: ctx,
    });
    const contentType = response.headers.get('content-type') ?? '';
    // Errors come back as a JSON body with HTTP 200; a server may also ignore `stream`. The
    // stream's own content type is not in the reference, so anything not JSON is read as a
    // stream (which also catches a bare JSON error).
    if (contentType.includes('json') || !response.body) {
      const json = await readJson(response, signal, 'The answer', ctx);
      if (!isRecord(json)) throw new AppError('provider', { detail: 'The answer is not a JSON object.' });
      if (json.error_code !== undefined) throw TOKEN_ERROR_CODES.has(Number(json.error_code)) ? new TokenRejected(json) : qianfanError(json, ctx);
      const result = nonEmptyString(json.result);
      if (result === null) throw new AppError('provider', { detail: 'The answer has neither `result` nor `error_code`.' });
      out.push({ type: 'text', text: result });
      const usage = toUsage(json.usage);
      if (usage) out.push({ type: 'usage', usage });
      out.push({ type: 'done', finishReason: finishReasonOf(json) });
      return;
    }

    let usage: Usage | null = null;
    let shown = false;
    let receivedAny = false;
    for await (const items of readSse(response.body, signal, { endMarker: 'is_end', errorContext: ctx })) {
      for (const item of items) {
        receivedAny = true;
        let chunk: unknown;
        if (item.type === 'json') chunk = item.value;
        else if (item.event.data.trim() === '') continue;
        else {
          chunk = parseJson(item.event.data);
          if (!isRecord(chunk)) throw new AppError('provider', { detail: `Unreadable stream chunk: ${truncateDetail(redact(item.event.data, ctx), 200)}` });
        }
        if (!isRecord(chunk)) continue;
        if (chunk.error_code !== undefined) {
          if (!shown && TOKEN_ERROR_CODES.has(Number(chunk.error_code))) throw new TokenRejected(chunk);
          throw qianfanError(chunk, ctx);
        }
        // ERNIE X1's reasoning field on v1 is UNCONFIRMED; `reasoning_content` as on v2 is read.
        const reasoning = nonEmptyString(chunk.reasoning_content);
        if (reasoning !== null) {
          shown = true;
          out.push({ type: 'reasoning', text: reasoning });
        }
        const result = nonEmptyString(chunk.result);
        if (result !== null) {
          shown = true;
          out.push({ type: 'text', text: result });
        }
        usage = toUsage(chunk.usage) ?? usage;
        if (chunk.is_end === true) {
          if (usage) out.push({ type: 'usage', usage });
          out.push({ type: 'done', finishReason: finishReasonOf(chunk) });
          return;
        }
      }
      // The reader gets this read's events now, before the next read is awaited.
      yield;
    }
    throw connectionLost('is_end', receivedAny);
  }

  private async token(signal: AbortSignal): Promise<string> {
    const { apiKey, apiSecret } = this.connection;
    if (!apiKey || !apiSecret) {
      throw new AppError('auth', { retryable: false, detail: 'Qianfan v1 needs an API Key and a Secret Key.' });
    }
    if (signal.aborted) throw abortReason(signal);
    const now = (this.deps.now ?? Date.now)();
    return this.tokens.get(this.cacheKey, now, signal, () => this.fetchToken(apiKey, apiSecret, now));
  }

  private async fetchToken(apiKey: string, apiSecret: string, requestedAt: number): Promise<CachedToken> {
    // Not the caller's signal: other answers may be waiting on the same token.
    const signal = AbortSignal.timeout(TOKEN_TIMEOUT_MS);
    const query = new URLSearchParams({ grant_type: 'client_credentials', client_id: apiKey, client_secret: apiSecret });
    const response = await sendOk({
      fetch: this.deps.fetch,
      url: checkedUrl(this.baseUrl, `${TOKEN_PATH}?${query.toString()}`).toString(),
      init: { method: 'POST', headers: { accept: 'application/json' } },
      signal,
      errorContext: this.errorContext,
      toError: async (r) => {
        const raw = await readErrorBody(r);
        return oauthError(parseJson(raw), this.errorContext, r.status) ?? errorFromHttp(r, raw, this.errorContext);
      },
    });
    const json = await readJson(response, signal, 'The token answer', this.errorContext);
    const refused = oauthError(json, this.errorContext, response.status);
    if (refused) throw refused;
    const token = isRecord(json) ? nonEmptyString(json.access_token) : null;
    if (token === null) throw new AppError('provider', { detail: 'The token answer has no access_token.' });
    const expiresIn = isRecord(json) ? finiteNumber(json.expires_in) : null;
    const lifetime = expiresIn !== null && expiresIn > 0 ? expiresIn * 1000 : FALLBACK_TOKEN_LIFETIME_MS;
    return { token, refreshAt: requestedAt + lifetime - Math.min(TOKEN_REFRESH_MARGIN_MS, lifetime / 2) };
  }
}

/** `{"error":"invalid_client","error_description":"unknown client id" | "Client authentication failed"}`. */
function oauthError(json: unknown, ctx: ErrorContext, status: number): AppError | null {
  if (!isRecord(json) || typeof json.error !== 'string') return null;
  const description = typeof json.error_description === 'string' ? json.error_description : '';
  const which =
    /unknown client id/i.test(description) ? ' The API Key is not known.' : /authentication failed/i.test(description) ? ' The Secret Key does not match.' : '';
  return new AppError('auth', {
    status: status >= 400 ? status : undefined,
    retryable: false,
    detail: cleanDetail(`Qianfan refused the keys: ${json.error}${description ? ` (${description})` : ''}.${which}`, ctx),
  });
}

function finishReasonOf(chunk: Record<string, unknown>): string {
  if (chunk.need_clear_history === true) return 'content_filter';
  const reason = typeof chunk.finish_reason === 'string' ? chunk.finish_reason.toLowerCase() : '';
  if (reason === '' || reason === 'normal') return 'stop';
  return reason;
}

function toUsage(value: unknown): Usage | null {
  if (!isRecord(value)) return null;
  return makeUsage(finiteNumber(value.prompt_tokens), finiteNumber(value.completion_tokens), finiteNumber(value.total_tokens));
}

/** Waits for `promise` unless `signal` aborts first (the promise itself goes on for others). */
function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(abortReason(signal));
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(abortReason(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (err: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(resolveFailure(err, signal, () => AppError.from(err)));
      },
    );
  });
}

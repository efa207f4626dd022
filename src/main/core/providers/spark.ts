/**
 * iFlytek Spark (讯飞星火) over WebSocket (protocols.md §4), with the `ws` package.
 *
 * One socket per answer: connect to a URL signed with HMAC-SHA256 (§4.2), send one request
 * frame (§4.3), read JSON frames until `header.status == 2` (§4.4), then close. In-band errors
 * arrive as a frame with `header.code ≠ 0` (§4.6); each is mapped to an AppError below, with
 * the session id `sid` in the detail because xfyun support asks for it.
 *
 * Where to connect (ProviderConnection.baseUrl):
 * - an origin (`wss://spark-api.xf-yun.com`, the default when empty): the model id is a
 *   product's `domain` (SPARK_PRODUCTS) and the product's path is appended;
 * - a URL with a path: that exact endpoint, and the model id is sent as the `domain` as is
 *   (fine-tuned/MaaS models, proxies). `https://` and `http://` are read as `wss://`/`ws://`.
 *
 * UNCONFIRMED, parsed defensively (§10.5):
 * - the field that carries X1 reasoning on the WebSocket: `reasoning_content` (as on Spark's
 *   HTTP API) and `reasoning` are both read from `payload.choices.text[]`;
 * - the handshake rejection: xfyun's gateway documents 401 {"message":"HMAC signature does not
 *   match"} and 403 {"message":"HMAC signature cannot be verified, a valid date or x-date
 *   header is required for HMAC Authentication"} for its other WebAPIs; any 401/403 is `auth`;
 * - a JSON frame split over several WebSocket messages (xfyun's docs blame the client
 *   framework; `ws` reassembles fragments) is joined until it parses.
 *
 * Web search (`request.webSearch`, §4.5): the `web_search` tool is sent for every product but
 * Lite; which response fields carry the sources is UNCONFIRMED, so only a search step is shown
 * (SparkWebSearch in websearch/nativeSearch.ts).
 *
 * Cancellation contract: see ./common.ts. Aborting closes the socket (or ends the handshake).
 */
import { createHmac, randomUUID } from 'node:crypto';
import type { Usage } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { DEFAULT_BASE_URLS, findSparkProduct, SPARK_PRODUCTS } from '../../../shared/providerCatalog';
import { checkedUrl, connectionLost, type ErrorContext, finiteNumber, isRecord, parseJson, redact, truncateDetail } from '../net';
import { refuseImages } from './imageParts';
import { makeUsage, noUserMessage, rejectPrefill, splitMessages } from './messages';
import type { Provider, ProviderConnection, ProviderDeps, ProviderEvent, ProviderFactory, ProviderRequest } from './provider';
import { searchUnavailableNote } from './searchNotes';
import { sparkError } from './sparkErrors';
import { SparkSocket } from './sparkSocket';

export { SPARK_ERROR_CODES, sparkError } from './sparkErrors';
import { SPARK_SEARCH_TOOL, SparkWebSearch, sparkHasSearch } from './sparkSearch';

export { SPARK_PRODUCTS, findSparkProduct, type SparkProduct } from '../../../shared/providerCatalog';

const END_MARKER = 'the frame with status 2';
/** A frame joined from several messages is given up on past this size. */
const MAX_FRAME_CHARS = 4 * 1024 * 1024;

export const sparkFactory: ProviderFactory = {
  kind: 'spark',
  create(connection, deps) {
    return new SparkProvider(connection, deps);
  },
};


/**
 * The signed WebSocket URL (§4.2): HMAC-SHA256 with the APISecret over
 * `host: <host>\ndate: <date>\nGET <path> HTTP/1.1`, wrapped in a base64 `authorization`.
 * `date` must be RFC 1123 in GMT, within 300 s of the server's clock.
 */
export function signSparkUrl(endpoint: URL, credentials: { apiKey: string; apiSecret: string }, date: string): string {
  const host = endpoint.host;
  const authorization = sparkAuthorization(credentials, host, date, `GET ${endpoint.pathname} HTTP/1.1`);
  const url = new URL(endpoint.toString());
  url.search = new URLSearchParams({ authorization, date, host }).toString();
  return url.toString();
}

/** The `authorization` value: base64 of `api_key="…", algorithm="hmac-sha256", headers="host date request-line", signature="…"`. */
export function sparkAuthorization(credentials: { apiKey: string; apiSecret: string }, host: string, date: string, requestLine: string): string {
  const signature = createHmac('sha256', credentials.apiSecret).update(`host: ${host}\ndate: ${date}\n${requestLine}`).digest('base64');
  return Buffer.from(
    `api_key="${credentials.apiKey}", algorithm="hmac-sha256", headers="host date request-line", signature="${signature}"`,
  ).toString('base64');
}

/** RFC 1123, e.g. `Fri, 05 May 2023 10:43:39 GMT` (toUTCString's format). */
export function rfc1123(ms: number): string {
  return new Date(ms).toUTCString();
}

interface Credentials {
  appId: string;
  apiKey: string;
  apiSecret: string;
}

export class SparkProvider implements Provider {
  private readonly errorContext: ErrorContext;

  constructor(
    private readonly connection: ProviderConnection,
    private readonly deps: ProviderDeps,
  ) {
    this.errorContext = { secrets: [connection.apiKey, connection.apiSecret], wrongPathKey: null };
  }

  async *stream(request: ProviderRequest, signal: AbortSignal): AsyncIterable<ProviderEvent> {
    rejectPrefill(request, 'Spark');
    refuseImages(request);
    const credentials = this.credentials();
    const { endpoint, domain } = this.endpoint(request.model);
    const search = request.webSearch ? new SparkWebSearch(sparkHasSearch(domain)) : null;
    // Lite has no search plugin: the tool is not sent, and the model is told to say so.
    const asked = search && !sparkHasSearch(domain) ? withSystemNote(request, searchUnavailableNote()) : request;
    const frame = requestFrame(asked, credentials.appId, domain);

    const socket = this.connect(endpoint, credentials, signal);
    let sid: string | null = null;
    let usage: Usage | null = null;
    let receivedAny = false;
    let partial = '';
    try {
      await socket.opened();
      socket.send(JSON.stringify(frame));
      if (search) yield* search.start();
      for (;;) {
        const text = await socket.nextMessage();
        if (text === null) {
          const lost = connectionLost(END_MARKER, receivedAny);
          throw sid ? new AppError('network', { messageKey: lost.messageKey, retryable: true, detail: `${lost.detail} (sid ${sid})` }) : lost;
        }
        receivedAny = true;
        const json = parseJson(partial + text);
        if (json === undefined) {
          partial += text;
          if (partial.length > MAX_FRAME_CHARS) throw new AppError('provider', { detail: 'A Spark frame never became valid JSON.' });
          continue;
        }
        partial = '';
        if (!isRecord(json)) throw new AppError('provider', { detail: `Unreadable Spark frame: ${truncateDetail(redact(text, this.errorContext), 200)}` });

        const header = isRecord(json.header) ? json.header : {};
        if (typeof header.sid === 'string' && header.sid !== '') sid = header.sid;
        const code = Number(header.code ?? 0);
        if (code !== 0) {
          throw sparkError(Number.isFinite(code) ? code : -1, typeof header.message === 'string' ? header.message : '', sid, this.errorContext);
        }
        const payload = isRecord(json.payload) ? json.payload : {};
        const choices = isRecord(payload.choices) ? payload.choices : {};
        const texts: unknown[] = Array.isArray(choices.text) ? choices.text : [];
        for (const piece of texts) {
          if (!isRecord(piece)) continue;
          if (search && (piece.content || piece.reasoning_content || piece.reasoning)) yield* search.answering();
          const reasoning = [piece.reasoning_content, piece.reasoning].find((v): v is string => typeof v === 'string' && v !== '');
          if (reasoning !== undefined) yield { type: 'reasoning', text: reasoning };
          if (typeof piece.content === 'string' && piece.content !== '') yield { type: 'text', text: piece.content };
        }
        usage = toUsage(payload.usage) ?? usage;
        const status = finiteNumber(header.status) ?? finiteNumber(choices.status);
        if (status === 2) {
          if (search) yield* search.answering();
          if (usage) yield { type: 'usage', usage };
          yield { type: 'done', finishReason: 'stop' };
          return;
        }
      }
    } finally {
      socket.close();
    }
  }

  /**
   * Spark has no model list: this proves the address, APIKey and APISecret with a handshake
   * (no request, no tokens used) and returns the known products' `domain`s. The APPID is only
   * checked by the first question.
   */
  async listModels(signal: AbortSignal): Promise<string[]> {
    const credentials = this.credentials();
    const { endpoint, custom } = this.endpointForProbe();
    const socket = this.connect(endpoint, credentials, signal);
    try {
      await socket.opened();
    } finally {
      socket.close();
    }
    return custom ? [] : SPARK_PRODUCTS.map((p) => p.domain);
  }

  private credentials(): Credentials {
    const { appId, apiKey, apiSecret } = this.connection;
    const missing = [
      ['APPID', appId],
      ['APIKey', apiKey],
      ['APISecret', apiSecret],
    ].flatMap(([name, value]) => (value ? [] : [name]));
    if (!appId || !apiKey || !apiSecret) {
      throw new AppError('auth', { retryable: false, detail: `Spark needs an APPID, an APIKey and an APISecret; missing: ${missing.join(', ')}.` });
    }
    return { appId, apiKey, apiSecret };
  }

  private base(): URL {
    const raw = this.connection.baseUrl.trim() || DEFAULT_BASE_URLS.spark;
    const asWs = raw.replace(/^https:/i, 'wss:').replace(/^http:/i, 'ws:').replace(/\/+$/, '');
    return checkedUrl(asWs, '', ['ws:', 'wss:']);
  }

  private endpoint(model: string): { endpoint: URL; domain: string } {
    const base = this.base();
    if (base.pathname !== '/' && base.pathname !== '') return { endpoint: base, domain: model.trim() };
    const product = findSparkProduct(model);
    if (!product) {
      throw new AppError('not_found', {
        retryable: false,
        detail: `"${model}" is not a Spark product. Pick one of ${SPARK_PRODUCTS.map((p) => p.domain).join(', ')}, or set the full endpoint URL as the base URL.`,
      });
    }
    return { endpoint: new URL(new URL(product.url).pathname, base), domain: product.domain };
  }

  private endpointForProbe(): { endpoint: URL; custom: boolean } {
    const base = this.base();
    if (base.pathname !== '/' && base.pathname !== '') return { endpoint: base, custom: true };
    return { endpoint: this.endpoint(SPARK_PRODUCTS[0]?.domain ?? 'lite').endpoint, custom: false };
  }

  private connect(endpoint: URL, credentials: Credentials, signal: AbortSignal): SparkSocket {
    const date = rfc1123((this.deps.now ?? Date.now)());
    const url = signSparkUrl(endpoint, credentials, date);
    const authorization = new URL(url).searchParams.get('authorization');
    const ctx: ErrorContext = { ...this.errorContext, secrets: [...(this.errorContext.secrets ?? []), authorization] };
    return new SparkSocket(url, signal, ctx, this.deps);
  }
}


/** The request frame (§4.3). A fresh `uid` per request: Spark limits concurrency per uid (10006). */
export function requestFrame(request: ProviderRequest, appId: string, domain: string): Record<string, unknown> {
  const { system, turns } = splitMessages(request);
  if (!turns.some((t) => t.role === 'user')) throw noUserMessage();
  const chat: Record<string, unknown> = { domain };
  if (request.temperature !== undefined) chat.temperature = request.temperature;
  if (request.topK !== undefined) chat.top_k = request.topK;
  if (request.maxOutputTokens !== undefined) chat.max_tokens = request.maxOutputTokens;
  // Search sources: see SparkWebSearch for what is (not) read back.
  if (request.webSearch && sparkHasSearch(domain)) chat.tools = [SPARK_SEARCH_TOOL];
  const text = [...(system !== '' ? [{ role: 'system', content: system }] : []), ...turns];
  return {
    header: { app_id: appId, uid: randomUUID().replace(/-/g, '') },
    parameter: { chat },
    payload: { message: { text } },
  };
}

function toUsage(value: unknown): Usage | null {
  const text = isRecord(value) && isRecord(value.text) ? value.text : null;
  if (!text) return null;
  return makeUsage(finiteNumber(text.prompt_tokens), finiteNumber(text.completion_tokens), finiteNumber(text.total_tokens));
}

function withSystemNote(request: ProviderRequest, note: string): ProviderRequest {
  return { ...request, system: request.system ? `${request.system}\n\n${note}` : note };
}

import type { IncomingMessage } from 'node:http';
import WebSocket, { type RawData } from 'ws';
import { AppError } from '../../../shared/errors';
import { abortReason, cleanDetail, errorFromFetchFailure, errorFromHttp, isRecord, parseJson, type ErrorContext } from '../net';
import type { ProviderDeps } from './provider';

const MAX_HANDSHAKE_BODY = 16 * 1024;

type Incoming =
  | { type: 'open' }
  | { type: 'message'; text: string }
  | { type: 'closed' }
  | { type: 'failed'; error: unknown };

/**
 * A `ws` socket read as a sequence: events are queued as they arrive and taken one at a time.
 * Aborting wakes a pending read, which then throws the AbortError, and closes the socket.
 */
export class SparkSocket {
  private readonly ws: WebSocket;
  private readonly inbox: Incoming[] = [];
  private wake: (() => void) | null = null;
  private readonly onAbort = (): void => {
    this.close();
    this.notify();
  };

  constructor(
    url: string,
    private readonly signal: AbortSignal,
    private readonly ctx: ErrorContext,
    deps: ProviderDeps,
    /** Headers for the upgrade request, and how a refused upgrade reads (Spark's own wording by default). */
    options: { headers?: Headers; refusal?: typeof handshakeError } = {},
  ) {
    const headers = options.headers ? Object.fromEntries(options.headers.entries()) : undefined;
    this.ws = new WebSocket(url, { agent: deps.webSocketAgent, perMessageDeflate: false, headers });
    const refusal = options.refusal ?? handshakeError;
    this.ws.on('open', () => this.push({ type: 'open' }));
    this.ws.on('message', (data: RawData) => this.push({ type: 'message', text: rawText(data) }));
    // Once something has failed or closed, later events (the error a close emits while
    // connecting, …) change nothing; the listener stays so `ws` never throws them.
    this.ws.on('error', (error: Error) => this.push({ type: 'failed', error }));
    this.ws.on('close', () => this.push({ type: 'closed' }));
    // With this listener `ws` leaves the refused handshake to us: read the refusal, then end it.
    this.ws.on('unexpected-response', (_req, res: IncomingMessage) => {
      void readBody(res).then((body) => {
        this.push({ type: 'failed', error: refusal(res, body, this.ctx) });
        this.ws.terminate();
      });
    });
    if (signal.aborted) this.onAbort();
    else signal.addEventListener('abort', this.onAbort, { once: true });
  }

  /** Resolves once the handshake succeeded; throws its failure (or the abort) otherwise. */
  async opened(): Promise<void> {
    const first = await this.take();
    if (first.type === 'open') return;
    if (first.type === 'failed') throw this.failure(first.error);
    throw new AppError('network', { messageKey: 'errors.providerConnectionLost', detail: 'The server closed the connection during the handshake.' });
  }

  send(text: string): void {
    this.ws.send(text);
  }

  /** The next text message; null when the socket closed. */
  async nextMessage(): Promise<string | null> {
    const item = await this.take();
    if (item.type === 'message') return item.text;
    if (item.type === 'failed') throw this.failure(item.error);
    return null;
  }

  close(): void {
    this.signal.removeEventListener('abort', this.onAbort);
    if (this.ws.readyState === WebSocket.CONNECTING) this.ws.terminate();
    else if (this.ws.readyState === WebSocket.OPEN) this.ws.close(1000);
  }

  private push(item: Incoming): void {
    this.inbox.push(item);
    this.notify();
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  private async take(): Promise<Incoming> {
    for (;;) {
      if (this.signal.aborted) throw abortReason(this.signal);
      const item = this.inbox.shift();
      if (item) return item;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  private failure(error: unknown): unknown {
    if (this.signal.aborted) return abortReason(this.signal, error);
    return error instanceof AppError ? error : errorFromFetchFailure(error, this.ctx);
  }
}

/** A rejected upgrade: 401/403 mean the signature, key or date was refused. */
function handshakeError(res: IncomingMessage, body: string, ctx: ErrorContext): AppError {
  const status = res.statusCode ?? 0;
  const json = parseJson(body);
  const message = isRecord(json) && typeof json.message === 'string' ? json.message : body.trim();
  if (status === 401 || status === 403) {
    const said = (message || `HTTP ${status}`).replace(/\.?$/, '.');
    const clock = /date/i.test(message) ? ' The computer clock is probably more than 5 minutes off; the server refuses the signature date.' : '';
    return new AppError('auth', { status, retryable: false, detail: cleanDetail(`Spark refused the connection: ${said}${clock}`, ctx) });
  }
  return upgradeRefused(res, body, ctx);
}

/** A rejected upgrade read like any HTTP failure (status and error body). */
export function upgradeRefused(res: IncomingMessage, body: string, ctx: ErrorContext): AppError {
  const headers = new Headers();
  for (const [name, value] of Object.entries(res.headers)) if (typeof value === 'string') headers.set(name, value);
  return errorFromHttp({ status: res.statusCode ?? 0, statusText: res.statusMessage ?? '', headers }, body, ctx);
}

function readBody(res: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const parts: Buffer[] = [];
    let size = 0;
    const done = (): void => resolve(Buffer.concat(parts).toString('utf8'));
    res.on('data', (part: Buffer) => {
      if (size < MAX_HANDSHAKE_BODY) parts.push(part);
      size += part.length;
    });
    res.on('end', done);
    res.on('error', done);
    res.on('close', done);
  });
}

function rawText(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}

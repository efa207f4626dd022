/**
 * The one door check of Brook's servers on 127.0.0.1 (browser mode, live feed, local API). A
 * request gets through only when
 * - its Host names this machine and port: a web page that re-points its own host name at
 *   127.0.0.1 (DNS rebinding) counts as same-origin and need not send Origin, but its Host
 *   still names the attacker's host;
 * - it comes from no web page elsewhere: browsers always send Origin, and tools (curl, Python's
 *   websocket-client) send none or this server's own address;
 * - it holds the server's secret (a token in the URL, or a Bearer key), compared in constant time.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';

export type Refusal = 400 | 401 | 403 | 404;

export interface GuardOptions {
  /** The port the server listens on (known once it listens). */
  port: number;
  /** The secret the request must hold. */
  secret: string;
  /** Where the request carries it: `?token=…` in the URL, or `Authorization: Bearer …`. */
  credential: 'query-token' | 'bearer';
  /** The only path this server answers on (404 otherwise); left out where the server routes paths itself. */
  path?: string;
}

const REASONS: Record<Refusal, string> = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found' };

/** null when the request may go on; otherwise the status to refuse it with. */
export function localRequestRefusal(req: IncomingMessage, o: GuardOptions): Refusal | null {
  let url: URL;
  try {
    url = new URL(req.url ?? '/', 'http://127.0.0.1');
  } catch {
    return 400;
  }
  if (!isLocalHost(req.headers.host, o.port)) return 403;
  const origin = req.headers.origin;
  if (origin !== undefined && !isOwnOrigin(origin, o.port)) return 403;
  if (o.path !== undefined && url.pathname !== o.path) return 404;
  const given = o.credential === 'query-token' ? url.searchParams.get('token') : bearerToken(req.headers.authorization);
  return given !== null && sameSecret(given, o.secret) ? null : 401;
}

/** The HTTP status line of a refusal, e.g. `403 Forbidden`. */
export function refusalStatusLine(status: Refusal): string {
  return `${status} ${REASONS[status]}`;
}

/** Answers a refused WebSocket upgrade on its raw socket and closes it. */
export function refuseUpgrade(socket: Duplex, status: Refusal): void {
  socket.end(`HTTP/1.1 ${refusalStatusLine(status)}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

export function isOwnOrigin(origin: string, port: number): boolean {
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

/** Port 80 is left out of Host by browsers. */
export function isLocalHost(host: string | undefined, port: number): boolean {
  const names = port === 80 ? ['127.0.0.1', 'localhost', '127.0.0.1:80', 'localhost:80'] : [`127.0.0.1:${port}`, `localhost:${port}`];
  return host !== undefined && names.includes(host.toLowerCase());
}

function bearerToken(header: string | undefined): string | null {
  return /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1] ?? null;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

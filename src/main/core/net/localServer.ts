import { createServer, type RequestListener, type Server } from 'node:http';
import type { Duplex } from 'node:stream';

/**
 * How long a local client may take. A request must arrive whole in time (headers, then the
 * body); a kept-alive connection with nothing to do is closed. Answers are not timed here:
 * a model may think quietly for minutes, and the StreamManager's idle timeout governs that.
 */
export interface ServerTimeouts {
  headersMs: number;
  /** The whole request, headers and body. */
  requestMs: number;
  /** A kept-alive connection between requests. */
  idleMs: number;
}

export const DEFAULT_SERVER_TIMEOUTS: ServerTimeouts = { headersMs: 10_000, requestMs: 30_000, idleMs: 5_000 };

/**
 * An HTTP server for 127.0.0.1 that nothing a client sends can bring down: every socket has
 * an error listener from the start (so upgraded ones keep one: Node drops its own at the upgrade), malformed
 * requests get a 400 and a close, and slow or idle clients are cut off by the timeouts.
 */
export function createLocalServer(
  name: string,
  handler: RequestListener,
  log: (message: string) => void,
  timeouts: Partial<ServerTimeouts> = {},
): Server {
  const t = { ...DEFAULT_SERVER_TIMEOUTS, ...timeouts };
  const server = createServer(
    {
      headersTimeout: t.headersMs,
      requestTimeout: t.requestMs,
      keepAliveTimeout: t.idleMs,
      // How often Node looks for requests past their time; its default (30 s) would let them overstay.
      connectionsCheckingInterval: Math.max(100, Math.min(1000, t.headersMs / 2)),
    },
    handler,
  );
  server.on('connection', (socket) => socket.on('error', ignore));
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    if (err.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const status = err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : '400 Bad Request';
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  });
  server.on('error', (err: NodeJS.ErrnoException) => log(`${name}: server error ${err.code ?? err.name}`));
  return server;
}

function ignore(): void {
  // A client that resets or breaks its connection is its own problem: its socket is closed either way.
}

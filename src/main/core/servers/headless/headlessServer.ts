import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import { type Handlers, MAX_CLIENT_FRAME_BYTES } from '../../../../shared/contract';
import { dispatch } from '../../api';
import { createLocalServer, isLocalHost, listenLocal, localRequestRefusal, refuseUpgrade, type ServerTimeouts } from '../../net';
import type { EventBus } from '../../base';
import { clientFrameSchema, TOKEN_FRAGMENT_KEY, WS_PATH, type ServerFrame } from '../../../../shared/wsProtocol';
import { contentSecurityPolicy, serveStatic } from './staticFiles';

export interface HeadlessServerOptions {
  /** What the windows talk to: the requests' handlers and the bus their events come from. */
  core: { handlers: Handlers; bus: EventBus };
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  token?: string;
  log?: (message: string) => void;
  /** Tests: shorter limits for slow clients. */
  timeouts?: Partial<ServerTimeouts>;
}

export interface HeadlessServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/** A window that stops reading must not make the core buffer without bound. */
const MAX_BUFFERED_BYTES = 64 * 1024 * 1024;

/**
 * Browser mode: serves the renderer on 127.0.0.1 and carries the same contract as IPC over
 * one WebSocket per window. net's localGuard keeps other local programs and web pages out: a
 * random token (in the URL fragment), the Origin, and the Host (DNS rebinding).
 */
export async function startHeadlessServer(options: HeadlessServerOptions): Promise<HeadlessServer> {
  const { core, rendererDir } = options;
  const log = options.log ?? (() => {});
  const token = options.token ?? randomBytes(24).toString('base64url');
  let port = 0;

  const http: Server = createLocalServer('browser-mode server', (req, res) => {
    // A page that re-points its own host name at 127.0.0.1 gets nothing, not even the files.
    if (!isLocalHost(req.headers.host, port)) {
      res.writeHead(403).end();
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    serveStatic(rendererDir, req.url ?? '/', res, contentSecurityPolicy(port));
  }, log, options.timeouts);

  // In bytes of what is sent; the window measures the same before sending.
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_CLIENT_FRAME_BYTES });
  wss.on('error', (err) => log(`browser-mode server: ${err.message}`));
  http.on('upgrade', (req, socket, head) => {
    const refusal = localRequestRefusal(req, { port, secret: token, credential: 'query-token', path: WS_PATH });
    if (refusal) {
      refuseUpgrade(socket, refusal);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  const send = (ws: WebSocket, frame: ServerFrame) => {
    if (ws.readyState !== ws.OPEN) return;
    if (ws.bufferedAmount > MAX_BUFFERED_BYTES) {
      ws.close(1008, 'client too slow');
      return;
    }
    ws.send(JSON.stringify(frame));
  };

  wss.on('connection', (ws) => {
    const unsubscribe = core.bus.on((name, payload) => send(ws, { kind: 'event', name, payload } as ServerFrame));
    ws.on('close', unsubscribe);
    // A frame too big, invalid UTF-8, a broken frame: ws closes that socket (1009, 1007, 1002) and reports it here.
    ws.on('error', (err) => log(`browser-mode socket closed: ${err.message}`));
    ws.on('message', async (data, isBinary) => {
      if (isBinary) return;
      let frame;
      try {
        frame = clientFrameSchema.parse(JSON.parse(data.toString()));
      } catch {
        ws.close(1003, 'malformed frame');
        return;
      }
      const result = await dispatch(core.handlers, frame.name, frame.args, log);
      send(ws, { kind: 'response', id: frame.id, ...result });
    });
  });

  port = await listenLocal(http, options.port ?? 0);
  const url = `http://127.0.0.1:${port}/#${TOKEN_FRAGMENT_KEY}=${token}`;

  return {
    url,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        for (const ws of wss.clients) ws.terminate();
        wss.close();
        http.close(() => resolve());
        http.closeAllConnections();
      }),
  };
}

import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { TOKEN_FRAGMENT_KEY, WS_PATH } from '../../../../shared/wsPaths';
import { createLocalServer, isLocalHost, listenLocal, localRequestRefusal, refuseUpgrade, type ServerTimeouts } from '../../net';
import { FirstScreenWatch } from './firstScreen';
import { isFirstScreenRequest, serveFirstScreen } from './firstScreenRoute';
import { contentSecurityPolicy, serveStatic } from './staticFiles';
import type { HeadlessCore, WindowSockets } from './windowSession';

export type { HeadlessCore } from './windowSession';

export interface HeadlessServerOptions {
  /**
   * What the windows talk to. It may still be loading: the page is served at once, and a
   * window that connects before the core is there waits in its handshake (issue #13, cold
   * start: the page loads while the core does).
   */
  core: HeadlessCore | Promise<HeadlessCore>;
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  token?: string;
  log?: (message: string) => void;
  /** Tests: shorter limits for slow clients. */
  timeouts?: Partial<ServerTimeouts>;
  /**
   * The copy of the first screen kept at the last clean quit (JSON text of FirstScreenData),
   * served at FIRST_SCREEN_PATH until the core has loaded; the core's loading waits for it.
   * Without a copy, or once the core has loaded, FIRST_SCREEN_PATH waits for the core and
   * answers with its first screen as it is then.
   */
  firstScreen?: string | null;
}

export interface HeadlessServer {
  url: string;
  port: number;
  token: string;
  /**
   * The first window's page and its files are out (or nobody asked for them in time): the
   * moment to start loading a core that would otherwise hold them back (firstScreen.ts).
   */
  firstScreenSent: Promise<void>;
  close(): Promise<void>;
}

/**
 * Browser mode: serves the renderer on 127.0.0.1 and carries the same contract as IPC over
 * one WebSocket per window. net's localGuard keeps other local programs and web pages out: a
 * random token (in the URL fragment), the Origin, and the Host (DNS rebinding).
 */
export async function startHeadlessServer(options: HeadlessServerOptions): Promise<HeadlessServer> {
  const { rendererDir } = options;
  const log = options.log ?? (() => {});
  const token = options.token ?? randomBytes(24).toString('base64url');
  let port = 0;
  let firstScreenData = options.firstScreen ?? null;
  const firstScreen = new FirstScreenWatch(rendererDir, firstScreenData !== null);

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
    if (isFirstScreenRequest(req)) {
      res.once('close', () => firstScreen.dataSent());
      serveFirstScreen(req, res, port, token, firstScreenText);
      return;
    }
    serveStatic(rendererDir, req.url ?? '/', res, contentSecurityPolicy(port), (file) => firstScreen.fileSent(file));
  }, log, options.timeouts);

  // The windows' sockets (ws) and the session code (frame checks, the contract's dispatch: zod)
  // load once the core has: at listening time they held back the page's first files.
  let live: WindowSockets | null = null;
  const attach = Promise.resolve(options.core).then((core) =>
    import('./windowSession').then((session) => (live = session.windowSockets(core, log))),
  );
  // A core that fails to start is reported by whoever started it; waiting windows are let go.
  attach.catch(() => {});
  // From here on the core answers for itself, and the copy grows stale.
  void attach.then(
    () => (firstScreenData = null),
    () => (firstScreenData = null),
  );
  // A page opened after the core has loaded (a reload, a second tab, a URL opened by hand) or
  // with no copy to draw from gets the core's own first screen: its first paint still comes
  // before the app's scripts have run.
  async function firstScreenText(): Promise<string | null> {
    if (firstScreenData !== null) return firstScreenData;
    const core = await options.core;
    return core.firstScreen ? JSON.stringify(await core.firstScreen()) : null;
  }
  const waiting = new Set<Duplex>();
  http.on('upgrade', (req, socket, head) => {
    const refusal = localRequestRefusal(req, { port, secret: token, credential: 'query-token', path: WS_PATH });
    if (refusal) {
      refuseUpgrade(socket, refusal);
      return;
    }
    firstScreen.windowKnocked();
    waiting.add(socket);
    attach.then(
      (sockets) => {
        waiting.delete(socket);
        if (socket.destroyed) return;
        sockets.accept(req, socket, head);
      },
      () => {
        waiting.delete(socket);
        socket.destroy();
      },
    );
  });

  try {
    port = await listenLocal(http, options.port ?? 0);
  } catch (err) {
    firstScreen.done();
    throw err;
  }
  const url = `http://127.0.0.1:${port}/#${TOKEN_FRAGMENT_KEY}=${token}`;

  return {
    url,
    port,
    token,
    firstScreenSent: firstScreen.sent,
    close: () =>
      new Promise<void>((resolve) => {
        firstScreen.done();
        live?.close();
        for (const socket of waiting) socket.destroy();
        http.close(() => resolve());
        http.closeAllConnections();
      }),
  };
}

import type { Server } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import type { AppErrorData } from '../../../../shared/errors';
import type { EventBus } from '../../base';
import { feedFrames } from './feedFrames';
import { createLocalServer, listenLocal, localRequestRefusal, refuseUpgrade, type ServerTimeouts } from '../../net';

export const FEED_PATH = '/feed';

/** More than this waiting for one subscriber means it stopped reading: it is dropped. */
const DEFAULT_MAX_BUFFERED_BYTES = 4 * 1024 * 1024;
/** A dropped subscriber that does not read the close frame either is cut off after this. */
const TERMINATE_AFTER_MS = 1000;

export interface LiveFeedOptions {
  bus: EventBus;
  token: string;
  /** 0 picks a free port. */
  port: number;
  translateError: (error: AppErrorData) => string;
  maxBufferedBytes?: number;
  log?: (message: string) => void;
  timeouts?: Partial<ServerTimeouts>;
}

/**
 * The live feed: every stream, in every window, as JSON text frames to any local program
 * holding the token. Sending never waits for a subscriber; one that falls behind is dropped
 * with a close reason instead of growing Brook's memory or slowing anyone else.
 */
export class LiveFeedServer {
  private constructor(
    private readonly http: Server,
    private readonly wss: WebSocketServer,
    readonly port: number,
    private token: string,
    private readonly unsubscribe: () => void,
  ) {}

  static async start(o: LiveFeedOptions): Promise<LiveFeedServer> {
    const maxBuffered = o.maxBufferedBytes ?? DEFAULT_MAX_BUFFERED_BYTES;
    const log = o.log ?? (() => {});
    const http = createLocalServer('live feed', (_req, res) => {
      res.writeHead(426, { 'content-type': 'text/plain' }).end('Brook live feed: connect with a WebSocket.\n');
    }, log, o.timeouts);
    const wss = new WebSocketServer({ noServer: true, maxPayload: 4096 });
    wss.on('error', (err) => log(`live feed: ${err.message}`));
    const port = await listenLocal(http, o.port);
    const subscribers = new Set<WebSocket>();

    const drop = (ws: WebSocket) => {
      subscribers.delete(ws);
      log('live feed: dropped a subscriber that stopped reading');
      ws.close(1008, 'subscriber too slow');
      setTimeout(() => ws.terminate(), TERMINATE_AFTER_MS).unref();
    };
    const unsubscribe = o.bus.on((name, payload) => {
      if (subscribers.size === 0) return;
      const frames = feedFrames(name, payload, o.translateError);
      for (const frame of frames) {
        const text = JSON.stringify(frame);
        for (const ws of subscribers) {
          if (ws.readyState !== ws.OPEN) continue;
          // Judged by the backlog, not the new frame: one long pasted message must still go out.
          if (ws.bufferedAmount > maxBuffered) drop(ws);
          else ws.send(text);
        }
      }
    });

    const server = new LiveFeedServer(http, wss, port, o.token, unsubscribe);
    http.on('upgrade', (req, socket, head) => {
      const refusal = localRequestRefusal(req, { port, secret: server.token, credential: 'query-token', path: FEED_PATH });
      if (refusal) {
        refuseUpgrade(socket, refusal);
        return;
      }
      wss.handleUpgrade(req, socket, head, (ws) => {
        subscribers.add(ws);
        ws.on('close', () => subscribers.delete(ws));
        ws.on('error', () => subscribers.delete(ws));
        // Subscribers only listen; anything they send is ignored.
      });
    });
    return server;
  }

  url(): string {
    return `ws://127.0.0.1:${this.port}${FEED_PATH}?token=${this.token}`;
  }

  /** Old URLs stop working: everyone connected with the old token is disconnected. */
  setToken(token: string): void {
    this.token = token;
    for (const ws of this.wss.clients) ws.close(1008, 'token changed');
  }

  close(): Promise<void> {
    this.unsubscribe();
    for (const ws of this.wss.clients) ws.close(1001, 'feed turned off');
    return new Promise((resolve) => {
      this.wss.close();
      this.http.close(() => resolve());
      setTimeout(() => {
        for (const ws of this.wss.clients) ws.terminate();
        this.http.closeAllConnections();
      }, 200).unref();
    });
  }
}

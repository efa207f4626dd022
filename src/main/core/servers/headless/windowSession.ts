import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import { MAX_CLIENT_FRAME_BYTES } from '../../../../shared/contract/limits';
import type { Handlers } from '../../../../shared/contract';
import type { FirstScreenData } from '../../../../shared/firstScreen';
import { clientFrameSchema, type ServerFrame } from '../../../../shared/wsProtocol';
import { dispatch } from '../../api';
import type { EventBus } from '../../base';

/** What a browser-mode window talks to: the requests' handlers and the bus their events come from. */
export interface HeadlessCore {
  handlers: Handlers;
  bus: EventBus;
  /** The first screen as it is now, served to a page opened once the core has loaded (a reload, a second tab). */
  firstScreen?: () => Promise<FirstScreenData>;
}

/** A window that stops reading must not make the core buffer without bound. */
const MAX_BUFFERED_BYTES = 64 * 1024 * 1024;

function send(ws: WebSocket, frame: ServerFrame): void {
  if (ws.readyState !== ws.OPEN) return;
  if (ws.bufferedAmount > MAX_BUFFERED_BYTES) {
    ws.close(1008, 'client too slow');
    return;
  }
  ws.send(JSON.stringify(frame));
}

/** One window's socket: the core's events go out, its requests come in and are answered. */
export function attachWindow(ws: WebSocket, core: HeadlessCore, log: (message: string) => void): void {
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
}

/** The windows' sockets, once the core is there to answer them. */
export interface WindowSockets {
  /** Takes over an upgrade request that has passed the door check. */
  accept(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  close(): void;
}

export function windowSockets(core: HeadlessCore, log: (message: string) => void): WindowSockets {
  // In bytes of what is sent; the window measures the same before sending.
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_CLIENT_FRAME_BYTES });
  wss.on('error', (err) => log(`browser-mode server: ${err.message}`));
  return {
    accept: (req, socket, head) => wss.handleUpgrade(req, socket, head, (ws) => attachWindow(ws, core, log)),
    close: () => {
      for (const ws of wss.clients) ws.terminate();
      wss.close();
    },
  };
}

/**
 * The browser-mode client loads the contract's schemas beside its handshake, not before the
 * first screen (issue #13, cold start). Frames that arrive before the schemas are there wait,
 * and are then checked and delivered in the order they came; a payload that breaks the
 * contract is still dropped.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket as NodeWebSocket, WebSocketServer } from 'ws';
import type { RendererClient } from '../../../src/renderer/src/client/types';
import type { HistoryHealth } from '../../../src/shared/domain';

/**
 * Loaded by a path the compiler does not follow: the client is typed against the DOM, which the
 * tests' (Node) type-check does not have; its shape here is the RendererClient it implements.
 */
const WS_CLIENT_MODULE = '../../../src/renderer/src/client/wsClient';
async function newWsClient(url: string): Promise<RendererClient> {
  const { WsClient } = (await import(/* @vite-ignore */ WS_CLIENT_MODULE)) as { WsClient: new (url: string) => RendererClient };
  return new WsClient(url);
}

const cleanup: Array<() => void> = [];
afterEach(() => {
  for (const step of cleanup.splice(0).reverse()) step();
});

function installBrowserGlobals(): void {
  const g = globalThis as Record<string, unknown>;
  const before = { window: g.window, WebSocket: g.WebSocket };
  g.window = new EventTarget();
  g.WebSocket = NodeWebSocket;
  cleanup.push(() => Object.assign(g, before));
}

const ok: HistoryHealth = { status: 'ok', copyPath: null, detail: null };
const damaged: HistoryHealth = { status: 'damaged', copyPath: '/tmp/copy', detail: 'page 6' };

describe('browser-mode client, schemas loaded beside the handshake', () => {
  it('delivers what arrived before its schemas, in order, and still drops what breaks the contract', async () => {
    installBrowserGlobals();
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    cleanup.push(() => server.close());
    await new Promise((r) => server.once('listening', r));
    server.on('connection', (socket) => {
      // Sent the moment the socket opens: before the client's schemas can have loaded.
      socket.send(JSON.stringify({ kind: 'event', name: 'history.health', payload: damaged }));
      socket.send(JSON.stringify({ kind: 'event', name: 'history.health', payload: { status: 'on fire' } }));
      socket.send(JSON.stringify({ kind: 'event', name: 'no.such.event', payload: {} }));
      socket.on('message', (data) => {
        const frame = JSON.parse(String(data)) as { id: number };
        socket.send(JSON.stringify({ kind: 'event', name: 'history.health', payload: ok }));
        socket.send(JSON.stringify({ kind: 'response', id: frame.id, ok: true, value: ok }));
      });
    });
    const { port } = server.address() as { port: number };
    const client = await newWsClient(`ws://127.0.0.1:${port}/ws`);
    cleanup.push(() => client.dispose());
    const heard: HistoryHealth[] = [];
    client.on('history.health', (health) => heard.push(health));

    const answer = await client.request('history.health', {});
    expect(answer).toEqual(ok);
    expect(heard).toEqual([damaged, ok]);
  });
});

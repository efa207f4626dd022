import WebSocket from 'ws';
import type { EventName, Events, RequestArgs, RequestName, RequestResult } from '../../src/shared/contract';
import { AppError, type AppErrorData } from '../../src/shared/errors';
import type { ServerFrame } from '../../src/shared/wsProtocol';

/** A Node client for the browser-mode transport, used by tests and the benchmark. */
export class WsContractClient {
  readonly frames: string[] = [];
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>();
  private readonly listeners = new Set<(name: EventName, payload: unknown) => void>();

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const text = data.toString();
      this.frames.push(text);
      const frame = JSON.parse(text) as ServerFrame;
      if (frame.kind === 'response') {
        const p = this.pending.get(frame.id);
        this.pending.delete(frame.id);
        if (frame.ok) p?.resolve(frame.value);
        else p?.reject(AppError.fromJSON(frame.error as AppErrorData));
      } else {
        for (const l of this.listeners) l(frame.name, frame.payload);
      }
    });
  }

  static connect(url: string, headers: Record<string, string> = {}): Promise<WsContractClient> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { headers });
      ws.once('open', () => resolve(new WsContractClient(ws)));
      ws.once('error', reject);
      ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    });
  }

  request<K extends RequestName>(name: K, args: RequestArgs<K>): Promise<RequestResult<K>> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.ws.send(JSON.stringify({ kind: 'request', id, name, args }));
    });
  }

  on<E extends EventName>(name: E, listener: (payload: Events[E]) => void): () => void {
    const l = (n: EventName, p: unknown) => {
      if (n === name) listener(p as Events[E]);
    };
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  /** Resolves with the first event payload matching `predicate`. */
  waitFor<E extends EventName>(name: E, predicate: (payload: Events[E]) => boolean, timeoutMs = 10_000): Promise<Events[E]> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => (off(), reject(new Error(`timed out waiting for ${name}`))), timeoutMs);
      const off = this.on(name, (p) => {
        if (predicate(p)) {
          clearTimeout(timer);
          off();
          resolve(p);
        }
      });
    });
  }

  close(): void {
    this.ws.close();
  }
}

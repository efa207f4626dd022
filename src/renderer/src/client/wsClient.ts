import type { EventName, Events, RequestArgs, RequestName, RequestResult } from '../../../shared/contract';
import { MAX_CLIENT_FRAME_BYTES, utf8Bytes } from '../../../shared/contract/limits';
import { AppError } from '../../../shared/errors';
import type { ClientFrame } from '../../../shared/wsProtocol';
import { reconnectDelay } from './backoff';
import { EventHub } from './eventHub';
import type { ConnectionChange, ConnectionState, RendererClient } from './types';

type FrameChecks = typeof import('./frameChecks');

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: AppError) => void;
}

function connectionLost(): AppError {
  return new AppError('network', { messageKey: 'errors.connectionLost', retryable: true });
}

function tooLarge(): AppError {
  return new AppError('bad_request', { messageKey: 'errors.tooLarge', retryable: false });
}

/** The server closes a socket with 1009 when a frame exceeds its limit. */
const MESSAGE_TOO_BIG = 1009;

/**
 * Browser mode: the contract over one WebSocket. Requests are correlated by id; when the
 * socket closes every pending request fails with errors.connectionLost, and the client
 * reconnects with backoff and reports `resync` so the app fetches its state again.
 */
export class WsClient implements RendererClient {
  readonly transport = 'websocket';
  private socket: WebSocket | null = null;
  private state: ConnectionState;
  private nextId = 1;
  private attempt = 0;
  private triedBefore = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;
  private readonly pending = new Map<number, Pending>();
  private readonly outbox: string[] = [];
  private readonly events = new EventHub();
  private readonly stateListeners = new Set<(change: ConnectionChange) => void>();
  /**
   * The contract's schemas (zod, every payload's shape), loaded beside the handshake rather than
   * before the first screen (issue #13, cold start); frames that arrive first wait in order.
   */
  private checks: FrameChecks | null = null;
  private checksFailed = false;
  private readonly unchecked: string[] = [];

  constructor(private readonly url: string | null) {
    this.state = url ? 'connecting' : 'no-token';
    if (url) {
      this.connect();
      window.addEventListener('online', this.reconnectNow);
      void import('./frameChecks').then(
        (checks) => {
          this.checks = checks;
          for (const data of this.unchecked.splice(0)) this.receive(data);
        },
        (err: unknown) => {
          // Without its checks nothing from the server can be trusted: fail what waits and say why.
          console.error('could not load the frame checks', err);
          this.checksFailed = true;
          this.unchecked.length = 0;
          this.failPending(connectionLost());
        },
      );
    }
  }

  request<K extends RequestName>(name: K, args: RequestArgs<K>): Promise<RequestResult<K>> {
    if ((this.state !== 'open' && this.state !== 'connecting') || this.checksFailed) return Promise.reject(connectionLost());
    const id = this.nextId++;
    const frame: ClientFrame = { kind: 'request', id, name, args };
    const text = JSON.stringify(frame);
    // The server would close the socket on a frame over its limit: refuse it here, nothing else is lost.
    if (utf8Bytes(text) > MAX_CLIENT_FRAME_BYTES) return Promise.reject(tooLarge());
    return new Promise<RequestResult<K>>((resolve, reject) => {
      this.pending.set(id, { resolve: (value) => resolve(value as RequestResult<K>), reject });
      if (this.socket && this.socket.readyState === WebSocket.OPEN) this.socket.send(text);
      else this.outbox.push(text);
    });
  }

  on: RendererClient['on'] = (name, listener) => this.events.on(name, listener);

  connectionState(): ConnectionState {
    return this.state;
  }

  onConnectionChange(listener: (change: ConnectionChange) => void): () => void {
    this.stateListeners.add(listener);
    return () => {
      this.stateListeners.delete(listener);
    };
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
    window.removeEventListener('online', this.reconnectNow);
    this.socket?.close();
    this.failPending(connectionLost());
  }

  private connect(): void {
    if (this.disposed || !this.url) return;
    const resync = this.triedBefore;
    this.triedBefore = true;
    const socket = new WebSocket(this.url);
    this.socket = socket;
    socket.onopen = () => {
      if (this.socket !== socket) return;
      this.attempt = 0;
      for (const text of this.outbox.splice(0)) socket.send(text);
      this.setState('open', resync);
    };
    socket.onmessage = (event: MessageEvent) => {
      if (this.socket === socket && typeof event.data === 'string') this.receive(event.data);
    };
    socket.onclose = (event: CloseEvent) => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.failPending(event.code === MESSAGE_TOO_BIG ? tooLarge() : connectionLost());
      if (this.disposed) return;
      this.setState('reconnecting', false);
      this.scheduleReconnect();
    };
  }

  private scheduleReconnect(): void {
    clearTimeout(this.timer);
    const delay = reconnectDelay(this.attempt++);
    this.timer = setTimeout(() => this.connect(), delay);
  }

  private readonly reconnectNow = (): void => {
    if (this.state !== 'reconnecting' || this.socket) return;
    clearTimeout(this.timer);
    this.attempt = 0;
    this.connect();
  };

  private receive(data: string): void {
    const checks = this.checks;
    if (!checks) {
      if (!this.checksFailed) this.unchecked.push(data);
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(data);
    } catch {
      console.warn('ignored a frame that is not JSON');
      return;
    }
    const frame = checks.serverFrameSchema.safeParse(parsed);
    if (!frame.success) {
      console.warn('ignored a frame of unknown shape');
      return;
    }
    const f = frame.data;
    if (f.kind === 'event') {
      if (Object.hasOwn(checks.eventSchemas, f.name)) this.dispatch(checks, f.name as EventName, f.payload);
      return;
    }
    const pending = this.pending.get(f.id);
    if (!pending) return;
    this.pending.delete(f.id);
    if (f.ok) pending.resolve(f.value);
    else pending.reject(AppError.fromJSON(f.error));
  }

  /** Every payload is checked against its event's schema, like every request is in the core. */
  private dispatch<E extends EventName>(checks: FrameChecks, name: E, payload: unknown): void {
    if (!this.events.listensFor(name)) return;
    const checked = checks.eventSchemas[name].safeParse(payload);
    if (checked.success) this.events.emit(name, checked.data as Events[E]);
    else console.warn(`ignored a ${name} event that does not match the contract`);
  }

  private failPending(error: AppError): void {
    this.outbox.length = 0;
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const p of pending) p.reject(error);
  }

  private setState(state: ConnectionState, resync: boolean): void {
    this.state = state;
    for (const listener of [...this.stateListeners]) listener({ state, resync });
  }
}

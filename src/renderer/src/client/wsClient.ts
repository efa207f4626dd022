import type { EventName, Events, RequestArgs, RequestName, RequestResult } from '../../../shared/contract';
import { AppError, isAppErrorData } from '../../../shared/errors';
import type { ClientFrame } from '../../../shared/wsProtocol';
import { reconnectDelay } from './backoff';
import { EventHub } from './eventHub';
import type { ConnectionChange, ConnectionState, RendererClient } from './types';

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: AppError) => void;
}

function connectionLost(): AppError {
  return new AppError('network', { messageKey: 'errors.connectionLost', retryable: true });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

const hasId = (p: Record<string, unknown>) => typeof p.id === 'string';

/** Enough of each event's shape that a listener never meets a payload of another kind. */
const EVENT_SHAPES: { [E in EventName]: (payload: Record<string, unknown>) => boolean } = {
  stream: (p) => typeof p.conversationId === 'string' && typeof p.messageId === 'string' && isRecord(p.event),
  'conversation.updated': hasId,
  'conversation.created': hasId,
  'conversation.deleted': hasId,
  'settings.updated': (p) => typeof p.language === 'string' && isRecord(p.quickAsk),
  'chat.userMessage': (p) => hasId(p) && typeof p.conversationId === 'string',
  'local.statusChanged': (p) => isRecord(p.feed) && isRecord(p.api),
  'desktop.statusChanged': (p) => typeof p.available === 'boolean',
  'desktop.openConversation': (p) => typeof p.conversationId === 'string',
  'desktop.quickAskShown': (p) => p.prefill === null || typeof p.prefill === 'string',
  'desktop.command': (p) => typeof p.command === 'string',
  'assistants.changed': (p) => Array.isArray(p.assistants),
  'conversations.imported': (p) => Array.isArray(p.ids),
  'history.restored': (p) => typeof p.name === 'string',
  'history.health': (p) => typeof p.status === 'string',
};

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

  constructor(private readonly url: string | null) {
    this.state = url ? 'connecting' : 'no-token';
    if (url) {
      this.connect();
      window.addEventListener('online', this.reconnectNow);
    }
  }

  request<K extends RequestName>(name: K, args: RequestArgs<K>): Promise<RequestResult<K>> {
    if (this.state !== 'open' && this.state !== 'connecting') return Promise.reject(connectionLost());
    const id = this.nextId++;
    const frame: ClientFrame = { kind: 'request', id, name, args };
    const text = JSON.stringify(frame);
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
    this.failPending();
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
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.failPending();
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
    let frame: unknown;
    try {
      frame = JSON.parse(data);
    } catch {
      console.warn('ignored a frame that is not JSON');
      return;
    }
    if (!isRecord(frame)) return;
    if (frame.kind === 'response' && typeof frame.id === 'number') {
      const pending = this.pending.get(frame.id);
      if (!pending) return;
      this.pending.delete(frame.id);
      if (frame.ok === true) pending.resolve(frame.value);
      else pending.reject(isAppErrorData(frame.error) ? AppError.fromJSON(frame.error) : AppError.from(frame.error));
    } else if (frame.kind === 'event' && typeof frame.name === 'string' && this.events.has(frame.name)) {
      this.dispatch(frame.name, frame.payload);
    }
  }

  /** The server is the trusted side of the contract; payloads get a shape check, not a full parse. */
  private dispatch<E extends EventName>(name: E, payload: unknown): void {
    if (isRecord(payload) && EVENT_SHAPES[name](payload)) this.events.emit(name, payload as unknown as Events[E]);
  }

  private failPending(): void {
    this.outbox.length = 0;
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const p of pending) p.reject(connectionLost());
  }

  private setState(state: ConnectionState, resync: boolean): void {
    this.state = state;
    for (const listener of [...this.stateListeners]) listener({ state, resync });
  }
}

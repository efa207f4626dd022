import type { BrookClient } from '../../../shared/contract';

/**
 * `open`: requests go through. `connecting`: first attempt, requests wait for it.
 * `reconnecting`: the link dropped, requests fail fast with errors.connectionLost.
 * `no-token`: browser mode was opened without the access token, nothing can work.
 */
export type ConnectionState = 'connecting' | 'open' | 'reconnecting' | 'no-token';

export interface ConnectionChange {
  state: ConnectionState;
  /** True when the link came back after a loss: state may have changed meanwhile, fetch it again. */
  resync: boolean;
}

/** The contract's client plus what a window needs to know about the link itself. */
export interface RendererClient extends BrookClient {
  readonly transport: 'ipc' | 'websocket';
  connectionState(): ConnectionState;
  onConnectionChange(listener: (change: ConnectionChange) => void): () => void;
  dispose(): void;
}

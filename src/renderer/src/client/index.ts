import { browserSocketUrl, takeBrowserToken } from './browserToken';
import { createIpcClient } from './ipcClient';
import type { RendererClient } from './types';
import { WsClient } from './wsClient';

export type { ConnectionChange, ConnectionState, RendererClient } from './types';

/**
 * The one way the UI talks to the core: IPC through the preload in Electron, a WebSocket to
 * the headless server in browser mode. Both speak the same typed contract.
 */
export function createClient(): RendererClient {
  const api = window.brook;
  if (api) return createIpcClient(api);
  const token = takeBrowserToken();
  return new WsClient(token ? browserSocketUrl(token) : null);
}

import type { FirstScreenData } from '../../../shared/firstScreen';
import { browserSocketUrl, takeBrowserToken } from './browserToken';
import { firstPaintHandoff } from '../firstPaint/handoff';
import { fetchFirstScreen } from './firstScreenFetch';
import { createIpcClient } from './ipcClient';
import type { RendererClient } from './types';
import { WsClient } from './wsClient';

export type { ConnectionChange, ConnectionState, RendererClient } from './types';

/** A window's link to the core, and a way to its first screen before the core answers. */
export interface WindowLink {
  client: RendererClient;
  /** Browser mode's copy of the first screen from the last clean quit; null in Electron or when there is none. */
  firstScreen(): Promise<FirstScreenData | null>;
}

/**
 * The one way the UI talks to the core: IPC through the preload in Electron, a WebSocket to
 * the headless server in browser mode. Both speak the same typed contract.
 */
export function connect(): WindowLink {
  const api = window.brook;
  if (api) return { client: createIpcClient(api), firstScreen: () => Promise.resolve(null) };
  const token = takeBrowserToken();
  return {
    client: new WsClient(token ? browserSocketUrl(token) : null),
    // The first-paint script has asked already when it ran first (the server serves the copy once).
    firstScreen: () => (token ? (firstPaintHandoff()?.data ?? fetchFirstScreen(token)) : Promise.resolve(null)),
  };
}

/**
 * Exposes the contract as named functions on `window.brook`, and nothing else: never
 * ipcRenderer itself, never Node. Both windows' preloads call this.
 */
import { contextBridge, ipcRenderer } from 'electron';
import {
  EVENT_NAMES,
  IPC_EVENT_PREFIX,
  IPC_REQUEST_PREFIX,
  REQUEST_NAMES,
  type EventName,
  type Events,
  type PreloadApi,
} from '../shared/contract';

export function exposeContract(): void {
  const requestFunctions = Object.fromEntries(
    REQUEST_NAMES.map((name) => [name, (args: unknown) => ipcRenderer.invoke(IPC_REQUEST_PREFIX + name, args)]),
  );

  function on<E extends EventName>(name: E, listener: (payload: Events[E]) => void): () => void {
    if (!EVENT_NAMES.includes(name)) throw new Error(`unknown event ${String(name)}`);
    const channel = IPC_EVENT_PREFIX + name;
    const handler = (_event: Electron.IpcRendererEvent, payload: Events[E]) => listener(payload);
    ipcRenderer.on(channel, handler);
    return () => {
      ipcRenderer.removeListener(channel, handler);
    };
  }

  const api = { ...requestFunctions, on } as PreloadApi;
  contextBridge.exposeInMainWorld('brook', api);
}

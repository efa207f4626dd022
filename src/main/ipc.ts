import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { IPC_EVENT_PREFIX, IPC_REQUEST_PREFIX, REQUEST_NAMES } from '../shared/contract';
import { AppError } from '../shared/errors';
import { type Core, dispatch } from './core';

/**
 * One ipcMain handler per request name. Each checks that the message comes from one of our
 * own windows showing our own page before the contract's schema validates the arguments.
 */
export function bindIpc(core: Core, isTrustedSender: (event: IpcMainInvokeEvent) => boolean, log: (m: string) => void) {
  for (const name of REQUEST_NAMES) {
    ipcMain.handle(IPC_REQUEST_PREFIX + name, (event, args: unknown) => {
      if (!isTrustedSender(event)) {
        log(`refused ${name} from untrusted sender ${event.senderFrame?.url ?? '(unknown)'}`);
        return { ok: false, error: new AppError('bad_request', { messageKey: 'errors.invalidArgs', detail: 'untrusted sender', retryable: false }).toJSON() };
      }
      return dispatch(core.handlers, name, args, log);
    });
  }
}

export function forwardEvents(core: Core, windows: () => WebContents[]): () => void {
  return core.bus.on((name, payload) => {
    for (const wc of windows()) {
      if (!wc.isDestroyed()) wc.send(IPC_EVENT_PREFIX + name, payload);
    }
  });
}

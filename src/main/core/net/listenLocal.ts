import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppError } from '../../../shared/errors';

/** Listens on 127.0.0.1 only (0 = a free port); a taken port is an error the settings screen shows. */
export function listenLocal(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      if (err.code === 'EADDRINUSE' || err.code === 'EACCES') {
        reject(new AppError('network', { messageKey: 'errors.portInUse', params: { port }, retryable: false, detail: err.code }));
      } else reject(AppError.from(err));
    };
    server.once('error', onError);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

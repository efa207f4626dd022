import type { PreloadApi, RequestArgs, RequestName, RequestResult, Result } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { RendererClient } from './types';

type RequestFunctions = {
  [K in RequestName]: (args: RequestArgs<K>) => Promise<Result<RequestResult<K>>>;
};

/** Electron: the preload's named functions, with `Result` unwrapped into value or AppError. */
export function createIpcClient(api: PreloadApi): RendererClient {
  const calls: RequestFunctions = api;
  return {
    transport: 'ipc',
    async request<K extends RequestName>(name: K, args: RequestArgs<K>): Promise<RequestResult<K>> {
      let result: Result<RequestResult<K>>;
      try {
        const call: (a: RequestArgs<K>) => Promise<Result<RequestResult<K>>> = calls[name];
        result = await call(args);
      } catch (err) {
        throw AppError.from(err);
      }
      if (result.ok) return result.value;
      throw AppError.fromJSON(result.error);
    },
    on: (name, listener) => api.on(name, listener),
    connectionState: () => 'open',
    onConnectionChange: () => () => {},
    dispose: () => {},
  };
}

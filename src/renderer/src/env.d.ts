import type { PreloadApi } from '../../shared/contract';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in browser mode. */
    readonly brook?: PreloadApi;
  }
}

export {};

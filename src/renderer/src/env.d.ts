import type { PreloadApi } from '../../shared/contract';
import type { FirstPaintHandoff } from './firstPaint/handoff';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in browser mode. */
    readonly brook?: PreloadApi;
    /** Left by the first-paint script for the app (firstPaint/handoff.ts); browser mode only. */
    __brookFirstPaint?: FirstPaintHandoff;
  }
}

export {};

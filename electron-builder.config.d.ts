// Types for electron-builder.config.js (plain JS so electron-builder loads it without a compiler).
import type { Configuration } from 'electron-builder';

export interface Signing {
  windows: boolean;
  mac: boolean;
  notarize: boolean;
}
export const NATIVE_CACHE: string;
export const NATIVE_DIR_IN_APP: string;
export function signingFrom(env: Record<string, string | undefined>): Signing;
export function signingSummary(signing: Signing): string;
declare const config: Configuration;
export default config;

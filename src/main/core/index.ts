/**
 * The core's public face for the shell (src/main outside core): everything Brook does, with
 * no Electron. The shell and browser mode import from here only.
 */
export { createCore, defaultDataDir, startupFailureText, type Core, type CoreOptions } from './app';
export { dispatch } from './api';
export { EventBus, type DesktopPort } from './base';
export { isSafeExternalUrl } from './net';
export { contentTypeOf, startHeadlessServer, type HeadlessServer } from './servers';
export { defaultState, FileSecretStore, type SecretStore } from './settings';
export { type AvailableUpdate, type DownloadProgress, type UpdateEngine, UpdateFailure, unsupportedEngine } from './updates';

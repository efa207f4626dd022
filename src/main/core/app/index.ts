/**
 * app: the composition root. `createCore` builds every module in order and wires them; the
 * data-folder lock keeps one Brook per history; paths says where that folder is by default.
 */
export { createCore, type Core, type CoreOptions } from './createCore';
export { acquireDataDirLock, LOCK_FILE, type DataDirLock } from './dataDirLock';
export { APP_DIR_NAME, DATABASE_FILE, defaultDataDir } from './paths';
export { FIRST_SCREEN_FILE, takeFirstScreenCache } from './firstScreenCache';
export { startupFailureText } from './startupFailure';

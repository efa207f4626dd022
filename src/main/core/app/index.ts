/**
 * app: the composition root. `createCore` builds every module in order and wires them; the
 * data-folder lock keeps one Brook per history; paths says where that folder is by default.
 */
export { createCore, DATABASE_FILE, type Core, type CoreOptions } from './createCore';
export { acquireDataDirLock, LOCK_FILE, type DataDirLock } from './dataDirLock';
export { APP_DIR_NAME, defaultDataDir } from './paths';
export { startupFailureText } from './startupFailure';

/**
 * The core's second face, for browser mode: what can run before the rest of the core has
 * loaded. It serves the page and holds the windows' connections until the core (loaded from
 * `./index` with a dynamic import) answers, so the page and the core load side by side
 * (issue #13, cold start). Nothing here may import zod, SQLite or the contract's handlers:
 * whatever it imports is evaluated before the server listens.
 */
export { startHeadlessServer, type HeadlessCore, type HeadlessServer } from './servers/headless/headlessServer';
export { DATABASE_FILE, defaultDataDir } from './app/paths';
export { takeFirstScreenCache } from './app/firstScreenCache';
export { dataDirHolder } from './app/dataDirLock';
